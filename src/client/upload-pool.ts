import { Bitfield } from '../store/bitfield.js'
import { Notifier } from './notifier.js'
import { ChunkQueue } from './upload-queue.js'

/**
 * The work of one upload, shared by every target it goes to (one target, or
 * several in a split upload): the chunks stored at some target (verified and
 * acknowledged there, or held there when the upload started) and the queue of
 * those still to send. Every stream of every target takes its next run from
 * here, so a faster target simply takes more; nothing is handed to two
 * streams at once, so nothing is sent twice unless a stream fails.
 */
export class UploadPool {
  readonly changed = new Notifier()
  readonly #stored: Bitfield
  #queue = new ChunkQueue([])
  #started = false

  constructor (chunks: number) {
    this.#stored = new Bitfield(chunks)
  }

  /** Chunks stored at some target. */
  get stored (): Bitfield { return this.#stored }
  get started (): boolean { return this.#started }
  get done (): boolean { return this.#stored.full }

  /** A target's STATE: the chunks it holds need not be sent (before start, or on a reconnect). */
  merge (held: Bitfield): void {
    for (const i of held.indices()) this.#stored.set(i)
    this.changed.notify()
  }

  /** Starts handing out the chunks no target holds; call once every target's STATE is merged. */
  start (): void {
    if (this.#started) return
    this.#queue = new ChunkQueue(this.#stored.missing())
    this.#started = true
    this.changed.notify()
  }

  /** The next run of at most `max` consecutive chunks not yet stored anywhere; empty when none is left for now (or before start). */
  take (max: number): number[] {
    if (!this.#started) return []
    for (;;) {
      const run = this.#queue.take(max)
      const firstStored = run.findIndex((i) => this.#stored.has(i))
      if (firstStored < 0) return run
      this.#queue.putBack(run.slice(firstStored + 1))
      if (firstStored > 0) return run.slice(0, firstStored)
    }
  }

  /** Chunks a failed stream never got acknowledged (or the receiver rejected): to be sent again, by any stream. */
  putBack (indices: Iterable<number>): void {
    this.#queue.putBack([...indices].filter((i) => !this.#stored.has(i)))
    this.changed.notify()
  }

  /** Chunk `index` is verified and durable at a target. */
  storedAt (index: number): void {
    this.#stored.set(index)
  }

  /** A target dropped out: the chunks only it held must go to the others. */
  forget (indices: Iterable<number>): void {
    const lost = [...indices].filter((i) => this.#stored.clear(i))
    if (this.#started) this.#queue.putBack(lost)
    this.changed.notify()
  }
}
