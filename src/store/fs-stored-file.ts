import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { TypedEventEmitter, type AbortOptions } from '@libp2p/interface'
import { ChunkHashMismatchError, ChunkNotHeldError, DiskFullError, StoreClosedError } from '../errors.js'
import { chunkCount, chunkLength, chunkOffset, type FileInfo, type Manifest } from '../manifest/index.js'
import { Bitfield } from './bitfield.js'
import { BITFIELD_FILE, DATA_FILE, DIRECT_IO_ALIGN } from './constants.js'
import { DirectFile } from './direct-file.js'
import { bitfieldFileLength, readBitfieldFile, writeBitfieldFile } from './fs-bitfield-file.js'
import { openOrCreate, writeFully } from './fs-io.js'
import { readerFor, recheck, sha256Of, type ReadAt } from './fs-scan.js'
import { GroupCommit } from './group-commit.js'
import { chunkMatchesOffThread } from './hash-worker.js'
import { verifiedBytes } from './util.js'
import type { StoredFile, StoredFileEvents } from './types.js'

export interface FsStoredFileInit extends AbortOptions {
  /** The blob's folder; it must exist. */
  dir: string
  info: FileInfo
  /** False when the bitfield file may describe other bytes (say the manifest was rewritten): recheck instead. */
  trustBitfield: boolean
  /** Called once the file is closed, so the store can forget it. */
  onClose?(): void
  /** Chunk data through O_DIRECT where the platform allows it (default false; direct-file.ts). */
  directIo?: boolean
}

/**
 * One blob on disk: the data file (preallocated, written at chunk offsets) and
 * the bitfield file of verified chunks beside it. Both stay open until close().
 *
 * A write is verified, written, then committed in a group: one fdatasync of the
 * data file and one bitfield write cover every write that finished meanwhile, so
 * the cost of an fsync is shared instead of paid per chunk.
 */
export class FsStoredFile extends TypedEventEmitter<StoredFileEvents> implements StoredFile {
  readonly info: FileInfo
  readonly bitfield: Bitfield
  readonly path: string
  readonly #m: Manifest
  readonly #data: FileHandle
  readonly #bits: FileHandle
  /** The data file opened for direct I/O, when the platform and the chunk size allow it. */
  readonly #direct: DirectFile | undefined
  readonly #readAt: ReadAt
  readonly #onClose?: () => void
  readonly #commits = new GroupCommit<number>(async batch => { await this.#flush(batch) })
  /** Writes between verification and commit, by chunk index, so a second write of a chunk joins the first. */
  readonly #writing = new Map<number, Promise<void>>()
  /**
   * Chunks whose bytes this handle has hashed: verified when written, or read
   * back and matched once. A read re-hashes only the others, so a chunk is
   * hashed once per open, not once per peer it is served to.
   */
  readonly #checked: Bitfield
  /** Every running operation that uses the file handles; close() waits for them. */
  readonly #ops = new Set<Promise<unknown>>()
  /** Tail of the chain of bitfield writes: they must not interleave. */
  #persisting: Promise<void> = Promise.resolve()
  #closing: Promise<void> | undefined

  /** Opens (creating when new) the blob's files and settles which chunks are verified. */
  static async open (init: FsStoredFileInit): Promise<FsStoredFile> {
    const m = init.info.manifest
    const chunks = chunkCount(m)
    const path = join(init.dir, DATA_FILE)
    const { fh: data, created } = await openOrCreate(path)
    let direct: DirectFile | undefined
    try {
      let trust = init.trustBitfield && !created
      const { size } = await data.stat()
      if (size !== m.size) {
        // Sparse preallocation: the file is its final size from the start, so chunks land at their offsets.
        await data.truncate(m.size)
        trust = false
      }
      // Chunk offsets must be aligned for direct writes: chunk sizes that are not whole blocks stay buffered.
      if (init.directIo === true && m.chunkSize % DIRECT_IO_ALIGN === 0) direct = await DirectFile.open(path)
      const readAt = readerFor(data, direct)
      const { fh: bits } = await openOrCreate(join(init.dir, BITFIELD_FILE))
      try {
        let bitfield = trust ? await readBitfieldFile(bits, chunks) : undefined
        if (bitfield == null) {
          // A new data file holds nothing yet; anything else is re-hashed, never trusted.
          bitfield = created ? new Bitfield(chunks) : await recheck(readAt, m, init)
          // Bitfield writes are in place: cut a file of any other length to size first.
          await bits.truncate(bitfieldFileLength(chunks))
          await writeBitfieldFile(bits, bitfield)
        }
        return new FsStoredFile(init, data, bits, bitfield, direct, readAt)
      } catch (err) {
        await bits.close()
        throw err
      }
    } catch (err) {
      await direct?.close()
      await data.close()
      throw err
    }
  }

  private constructor (init: FsStoredFileInit, data: FileHandle, bits: FileHandle, bitfield: Bitfield, direct: DirectFile | undefined, readAt: ReadAt) {
    super()
    this.info = init.info
    this.#m = init.info.manifest
    this.path = join(init.dir, DATA_FILE)
    this.#data = data
    this.#bits = bits
    this.#direct = direct
    this.#readAt = readAt
    this.bitfield = bitfield
    this.#checked = new Bitfield(bitfield.length)
    this.#onClose = init.onClose
  }

  get complete (): boolean { return this.bitfield.full }
  get verifiedBytes (): number { return verifiedBytes(this.#m, this.bitfield) }
  /** True once close() has been called. */
  get closing (): boolean { return this.#closing != null }

  has (index: number): boolean {
    return this.bitfield.has(index)
  }

  async read (index: number, options?: AbortOptions): Promise<Uint8Array> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    const offset = chunkOffset(this.#m, index)
    const length = chunkLength(this.#m, index)
    if (!this.bitfield.has(index)) throw new ChunkNotHeldError(`chunk ${index} of ${this.info.key} is not held`)
    return this.#track(async () => {
      const buf = Buffer.allocUnsafe(length)
      const got = await this.#readAt(buf, length, offset)
      if (got === length && (this.#checked.has(index) || await chunkMatchesOffThread(this.#m, index, buf))) {
        this.#checked.set(index)
        return buf
      }
      await this.#dropCorrupt(index)
      throw new ChunkHashMismatchError(`chunk ${index} of ${this.info.key} no longer matches its hash on disk`)
    })
  }

  /**
   * `data` must not change until the returned promise settles: it is hashed
   * first (on the hash worker) and written afterwards, without a copy. Once the
   * write to disk has begun an abort no longer stops it, so a chunk is never
   * left half committed.
   */
  async write (index: number, data: Uint8Array, options?: AbortOptions): Promise<void> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    // Tracked from the start: a write called before close() finishes, hash included.
    await this.#track(async () => {
      // Verified even when held, so the caller can still blame a peer that sent bad bytes.
      if (!await chunkMatchesOffThread(this.#m, index, data)) {
        throw new ChunkHashMismatchError(`chunk ${index} of ${this.info.key} does not match its hash`)
      }
      if (this.bitfield.has(index)) return
      let writing = this.#writing.get(index)
      if (writing == null) {
        options?.signal?.throwIfAborted()
        writing = this.#store(index, data).finally(() => { this.#writing.delete(index) })
        this.#writing.set(index, writing)
      }
      await writing
    })
  }

  /** Writes a verified chunk at its offset and commits it. */
  async #store (index: number, data: Uint8Array): Promise<void> {
    try {
      const offset = chunkOffset(this.#m, index)
      const direct = this.#direct == null ? 0 : await this.#direct.writeAligned(data, offset)
      if (direct < data.byteLength) await writeFully(this.#data, data.subarray(direct), offset + direct)
      await this.#commits.add(index)
    } catch (err: any) {
      // One clear error for a full disk; the chunk stays unmarked, so it is fetched again once there is room.
      if (err.code === 'ENOSPC' || err.code === 'EDQUOT') throw Object.assign(new DiskFullError(`disk full writing chunk ${index} of ${this.info.key} (${this.path})`), { code: err.code, cause: err })
      throw err
    }
  }

  async digest (options?: AbortOptions): Promise<Uint8Array> {
    this.#checkOpen()
    if (!this.complete) throw new ChunkNotHeldError(`${this.info.key} is not complete`)
    return this.#track(async () => sha256Of(this.#readAt, this.#m.size, options))
  }

  /** Waits for running reads and writes (a write in progress still commits), then closes the files. */
  async close (): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled(this.#ops)
      await this.#commits.idle()
      await this.#persisting
      const closed = await Promise.allSettled([this.#data.close(), this.#bits.close(), this.#direct?.close()])
      this.#onClose?.()
      for (const c of closed) if (c.status === 'rejected') throw c.reason
    })()
    return this.#closing
  }

  /** One group commit: data durable first, then the bits that claim it, then the announcements. */
  async #flush (batch: number[]): Promise<void> {
    await this.#data.datasync()
    await this.#persist(batch)
    for (const index of batch) {
      // Hashed before it was written: reads need not hash it again.
      this.#checked.set(index)
      this.safeDispatchEvent('chunk', { detail: { index } })
    }
  }

  /**
   * Writes the bitfield (plus the bits in `add`) and sets those bits in memory
   * only once it is on disk, so nothing is claimed before it is durable. The
   * snapshot is taken when the write's turn comes, so a bit cleared meanwhile
   * is never written back.
   */
  #persist (add: number[] = []): Promise<void> {
    const next = this.#persisting.then(async () => {
      const snapshot = this.bitfield.clone()
      for (const index of add) snapshot.set(index)
      await writeBitfieldFile(this.#bits, snapshot)
      for (const index of add) this.bitfield.set(index)
    })
    this.#persisting = next.catch(() => {})
    return next
  }

  async #dropCorrupt (index: number): Promise<void> {
    this.#checked.clear(index)
    if (!this.bitfield.clear(index)) return
    try {
      await this.#persist()
    } finally {
      this.safeDispatchEvent('corrupt', { detail: { index } })
    }
  }

  #track<T>(op: () => Promise<T>): Promise<T> {
    const p = op()
    this.#ops.add(p)
    const forget = (): void => { this.#ops.delete(p) }
    p.then(forget, forget)
    return p
  }

  #checkOpen (): void {
    if (this.#closing != null) throw new StoreClosedError(`${this.info.key} is closed`)
  }
}
