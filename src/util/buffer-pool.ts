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
  /** Free buffers by byte length. */
  readonly #free = new Map<number, Array<Uint8Array<ArrayBuffer>>>()
  readonly #maxFreeBytes: number
  #freeBytes = 0

  /** `maxFreeBytes`: buffers beyond this, given back, are left to the GC. */
  constructor (maxFreeBytes: number) {
    this.#maxFreeBytes = maxFreeBytes
  }

  /** A buffer of exactly `length` bytes, reused when one is free (its old bytes are still in it). */
  acquire (length: number): Uint8Array<ArrayBuffer> {
    const buf = this.#free.get(length)?.pop()
    if (buf == null) return new Uint8Array(length)
    this.#freeBytes -= length
    return buf
  }

  /**
   * Gives `buf` back; nothing may use it afterwards. Only buffers that own
   * their whole ArrayBuffer are kept (a view into a larger one, or a detached
   * one, is dropped).
   */
  release (buf: Uint8Array): void {
    if (!(buf.buffer instanceof ArrayBuffer) || buf.byteOffset !== 0 || buf.byteLength !== buf.buffer.byteLength) return
    if (buf.byteLength === 0 || this.#freeBytes + buf.byteLength > this.#maxFreeBytes) return
    let list = this.#free.get(buf.byteLength)
    if (list == null) this.#free.set(buf.byteLength, list = [])
    list.push(buf as Uint8Array<ArrayBuffer>)
    this.#freeBytes += buf.byteLength
  }

  /** Bytes held in free buffers. */
  get freeBytes (): number { return this.#freeBytes }
}
