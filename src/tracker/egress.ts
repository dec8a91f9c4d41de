import type { Logger } from '@libp2p/interface'
import type { Swarm } from '../swarm/index.js'
import type { Catalog } from './catalog.js'

/**
 * Moves the tracker's per-file egress (payload bytes its swarm sent) into the
 * catalog's persisted counters, so "copies the tracker sent" survives a
 * restart: each record() adds what this process sent since the last one.
 */
export class EgressRecorder {
  readonly #swarm: Swarm
  readonly #catalog: Catalog
  readonly #log: Logger
  /** This process's swarm counter per file at the last record(). */
  readonly #recorded = new Map<string, number>()

  constructor (swarm: Swarm, catalog: Catalog, log: Logger) {
    this.#swarm = swarm
    this.#catalog = catalog
    this.#log = log
  }

  record (): void {
    const { bytesSentByFile } = this.#swarm.stats()
    for (const [key, sent] of Object.entries(bytesSentByFile)) {
      const delta = sent - (this.#recorded.get(key) ?? 0)
      if (delta <= 0) continue
      this.#recorded.set(key, sent)
      try {
        this.#catalog.addBytesSent(key, delta)
      } catch (err: any) {
        this.#log.error('recording egress failed: %s', err.message)
      }
    }
  }
}
