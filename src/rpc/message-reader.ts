import type { AbortOptions, Stream } from '@libp2p/interface'
import { ProtocolError } from '../errors.js'
import { StreamReader } from '../util/stream.js'

export { lengthPrefixed } from '../util/stream.js'

/** Bytes of a length prefix a peer may send beyond one message. */
const MAX_PREFIX_BYTES = 5

/**
 * Reads varint-length-prefixed messages. Nothing is buffered beyond one message
 * of `maxBytes`: a peer that sends more is cut off with a ProtocolError.
 */
export class MessageReader {
  readonly #stream: Stream
  readonly #maxBytes: number
  readonly #reader: StreamReader

  constructor (stream: Stream, maxBytes: number) {
    this.#stream = stream
    this.#maxBytes = maxBytes
    this.#reader = new StreamReader(stream, { maxBuffered: maxBytes + MAX_PREFIX_BYTES })
  }

  /** The next message's bytes, or undefined when the remote closed before sending one. */
  async next (options: AbortOptions = {}): Promise<Uint8Array | undefined> {
    const length = await this.#reader.length(options)
    if (length === undefined) return undefined
    if (length > this.#maxBytes) {
      const err = new ProtocolError(`message of ${length} bytes exceeds the limit of ${this.#maxBytes}`)
      this.#stream.abort(err)
      throw err
    }
    return this.#reader.take(length, options)
  }
}
