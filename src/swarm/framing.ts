import type { AbortOptions, Stream } from '@libp2p/interface'
import { ProtocolError } from '../errors.js'
import { ChunkFrame } from '../pb/chunk.js'
import { lengthPrefixed, sendAll, StreamReader } from '../util/stream.js'
import { MAX_FRAME_BYTES, READ_HIGH_WATER } from './constants.js'

export { sendAll }

/**
 * Reads /shoal/chunk frames (and the raw payloads that follow PIECE and
 * MANIFEST headers) from a stream. Attach it synchronously, right after
 * getting the stream.
 */
export class FrameReader {
  readonly #reader: StreamReader

  constructor (stream: Stream) {
    this.#reader = new StreamReader(stream, { highWater: READ_HIGH_WATER })
  }

  get buffered (): number { return this.#reader.buffered }

  /** The next frame, or undefined when the remote closed cleanly between frames. */
  async next (options: AbortOptions = {}): Promise<ChunkFrame | undefined> {
    const length = await this.#reader.length(options)
    if (length === undefined) return undefined
    if (length > MAX_FRAME_BYTES) throw new ProtocolError(`frame of ${length} bytes exceeds ${MAX_FRAME_BYTES}`)
    const body = await this.#reader.take(length, options)
    try {
      return ChunkFrame.decode(body)
    } catch (err: any) {
      throw new ProtocolError(`malformed frame: ${err.message}`)
    }
  }

  /** Exactly `n` raw bytes, as one contiguous array. */
  async bytes (n: number, options: AbortOptions = {}): Promise<Uint8Array> {
    return this.#reader.take(n, options)
  }

  /** Exactly `target.byteLength` raw bytes, copied into `target`. */
  async bytesInto (target: Uint8Array, options: AbortOptions = {}): Promise<Uint8Array> {
    return this.#reader.takeInto(target, options)
  }
}

/** Encodes one frame with its varint length prefix. */
export function encodeFrame (frame: Partial<ChunkFrame>): Uint8Array {
  return lengthPrefixed(ChunkFrame.encode(frame)).subarray()
}

/** Sends a frame (and optional raw payload after it) as one write, so frames never interleave. */
export async function sendFrame (stream: Stream, frame: Partial<ChunkFrame>, payload?: Uint8Array, options: AbortOptions = {}): Promise<void> {
  const header = lengthPrefixed(ChunkFrame.encode(frame))
  if (payload != null) header.append(payload)
  await sendAll(stream, header, options)
}
