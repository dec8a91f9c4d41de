/** Seconds of history a rate is averaged over: smooth enough to read, recent enough to act on. */
const WINDOW_MS = 5_000

/**
 * Bytes per second over a sliding window of (time, total) samples, for
 * progress lines and the fallback watchdog. The clock is injected for tests.
 */
export class RateMeter {
  readonly #windowMs: number
  readonly #now: () => number
  readonly #samples: Array<{ at: number, total: number }> = []

  constructor (options: { windowMs?: number, now?(): number } = {}) {
    this.#windowMs = options.windowMs ?? WINDOW_MS
    this.#now = options.now ?? Date.now
  }

  /** Records the running total (bytes so far). */
  update (total: number): void {
    const at = this.#now()
    this.#samples.push({ at, total })
    while (this.#samples.length > 2 && at - this.#samples[1].at >= this.#windowMs) this.#samples.shift()
  }

  /** Bytes per second over the window; 0 until two samples span some time. */
  get rate (): number {
    const now = this.#now()
    const first = this.#samples[0]
    const last = this.#samples[this.#samples.length - 1]
    if (first == null || last == null) return 0
    const span = Math.max(now, last.at) - first.at
    return span <= 0 ? 0 : (last.total - first.total) / (span / 1000)
  }

  /** How long the window has covered, in ms (a young meter's rate is not yet trustworthy). */
  get spanMs (): number {
    const first = this.#samples[0]
    return first == null ? 0 : this.#now() - first.at
  }

  /** Seconds to send `remaining` bytes at the current rate; undefined while the rate is 0. */
  eta (remaining: number): number | undefined {
    const r = this.rate
    return r > 0 ? remaining / r : undefined
  }
}
