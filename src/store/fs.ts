import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidManifestError, StoreClosedError } from '../errors.js'
import { chunkCount, fileIdOf, fileInfoFromBytes, type FileInfo } from '../manifest/index.js'
import { Bitfield } from './bitfield.js'
import { BITFIELD_FILE, BLOBS_DIR, MANIFEST_FILE, TMP_SUFFIX } from './constants.js'
import { decodeBitfieldFile } from './fs-bitfield-file.js'
import { syncDir } from './fs-io.js'
import { FsStoredFile } from './fs-stored-file.js'
import { checkKey, isKey, summarize } from './util.js'
import type { BlobSummary, ChunkStore, StoredFile } from './types.js'
import type { AbortOptions } from '@libp2p/interface'

/**
 * Chunk store on a local disk. Each blob is a folder `<root>/blobs/<file id>/`
 * holding `data` (the file's bytes at their offsets; once complete it is the
 * file), `manifest` (canonical bytes, hashing to the folder's name) and
 * `bitfield` (verified chunks, with a checksum).
 *
 * @example
 *
 * ```ts
 * const store = new FsChunkStore('/var/lib/shoal')
 * const file = await store.open(info)
 * await file.write(0, chunk) // verified, durable and marked when it resolves
 * ```
 */
export interface FsChunkStoreOptions {
  /**
   * Chunk data through O_DIRECT, past the page cache, where the platform and
   * the file's chunk size allow it (default false; store/direct-file.ts). It
   * saves the page-cache copy and leaves other cached files alone, but every
   * read then comes from the disk, the final whole-file SHA-256 included.
   */
  directIo?: boolean
}

export class FsChunkStore implements ChunkStore {
  readonly root: string
  readonly #blobs: string
  readonly #directIo: boolean
  /** Open (or opening) blobs by key, so one key always has one StoredFile and one set of file handles. */
  readonly #open = new Map<string, Promise<FsStoredFile>>()
  #closed = false

  constructor (root: string, options: FsChunkStoreOptions = {}) {
    this.root = root
    this.#blobs = join(root, BLOBS_DIR)
    this.#directIo = options.directIo ?? false
  }

  async open (info: FileInfo, options?: AbortOptions): Promise<StoredFile> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    const key = checkKey(info.key)
    // The folder is named by the key, and `get` later checks the manifest against it: they must agree now.
    if (fileIdOf(info.bytes).toString() !== key) throw new InvalidManifestError(`manifest bytes do not hash to ${key}`)
    // open() has the manifest, so it may retry where an earlier load failed (say on a damaged manifest).
    return this.#load(key, true, async onClose => this.#openOrCreate(info, onClose, options))
  }

  async get (key: string, options?: AbortOptions): Promise<StoredFile | undefined> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    checkKey(key)
    const file = await this.#cached(key, false)
    if (file != null) return file
    const bytes = await readIfExists(join(this.#dir(key), MANIFEST_FILE))
    if (bytes == null) return undefined
    // A manifest that is damaged or is not this key's throws InvalidManifestError; open() repairs it.
    const info = fileInfoFromBytes(bytes, key)
    return this.#load(key, false, async onClose => FsStoredFile.open({ dir: this.#dir(key), info, trustBitfield: true, onClose, directIo: this.#directIo, ...options }))
  }

  async list (options?: AbortOptions): Promise<string[]> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    let names: string[]
    try {
      names = await readdir(this.#blobs)
    } catch (err: any) {
      if (err.code === 'ENOENT') return []
      throw err
    }
    // A folder without a manifest is a blob whose creation never finished.
    const held = await Promise.all(names.filter(isKey).map(async key => await exists(join(this.#dir(key), MANIFEST_FILE)) ? key : undefined))
    return held.filter(key => key != null)
  }

  async summary (key: string, options?: AbortOptions): Promise<BlobSummary | undefined> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    checkKey(key)
    const open = await this.#open.get(key)?.catch(() => undefined)
    if (open != null && !open.closing) return summarize(open.info.manifest, open.bitfield)
    const bytes = await readIfExists(join(this.#dir(key), MANIFEST_FILE))
    if (bytes == null) return undefined
    const { manifest } = fileInfoFromBytes(bytes, key)
    // The persisted bitfield when it decodes, else nothing verified until a recheck (a data file cut
    // short or removed since is only noticed when the blob is opened).
    const chunks = chunkCount(manifest)
    const bits = await readIfExists(join(this.#dir(key), BITFIELD_FILE))
    return summarize(manifest, (bits == null ? undefined : decodeBitfieldFile(bits, chunks)) ?? new Bitfield(chunks))
  }

  async delete (key: string, options?: AbortOptions): Promise<void> {
    this.#checkOpen()
    options?.signal?.throwIfAborted()
    checkKey(key)
    const pending = this.#open.get(key)
    if (pending != null) {
      try {
        await (await pending).close()
      } catch {
        // A blob that failed to open or close is removed all the same.
      }
    }
    await rm(this.#dir(key), { recursive: true, force: true })
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await Promise.allSettled([...this.#open.values()].map(async pending => { await (await pending).close() }))
    this.#open.clear()
  }

  /**
   * The open StoredFile for `key`, if any. A file that is closing is waited
   * for, so that its last bitfield write is on disk before the blob is loaded
   * again. A failed load is rethrown unless `repair` (the caller will retry).
   */
  async #cached (key: string, repair: boolean): Promise<FsStoredFile | undefined> {
    for (let pending = this.#open.get(key); pending != null; pending = this.#open.get(key)) {
      try {
        const file = await pending
        if (!file.closing) return file
        await file.close()
      } catch (err) {
        if (!repair) throw err
      }
      if (this.#open.get(key) === pending) this.#open.delete(key)
    }
    return undefined
  }

  /** The one StoredFile for `key`: the open one, or a new one from `load`. */
  async #load (key: string, repair: boolean, load: (onClose: () => void) => Promise<FsStoredFile>): Promise<FsStoredFile> {
    this.#checkOpen()
    // No await before the entry is set when there is none, so a get() right after open() finds it.
    while (this.#open.has(key)) {
      const file = await this.#cached(key, repair)
      if (file != null) return file
      this.#checkOpen()
    }
    const opening: Promise<FsStoredFile> = load(() => { if (this.#open.get(key) === opening) this.#open.delete(key) })
    this.#open.set(key, opening)
    opening.catch(() => { if (this.#open.get(key) === opening) this.#open.delete(key) })
    return opening
  }

  async #openOrCreate (info: FileInfo, onClose: () => void, options?: AbortOptions): Promise<FsStoredFile> {
    const dir = this.#dir(info.key)
    await mkdir(dir, { recursive: true })
    const path = join(dir, MANIFEST_FILE)
    const existing = await readIfExists(path)
    // A manifest that is missing or other than this file's means the bitfield may describe other bytes.
    const manifestOk = existing != null && Buffer.from(existing).equals(info.bytes)
    const file = await FsStoredFile.open({ dir, info, trustBitfield: manifestOk, onClose, directIo: this.#directIo, ...options })
    if (!manifestOk) {
      try {
        // Written last, so a blob is listed only once its data and bitfield files exist.
        await writeAtomic(path, info.bytes)
        await syncDir(this.#blobs)
      } catch (err) {
        await file.close()
        throw err
      }
    }
    return file
  }

  #dir (key: string): string {
    return join(this.#blobs, key)
  }

  #checkOpen (): void {
    if (this.#closed) throw new StoreClosedError('the chunk store is closed')
  }
}

async function readIfExists (path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path)
  } catch (err: any) {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined
    throw err
  }
}

async function exists (path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (err: any) {
    if (err.code === 'ENOENT') return false
    throw err
  }
}

/** tmp + fsync + rename + fsync of the folder: the file is either the old one or the whole new one. */
async function writeAtomic (path: string, bytes: Uint8Array): Promise<void> {
  const tmp = path + TMP_SUFFIX
  await writeFile(tmp, bytes, { flush: true })
  await rename(tmp, path)
  await syncDir(join(path, '..'))
}
