import * as varint from 'uint8-varint'
import type { AbortOptions, Stream } from '@libp2p/interface'
import { ProtocolError } from '../errors.js'
import { StreamReader } from '../util/stream.js'
import { BULK_READ_HIGH_WATER } from './transfer-constants.js'

export interface BulkReaderInit<F> {
  decode(bytes: Uint8Array): F
  /** Largest protobuf frame accepted; raw payloads are bounded by the caller. */
  maxFrameBytes: number
  highWater?: number
}

/**
 * Protobuf frames (varint-length-prefixed) and the raw bytes that follow
 * them, for the probe and ingest protocols, on the shared StreamReader: the
 * stream is paused while more than `highWater` bytes wait unread, so a fast
 * sender cannot fill our memory. Also notes when data last arrived (the probe
 * measures with it). Construct it synchronously as soon as the stream exists.
 */
export class BulkReader<F> {
  readonly #reader: StreamReader
  readonly #init: BulkReaderInit<F>
  /** performance.now() of the latest arrival. */
  lastArrival = 0

  constructor (stream: Stream, init: BulkReaderInit<F>) {
    this.#init = init
    stream.addEventListener('message', () => { this.lastArrival = performance.now() })
    this.#reader = new StreamReader(stream, { highWater: init.highWater ?? BULK_READ_HIGH_WATER })
  }

  /** Bytes received and not yet consumed. */
  get buffered (): number { return this.#reader.buffered }

  /** The next frame, or undefined when the remote closed cleanly between frames. */
  async next (options: AbortOptions = {}): Promise<F | undefined> {
    const length = await this.#reader.length(options)
    if (length === undefined) return undefined
    if (length > this.#init.maxFrameBytes) throw new ProtocolError(`frame of ${length} bytes exceeds ${this.#init.maxFrameBytes}`)
    const body = await this.#reader.take(length, options)
    try {
      return this.#init.decode(body)
    } catch (err: any) {
      throw new ProtocolError(`malformed frame: ${err.message}`)
    }
  }

  /** Exactly `n` raw bytes, as one contiguous array. */
  async bytes (n: number, options: AbortOptions = {}): Promise<Uint8Array> {
    return this.#reader.take(n, options)
  }

  /**
   * Consumes up to `max` raw bytes as soon as at least one is there and
   * returns how many; 0 once the stream has ended or failed. Rejects only
   * when `options.signal` aborts.
   */
  async skip (max: number, options: AbortOptions = {}): Promise<number> {
    try {
      await this.#reader.take(1, options)
    } catch (err) {
      if (options.signal?.aborted === true) throw err
      return 0
    }
    const more = Math.min(max - 1, this.#reader.buffered)
    if (more > 0) await this.#reader.take(more, options)
    return 1 + more
  }
}

/** Encodes a protobuf frame with its varint length prefix, as one array (one send). */
export function encodeLengthPrefixed (body: Uint8Array): Uint8Array {
  const prefix = varint.encode(body.byteLength)
  const out = new Uint8Array(prefix.byteLength + body.byteLength)
  out.set(prefix, 0)
  out.set(body, prefix.byteLength)
  return out
}
