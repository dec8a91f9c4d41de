import type { Logger, PeerId, Stream } from '@libp2p/interface'
import { ProtocolError } from '../errors.js'
import { chunkCount, chunkLength } from '../manifest/index.js'
import { ChunkFrame } from '../pb/chunk.js'
import { Bitfield } from '../store/bitfield.js'
import { HELLO_TIMEOUT_MS, MAX_QUEUED_REQUESTS, SERVE_READ_AHEAD } from './constants.js'
import { FrameReader, sendFrame } from './framing.js'
import { fileKeyFromBytes } from './ids.js'
import type { SwarmFile } from './swarm-file.js'

const { Type, RejectReason } = ChunkFrame

interface Job { kind: 'piece', index: number, offset: number, length: number, urgent: boolean }

/** A job ready to go out: its piece (read, holding a slot until sent) or why it is refused. */
interface Ready {
  job: Job
  piece?: Uint8Array
  release?: () => void
  reject?: ChunkFrame.RejectReason
  holders?: Uint8Array[]
}

/** What the serving side needs from the swarm. */
export interface ServeHost {
  /** The file for a key, if this node can serve it. */
  lookup(fileKey: string): Promise<SwarmFile | undefined>
  log: Logger
  /** A slot for one piece to this peer (peer-limits.ts); released once it is sent. */
  slot?(peer: PeerId): Promise<() => void>
  /** Requests queued per session before BUSY (default MAX_QUEUED_REQUESTS). */
  maxQueued?: number
  /** Waits until `bytes` more may go to this peer (the per-peer serve rate cap, util/peer-rate.ts). */
  throttle?(peer: PeerId, bytes: number, signal: AbortSignal): Promise<void>
}

/**
 * The responding side of one /shoal/chunk session: the remote opened it to
 * fetch from us. Frames are read in one loop and queued; pieces are sent by a
 * second loop, one at a time, waiting for the stream to drain, with the next
 * pieces read from disk meanwhile.
 */
export class ServeSession {
  readonly peer: PeerId
  readonly #stream: Stream
  readonly #reader: FrameReader
  readonly #host: ServeHost
  readonly #queue: Job[] = []
  #wakeServer?: () => void
  #file?: SwarmFile
  /** What the remote says it holds; feeds the swarm's availability counts. */
  remote?: Bitfield
  #closed = false
  /** Aborted when the session ends, so a throttled wait does not outlive it. */
  readonly #aborted = new AbortController()

  constructor (stream: Stream, peer: PeerId, host: ServeHost) {
    this.#stream = stream
    this.peer = peer
    this.#host = host
    this.#reader = new FrameReader(stream)
  }

  async run (): Promise<void> {
    try {
      const hello = await this.#reader.next({ signal: AbortSignal.timeout(HELLO_TIMEOUT_MS) })
      if (hello?.type !== Type.HELLO) throw new ProtocolError('expected HELLO')
      const file = await this.#host.lookup(fileKeyFromBytes(hello.fileId))
      if (file == null) {
        await sendFrame(this.#stream, { type: Type.REJECT, reason: RejectReason.UNKNOWN_FILE })
        await this.#stream.close()
        return
      }
      this.#file = file
      const n = chunkCount(file.info.manifest)
      this.remote = hello.bitfield.byteLength === Bitfield.byteLength(n) ? new Bitfield(n, hello.bitfield) : new Bitfield(n)
      file.attachServe(this)
      await sendFrame(this.#stream, { type: Type.BITFIELD, bitfield: file.stored.bitfield.bytes as Uint8Array<ArrayBuffer> })
      const peers = await file.peerExchange(this.peer)
      if (peers.length > 0) await sendFrame(this.#stream, { type: Type.PEERS, peers: peers as Array<Uint8Array<ArrayBuffer>> })
      await Promise.all([this.#readLoop(file), this.#serveLoop(file)])
    } catch (err: any) {
      this.#host.log('serve session with %p ended: %s', this.peer, err.message)
      this.#stream.abort(err)
    } finally {
      this.#closed = true
      this.#aborted.abort()
      this.#wakeServer?.()
      this.#file?.detachServe(this)
    }
  }

  /** Tells the remote we now hold a chunk. */
  announce (index: number): void {
    if (this.#closed || this.remote?.has(index) === true) return
    sendFrame(this.#stream, { type: Type.HAVE, index }).catch(() => {})
  }

  async #readLoop (file: SwarmFile): Promise<void> {
    const n = chunkCount(file.info.manifest)
    for (;;) {
      const frame = await this.#reader.next()
      if (frame == null) break
      switch (frame.type) {
        case Type.REQUEST: {
          const { index, offset, length } = frame
          if (index >= n || offset + length > chunkLength(file.info.manifest, index) || length === 0) {
            await this.#reject(frame, RejectReason.OUT_OF_RANGE)
          } else if (!file.stored.has(index)) {
            await this.#reject(frame, RejectReason.NOT_HELD)
          } else if (this.#queue.length >= (this.#host.maxQueued ?? MAX_QUEUED_REQUESTS)) {
            await this.#reject(frame, RejectReason.BUSY)
          } else {
            this.#queue.push({ kind: 'piece', index, offset, length, urgent: frame.urgent })
            this.#wakeServer?.()
          }
          break
        }
        case Type.CANCEL: {
          const at = this.#queue.findIndex((j) => j.index === frame.index && j.offset === frame.offset)
          if (at >= 0) this.#queue.splice(at, 1)
          break
        }
        case Type.HAVE:
          if (frame.index < n) this.remote?.set(frame.index)
          break
        case Type.GET_MANIFEST:
          await sendFrame(this.#stream, { type: Type.MANIFEST, length: file.info.bytes.byteLength }, file.info.bytes)
          break
        default:
          throw new ProtocolError(`unexpected ${frame.type} from the fetching side`)
      }
    }
    // The remote is done asking; finish what is queued, then close our side.
    this.#closed = true
    this.#wakeServer?.()
  }

  /**
   * Sends pieces in the order asked, one at a time, while the next ones (up
   * to SERVE_READ_AHEAD, as many as are asked for) are read from disk: a
   * direct-I/O read takes about 2 ms per MiB here, longer than sending the
   * piece on loopback, so with one read ahead the reads set the pace (270
   * MiB/s, bench/README.md eighth look). The per-peer slot (peer-limits.ts)
   * still bounds the pieces held for one peer.
   */
  async #serveLoop (file: SwarmFile): Promise<void> {
    const ahead: Array<Promise<Ready>> = []
    // Jobs are taken from the queue here, in order, and only here: a piece
    // being made ready always has its job, so none can wait behind another.
    const readAhead = (): void => {
      while (ahead.length < SERVE_READ_AHEAD && this.#queue.length > 0) {
        const next = this.#prepare(file, this.#queue.shift()!)
        // It may fail while another piece is sent (say its throttle is aborted): handled here, thrown when awaited.
        next.catch(() => {})
        ahead.push(next)
      }
    }
    try {
      for (;;) {
        readAhead()
        const next = ahead.shift()
        if (next == null) {
          if (!await this.#requested()) break
          continue
        }
        const ready = await next
        readAhead()
        await this.#deliver(file, ready)
      }
    } finally {
      // A send failed with pieces read ahead: give back their slots.
      for (const next of ahead) void next.then((r) => r.release?.(), () => {})
    }
    await this.#stream.close()
  }

  /** Waits until a request is queued: true, or false once the remote asks nothing more. */
  async #requested (): Promise<boolean> {
    while (this.#queue.length === 0) {
      if (this.#closed) return false
      await new Promise<void>((resolve) => { this.#wakeServer = resolve })
      this.#wakeServer = undefined
    }
    return true
  }

  /** `job` made ready to send: its piece read (holding a slot), or the reason to refuse it. */
  async #prepare (file: SwarmFile, job: Job): Promise<Ready> {
    const reason = file.mayServe(job.index, this.peer, job.urgent)
    if (reason !== undefined) {
      const holders = reason === RejectReason.ELSEWHERE ? await file.holderAddresses(job.index, this.peer) : undefined
      return { job, reject: reason, holders }
    }
    // The peer's byte-rate cap first, before it holds a slot: waiting on its own cap costs nothing shared.
    if (this.#host.throttle != null) await this.#host.throttle(this.peer, job.length, this.#aborted.signal)
    // Bounds the reads and buffers one peer holds across all its sessions (flood protection).
    const release = await this.#host.slot?.(this.peer)
    try {
      const data = await file.stored.read(job.index)
      return { job, piece: data.subarray(job.offset, job.offset + job.length), release }
    } catch {
      release?.()
      return { job, reject: RejectReason.NOT_HELD }
    }
  }

  async #deliver (file: SwarmFile, ready: Ready): Promise<void> {
    const { job, piece } = ready
    if (piece == null) {
      await this.#reject(job, ready.reject ?? RejectReason.NOT_HELD, ready.holders)
      return
    }
    try {
      await sendFrame(this.#stream, { type: Type.PIECE, index: job.index, offset: job.offset, length: piece.byteLength }, piece)
      file.sent(job.index, piece.byteLength, this.peer)
    } finally {
      ready.release?.()
    }
  }

  async #reject (req: { index: number, offset: number, length: number }, reason: ChunkFrame.RejectReason, peers?: Uint8Array[]): Promise<void> {
    await sendFrame(this.#stream, { type: Type.REJECT, index: req.index, offset: req.offset, length: req.length, reason, peers: peers as Array<Uint8Array<ArrayBuffer>> })
  }
}
