import type { FileHandle } from 'node:fs/promises'
import type { Stream } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import {
  DiskFullError, InvalidArgumentError, InvalidManifestError, NotAllowedError, ProtocolError, RemoteError, ShoalError,
  QuotaExceededError, TimeoutError, UnknownFileError, UploadFailedError
} from '../errors.js'
import { chunkLength, chunkMatches, chunkOffset, type FileInfo } from '../manifest/index.js'
import type { ShoalNode } from '../node/index.js'
import { IngestFrame } from '../pb/ingest.js'
import { BulkReader, encodeLengthPrefixed } from '../rpc/bulk-reader.js'
import { commitTimeoutMs, gatherTimeoutMs, INGEST_PROTOCOL, MAX_INGEST_FRAME_BYTES } from '../rpc/transfer-constants.js'
import { Bitfield } from '../store/bitfield.js'
import { readFully } from '../store/fs-io.js'
import { sendAll } from '../util/stream.js'
import { BlockSizer } from './block-size.js'
import { COMMIT_GRACE_MS, MAX_UNACKED_BLOCKS, OPEN_TIMEOUT_MS, UPLOAD_STALL_MS } from './constants.js'
import type { Notifier } from './notifier.js'

const { Type, Code } = IngestFrame

/** What the streams of one upload share. */
export interface UploadShared {
  node: ShoalNode
  addrs: readonly string[]
  info: FileInfo
  file: FileHandle
  /** The next run of at most `max` consecutive chunks to send; empty when none is left for now. */
  take(max: number): number[]
  onStored(index: number): void
  onBadChunk(index: number): void
  onSent(bytes: number): void
  /** Every chunk is stored at the receiver. */
  done(): boolean
  changed: Notifier
}

/** The receiver's answer to OPEN. */
export interface ReceiverState {
  bitfield: Bitfield
  complete: boolean
}

interface Block { remaining: Set<number> }

/**
 * One /shoal/ingest/1.0.0 stream of an upload (ingest.md). It sends runs of
 * consecutive chunks (BLOCKs) whose length follows its own measured rate
 * (BlockSizer), keeps at most MAX_UNACKED_BLOCKS unacknowledged, and reads
 * STORED acks as they come. A stream that fails hands its unacknowledged
 * chunks back to the upload (`unacked()`), which gives them to the others.
 */
export class UploadStream {
  readonly sizer: BlockSizer
  readonly #s: UploadShared
  readonly #stream: Stream
  readonly #reader: BulkReader<IngestFrame>
  readonly #blocks: Block[] = []
  readonly #byIndex = new Map<number, Block>()
  #error?: Error
  #lastAck = Date.now()
  #committed?: PromiseWithResolvers<IngestFrame>

  private constructor (shared: UploadShared, stream: Stream) {
    this.#s = shared
    this.#stream = stream
    this.#reader = new BulkReader(stream, { decode: IngestFrame.decode, maxFrameBytes: MAX_INGEST_FRAME_BYTES })
    this.sizer = new BlockSizer({ chunkSize: shared.info.manifest.chunkSize })
  }

  /** Opens a stream: OPEN (with the manifest when `withManifest`), then the receiver's STATE. */
  static async open (shared: UploadShared, withManifest: boolean, signal: AbortSignal): Promise<{ stream: UploadStream, state: ReceiverState }> {
    const opened = AbortSignal.any([signal, AbortSignal.timeout(OPEN_TIMEOUT_MS)])
    const raw = await shared.node.dialProtocol(shared.addrs.map((a) => multiaddr(a)), INGEST_PROTOCOL, { signal: opened })
    const stream = new UploadStream(shared, raw)
    try {
      const { info } = shared
      const manifest = withManifest ? info.bytes : new Uint8Array()
      await stream.#send({ type: Type.OPEN, fileId: info.id.bytes as Uint8Array<ArrayBuffer>, manifestLength: manifest.byteLength }, manifest, opened)
      const state = await stream.#reader.next({ signal: opened })
      if (state == null) throw new ProtocolError('the ingest server closed without answering OPEN')
      if (state.type === Type.ERROR) throw errorOf(state)
      if (state.type !== Type.STATE) throw new ProtocolError(`expected STATE, got ${String(state.type)}`)
      const n = info.manifest.chunkHashes.byteLength / 32
      const bitfield = state.complete ? Bitfield.full(n) : new Bitfield(n, state.bitfield)
      void stream.#readAcks()
      return { stream, state: { bitfield, complete: state.complete } }
    } catch (err: any) {
      raw.abort(err)
      throw err
    }
  }

  /** Chunks sent on this stream and not acknowledged (to send again elsewhere when it fails). */
  unacked (): number[] {
    return [...this.#byIndex.keys()]
  }

  get failed (): boolean { return this.#error != null }

  /** Sends blocks until every chunk of the upload is stored (by this stream or the others). */
  async run (signal: AbortSignal): Promise<void> {
    while (!this.#s.done()) {
      this.#check(signal)
      if (this.#blocks.length >= MAX_UNACKED_BLOCKS) {
        await this.#s.changed.wait(1_000, signal)
        continue
      }
      const run = this.#s.take(this.sizer.chunks)
      if (run.length === 0) {
        if (this.#blocks.length === 0) this.sizer.pause()
        await this.#s.changed.wait(1_000, signal)
        continue
      }
      await this.#sendBlock(run, signal)
    }
  }

  /**
   * COMMIT on this stream; resolves with the task the tracker created.
   * `sources`: a split upload's other targets, from which the receiver
   * fetches the rest of the file first (so the wait allows for that too).
   */
  async commit (spec: { to: string[], network: string, all: boolean }, signal: AbortSignal, sources: string[] = []): Promise<{ taskId: string, servers: string[] }> {
    this.#committed = Promise.withResolvers()
    const size = this.#s.info.manifest.size
    const wait = AbortSignal.any([signal, AbortSignal.timeout(commitTimeoutMs(size) + (sources.length > 0 ? gatherTimeoutMs(size) : 0) + COMMIT_GRACE_MS)])
    await this.#send({ type: Type.COMMIT, replicateTo: spec.to, replicateNetwork: spec.network, replicateAll: spec.all, sources }, undefined, wait)
    const onAbort = (): void => { this.#committed?.reject(wait.reason ?? new TimeoutError('commit timed out')) }
    wait.addEventListener('abort', onAbort, { once: true })
    try {
      const f = await this.#committed.promise
      return { taskId: f.taskId, servers: f.servers }
    } finally {
      wait.removeEventListener('abort', onAbort)
    }
  }

  async close (): Promise<void> {
    await this.#stream.close({ signal: AbortSignal.timeout(OPEN_TIMEOUT_MS) }).catch((err) => { this.#stream.abort(err) })
  }

  abort (err: Error): void {
    this.#fail(err)
    this.#stream.abort(err)
  }

  async #sendBlock (run: number[], signal: AbortSignal): Promise<void> {
    const { info, file } = this.#s
    const m = info.manifest
    const block: Block = { remaining: new Set(run) }
    this.#blocks.push(block)
    for (const i of run) this.#byIndex.set(i, block)
    this.sizer.start()
    await this.#send({ type: Type.BLOCK, index: run[0], count: run.length }, undefined, signal)
    for (const index of run) {
      const length = chunkLength(m, index)
      const data = Buffer.allocUnsafe(length)
      if (await readFully(file, data, length, chunkOffset(m, index)) !== length || !chunkMatches(m, index, data)) {
        throw new InvalidArgumentError(`the file changed while it was uploaded (chunk ${index} no longer matches its hash)`)
      }
      this.#check(signal)
      await sendAll(this.#stream, data, { signal })
      this.#s.onSent(length)
    }
  }

  /** Reads STORED / BAD_CHUNK / COMMITTED / ERROR until the stream ends. */
  async #readAcks (): Promise<void> {
    const stall = setInterval(() => {
      if (this.#byIndex.size > 0 && Date.now() - this.#lastAck > UPLOAD_STALL_MS) {
        this.abort(new TimeoutError(`no chunk acknowledged for ${UPLOAD_STALL_MS / 1000} s`))
      }
    }, UPLOAD_STALL_MS / 10)
    try {
      for (;;) {
        const f = await this.#reader.next()
        if (f == null) throw new ProtocolError('the ingest server closed the stream')
        if (f.type === Type.STORED || f.type === Type.BAD_CHUNK) this.#ack(f)
        else if (f.type === Type.COMMITTED) this.#committed?.resolve(f)
        else if (f.type === Type.ERROR) throw errorOf(f)
        else throw new ProtocolError(`unexpected frame ${String(f.type)}`)
      }
    } catch (err: any) {
      this.#fail(err)
    } finally {
      clearInterval(stall)
    }
  }

  #ack (f: IngestFrame): void {
    const block = this.#byIndex.get(f.index)
    this.#lastAck = Date.now()
    if (block == null) return
    this.#byIndex.delete(f.index)
    block.remaining.delete(f.index)
    if (block.remaining.size === 0) this.#blocks.splice(this.#blocks.indexOf(block), 1)
    if (f.type === Type.STORED) {
      this.sizer.acked(chunkLength(this.#s.info.manifest, f.index))
      this.#s.onStored(f.index)
    } else {
      this.#s.onBadChunk(f.index)
    }
    this.#s.changed.notify()
  }

  #fail (err: Error): void {
    if (this.#error != null) return
    this.#error = err
    this.#committed?.reject(err)
    this.#s.changed.notify()
  }

  #check (signal: AbortSignal): void {
    signal.throwIfAborted()
    if (this.#error != null) throw this.#error
  }

  async #send (frame: Partial<IngestFrame>, payload: Uint8Array | undefined, signal: AbortSignal): Promise<void> {
    await sendAll(this.#stream, encodeLengthPrefixed(IngestFrame.encode(frame)), { signal })
    if (payload != null && payload.byteLength > 0) await sendAll(this.#stream, payload, { signal })
  }
}

/** The named error for an ingest ERROR frame. */
export function errorOf (f: IngestFrame): ShoalError {
  const message = `ingest server: ${f.message}`
  switch (f.code) {
    case Code.UNKNOWN_FILE: return new UnknownFileError(message)
    case Code.BAD_MANIFEST: return new InvalidManifestError(message)
    case Code.DISK_FULL: return new DiskFullError(message)
    case Code.NOT_ALLOWED: return new NotAllowedError(message)
    case Code.QUOTA_EXCEEDED: return new QuotaExceededError(message)
    case Code.BAD_REQUEST: return new ProtocolError(message)
    case Code.INCOMPLETE:
    case Code.COMMIT_FAILED: return new UploadFailedError(message)
    default: return new RemoteError(message)
  }
}
