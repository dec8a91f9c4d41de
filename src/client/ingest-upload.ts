import type { FileHandle } from 'node:fs/promises'
import type { Logger } from '@libp2p/interface'
import { ChunkHashMismatchError, UploadFailedError } from '../errors.js'
import { chunkCount, type FileInfo } from '../manifest/index.js'
import type { ShoalNode } from '../node/index.js'
import type { Bitfield } from '../store/bitfield.js'
import { verifiedBytes } from '../store/util.js'
import { backoff, sleep } from '../util/sleep.js'
import { MAX_BAD_CHUNKS, MAX_UPLOAD_RECONNECTS, RECONNECT_BACKOFF_MAX_MS, RECONNECT_BACKOFF_MS } from './constants.js'
import { UploadPool } from './upload-pool.js'
import { UploadStream, type UploadShared } from './upload-stream.js'

export interface IngestUploadInit {
  node: ShoalNode
  addrs: readonly string[]
  info: FileInfo
  file: FileHandle
  streams: number
  log: Logger
  onProgress(): void
  /**
   * The work shared with the other targets of a split upload (upload-pool.ts);
   * the caller starts it once every target's STATE is in. Default: this
   * upload's own, started by its first STATE.
   */
  pool?: UploadPool
  /**
   * The target's link went down (every stream failed; `err` is why, and a
   * reconnect back-off starts) or came back (`err` undefined: a reconnect's
   * STATE is merged into the pool).
   */
  onLink?(err?: Error): void
}

export interface IngestUploadResult {
  taskId: string
  servers: string[]
  resumedBytes: number
  bytesSent: number
  uploadSeconds: number
  /** COMMIT to COMMITTED: the receiver's fetch of other targets' parts (split), its whole-file hash, the tracker call. */
  commitSeconds: number
  reconnects: number
}

/**
 * One upload to one ingest target: the manifest goes first (OPEN on the
 * first stream), the receiver says what it holds (STATE), the missing chunks
 * go out on several streams, and COMMIT goes last, once every chunk is
 * acknowledged. When every stream fails it reconnects (the receiver's STATE
 * tells what arrived, so nothing stored is sent again) up to
 * MAX_UPLOAD_RECONNECTS times.
 */
export class IngestUpload {
  readonly #init: IngestUploadInit
  readonly #pool: UploadPool
  readonly #ownPool: boolean
  /** What this target holds, verified: its STATE, then every STORED. */
  #stored!: Bitfield
  #streams: UploadStream[] = []
  #bytesSent = 0
  #badChunks = 0
  #reconnects = 0
  #firstSend = 0
  #lastStored = 0
  #resumedBytes = -1

  constructor (init: IngestUploadInit) {
    this.#init = init
    this.#ownPool = init.pool == null
    this.#pool = init.pool ?? new UploadPool(chunkCount(init.info.manifest))
  }

  /** Bytes this receiver holds, verified. */
  get storedBytes (): number { return this.#stored == null ? 0 : verifiedBytes(this.#init.info.manifest, this.#stored) }
  /** Chunks this receiver holds, verified (empty before its first STATE). */
  get storedChunks (): number[] { return this.#stored == null ? [] : [...this.#stored.indices()] }
  /** Bytes it held when this upload first reached it; 0 before. */
  get resumedBytes (): number { return Math.max(0, this.#resumedBytes) }
  get bytesSent (): number { return this.#bytesSent }
  get reconnects (): number { return this.#reconnects }
  /** From this target's first chunk sent to its last one acknowledged. */
  get uploadSeconds (): number { return this.#firstSend === 0 ? 0 : (this.#lastStored - this.#firstSend) / 1000 }
  get firstSend (): number { return this.#firstSend }
  get lastStored (): number { return this.#lastStored }
  get blockChunks (): number[] { return this.#streams.filter((s) => !s.failed).map((s) => s.sizer.chunks) }

  /** Sends this target's share (its own upload, or its part of a split one), then COMMIT (with the other targets as `sources`). */
  async run (spec: { to: string[], network: string, all: boolean }, signal: AbortSignal, sources: () => string[] = () => []): Promise<IngestUploadResult> {
    return this.#withReconnects(signal, async () => {
      if (this.#streams.length === 0) await this.#connect(signal)
      await this.#sendAll(signal)
      const committer = this.#streams.find((s) => !s.failed) ?? (await this.#openOne(false, signal))
      const commitStart = Date.now()
      const { taskId, servers } = await committer.commit(spec, signal, sources())
      const commitSeconds = (Date.now() - commitStart) / 1000
      await Promise.all(this.#streams.map(async (s) => s.close()))
      this.#streams = []
      return { taskId, servers, resumedBytes: this.resumedBytes, bytesSent: this.#bytesSent, uploadSeconds: this.uploadSeconds, commitSeconds, reconnects: this.#reconnects }
    })
  }

  /** Opens the streams and reads the receiver's STATE (merged into the shared pool), without sending yet: a split upload's first step. */
  async open (signal: AbortSignal): Promise<void> {
    await this.#withReconnects(signal, async () => { if (this.#streams.length === 0) await this.#connect(signal) })
  }

  /** A split upload's other target: sends chunks until every one is stored somewhere, then closes (no COMMIT). */
  async transfer (signal: AbortSignal): Promise<void> {
    await this.#withReconnects(signal, async () => {
      if (this.#streams.length === 0) await this.#connect(signal)
      await this.#sendAll(signal)
      await Promise.all(this.#streams.map(async (s) => s.close()))
      this.#streams = []
    })
  }

  /** Aborts every stream (a split upload whose primary failed). */
  abort (err: Error): void {
    for (const s of this.#streams) s.abort(err)
    this.#streams = []
  }

  /** Runs `step`; when it fails (every stream failed), reconnects: the receiver's STATE tells what arrived. */
  async #withReconnects<T> (signal: AbortSignal, step: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await step()
      } catch (err: any) {
        for (const s of this.#streams) s.abort(err)
        this.#streams = []
        if (signal.aborted || !retryable(err) || attempt >= MAX_UPLOAD_RECONNECTS) throw err
        this.#reconnects++
        this.#init.log('upload of %s: every stream failed (%s); reconnecting', this.#init.info.key, err.message)
        this.#init.onLink?.(err)
        await sleep(backoff(attempt + 1, RECONNECT_BACKOFF_MS, RECONNECT_BACKOFF_MAX_MS), signal)
      }
    }
  }

  /** The first stream carries the manifest and learns what the receiver holds; the others follow. */
  async #connect (signal: AbortSignal): Promise<void> {
    await this.#openOne(true, signal)
    const extra = await Promise.allSettled(Array.from({ length: this.#init.streams - 1 }, async () => this.#openOne(false, signal)))
    for (const r of extra) if (r.status === 'rejected') this.#init.log('an extra upload stream failed to open: %s', r.reason?.message)
  }

  async #openOne (withManifest: boolean, signal: AbortSignal): Promise<UploadStream> {
    const { stream, state } = await UploadStream.open(this.#shared(), withManifest, signal)
    if (withManifest || this.#stored == null) {
      // A reconnect's STATE also covers chunks stored but never acknowledged (the stream died first): not sent again.
      this.#stored = state.bitfield
      if (this.#resumedBytes < 0) this.#resumedBytes = this.storedBytes
      this.#pool.merge(state.bitfield)
      if (this.#ownPool) this.#pool.start()
      if (this.#reconnects > 0) this.#init.onLink?.()
    }
    this.#streams.push(stream)
    return stream
  }

  /** Runs every stream until all chunks are stored; a failed stream's chunks go to the others. */
  async #sendAll (signal: AbortSignal): Promise<void> {
    const runs = this.#streams.map(async (s) => {
      try {
        await s.run(signal)
      } catch (err: any) {
        s.abort(err)
        this.#pool.putBack(s.unacked())
        throw err
      }
    })
    const results = await Promise.allSettled(runs)
    if (this.#done()) return
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    throw failure?.reason ?? new UploadFailedError('upload streams ended before every chunk was stored')
  }

  #done (): boolean {
    return this.#pool.done
  }

  #shared (): UploadShared {
    return {
      node: this.#init.node,
      addrs: this.#init.addrs,
      info: this.#init.info,
      file: this.#init.file,
      changed: this.#pool.changed,
      done: () => this.#done(),
      take: (max) => this.#pool.take(max),
      onSent: (bytes) => {
        if (this.#firstSend === 0) this.#firstSend = Date.now()
        this.#bytesSent += bytes
        this.#init.onProgress()
      },
      onStored: (index) => {
        this.#stored.set(index)
        this.#pool.storedAt(index)
        this.#lastStored = Date.now()
        this.#init.onProgress()
      },
      onBadChunk: (index) => {
        // Our own copy matched before it was sent: the bytes changed on the way or at the receiver. Try again, a few times.
        if (++this.#badChunks > MAX_BAD_CHUNKS) {
          for (const s of this.#streams) s.abort(new ChunkHashMismatchError(`the ingest server rejected ${this.#badChunks} chunks that match the manifest here`))
          return
        }
        this.#pool.putBack([index])
      }
    }
  }
}

/** Failures that a reconnect cannot cure: our input, the receiver's verdict on it, a full disk. */
const FINAL_ERRORS = new Set(['InvalidArgumentError', 'InvalidManifestError', 'DiskFullError', 'NotAllowedError', 'QuotaExceededError', 'UnknownFileError', 'ChunkHashMismatchError'])

/** Failures worth a reconnect: the connection or the receiver's session. */
function retryable (err: Error): boolean {
  return !FINAL_ERRORS.has(err.name)
}
