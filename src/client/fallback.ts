import { formatBytes } from '../util/units.js'
import { DEFAULT_MIN_P2P_RATE, SLOW_FOR_MS } from './constants.js'
import { RateMeter } from './rate-meter.js'

export interface SlowWatchInit {
  /** Verified bytes per second below which P2P counts as too slow. */
  minRate?: number
  /** How long it must stay that slow. */
  slowForMs?: number
  now?(): number
}

/**
 * Decides when a download should ask for a fallback source: when the P2P
 * rate has stayed below `minRate` for `slowForMs` (which also covers "no
 * holder could be dialled": the rate is then 0). Fed the running total of
 * verified bytes; pure apart from the injected clock, so tests drive it.
 */
export class SlowWatch {
  readonly #minRate: number
  readonly #slowForMs: number
  readonly #now: () => number
  readonly #meter: RateMeter
  #slowSince: number | undefined

  constructor (init: SlowWatchInit = {}) {
    this.#minRate = init.minRate ?? DEFAULT_MIN_P2P_RATE
    this.#slowForMs = init.slowForMs ?? SLOW_FOR_MS
    this.#now = init.now ?? Date.now
    this.#meter = new RateMeter({ windowMs: this.#slowForMs, now: this.#now })
  }

  get rate (): number { return this.#meter.rate }

  /** Records the verified total; returns why to fall back, or undefined while P2P is fine. */
  check (totalBytes: number): string | undefined {
    const now = this.#now()
    this.#meter.update(totalBytes)
    const rate = this.#meter.rate
    if (rate >= this.#minRate) {
      this.#slowSince = undefined
      return undefined
    }
    this.#slowSince ??= now
    if (now - this.#slowSince < this.#slowForMs) return undefined
    return `P2P rate ${formatBytes(Math.round(rate))}/s stayed below ${formatBytes(this.#minRate)}/s for ${(this.#slowForMs / 1000).toFixed(0)} s`
  }
}
