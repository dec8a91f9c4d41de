import { sleep } from './sleep.js'

/**
 * Seconds of the rate a peer may use at once after being idle (the bucket's
 * depth). Short, so a greedy peer gains little over its cap; long enough
 * that an honest peer's first request is not delayed.
 */
export const RATE_BURST_SECONDS = 0.5

/** Buckets kept before idle (full) ones are dropped: memory stays bounded however many peers come and go. */
const MAX_TRACKED_PEERS = 4_096

interface Bucket { tokens: number, at: number }

/**
 * A token bucket per remote peer: `take(peer, bytes)` waits until the peer's
 * bucket has tokens, then spends `bytes` (the balance may go negative, so a
 * piece larger than the burst still goes, and the debt delays the next). So a
 * peer gets at most `rate` bytes per second plus one burst, however many
 * streams or files it uses, while other peers' buckets are untouched: a
 * greedy peer slows itself, not everyone. A rate of 0 disables it.
 */
export class PeerRateLimiter {
  readonly rate: number
  readonly #burst: number
  readonly #buckets = new Map<string, Bucket>()
  readonly #now: () => number

  constructor (bytesPerSecond: number, now: () => number = () => performance.now()) {
    this.rate = bytesPerSecond
    this.#burst = bytesPerSecond * RATE_BURST_SECONDS
    this.#now = now
  }

  get enabled (): boolean { return this.rate > 0 }

  /** Waits (aborting with `signal`) until `peer` may send or receive `bytes` more. */
  async take (peer: string, bytes: number, signal?: AbortSignal): Promise<void> {
    if (this.rate <= 0) return
    const now = this.#now()
    let b = this.#buckets.get(peer)
    if (b == null) {
      if (this.#buckets.size >= MAX_TRACKED_PEERS) this.#prune(now)
      b = { tokens: this.#burst, at: now }
      this.#buckets.set(peer, b)
    }
    b.tokens = Math.min(this.#burst, b.tokens + (now - b.at) * this.rate / 1000)
    b.at = now
    // Wait until the balance is back to zero, then spend: concurrent takers queue up behind the debt.
    const waitMs = b.tokens < 0 ? -b.tokens / this.rate * 1000 : 0
    b.tokens -= bytes
    if (waitMs > 0) await sleep(waitMs, signal)
  }

  /** Drops buckets that have refilled (their peers are idle): they would start full anyway. */
  #prune (now: number): void {
    for (const [peer, b] of this.#buckets) {
      if (b.tokens + (now - b.at) * this.rate / 1000 >= this.#burst) this.#buckets.delete(peer)
    }
  }
}
