import type { FileHandle } from 'node:fs/promises'
import type { Logger } from '@libp2p/interface'
import { ChunkHashMismatchError, UploadFailedError } from '../errors.js'
import type { FileInfo } from '../manifest/index.js'
import type { ShoalNode } from '../node/index.js'
import type { Bitfield } from '../store/bitfield.js'
import { verifiedBytes } from '../store/util.js'
import { backoff, sleep } from '../util/sleep.js'
import { MAX_BAD_CHUNKS, MAX_UPLOAD_RECONNECTS, RECONNECT_BACKOFF_MAX_MS, RECONNECT_BACKOFF_MS } from './constants.js'
import { Notifier } from './notifier.js'
import { ChunkQueue } from './upload-queue.js'
import { UploadStream, type UploadShared } from './upload-stream.js'

export interface IngestUploadInit {
  node: ShoalNode
  addrs: readonly string[]
  info: FileInfo
  file: FileHandle
  streams: number
  log: Logger
  onProgress(): void
}

export interface IngestUploadResult {
  taskId: string
  servers: string[]
  resumedBytes: number
  bytesSent: number
  uploadSeconds: number
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
  readonly #changed = new Notifier()
  #stored!: Bitfield
  #queue = new ChunkQueue([])
  #streams: UploadStream[] = []
  #bytesSent = 0
  #badChunks = 0
  #firstSend = 0
  #lastStored = 0
  #resumedBytes = -1

  constructor (init: IngestUploadInit) {
    this.#init = init
  }

  /** Bytes the receiver holds, verified. */
  get storedBytes (): number { return this.#stored == null ? 0 : verifiedBytes(this.#init.info.manifest, this.#stored) }
  get bytesSent (): number { return this.#bytesSent }
  get blockChunks (): number[] { return this.#streams.filter((s) => !s.failed).map((s) => s.sizer.chunks) }

  async run (spec: { to: string[], network: string, all: boolean }, signal: AbortSignal): Promise<IngestUploadResult> {
    let reconnects = 0
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#connect(signal)
        await this.#sendAll(signal)
        const committer = this.#streams.find((s) => !s.failed) ?? (await this.#openOne(false, signal))
        const { taskId, servers } = await committer.commit(spec, signal)
        await Promise.all(this.#streams.map(async (s) => s.close()))
        const uploadSeconds = this.#firstSend === 0 ? 0 : (this.#lastStored - this.#firstSend) / 1000
        return { taskId, servers, resumedBytes: this.#resumedBytes, bytesSent: this.#bytesSent, uploadSeconds, reconnects }
      } catch (err: any) {
        for (const s of this.#streams) s.abort(err)
        this.#streams = []
        if (signal.aborted || !retryable(err) || attempt >= MAX_UPLOAD_RECONNECTS) throw err
        reconnects++
        this.#init.log('upload of %s: every stream failed (%s); reconnecting', this.#init.info.key, err.message)
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
      this.#stored = state.bitfield
      if (this.#resumedBytes < 0) this.#resumedBytes = this.storedBytes
      this.#queue = new ChunkQueue(state.bitfield.missing())
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
        this.#queue.putBack(s.unacked().filter((i) => !this.#stored.has(i)))
        this.#changed.notify()
        throw err
      }
    })
    const results = await Promise.allSettled(runs)
    if (this.#done()) return
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    throw failure?.reason ?? new UploadFailedError('upload streams ended before every chunk was stored')
  }

  #done (): boolean {
    return this.#stored.full
  }

  #shared (): UploadShared {
    return {
      node: this.#init.node,
      addrs: this.#init.addrs,
      info: this.#init.info,
      file: this.#init.file,
      changed: this.#changed,
      done: () => this.#done(),
      take: (max) => this.#take(max),
      onSent: (bytes) => {
        if (this.#firstSend === 0) this.#firstSend = Date.now()
        this.#bytesSent += bytes
        this.#init.onProgress()
      },
      onStored: (index) => {
        this.#stored.set(index)
        this.#lastStored = Date.now()
        this.#init.onProgress()
      },
      onBadChunk: (index) => {
        // Our own copy matched before it was sent: the bytes changed on the way or at the receiver. Try again, a few times.
        if (++this.#badChunks > MAX_BAD_CHUNKS) {
          for (const s of this.#streams) s.abort(new ChunkHashMismatchError(`the ingest server rejected ${this.#badChunks} chunks that match the manifest here`))
          return
        }
        this.#queue.putBack([index])
      }
    }
  }

  /** The next run of chunks not yet stored; a run stops at the first chunk stored meanwhile. */
  #take (max: number): number[] {
    const run = this.#queue.take(max)
    const firstStored = run.findIndex((i) => this.#stored.has(i))
    if (firstStored < 0) return run
    this.#queue.putBack(run.slice(firstStored + 1))
    return run.slice(0, firstStored).length > 0 ? run.slice(0, firstStored) : this.#take(max)
  }
}

/** Failures that a reconnect cannot cure: our input, the receiver's verdict on it, a full disk. */
const FINAL_ERRORS = new Set(['InvalidArgumentError', 'InvalidManifestError', 'DiskFullError', 'NotAllowedError', 'QuotaExceededError', 'UnknownFileError', 'ChunkHashMismatchError'])

/** Failures worth a reconnect: the connection or the receiver's session. */
function retryable (err: Error): boolean {
  return !FINAL_ERRORS.has(err.name)
}
