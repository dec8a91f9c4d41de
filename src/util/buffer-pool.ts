/**
 * Reusable byte buffers for chunk-sized work: pieces read off the wire, slots
 * handed to the hash worker. Each buffer owns its whole ArrayBuffer (plain,
 * not shared), so it can be transferred to a worker and back.
 *
 * Why reuse: a fresh 1 MiB buffer per chunk is external memory that lives
 * through a hash, a write and an fsync, so it outlives V8's young generation
 * and drives full (mark-compact) GCs: 12-18 per GiB received in the bench,
 * against 1 with reused buffers. And memory the allocator gives back to the
 * kernel costs a fault per page when touched again (2-3 s per GiB on a VM
 * whose freed pages go back to the host). bench/README.md, eighth look.
 */
export class BufferPool {
  /**
   * Free buffers by byte length, least recently used length first (a Map
   * keeps insertion order; a length is moved to the end when used).
   */
  readonly #free = new Map<number, Array<Uint8Array<ArrayBuffer>>>()
  readonly #maxFreeBytes: number
  #freeBytes = 0

  /** `maxFreeBytes`: buffers beyond this, given back, are left to the GC. */
  constructor (maxFreeBytes: number) {
    this.#maxFreeBytes = maxFreeBytes
  }

  /** A buffer of exactly `length` bytes, reused when one is free (its old bytes are still in it). */
  acquire (length: number): Uint8Array<ArrayBuffer> {
    const list = this.#free.get(length)
    const buf = list?.pop()
    if (buf == null) return new Uint8Array(length)
    this.#freeBytes -= length
    this.#touch(length, list!)
    return buf
  }

  /**
   * Gives `buf` back; nothing may use it afterwards. Only buffers that own
   * their whole ArrayBuffer are kept (a view into a larger one, or a detached
   * one, is dropped). When the free buffers would exceed the budget, those
   * of the lengths least recently used go first: a file's short last chunk
   * is rarely asked for again, and must not crowd out the chunk-sized ones.
   */
  release (buf: Uint8Array): void {
    if (!(buf.buffer instanceof ArrayBuffer) || buf.byteOffset !== 0 || buf.byteLength !== buf.buffer.byteLength) return
    const length = buf.byteLength
    if (length === 0 || length > this.#maxFreeBytes) return
    for (const [other, list] of this.#free) {
      if (this.#freeBytes + length <= this.#maxFreeBytes) break
      if (other === length) continue
      while (list.length > 0 && this.#freeBytes + length > this.#maxFreeBytes) {
        list.pop()
        this.#freeBytes -= other
      }
      if (list.length === 0) this.#free.delete(other)
    }
    if (this.#freeBytes + length > this.#maxFreeBytes) return
    const list = this.#free.get(length) ?? []
    list.push(buf as Uint8Array<ArrayBuffer>)
    this.#freeBytes += length
    this.#touch(length, list)
  }

  /** Bytes held in free buffers. */
  get freeBytes (): number { return this.#freeBytes }

  /** Marks `length` as the most recently used (an empty list is forgotten). */
  #touch (length: number, list: Array<Uint8Array<ArrayBuffer>>): void {
    this.#free.delete(length)
    if (list.length > 0) this.#free.set(length, list)
  }
}
