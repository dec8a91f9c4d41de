/**
 * The chunks a download still needs: an unordered array (what pickers scan)
 * with each index's position, so removing one is O(1).
 */
export class MissingSet {
  readonly #items: number[] = []
  readonly #pos: Int32Array

  constructor (size: number, missing: Iterable<number>) {
    this.#pos = new Int32Array(size).fill(-1)
    for (const index of missing) {
      this.#pos[index] = this.#items.length
      this.#items.push(index)
    }
  }

  get size (): number { return this.#items.length }

  /** The missing indices, in no particular order. Read-only for callers. */
  get items (): readonly number[] { return this.#items }

  /** Removes an index; returns false when it was not missing. */
  delete (index: number): boolean {
    const pos = this.#pos[index]
    if (pos < 0) return false
    const last = this.#items.pop()!
    if (last !== index) {
      this.#items[pos] = last
      this.#pos[last] = pos
    }
    this.#pos[index] = -1
    return true
  }
}
