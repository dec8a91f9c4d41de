/**
 * Batches items that each need an expensive flush (an fsync) so that everything
 * queued while one flush runs shares the next one. The first item flushes at
 * once (no timer, so a lone write is not delayed); items arriving meanwhile wait
 * for that flush to end and then go out together.
 *
 * `add()` resolves after a flush that included the item succeeded, and rejects
 * with the flush's error otherwise: every item in a failed batch fails.
 */
export class GroupCommit<T> {
  readonly #flush: (items: T[]) => Promise<void>
  #queue: Array<{ item: T, resolve(): void, reject(err: unknown): void }> = []
  #running: Promise<void> | undefined

  constructor (flush: (items: T[]) => Promise<void>) {
    this.#flush = flush
  }

  add (item: T): Promise<void> {
    const { promise, resolve, reject } = Promise.withResolvers<void>()
    this.#queue.push({ item, resolve, reject })
    this.#running ??= this.#run()
    return promise
  }

  /** Resolves when nothing is queued or flushing. */
  async idle (): Promise<void> {
    while (this.#running != null) await this.#running
  }

  async #run (): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0)
        try {
          await this.#flush(batch.map(w => w.item))
          for (const w of batch) w.resolve()
        } catch (err) {
          for (const w of batch) w.reject(err)
        }
      }
    } finally {
      this.#running = undefined
    }
  }
}
