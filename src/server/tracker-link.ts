import type { Logger } from '@libp2p/interface'
import type { Heartbeat, Register } from '../pb/tracker.js'
import { DEFAULT_HEARTBEAT_INTERVAL_MS, REGISTER_RETRY_MAX_MS, REGISTER_RETRY_MS } from './constants.js'
import { backoff, sleep } from '../util/sleep.js'
import type { TrackerClient } from './tracker-client.js'

export interface TrackerLinkInit {
  client: TrackerClient
  /** What to register with, computed at each registration (addresses can change). */
  registration(): Partial<Register>
  /** The heartbeat's body: load and journalled tasks. */
  heartbeat(): Partial<Heartbeat>
  /** Called after each successful registration (the server then announces all its holdings). */
  onRegistered(): void
  onError(what: string, err: Error): void
  log: Logger
}

/**
 * A task server's standing with its tracker: register (retrying with backoff
 * while the tracker is down), then heartbeat at the interval the tracker
 * asked for, registering again whenever the tracker says it does not know us.
 * A failed heartbeat is simply tried again at the next interval, so a tracker
 * restart costs nothing.
 */
export class TrackerLink {
  readonly #init: TrackerLinkInit
  readonly #controller = new AbortController()
  #loop?: Promise<void>
  #registered = false

  constructor (init: TrackerLinkInit) {
    this.#init = init
  }

  get registered (): boolean { return this.#registered }

  start (): void {
    this.#loop ??= this.#run().catch((err) => {
      if (!this.#controller.signal.aborted) this.#init.log.error('tracker link stopped: %s', err.message)
    })
  }

  async stop (): Promise<void> {
    this.#controller.abort()
    await this.#loop
  }

  async #run (): Promise<void> {
    const signal = this.#controller.signal
    let interval = DEFAULT_HEARTBEAT_INTERVAL_MS
    while (!signal.aborted) {
      interval = await this.#register(signal) ?? interval
      this.#registered = true
      this.#init.onRegistered()
      while (!signal.aborted) {
        await sleep(interval, signal)
        try {
          if (!await this.#init.client.heartbeat(this.#init.heartbeat(), { signal })) break
        } catch (err: any) {
          if (signal.aborted) return
          this.#init.onError('heartbeat', err)
        }
      }
      this.#registered = false
    }
  }

  /** Registers, retrying until it works or we stop; returns the tracker's heartbeat interval. */
  async #register (signal: AbortSignal): Promise<number | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.#init.client.register(this.#init.registration(), { signal })
        return res.heartbeatIntervalMs > 0 ? res.heartbeatIntervalMs : undefined
      } catch (err: any) {
        signal.throwIfAborted()
        this.#init.onError('register', err)
        await sleep(backoff(attempt, REGISTER_RETRY_MS, REGISTER_RETRY_MAX_MS), signal)
      }
    }
  }
}
