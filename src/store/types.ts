import type { AbortOptions, TypedEventTarget } from '@libp2p/interface'
import type { FileInfo } from '../manifest/index.js'
import type { Bitfield } from './bitfield.js'

/**
 * Verified chunk storage. A store knows files and chunks, nothing of peers.
 *
 * Order of operations for a received chunk (the caller does only the first and last):
 * the store hashes it against the manifest, writes it at its offset, makes it
 * durable (fsync), marks it verified in the persisted bitfield, and only then
 * resolves `write()` so the caller may announce it.
 */
/** A blob's size and how much of it is verified (ChunkStore.summary). */
export interface BlobSummary {
  readonly size: number
  /** Bytes in verified chunks; 0 for a blob whose bitfield file is damaged (opening it rechecks every chunk). */
  readonly verifiedBytes: number
  readonly complete: boolean
}

export interface ChunkStore {
  /**
   * Opens the file's blob, creating (and preallocating) it when new. A blob that
   * exists resumes from its persisted bitfield; a bitfield that is truncated or
   * fails its checksum leads to re-hashing every chunk, never to trust.
   */
  open(info: FileInfo, options?: AbortOptions): Promise<StoredFile>
  /** The blob for a file id (its `key`), opened from disk if need be; undefined when not held. */
  get(key: string, options?: AbortOptions): Promise<StoredFile | undefined>
  /** Keys of every file the store has a blob for, complete or not. */
  list(options?: AbortOptions): Promise<string[]>
  /**
   * What the blob for `key` holds, without opening it (a disk store reads its
   * manifest and bitfield files and keeps no handle); undefined when not held.
   * For gauges over many blobs, where get() would open every one.
   */
  summary(key: string, options?: AbortOptions): Promise<BlobSummary | undefined>
  /** Removes a blob and its state. */
  delete(key: string, options?: AbortOptions): Promise<void>
  /** Closes every open blob; further calls throw StoreClosedError. */
  close(): Promise<void>
}

export interface StoredFileEvents {
  /** A chunk became verified and durable. */
  chunk: CustomEvent<{ index: number }>
  /** A held chunk failed verification on read and was dropped. */
  corrupt: CustomEvent<{ index: number }>
}

export interface StoredFile extends TypedEventTarget<StoredFileEvents> {
  readonly info: FileInfo
  /** Verified chunks. Treat as read-only. */
  readonly bitfield: Bitfield
  readonly complete: boolean
  /** Bytes held in verified chunks. */
  readonly verifiedBytes: number
  /** Path of the data file when the store is on disk (complete files can be read directly). */
  readonly path?: string

  has(index: number): boolean
  /**
   * Reads a whole verified chunk. A disk store re-hashes it the first time this
   * handle reads it (a chunk written through the handle was hashed then): one
   * that no longer matches (disk corruption) is unmarked, a 'corrupt' event
   * fires, and ChunkHashMismatchError is thrown. ChunkNotHeldError when not
   * held; OutOfRangeError outside the file.
   */
  read(index: number, options?: AbortOptions): Promise<Uint8Array>
  /**
   * Verifies `data` as chunk `index`, writes and persists it. ChunkHashMismatchError
   * (nothing written) when it does not match. Writing a chunk already held is a no-op.
   * `data` must not change until the promise settles; afterwards the store
   * holds no reference to it, so the caller may reuse the buffer.
   */
  write(index: number, data: Uint8Array, options?: AbortOptions): Promise<void>
  /** Reads the stored bytes of a complete file and returns its SHA-256 (checks the whole-file hash). */
  digest(options?: AbortOptions): Promise<Uint8Array>
  close(): Promise<void>
}
