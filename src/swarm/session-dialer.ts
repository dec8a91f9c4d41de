import type { Logger, PeerId } from '@libp2p/interface'
import { RejectedError } from '../errors.js'
import { sleep } from '../util/sleep.js'
import { MAX_DIAL_ATTEMPTS, REDIAL_BACKOFF_MS } from './constants.js'
import type { FetchSession } from './fetch-session.js'

export interface SessionDialerInit {
  /** Opens a fetch session with a peer (the chunk stream and the bitfield exchange). */
  open(peer: PeerId, signal: AbortSignal): Promise<FetchSession>
  /** Whether a peer may be fetched from (default: every peer). */
  admit?(peer: PeerId): boolean | Promise<boolean>
  /** Called with each session opened. */
  attach(session: FetchSession): void
  /** Whether sessions are still wanted (chunks are missing). */
  wanted(): boolean
  /** Ends every dial and backoff (the download's own signal). */
  signal: AbortSignal
  log: Logger
  /** What the sessions are for, in log lines (the file's key). */
  label: string
  /** Pause before a new attempt (default REDIAL_BACKOFF_MS). */
  backoffMs?: number
  /** Attempts per peer (default MAX_DIAL_ATTEMPTS). */
  maxAttempts?: number
}

/**
 * The downloader's side of reaching peers: admits a peer, opens a session
 * with it, and retries a failed dial after REDIAL_BACKOFF_MS (twice that when
 * the peer said it was busy), up to MAX_DIAL_ATTEMPTS per peer. A peer
 * reached has its count cleared, so a later drop gets a fresh budget.
 */
export class SessionDialer {
  readonly #init: SessionDialerInit
  readonly #connecting = new Set<string>()
  readonly #attempts = new Map<string, number>()
  readonly #backoffMs: number
  readonly #maxAttempts: number

  constructor (init: SessionDialerInit) {
    this.#init = init
    this.#backoffMs = init.backoffMs ?? REDIAL_BACKOFF_MS
    this.#maxAttempts = init.maxAttempts ?? MAX_DIAL_ATTEMPTS
  }

  /** Whether a dial to this peer is under way. */
  connecting (key: string): boolean { return this.#connecting.has(key) }

  /** Whether any dial is under way. */
  get busy (): boolean { return this.#connecting.size > 0 }

  /** Whether some peer not yet reached has dial attempts left. */
  get attemptsLeft (): boolean {
    for (const attempts of this.#attempts.values()) if (attempts < this.#maxAttempts) return true
    return false
  }

  /** Peers dialled and not reached (so far, or for good once out of attempts). */
  get unreached (): number { return this.#attempts.size }

  /** Admits and connects to a peer in the background, unless a dial to it is under way. */
  dial (peer: PeerId): void {
    const key = peer.toString()
    if (this.#connecting.has(key)) return
    this.#connecting.add(key)
    void this.#admitted(peer)
      .then(async (ok) => { if (ok) await this.#connect(peer) })
      .finally(() => this.#connecting.delete(key))
  }

  async #admitted (peer: PeerId): Promise<boolean> {
    try {
      return await (this.#init.admit?.(peer) ?? true)
    } catch (err: any) {
      this.#init.log('admitting %p failed: %s', peer, err.message)
      return false
    }
  }

  async #connect (peer: PeerId): Promise<void> {
    const key = peer.toString()
    const { signal } = this.#init
    while (!signal.aborted && this.#init.wanted()) {
      const attempt = (this.#attempts.get(key) ?? 0) + 1
      this.#attempts.set(key, attempt)
      try {
        const session = await this.#init.open(peer, signal)
        this.#attempts.delete(key)
        this.#init.attach(session)
        return
      } catch (err: any) {
        this.#init.log('connecting to %p for %s failed (attempt %d): %s', peer, this.#init.label, attempt, err.message)
        if (attempt >= this.#maxAttempts || signal.aborted) return
        // An aborted sleep ends quietly; the loop condition then stops (an unhandled rejection would kill the process).
        await sleep(this.#backoffMs * (err instanceof RejectedError ? 2 : 1), signal).catch(() => {})
      }
    }
  }
}
