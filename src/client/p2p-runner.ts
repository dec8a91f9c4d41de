import type { Multiaddr } from '@multiformats/multiaddr'
import { DownloadFailedError } from '../errors.js'
import type { FileInfo } from '../manifest/index.js'
import type { Swarm } from '../swarm/index.js'

export interface P2pRunnerInit {
  swarm: Swarm
  info: FileInfo
  signal: AbortSignal
  /** Turns a fetch failure into the error the download reports (e.g. DiskFullError). */
  mapError(err: unknown): Error
}

/**
 * The P2P side of a client download: one Swarm.fetch at a time. Peers given
 * while it runs join it; peers given after it ended (every direct dial failed,
 * then the fallback found relayed paths) start a new one, which resumes from
 * the chunks already stored. `error` holds the last failure until a new fetch
 * starts, so the download's watchdog can tell "P2P is over" from "P2P restarted".
 */
export class P2pRunner {
  readonly #init: P2pRunnerInit
  #current: Promise<void> = Promise.resolve()
  #running = false
  /** Peers added while a fetch ran: if it fails anyway, a new fetch starts from them. */
  #added: Array<Multiaddr | string> = []
  error?: Error

  constructor (init: P2pRunnerInit) {
    this.#init = init
  }

  get running (): boolean { return this.#running }

  /** Fetches from `peers` (multiaddrs with /p2p/<id>); `why` names the failure when there is none. */
  start (peers: Array<Multiaddr | string>, why = 'no peer to fetch from'): void {
    if (this.#init.signal.aborted) return
    if (this.#running) {
      this.#added.push(...peers)
      this.#init.swarm.addPeers(this.#init.info.key, peers).catch(() => {})
      return
    }
    if (peers.length === 0) {
      this.error = new DownloadFailedError(why)
      return
    }
    this.#running = true
    this.error = undefined
    this.#added = []
    this.#current = this.#init.swarm.fetch(this.#init.info, { peers, signal: this.#init.signal }).then(() => {}, (err) => {
      this.error = this.#init.mapError(err)
    }).finally(() => {
      this.#running = false
      const added = this.#added
      this.#added = []
      // Peers that arrived while the fetch was giving up: they get their own try.
      if (this.error != null && added.length > 0) this.start(added)
    })
  }

  /** Resolves once no fetch runs (including any restarted meanwhile). */
  async settled (): Promise<void> {
    let seen: Promise<void>
    do {
      seen = this.#current
      await seen
    } while (seen !== this.#current)
  }
}
