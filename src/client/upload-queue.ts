/**
 * The chunks still to send, in file order, shared by an upload's streams.
 * `take` hands out runs of consecutive chunks (one BLOCK each); chunks a
 * failed stream never got acknowledged come back with `putBack`.
 */
export class ChunkQueue {
  #items: number[]
  #head = 0

  constructor (indices: Iterable<number>) {
    this.#items = [...indices].sort((a, b) => a - b)
  }

  get size (): number { return this.#items.length - this.#head }

  /** Up to `max` consecutive chunk indices from the front; empty when nothing is left. */
  take (max: number): number[] {
    const out: number[] = []
    while (this.#head < this.#items.length && out.length < max) {
      const next = this.#items[this.#head]
      if (out.length > 0 && next !== out[out.length - 1] + 1) break
      out.push(next)
      this.#head++
    }
    return out
  }

  /** Returns chunks to the queue (they will be sent again, in order). */
  putBack (indices: Iterable<number>): void {
    const back = [...indices]
    if (back.length === 0) return
    this.#items = [...this.#items.slice(this.#head), ...back].sort((a, b) => a - b)
    this.#head = 0
  }

  /** Drops every queued chunk that `keep` rejects (e.g. already held by the receiver). */
  filter (keep: (index: number) => boolean): void {
    this.#items = this.#items.slice(this.#head).filter(keep)
    this.#head = 0
  }
}
