import type { Logger } from '@libp2p/interface'
import type { Holding } from '../pb/tracker.js'
import { MAX_ANNOUNCE_BITFIELD_BYTES } from '../rpc/constants.js'
import type { ChunkStore } from '../store/types.js'
import { ANNOUNCE_DEBOUNCE_MS } from './constants.js'
import type { TrackerClient } from './tracker-client.js'

/**
 * Tells the tracker what this server holds: everything after each
 * registration, then only the files that changed, batched for
 * ANNOUNCE_DEBOUNCE_MS. One compact bitfield per file (or just "complete"),
 * never a message per chunk. A failed announcement is kept and retried.
 */
export class HoldingsAnnouncer {
  readonly #client: TrackerClient
  readonly #store: ChunkStore
  readonly #log: Logger
  readonly #dirty = new Set<string>()
  readonly #controller = new AbortController()
  #timer?: ReturnType<typeof setTimeout>
  #flushing: Promise<void> = Promise.resolve()
  #full = false

  constructor (client: TrackerClient, store: ChunkStore, log: Logger) {
    this.#client = client
    this.#store = store
    this.#log = log
  }

  /** A file's holding changed (a chunk stored, a file completed). */
  changed (fileKey: string): void {
    this.#dirty.add(fileKey)
    this.#schedule()
  }

  /** Announce every file held, replacing whatever the tracker had for us. */
  announceAll (): void {
    this.#full = true
    this.#schedule(0)
  }

  stop (): void {
    clearTimeout(this.#timer)
    this.#controller.abort()
  }

  #schedule (delay = ANNOUNCE_DEBOUNCE_MS): void {
    if (this.#controller.signal.aborted) return
    if (this.#timer != null && delay > 0) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#flushing = this.#flushing.then(async () => this.#flush())
    }, delay)
  }

  async #flush (): Promise<void> {
    const full = this.#full
    const keys = full ? await this.#store.list().catch(() => [...this.#dirty]) : [...this.#dirty]
    this.#full = false
    this.#dirty.clear()
    try {
      const holdings: Holding[] = []
      for (const key of keys) {
        const file = await this.#store.get(key).catch(() => undefined)
        if (file == null) continue
        holdings.push({
          fileId: file.info.id.bytes as Uint8Array<ArrayBuffer>,
          bitfield: (file.complete ? new Uint8Array() : file.bitfield.bytes.slice()) as Uint8Array<ArrayBuffer>,
          complete: file.complete
        })
      }
      // Split so no message passes the tracker's request limit; only the first part of a full set says `full`.
      const batches = split(holdings)
      for (let i = 0; i < batches.length; i++) {
        await this.#client.announce({ holdings: batches[i], full: full && i === 0 }, { signal: this.#controller.signal })
      }
    } catch (err: any) {
      if (this.#controller.signal.aborted) return
      this.#log('announce failed, will retry: %s', err.message)
      if (full) this.#full = true
      for (const k of keys) this.#dirty.add(k)
      this.#schedule()
    }
  }
}

function split (holdings: Holding[]): Holding[][] {
  const out: Holding[][] = [[]]
  let bytes = 0
  for (const h of holdings) {
    if (bytes + h.bitfield.byteLength > MAX_ANNOUNCE_BITFIELD_BYTES && out[out.length - 1].length > 0) {
      out.push([])
      bytes = 0
    }
    out[out.length - 1].push(h)
    bytes += h.bitfield.byteLength + h.fileId.byteLength
  }
  return out
}
