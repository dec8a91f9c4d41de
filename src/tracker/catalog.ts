import { InvalidArgumentError } from '../errors.js'
import { chunkCount, fileInfoFromBytes, type FileInfo } from '../manifest/index.js'
import { Bitfield } from '../store/bitfield.js'
import type { TrackerDb } from './db.js'

/** A file in the catalog with its tracker-side counters. */
export interface CatalogFile {
  readonly info: FileInfo
  readonly addedAt: number
  /** Payload bytes the tracker sent of this file, across restarts. */
  bytesSent: number
}

/** What one server holds of one file, as it last announced. */
export interface Holding {
  readonly peerId: string
  readonly bitfield: Bitfield
  readonly updatedAt: number
}

/** One file in an announcement: a bitfield, or just `complete`. */
export interface AnnouncedHolding {
  readonly fileKey: string
  readonly bitfield?: Uint8Array
  readonly complete: boolean
}

export interface CatalogInit {
  db: TrackerDb
  now(): number
}

/**
 * Files the tracker knows (their manifests) and which server holds which of
 * their chunks, from the servers' announcements (one bitfield per file, never
 * per-chunk messages). In memory, written through to the database.
 */
export class Catalog {
  readonly #db: TrackerDb
  readonly #now: () => number
  readonly #files = new Map<string, CatalogFile>()
  /** file key -> peer id -> holding */
  readonly #holdings = new Map<string, Map<string, Holding>>()

  constructor (init: CatalogInit) {
    this.#db = init.db
    this.#now = init.now
    for (const f of init.db.listFiles()) {
      this.#files.set(f.key, { info: fileInfoFromBytes(f.manifest, f.key), addedAt: f.addedAt, bytesSent: f.bytesSent })
    }
    for (const h of init.db.listHoldings()) {
      const file = this.#files.get(h.fileKey)
      if (file == null) continue
      const n = chunkCount(file.info.manifest)
      const bitfield = h.complete ? Bitfield.full(n) : safeBitfield(n, h.bitfield)
      if (bitfield != null) this.#holdingsOf(h.fileKey).set(h.peerId, { peerId: h.peerId, bitfield, updatedAt: h.updatedAt })
    }
  }

  /** Adds a file; returns false when it was already in the catalog. */
  addFile (info: FileInfo): boolean {
    if (this.#files.has(info.key)) return false
    const m = info.manifest
    const addedAt = this.#now()
    this.#db.putFile({ key: info.key, name: m.name, size: m.size, chunkSize: m.chunkSize, chunks: chunkCount(m), manifest: info.bytes, addedAt, bytesSent: 0 })
    this.#files.set(info.key, { info, addedAt, bytesSent: 0 })
    return true
  }

  get (fileKey: string): CatalogFile | undefined {
    return this.#files.get(fileKey)
  }

  list (): CatalogFile[] {
    return [...this.#files.values()]
  }

  addBytesSent (fileKey: string, bytes: number): void {
    const f = this.#files.get(fileKey)
    if (f == null || bytes <= 0) return
    f.bytesSent += bytes
    this.#db.addBytesSent(fileKey, bytes)
  }

  /**
   * Applies a server's announcement. Files the catalog does not know are
   * skipped (their bitfields cannot be checked); a bitfield of the wrong length
   * is InvalidArgumentError. With `full`, holdings not listed are dropped.
   * Returns the keys whose holding changed.
   */
  applyAnnounce (peerId: string, holdings: readonly AnnouncedHolding[], full: boolean): string[] {
    const now = this.#now()
    const parsed: Array<{ fileKey: string, bitfield: Bitfield }> = []
    for (const h of holdings) {
      const file = this.#files.get(h.fileKey)
      if (file == null) continue
      const n = chunkCount(file.info.manifest)
      const bitfield = h.complete ? Bitfield.full(n) : safeBitfield(n, h.bitfield ?? new Uint8Array())
      if (bitfield == null) throw new InvalidArgumentError(`bitfield for ${h.fileKey} must be ${Bitfield.byteLength(n)} bytes`)
      parsed.push({ fileKey: h.fileKey, bitfield })
    }
    const changed: string[] = []
    this.#db.transaction(() => {
      for (const { fileKey, bitfield } of parsed) {
        this.#db.putHolding({ peerId, fileKey, bitfield: bitfield.full ? new Uint8Array() : bitfield.bytes, chunks: bitfield.count, complete: bitfield.full, updatedAt: now })
        this.#holdingsOf(fileKey).set(peerId, { peerId, bitfield, updatedAt: now })
        changed.push(fileKey)
      }
      if (!full) return
      const listed = new Set(parsed.map((p) => p.fileKey))
      for (const [fileKey, byPeer] of this.#holdings) {
        if (listed.has(fileKey) || !byPeer.has(peerId)) continue
        this.#db.deleteHolding(peerId, fileKey)
        byPeer.delete(peerId)
        changed.push(fileKey)
      }
    })
    return changed
  }

  /** Servers holding at least one chunk of the file. */
  holders (fileKey: string): Holding[] {
    return [...(this.#holdings.get(fileKey)?.values() ?? [])].filter((h) => h.bitfield.count > 0)
  }

  holdingOf (peerId: string, fileKey: string): Holding | undefined {
    return this.#holdings.get(fileKey)?.get(peerId)
  }

  /** Complete copies held by servers that `counts` accepts (the live ones). */
  completeCopies (fileKey: string, counts: (peerId: string) => boolean): number {
    let n = 0
    for (const h of this.#holdings.get(fileKey)?.values() ?? []) if (h.bitfield.full && counts(h.peerId)) n++
    return n
  }

  #holdingsOf (fileKey: string): Map<string, Holding> {
    let m = this.#holdings.get(fileKey)
    if (m == null) this.#holdings.set(fileKey, m = new Map())
    return m
  }
}

function safeBitfield (chunks: number, bytes: Uint8Array): Bitfield | undefined {
  if (bytes.byteLength !== Bitfield.byteLength(chunks)) return undefined
  return new Bitfield(chunks, bytes)
}
