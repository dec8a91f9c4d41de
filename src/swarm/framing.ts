import { Uint8ArrayList } from 'uint8arraylist'
import * as varint from 'uint8-varint'
import type { AbortOptions, Stream } from '@libp2p/interface'
import { ProtocolError, TimeoutError } from '../errors.js'
import { ChunkFrame } from '../pb/chunk.js'
import { MAX_FRAME_BYTES, READ_HIGH_WATER } from './constants.js'

/** Longest varint we accept for a frame length (MAX_FRAME_BYTES fits in 3 bytes). */
const MAX_VARINT_BYTES = 5

/**
 * Pull-based reader over a v3 stream's 'message' events. It pauses the stream
 * while too much is unread (so a slow consumer holds memory bounded) and never
 * uses `for await`, which can hang when data and close arrive early (LIBP2P.md).
 * Attach it synchronously, before any await, right after getting the stream.
 */
export class FrameReader {
  readonly #stream: Stream
  readonly #buf = new Uint8ArrayList()
  #wake?: () => void
  #ended = false
  #error?: Error

  constructor (stream: Stream) {
    this.#stream = stream
    stream.addEventListener('message', (evt) => {
      this.#buf.append(evt.data)
      if (this.#buf.byteLength > READ_HIGH_WATER && stream.readStatus !== 'paused') stream.pause()
      this.#wake?.()
    })
    const end = (): void => { this.#ended = true; this.#wake?.() }
    stream.addEventListener('end', end)
    stream.addEventListener('close', (evt) => {
      if (evt.error != null) this.#error = evt.error
      end()
    })
    if (stream.readableEnded) this.#ended = true
  }

  get buffered (): number { return this.#buf.byteLength }

  /** The next frame, or undefined when the remote closed cleanly between frames. */
  async next (options: AbortOptions = {}): Promise<ChunkFrame | undefined> {
    const length = await this.#readLength(options)
    if (length === undefined) return undefined
    if (length > MAX_FRAME_BYTES) throw new ProtocolError(`frame of ${length} bytes exceeds ${MAX_FRAME_BYTES}`)
    const body = await this.#take(length, options)
    try {
      return ChunkFrame.decode(body)
    } catch (err: any) {
      throw new ProtocolError(`malformed frame: ${err.message}`)
    }
  }

  /** Exactly `n` raw bytes, as one contiguous array. */
  async bytes (n: number, options: AbortOptions = {}): Promise<Uint8Array> {
    return this.#take(n, options)
  }

  async #readLength (options: AbortOptions): Promise<number | undefined> {
    for (;;) {
      const available = Math.min(this.#buf.byteLength, MAX_VARINT_BYTES)
      for (let i = 0; i < available; i++) {
        if ((this.#buf.get(i) & 0x80) === 0) {
          const length = varint.decode(this.#buf.subarray(0, i + 1))
          this.#consume(i + 1)
          return length
        }
      }
      if (available === MAX_VARINT_BYTES) throw new ProtocolError('frame length prefix too long')
      if (this.#buf.byteLength === 0 && this.#finished()) return undefined
      await this.#more(options)
    }
  }

  async #take (n: number, options: AbortOptions): Promise<Uint8Array> {
    while (this.#buf.byteLength < n) await this.#more(options)
    const out = this.#buf.subarray(0, n)
    this.#consume(n)
    return out
  }

  #consume (n: number): void {
    this.#buf.consume(n)
    if (this.#stream.readStatus === 'paused' && this.#buf.byteLength < READ_HIGH_WATER / 2) this.#stream.resume()
  }

  #finished (): boolean {
    if (this.#error != null) throw this.#error
    return this.#ended
  }

  async #more (options: AbortOptions): Promise<void> {
    if (this.#finished()) throw new ProtocolError('stream ended inside a frame')
    options.signal?.throwIfAborted()
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => { cleanup(); reject(options.signal?.reason ?? new TimeoutError('read aborted')) }
      const cleanup = (): void => { this.#wake = undefined; options.signal?.removeEventListener('abort', onAbort) }
      this.#wake = () => { cleanup(); resolve() }
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/** Encodes one frame with its varint length prefix. */
export function encodeFrame (frame: Partial<ChunkFrame>): Uint8Array {
  const body = ChunkFrame.encode(frame)
  const prefix = varint.encode(body.byteLength)
  const out = new Uint8Array(prefix.byteLength + body.byteLength)
  out.set(prefix, 0)
  out.set(body, prefix.byteLength)
  return out
}

/**
 * Sends bytes and, when the stream's buffer is full, waits for its 'drain'
 * event (each time: `onDrain()` only waits the first time, LIBP2P.md).
 */
export async function sendAll (stream: Stream, data: Uint8Array | Uint8ArrayList, options: AbortOptions = {}): Promise<void> {
  if (stream.send(data)) return
  await new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      stream.removeEventListener('drain', onDrain)
      stream.removeEventListener('close', onClose)
      options.signal?.removeEventListener('abort', onAbort)
    }
    const onDrain = (): void => { cleanup(); resolve() }
    const onClose = (): void => { cleanup(); reject(new ProtocolError('stream closed while sending')) }
    const onAbort = (): void => { cleanup(); reject(options.signal?.reason ?? new TimeoutError('send aborted')) }
    stream.addEventListener('drain', onDrain)
    stream.addEventListener('close', onClose)
    options.signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Sends a frame (and optional raw payload after it). */
export async function sendFrame (stream: Stream, frame: Partial<ChunkFrame>, payload?: Uint8Array, options: AbortOptions = {}): Promise<void> {
  const header = encodeFrame(frame)
  if (payload == null) return sendAll(stream, header, options)
  await sendAll(stream, new Uint8ArrayList(header, payload), options)
}
