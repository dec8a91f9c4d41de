import { Uint8ArrayList } from 'uint8arraylist'
import * as varint from 'uint8-varint'
import type { AbortOptions, Stream } from '@libp2p/interface'
import { ProtocolError, TimeoutError } from '../errors.js'

/** Longest varint accepted for a length prefix (2^35, far above any limit here). */
const MAX_VARINT_BYTES = 5

export interface StreamReaderOptions {
  /** Pause the stream while this many bytes wait unread; resume below half. */
  highWater?: number
  /** Abort the stream when more than this is buffered (a peer ignoring the protocol's limits). */
  maxBuffered?: number
}

/**
 * Pull-based reader over a libp2p 3 stream's 'message' and 'end' events. It
 * never uses `for await`, which can hang when data and close arrive before the
 * loop starts, and it pauses the stream while too much is unread, so a slow
 * consumer holds memory bounded (LIBP2P.md). Construct it synchronously, before
 * any await, as soon as the stream exists.
 */
export class StreamReader {
  readonly #stream: Stream
  readonly #buf = new Uint8ArrayList()
  readonly #highWater: number
  /** Bytes a take() in progress waits for: reading never pauses below this, or a payload larger than highWater would wait forever. */
  #wanted = 0
  #wake?: () => void
  #ended = false
  #error?: Error

  constructor (stream: Stream, options: StreamReaderOptions = {}) {
    this.#stream = stream
    this.#highWater = options.highWater ?? Infinity
    const maxBuffered = options.maxBuffered ?? Infinity
    stream.addEventListener('message', (evt) => {
      this.#buf.append(evt.data)
      if (this.#buf.byteLength > maxBuffered) {
        this.#error = new ProtocolError(`peer sent more than ${maxBuffered} bytes ahead`)
        stream.abort(this.#error)
      } else if (this.#overHighWater() && stream.readStatus === 'readable') {
        // A pause() inside the dispatch that resume() started is undone when resume()
        // re-opens the yamux window right after: pause on the next microtask instead.
        queueMicrotask(() => { if (this.#overHighWater() && stream.readStatus === 'readable') stream.pause() })
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

  get buffered (): number { return this.#buf.byteLength }

  #overHighWater (): boolean {
    return this.#buf.byteLength > Math.max(this.#highWater, this.#wanted)
  }

  /** A varint length prefix, or undefined when the remote closed cleanly before one. */
  async length (options: AbortOptions = {}): Promise<number | undefined> {
    for (;;) {
      const available = Math.min(this.#buf.byteLength, MAX_VARINT_BYTES)
      for (let i = 0; i < available; i++) {
        if ((this.#buf.get(i) & 0x80) === 0) {
          const length = varint.decode(this.#buf.subarray(0, i + 1))
          this.#consume(i + 1)
          return length
        }
      }
      if (available === MAX_VARINT_BYTES) throw new ProtocolError('length prefix too long')
      if (this.#buf.byteLength === 0 && this.#finished()) return undefined
      await this.#more(options)
    }
  }

  /** Exactly `n` bytes, as one contiguous array. */
  async take (n: number, options: AbortOptions = {}): Promise<Uint8Array> {
    await this.#fill(n, options)
    const out = this.#buf.subarray(0, n)
    this.#consume(n)
    return out
  }

  /**
   * Exactly `target.byteLength` bytes, copied into `target` (a reused buffer:
   * no allocation per read, unlike take()). Returns `target`.
   */
  async takeInto (target: Uint8Array, options: AbortOptions = {}): Promise<Uint8Array> {
    const n = target.byteLength
    await this.#fill(n, options)
    let at = 0
    for (const part of this.#buf) {
      if (at === n) break
      const k = Math.min(part.byteLength, n - at)
      target.set(k === part.byteLength ? part : part.subarray(0, k), at)
      at += k
    }
    this.#consume(n)
    return target
  }

  /** Waits until `n` bytes are buffered. */
  async #fill (n: number, options: AbortOptions): Promise<void> {
    if (this.#buf.byteLength >= n) return
    // The caller has bounded n (a frame or payload limit): let that much in even while paused.
    this.#wanted = n
    if (this.#stream.readStatus === 'paused') this.#stream.resume()
    try {
      while (this.#buf.byteLength < n) await this.#more(options)
    } finally {
      this.#wanted = 0
    }
  }

  #consume (n: number): void {
    this.#buf.consume(n)
    if (this.#stream.readStatus === 'paused' && this.#buf.byteLength < this.#highWater / 2) this.#stream.resume()
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

/** `bytes` with its varint length prefix. */
export function lengthPrefixed (bytes: Uint8Array): Uint8ArrayList {
  return new Uint8ArrayList(varint.encode(bytes.byteLength), bytes)
}
