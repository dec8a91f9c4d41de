import { INITIAL_BLOCK_CHUNKS, MIN_BLOCK_CHUNKS, RATE_EWMA_ALPHA, RATE_SAMPLE_MIN_MS, TARGET_BLOCK_SECONDS } from './constants.js'
import { MAX_BLOCK_CHUNKS } from '../rpc/transfer-constants.js'

export interface BlockSizerInit {
  chunkSize: number
  initialChunks?: number
  minChunks?: number
  maxChunks?: number
  /** A block should take about this long at the measured rate. */
  targetSeconds?: number
  alpha?: number
  sampleMinMs?: number
  /** Milliseconds; injected so tests control time. */
  now?(): number
}

/**
 * One upload stream's adaptive block size. The stream reports the bytes the
 * receiver acknowledges; the sizer keeps a smoothed rate (samples of at least
 * `sampleMinMs`, so one burst of acks is not a fast link) and sizes the next
 * block to take about `targetSeconds` at that rate, within [min, max] chunks.
 * A fast stream sends long runs (few frames, few round trips); a slow one
 * short runs, so it holds little of the file when the others run dry.
 */
export class BlockSizer {
  readonly #chunkSize: number
  readonly #min: number
  readonly #max: number
  readonly #target: number
  readonly #alpha: number
  readonly #sampleMs: number
  readonly #now: () => number
  #chunks: number
  #rate = 0
  #sampleStart: number | undefined
  #sampleBytes = 0

  constructor (init: BlockSizerInit) {
    this.#chunkSize = init.chunkSize
    this.#min = init.minChunks ?? MIN_BLOCK_CHUNKS
    this.#max = init.maxChunks ?? MAX_BLOCK_CHUNKS
    this.#target = init.targetSeconds ?? TARGET_BLOCK_SECONDS
    this.#alpha = init.alpha ?? RATE_EWMA_ALPHA
    this.#sampleMs = init.sampleMinMs ?? RATE_SAMPLE_MIN_MS
    this.#now = init.now ?? Date.now
    this.#chunks = clamp(init.initialChunks ?? INITIAL_BLOCK_CHUNKS, this.#min, this.#max)
  }

  /** Smoothed acknowledged bytes per second; 0 until the first sample. */
  get rate (): number { return this.#rate }

  /** Chunks for the next block. */
  get chunks (): number { return this.#chunks }

  /** The stream started sending (or resumed after an idle spell): the clock starts here, not at the first ack. */
  start (): void {
    this.#sampleStart ??= this.#now()
  }

  /** The receiver acknowledged `bytes` more. */
  acked (bytes: number): void {
    const now = this.#now()
    this.#sampleStart ??= now
    this.#sampleBytes += bytes
    const elapsed = now - this.#sampleStart
    if (elapsed < this.#sampleMs) return
    const sample = this.#sampleBytes / (elapsed / 1000)
    this.#rate = this.#rate === 0 ? sample : this.#alpha * sample + (1 - this.#alpha) * this.#rate
    this.#sampleStart = now
    this.#sampleBytes = 0
    this.#chunks = clamp(Math.round(this.#rate * this.#target / this.#chunkSize), this.#min, this.#max)
  }

  /** The stream went idle (nothing to send): the next sample must not count the idle time. */
  pause (): void {
    this.#sampleStart = undefined
    this.#sampleBytes = 0
  }
}

function clamp (n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n))
}
