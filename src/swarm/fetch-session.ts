import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'
import { ProtocolError, RejectedError } from '../errors.js'
import { ChunkFrame } from '../pb/chunk.js'
import { Bitfield } from '../store/bitfield.js'
import { BufferPool } from '../util/buffer-pool.js'
import { HELLO_TIMEOUT_MS, INITIAL_PIPELINE, MANIFEST_TIMEOUT_MS, MAX_MANIFEST_PAYLOAD, MAX_PEX_ADDRS, MAX_PIECE_BYTES, PIECE_BUFFERS_FREE_BYTES } from './constants.js'
import { FrameReader, sendFrame } from './framing.js'
import { PipelineDepth } from './pipeline-depth.js'

/** Buffers that received pieces are read into, shared by every session of the process. */
const pieceBuffers = new BufferPool(PIECE_BUFFERS_FREE_BYTES)

/**
 * A received piece, in a buffer of the process's piece pool. Whoever is
 * handed it calls release() once nothing reads `data` any more (after the
 * store's write settled, say): the buffer is then reused for another piece.
 */
export interface ReceivedPiece {
  readonly data: Uint8Array
  release(): void
}

const { Type } = ChunkFrame

/** A request this session is waiting on. */
export interface PendingRequest {
  readonly index: number
  readonly length: number
  readonly sentAt: number
  /** performance.now() when sent, and the payload bytes received by then, for the RTT (pipeline-depth.ts). */
  readonly sentAtMs: number
  readonly bytesAtSend: number
}

/** Typed callbacks from a fetch session to the engine that owns it. */
export interface FetchSessionHandler {
  onHave(session: FetchSession, index: number): void
  /** The handler owns `piece` and must release it. */
  onPiece(session: FetchSession, index: number, piece: ReceivedPiece): void
  onReject(session: FetchSession, index: number, reason: ChunkFrame.RejectReason): void
  onPeers(session: FetchSession, addrs: Uint8Array[]): void
  onClose(session: FetchSession, err?: Error): void
}

/**
 * The fetching side of one /shoal/chunk session: we opened the stream, we send
 * requests, the remote sends pieces. One reader loop; sends are whole frames.
 */
export class FetchSession {
  readonly peer: PeerId
  readonly #stream: Stream
  readonly #reader: FrameReader
  readonly #log: Logger
  remote: Bitfield
  readonly pending = new Map<number, PendingRequest>()
  /** Requests allowed in flight: INITIAL_PIPELINE until the first piece, then the path's bandwidth-delay product plus one chunk. */
  pipeline = INITIAL_PIPELINE
  /** RTT and delivery rate of this session, which size `pipeline`. */
  readonly depth = new PipelineDepth()
  /** Payload bytes received in verified or unverified pieces. */
  bytesReceived = 0
  lastDataAt = Date.now()
  hashFailures = 0
  closed = false

  private constructor (stream: Stream, peer: PeerId, chunks: number, log: Logger) {
    this.#stream = stream
    this.peer = peer
    this.#log = log
    this.remote = new Bitfield(chunks)
    this.#reader = new FrameReader(stream)
  }

  /**
   * Sends HELLO and waits for the remote's BITFIELD. Rejects with RejectedError
   * when the remote does not know the file.
   */
  static async open (stream: Stream, peer: PeerId, fileId: CID, have: Bitfield, log: Logger, options: AbortOptions = {}): Promise<FetchSession> {
    const session = new FetchSession(stream, peer, have.length, log)
    try {
      await sendFrame(stream, { type: Type.HELLO, fileId: fileId.bytes as Uint8Array<ArrayBuffer>, bitfield: have.bytes as Uint8Array<ArrayBuffer> }, undefined, options)
      const signal = anySignal(options.signal, HELLO_TIMEOUT_MS)
      const reply = await session.#reader.next({ signal })
      if (reply?.type === Type.REJECT) throw new RejectedError(`peer rejected the session: ${reply.reason}`)
      if (reply?.type !== Type.BITFIELD) throw new ProtocolError(`expected BITFIELD, got ${reply?.type ?? 'end of stream'}`)
      if (reply.bitfield.byteLength !== Bitfield.byteLength(have.length)) throw new ProtocolError('bitfield of the wrong size')
      session.remote = new Bitfield(have.length, reply.bitfield)
      return session
    } catch (err: any) {
      stream.abort(err)
      throw err
    }
  }

  /**
   * Opens a session only to get the manifest: HELLO without a bitfield, then
   * GET_MANIFEST. The caller verifies the bytes against the file id.
   */
  static async fetchManifest (stream: Stream, fileId: CID, options: AbortOptions = {}): Promise<Uint8Array> {
    const reader = new FrameReader(stream)
    const signal = anySignal(options.signal, MANIFEST_TIMEOUT_MS)
    try {
      await sendFrame(stream, { type: Type.HELLO, fileId: fileId.bytes as Uint8Array<ArrayBuffer> }, undefined, { signal })
      await sendFrame(stream, { type: Type.GET_MANIFEST }, undefined, { signal })
      for (;;) {
        const frame = await reader.next({ signal })
        if (frame == null) throw new ProtocolError('stream ended before MANIFEST')
        if (frame.type === Type.REJECT) throw new RejectedError(`peer does not have the file (${frame.reason})`)
        if (frame.type !== Type.MANIFEST) continue
        if (frame.length > MAX_MANIFEST_PAYLOAD) throw new ProtocolError('manifest too large')
        const bytes = await reader.bytes(frame.length, { signal })
        await stream.close({ signal })
        return bytes
      }
    } catch (err: any) {
      stream.abort(err)
      throw err
    }
  }

  /** Runs the reader loop until the stream ends; reports through `handler`. */
  async run (handler: FetchSessionHandler): Promise<void> {
    let error: Error | undefined
    try {
      for (;;) {
        const frame = await this.#reader.next()
        if (frame == null) break
        await this.#dispatch(frame, handler)
      }
    } catch (err: any) {
      error = err
      this.#log('fetch session with %p failed: %s', this.peer, err.message)
      this.#stream.abort(err)
    } finally {
      this.closed = true
      handler.onClose(this, error)
    }
  }

  async #dispatch (frame: ChunkFrame, handler: FetchSessionHandler): Promise<void> {
    switch (frame.type) {
      case Type.HAVE:
        if (frame.index >= this.remote.length) throw new ProtocolError(`HAVE ${frame.index} outside the file`)
        if (this.remote.set(frame.index)) handler.onHave(this, frame.index)
        return
      case Type.PIECE: {
        const req = this.pending.get(frame.index)
        if (frame.length > MAX_PIECE_BYTES) throw new ProtocolError(`piece of ${frame.length} bytes`)
        const headerAt = performance.now()
        const data = pieceBuffers.acquire(frame.length)
        const piece: ReceivedPiece = { data, release: () => { pieceBuffers.release(data) } }
        let handed = false
        try {
          await this.#reader.bytesInto(data)
          this.depth.piece({ headerAt, end: performance.now(), bytes: data.byteLength, bytesBefore: this.bytesReceived }, req)
          this.pipeline = this.depth.depth() ?? this.pipeline
          this.bytesReceived += data.byteLength
          this.lastDataAt = Date.now()
          if (req == null) return // cancelled, or a duplicate: drop it
          this.pending.delete(frame.index)
          if (frame.offset !== 0 || frame.length !== req.length) throw new ProtocolError('piece does not match its request')
          handed = true
          handler.onPiece(this, frame.index, piece)
        } finally {
          if (!handed) piece.release()
        }
        return
      }
      case Type.REJECT:
        // An ELSEWHERE reject may name the holders: connect to them.
        if (frame.peers.length > 0) handler.onPeers(this, frame.peers.slice(0, MAX_PEX_ADDRS))
        if (this.pending.delete(frame.index)) handler.onReject(this, frame.index, frame.reason)
        return
      case Type.PEERS:
        handler.onPeers(this, frame.peers.slice(0, MAX_PEX_ADDRS))
        return
      case Type.BITFIELD:
        if (frame.bitfield.byteLength !== this.remote.bytes.byteLength) throw new ProtocolError('bitfield of the wrong size')
        this.remote = new Bitfield(this.remote.length, frame.bitfield)
        return
      case Type.MANIFEST:
        await this.#reader.bytes(Math.min(frame.length, MAX_MANIFEST_PAYLOAD))
        return
      default:
        throw new ProtocolError(`unexpected ${frame.type} from the serving side`)
    }
  }

  request (index: number, length: number, urgent = false): void {
    // Nothing was in flight: the time since the last piece was not spent delivering.
    if (this.pending.size === 0) this.depth.idle()
    this.pending.set(index, { index, length, sentAt: Date.now(), sentAtMs: performance.now(), bytesAtSend: this.bytesReceived })
    this.#send({ type: Type.REQUEST, index, offset: 0, length, urgent })
  }

  cancel (index: number): void {
    const req = this.pending.get(index)
    if (req == null) return
    this.pending.delete(index)
    this.#send({ type: Type.CANCEL, index, offset: 0, length: req.length })
  }

  announce (index: number): void {
    this.#send({ type: Type.HAVE, index })
  }

  /** Half-closes: we ask nothing more; the remote finishes and closes. */
  async close (options?: AbortOptions): Promise<void> {
    this.closed = true
    await this.#stream.close(options).catch((err) => { this.#stream.abort(err) })
  }

  abort (err: Error): void {
    this.closed = true
    this.#stream.abort(err)
  }

  #send (frame: Partial<ChunkFrame>): void {
    if (this.closed) return
    sendFrame(this.#stream, frame).catch((err) => { this.abort(err) })
  }
}

export function anySignal (signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs)
  return signal == null ? timeout : AbortSignal.any([signal, timeout])
}

