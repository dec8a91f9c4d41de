import type { AbortOptions, Logger, Stream } from '@libp2p/interface'
import { ChunkHashMismatchError, InvalidManifestError, ProtocolError, QuotaExceededError, ShoalError } from '../errors.js'
import { chunkCount, chunkLength, fileInfoFromBytes, MAX_MANIFEST_BYTES, type FileInfo } from '../manifest/index.js'
import { IngestFrame } from '../pb/ingest.js'
import { REQUEST_READ_TIMEOUT_MS } from '../rpc/constants.js'
import { BulkReader, encodeLengthPrefixed } from '../rpc/bulk-reader.js'
import { sendAll } from '../util/stream.js'
import { commitTimeoutMs, gatherTimeoutMs, INGEST_IDLE_TIMEOUT_MS, MAX_BLOCK_CHUNKS, MAX_COMMIT_SOURCES, MAX_INGEST_FRAME_BYTES } from '../rpc/transfer-constants.js'
import { multiaddr } from '@multiformats/multiaddr'
import { addrPeerId } from '../util/addr.js'
import { fileKeyFromBytes } from '../swarm/ids.js'
import type { ChunkStore, StoredFile } from '../store/types.js'
import { verifyWholeFile } from '../store/util.js'
import type { IngestCommitResult, IngestFileStats, ReplicateSpec } from './ingest.js'

const { Type, Code } = IngestFrame

/**
 * Chunks being verified and written per stream before reading pauses. A few
 * let one fsync cover several chunks (group commit) while memory stays at a
 * few chunks per stream.
 */
const MAX_WRITES_IN_FLIGHT = 4

/** How often an idle session is looked for. */
const IDLE_CHECK_MS = 5_000

export interface IngestSessionInit {
  store: ChunkStore
  log: Logger
  stats(fileKey: string): IngestFileStats
  onOpen(fileKey: string, held: number, total: number): void
  commit(info: FileInfo, spec: ReplicateSpec, options: AbortOptions): Promise<IngestCommitResult>
  onError(fileKey: string, err: Error): void
  /**
   * Opens the blob of a file being uploaded, after checking it may be
   * (size and quota, limits.ts); throws QuotaExceededError, with nothing
   * stored, when it may not. Default: the store's open.
   */
  openUpload?(info: FileInfo): Promise<StoredFile>
  /** Waits until `bytes` more may be read from this uploader (per-peer ingest rate cap). */
  throttle?(bytes: number, signal: AbortSignal): Promise<void>
  /**
   * Fetches the chunks a split upload sent to other targets (`sources`,
   * multiaddrs with /p2p/) through the swarm, each verified against the
   * manifest. Without it a COMMIT naming sources is refused (INCOMPLETE).
   */
  gather?(info: FileInfo, sources: string[], options: AbortOptions & { signal: AbortSignal }): Promise<void>
}

/** A failure to tell the client about in an ERROR frame. */
class SessionError extends Error {
  readonly code: IngestFrame.Code
  constructor (code: IngestFrame.Code, message: string) {
    super(message)
    this.code = code
  }
}

/**
 * One /shoal/ingest/1.0.0 stream (ingest.md): OPEN (with the manifest the
 * first time) -> STATE (what is held, so a resumed upload sends only the
 * rest) -> BLOCKs of chunks, each verified against the manifest by
 * StoredFile.write and acknowledged STORED once durable -> COMMIT. A chunk
 * cut off by the stream's end is dropped (the sender sends it again); every
 * whole chunk received is written, even if the stream dies meanwhile.
 */
export class IngestSession {
  readonly finished: Promise<void>
  readonly #stream: Stream
  readonly #init: IngestSessionInit
  readonly #reader: BulkReader<IngestFrame>
  readonly #writes = new Set<Promise<void>>()
  #fileKey = ''
  #lastActivity = Date.now()
  /** True while COMMIT runs: hashing a large file is work, not idleness. */
  #committing = false
  /** True while waiting on the per-peer ingest rate cap. */
  #throttled = false
  #fatal?: SessionError
  /** Aborts a pending read when a write fails, so the failure is reported at once. */
  readonly #reads = new AbortController()

  constructor (stream: Stream, init: IngestSessionInit) {
    this.#stream = stream
    this.#init = init
    this.#reader = new BulkReader(stream, { decode: IngestFrame.decode, maxFrameBytes: MAX_INGEST_FRAME_BYTES })
    this.finished = this.#run()
  }

  abort (): void {
    this.#stream.abort(new ShoalError('ingest endpoint stopping'))
  }

  async #run (): Promise<void> {
    const idle = setInterval(() => {
      const quiet = Date.now() - Math.max(this.#lastActivity, performance.timeOrigin + this.#reader.lastArrival)
      if (quiet > INGEST_IDLE_TIMEOUT_MS && !this.#committing && !this.#throttled) this.#stream.abort(new ProtocolError(`ingest stream idle for ${INGEST_IDLE_TIMEOUT_MS} ms`))
    }, IDLE_CHECK_MS)
    try {
      const stored = await this.#open()
      await this.#loop(stored)
      await this.#settleWrites()
      await this.#stream.close({ signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })
    } catch (err: any) {
      await this.#settleWrites()
      await this.#fail(err)
    } finally {
      clearInterval(idle)
    }
  }

  async #open (): Promise<StoredFile> {
    const open = await this.#reader.next({ signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })
    if (open == null) throw new ProtocolError('stream closed before OPEN')
    if (open.type !== Type.OPEN) throw new SessionError(Code.BAD_REQUEST, `expected OPEN, got ${String(open.type)}`)
    this.#fileKey = fileKeyFromBytes(open.fileId)
    let stored: StoredFile | undefined
    if (open.manifestLength > 0) {
      if (open.manifestLength > MAX_MANIFEST_BYTES) throw new SessionError(Code.BAD_REQUEST, `manifest of ${open.manifestLength} bytes exceeds ${MAX_MANIFEST_BYTES}`)
      const bytes = await this.#reader.bytes(open.manifestLength, { signal: AbortSignal.timeout(INGEST_IDLE_TIMEOUT_MS) })
      let info: FileInfo
      try {
        info = fileInfoFromBytes(bytes, this.#fileKey)
      } catch (err: any) {
        throw new SessionError(Code.BAD_MANIFEST, err.message)
      }
      try {
        stored = await (this.#init.openUpload?.(info) ?? this.#init.store.open(info))
      } catch (err: any) {
        if (err instanceof QuotaExceededError) throw new SessionError(Code.QUOTA_EXCEEDED, err.message)
        throw err
      }
    } else {
      stored = await this.#init.store.get(this.#fileKey).catch((err) => {
        if (err instanceof InvalidManifestError) return undefined
        throw err
      })
      if (stored == null) throw new SessionError(Code.UNKNOWN_FILE, `${this.#fileKey} is not held here: send its manifest with OPEN`)
    }
    this.#init.stats(this.#fileKey).sessions++
    this.#init.onOpen(this.#fileKey, stored.bitfield.count, stored.bitfield.length)
    await this.#send({ type: Type.STATE, bitfield: (stored.complete ? new Uint8Array() : stored.bitfield.bytes.slice()) as Uint8Array<ArrayBuffer>, complete: stored.complete })
    return stored
  }

  async #loop (stored: StoredFile): Promise<void> {
    for (;;) {
      if (this.#fatal != null) throw this.#fatal
      const frame = await this.#reader.next({ signal: this.#reads.signal })
      this.#lastActivity = Date.now()
      if (frame == null) return
      if (frame.type === Type.BLOCK) await this.#block(stored, frame)
      else if (frame.type === Type.COMMIT) await this.#commit(stored, frame)
      else throw new SessionError(Code.BAD_REQUEST, `unexpected frame ${String(frame.type)}`)
    }
  }

  async #block (stored: StoredFile, frame: IngestFrame): Promise<void> {
    const chunks = chunkCount(stored.info.manifest)
    const { index, count } = frame
    if (count < 1 || count > MAX_BLOCK_CHUNKS || index + count > chunks) {
      throw new SessionError(Code.BAD_REQUEST, `block ${index}+${count} outside 1..${MAX_BLOCK_CHUNKS} chunks of a ${chunks}-chunk file`)
    }
    const stats = this.#init.stats(this.#fileKey)
    for (let i = index; i < index + count; i++) {
      const length = chunkLength(stored.info.manifest, i)
      let data: Uint8Array
      if (this.#init.throttle != null) {
        // Waiting on the uploader's own rate cap is not idleness; reading less makes TCP slow the sender.
        this.#throttled = true
        try { await this.#init.throttle(length, this.#reads.signal) } finally { this.#throttled = false; this.#lastActivity = Date.now() }
      }
      try {
        data = await this.#reader.bytes(length, { signal: this.#reads.signal })
      } catch (err) {
        // Cut off inside a chunk: what arrived of it is useless, the sender sends it again.
        stats.discardedBytes += this.#reader.buffered
        throw err
      }
      stats.bytesReceived += length
      this.#lastActivity = Date.now()
      while (this.#writes.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(this.#writes)
      if (this.#fatal != null) throw this.#fatal
      this.#write(stored, i, data, stats)
    }
  }

  /** Verifies and stores one chunk (never aborted once started), then acknowledges it. */
  #write (stored: StoredFile, index: number, data: Uint8Array, stats: IngestFileStats): void {
    const held = stored.has(index)
    const write: Promise<void> = stored.write(index, data).then(
      async () => {
        if (held) stats.duplicateChunks++
        else stats.chunksStored++
        this.#lastActivity = Date.now()
        await this.#send({ type: Type.STORED, index }).catch(() => {})
      },
      async (err: any) => {
        if (err instanceof ChunkHashMismatchError) {
          stats.badChunks++
          await this.#send({ type: Type.BAD_CHUNK, index }).catch(() => {})
        } else {
          this.#fatal ??= err.code === 'ENOSPC' ? new SessionError(Code.DISK_FULL, 'the ingest server\'s disk is full') : new SessionError(Code.INTERNAL, `storing chunk ${index} failed: ${String(err.message)}`)
          // Wake the read loop, which may be waiting for a frame the client will not send before our acks.
          this.#reads.abort(this.#fatal)
        }
      }
    ).finally(() => this.#writes.delete(write))
    this.#writes.add(write)
  }

  async #commit (stored: StoredFile, frame: IngestFrame): Promise<void> {
    this.#committing = true
    try {
      await this.#commitNow(stored, frame)
    } finally {
      this.#committing = false
      this.#lastActivity = Date.now()
    }
  }

  async #commitNow (stored: StoredFile, frame: IngestFrame): Promise<void> {
    await this.#settleWrites()
    if (this.#fatal != null) throw this.#fatal
    if (!stored.complete && frame.sources.length > 0) await this.#gather(stored, frame.sources)
    if (!stored.complete) throw new SessionError(Code.INCOMPLETE, `${stored.bitfield.count}/${stored.bitfield.length} chunks stored`)
    const signal = AbortSignal.timeout(commitTimeoutMs(stored.info.manifest.size))
    await verifyWholeFile(stored, { signal }).catch((err) => {
      throw err instanceof ChunkHashMismatchError ? new SessionError(Code.INCOMPLETE, 'every chunk verified but the whole file does not match its SHA-256') : err
    })
    let result: IngestCommitResult
    try {
      result = await this.#init.commit(stored.info, { to: frame.replicateTo, network: frame.replicateNetwork, all: frame.replicateAll }, { signal })
    } catch (err: any) {
      throw new SessionError(Code.COMMIT_FAILED, `${String(err.name)}: ${String(err.message)}`)
    }
    await this.#send({ type: Type.COMMITTED, fileId: stored.info.id.bytes as Uint8Array<ArrayBuffer>, taskId: result.taskId, servers: result.servers })
  }

  /** A split upload: the rest of the file is at the other targets; fetch it from them (every chunk verified) before committing. */
  async #gather (stored: StoredFile, sources: string[]): Promise<void> {
    if (sources.length > MAX_COMMIT_SOURCES) throw new SessionError(Code.BAD_REQUEST, `COMMIT names ${sources.length} sources, more than ${MAX_COMMIT_SOURCES}`)
    for (const a of sources) {
      let ok = false
      try { ok = addrPeerId(multiaddr(a)) != null } catch {}
      if (!ok) throw new SessionError(Code.BAD_REQUEST, `COMMIT source ${JSON.stringify(a.slice(0, 200))} is not a multiaddr ending in /p2p/<PeerId>`)
    }
    if (this.#init.gather == null) throw new SessionError(Code.INCOMPLETE, `${stored.bitfield.count}/${stored.bitfield.length} chunks stored, and this receiver does not fetch from other targets`)
    try {
      await this.#init.gather(stored.info, sources, { signal: AbortSignal.timeout(gatherTimeoutMs(stored.info.manifest.size)) })
    } catch (err: any) {
      throw new SessionError(Code.INCOMPLETE, `${stored.bitfield.count}/${stored.bitfield.length} chunks stored; fetching the rest from the other targets failed: ${String(err.name)}: ${String(err.message)}`)
    }
  }

  async #settleWrites (): Promise<void> {
    await Promise.allSettled([...this.#writes])
  }

  async #send (frame: Partial<IngestFrame>): Promise<void> {
    if (this.#stream.writeStatus !== 'writable') return
    await sendAll(this.#stream, encodeLengthPrefixed(IngestFrame.encode(frame)), { signal: AbortSignal.timeout(INGEST_IDLE_TIMEOUT_MS) })
  }

  /** Tells the client why (when the stream still works) and closes; anything else aborts. */
  async #fail (err: any): Promise<void> {
    const e: Error = this.#fatal ?? err
    this.#init.log('ingest of %s failed: %s', this.#fileKey || '?', e.message)
    // UNKNOWN_FILE is the normal answer to a client asking what is held here (a resume check): not a failure.
    const quiet = e instanceof SessionError && e.code === Code.UNKNOWN_FILE
    if (this.#fileKey !== '' && !quiet) this.#init.onError(this.#fileKey, e)
    if (e instanceof SessionError) {
      try {
        await this.#send({ type: Type.ERROR, code: e.code, message: e.message })
        await this.#stream.close({ signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })
        return
      } catch {}
    }
    this.#stream.abort(e)
  }
}
