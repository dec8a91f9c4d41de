import { createHash } from 'node:crypto'
import { TypedEventEmitter, type AbortOptions } from '@libp2p/interface'
import { ChunkHashMismatchError, ChunkNotHeldError, InvalidManifestError, StoreClosedError } from '../errors.js'
import { chunkCount, chunkLength, chunkMatches, fileIdOf, type FileInfo } from '../manifest/index.js'
import { Bitfield } from './bitfield.js'
import { checkKey, summarize, verifiedBytes } from './util.js'
import type { BlobSummary, ChunkStore, StoredFile, StoredFileEvents } from './types.js'

/** What the store keeps of one file; it outlives the StoredFile handles, as a disk blob does. */
interface Blob {
  readonly info: FileInfo
  readonly bitfield: Bitfield
  readonly chunks: Map<number, Uint8Array>
}

/**
 * Chunk store in memory, for tests and short-lived tools. Same contract as the
 * disk store: verified writes, re-hashed reads, one StoredFile per open key.
 */
export class MemoryChunkStore implements ChunkStore {
  readonly #blobs = new Map<string, Blob>()
  readonly #open = new Map<string, MemoryStoredFile>()
  #closed = false

  async open (info: FileInfo, options?: AbortOptions): Promise<StoredFile> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    const key = checkKey(info.key)
    if (fileIdOf(info.bytes).toString() !== key) throw new InvalidManifestError(`manifest bytes do not hash to ${key}`)
    let blob = this.#blobs.get(key)
    if (blob == null) {
      blob = { info, bitfield: new Bitfield(chunkCount(info.manifest)), chunks: new Map() }
      this.#blobs.set(key, blob)
    }
    return this.#handle(blob)
  }

  async get (key: string, options?: AbortOptions): Promise<StoredFile | undefined> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    const blob = this.#blobs.get(checkKey(key))
    return blob == null ? undefined : this.#handle(blob)
  }

  async list (options?: AbortOptions): Promise<string[]> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    return [...this.#blobs.keys()]
  }

  async summary (key: string, options?: AbortOptions): Promise<BlobSummary | undefined> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    const blob = this.#blobs.get(checkKey(key))
    return blob == null ? undefined : summarize(blob.info.manifest, blob.bitfield)
  }

  async delete (key: string, options?: AbortOptions): Promise<void> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    checkKey(key)
    await this.#open.get(key)?.close()
    this.#blobs.delete(key)
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await Promise.all([...this.#open.values()].map(async file => { await file.close() }))
  }

  #handle (blob: Blob): MemoryStoredFile {
    const key = blob.info.key
    let file = this.#open.get(key)
    if (file == null) {
      const opened: MemoryStoredFile = new MemoryStoredFile(blob, () => {
        if (this.#open.get(key) === opened) this.#open.delete(key)
      })
      file = opened
      this.#open.set(key, file)
    }
    return file
  }

  #checkOpen (): void {
    if (this.#closed) throw new StoreClosedError('the chunk store is closed')
  }
}

class MemoryStoredFile extends TypedEventEmitter<StoredFileEvents> implements StoredFile {
  readonly info: FileInfo
  readonly bitfield: Bitfield
  readonly #chunks: Map<number, Uint8Array>
  readonly #onClose: () => void
  #closed = false

  constructor (blob: Blob, onClose: () => void) {
    super()
    this.info = blob.info
    this.bitfield = blob.bitfield
    this.#chunks = blob.chunks
    this.#onClose = onClose
  }

  get complete (): boolean { return this.bitfield.full }
  get verifiedBytes (): number { return verifiedBytes(this.info.manifest, this.bitfield) }

  has (index: number): boolean {
    return this.bitfield.has(index)
  }

  async read (index: number, options?: AbortOptions): Promise<Uint8Array> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    chunkLength(this.info.manifest, index) // OutOfRangeError before ChunkNotHeldError, as on disk
    const data = this.#chunks.get(index)
    if (data == null || !this.bitfield.has(index)) throw new ChunkNotHeldError(`chunk ${index} of ${this.info.key} is not held`)
    if (!chunkMatches(this.info.manifest, index, data)) {
      this.#chunks.delete(index)
      this.bitfield.clear(index)
      this.safeDispatchEvent('corrupt', { detail: { index } })
      throw new ChunkHashMismatchError(`chunk ${index} of ${this.info.key} no longer matches its hash`)
    }
    // A copy, so a caller cannot change what the store holds.
    return new Uint8Array(data)
  }

  async write (index: number, data: Uint8Array, options?: AbortOptions): Promise<void> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    if (!chunkMatches(this.info.manifest, index, data)) {
      throw new ChunkHashMismatchError(`chunk ${index} of ${this.info.key} does not match its hash`)
    }
    if (this.bitfield.has(index)) return
    // A copy (not data.slice(): on a Buffer that is a view), since callers reuse their buffers.
    this.#chunks.set(index, new Uint8Array(data))
    this.bitfield.set(index)
    this.safeDispatchEvent('chunk', { detail: { index } })
  }

  async digest (options?: AbortOptions): Promise<Uint8Array> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    if (!this.complete) throw new ChunkNotHeldError(`${this.info.key} is not complete`)
    const hash = createHash('sha256')
    for (let index = 0; index < this.bitfield.length; index++) hash.update(this.#chunks.get(index) ?? new Uint8Array())
    return hash.digest()
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#onClose()
  }

  #checkOpen (): void {
    if (this.#closed) throw new StoreClosedError(`${this.info.key} is closed`)
  }
}
