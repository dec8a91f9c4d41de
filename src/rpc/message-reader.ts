import { Uint8ArrayList } from 'uint8arraylist'
import * as varint from 'uint8-varint'
import type { AbortOptions, Stream } from '@libp2p/interface'
import { ProtocolError, TimeoutError } from '../errors.js'

/** Longest varint accepted for a message length (2^35 is far above any limit here). */
const MAX_VARINT_BYTES = 5

/**
 * Reads varint-length-prefixed messages from a v3 stream through its 'message'
 * and 'end' events, never `for await` (it can hang when data and close arrive
 * before the loop starts; LIBP2P.md). Construct it synchronously as soon as the
 * stream exists. Nothing is buffered beyond one message of `maxBytes`: a peer
 * that sends more is cut off with a ProtocolError.
 */
export class MessageReader {
  readonly #stream: Stream
  readonly #maxBytes: number
  readonly #buf = new Uint8ArrayList()
  #wake?: () => void
  #ended = false
  #error?: Error

  constructor (stream: Stream, maxBytes: number) {
    this.#stream = stream
    this.#maxBytes = maxBytes
    stream.addEventListener('message', (evt) => {
      this.#buf.append(evt.data)
      if (this.#buf.byteLength > maxBytes + MAX_VARINT_BYTES) {
        this.#error = new ProtocolError(`peer sent more than ${maxBytes} bytes`)
        stream.abort(this.#error)
      }
      this.#wake?.()
    })
    const end = (): void => { this.#ended = true; this.#wake?.() }
    stream.addEventListener('end', end)
    stream.addEventListener('close', (evt) => {
      if (evt.error != null) this.#error ??= evt.error
      end()
    })
    if (stream.readableEnded) this.#ended = true
  }

  /** The next message's bytes, or undefined when the remote closed before sending one. */
  async next (options: AbortOptions = {}): Promise<Uint8Array | undefined> {
    const length = await this.#readLength(options)
    if (length === undefined) return undefined
    if (length > this.#maxBytes) {
      const err = new ProtocolError(`message of ${length} bytes exceeds the limit of ${this.#maxBytes}`)
      this.#stream.abort(err)
      throw err
    }
    while (this.#buf.byteLength < length) await this.#more(options)
    const out = this.#buf.subarray(0, length)
    this.#buf.consume(length)
    return out
  }

  async #readLength (options: AbortOptions): Promise<number | undefined> {
    for (;;) {
      const available = Math.min(this.#buf.byteLength, MAX_VARINT_BYTES)
      for (let i = 0; i < available; i++) {
        if ((this.#buf.get(i) & 0x80) === 0) {
          const length = varint.decode(this.#buf.subarray(0, i + 1))
          this.#buf.consume(i + 1)
          return length
        }
      }
      if (available === MAX_VARINT_BYTES) throw new ProtocolError('message length prefix too long')
      if (this.#buf.byteLength === 0 && this.#finished()) return undefined
      await this.#more(options)
    }
  }

  #finished (): boolean {
    if (this.#error != null) throw this.#error
    return this.#ended
  }

  async #more (options: AbortOptions): Promise<void> {
    if (this.#finished()) throw new ProtocolError('stream ended inside a message')
    options.signal?.throwIfAborted()
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => { cleanup(); reject(options.signal?.reason ?? new TimeoutError('read aborted')) }
      const cleanup = (): void => { this.#wake = undefined; options.signal?.removeEventListener('abort', onAbort) }
      this.#wake = () => { cleanup(); resolve() }
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/** `bytes` with its varint length prefix. */
export function lengthPrefixed (bytes: Uint8Array): Uint8ArrayList {
  return new Uint8ArrayList(varint.encode(bytes.byteLength), bytes)
}
