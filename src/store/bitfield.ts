/**
 * A fixed-size set of chunk indices, one bit each; bit 0 is the most significant
 * bit of byte 0 (the BitTorrent order, and the wire order of /shoal/chunk).
 */
export class Bitfield {
  readonly length: number
  readonly bytes: Uint8Array
  #count = 0

  constructor (length: number, bytes?: Uint8Array) {
    this.length = length
    this.bytes = new Uint8Array(Bitfield.byteLength(length))
    if (bytes != null) {
      if (bytes.byteLength !== this.bytes.byteLength) throw new RangeError(`bitfield of ${length} bits needs ${this.bytes.byteLength} bytes`)
      this.bytes.set(bytes)
      // Spare bits past `length` must be zero, or the count would lie.
      const spare = this.bytes.byteLength * 8 - length
      if (spare > 0) this.bytes[this.bytes.byteLength - 1] &= 0xff << spare
      for (const b of this.bytes) this.#count += popcount(b)
    }
  }

  static byteLength (bits: number): number {
    return Math.ceil(bits / 8)
  }

  static full (length: number): Bitfield {
    const b = new Bitfield(length)
    for (let i = 0; i < length; i++) b.set(i)
    return b
  }

  get count (): number { return this.#count }
  get full (): boolean { return this.#count === this.length }

  has (index: number): boolean {
    if (index < 0 || index >= this.length) return false
    return (this.bytes[index >> 3] & (0x80 >> (index & 7))) !== 0
  }

  /** Sets a bit; returns true when it was not set before. */
  set (index: number): boolean {
    if (index < 0 || index >= this.length) throw new RangeError(`bit ${index} outside ${this.length}`)
    if (this.has(index)) return false
    this.bytes[index >> 3] |= 0x80 >> (index & 7)
    this.#count++
    return true
  }

  /** Clears a bit; returns true when it was set before. */
  clear (index: number): boolean {
    if (!this.has(index)) return false
    this.bytes[index >> 3] &= ~(0x80 >> (index & 7))
    this.#count--
    return true
  }

  * indices (): Generator<number> {
    for (let i = 0; i < this.length; i++) if (this.has(i)) yield i
  }

  * missing (): Generator<number> {
    for (let i = 0; i < this.length; i++) if (!this.has(i)) yield i
  }

  clone (): Bitfield {
    return new Bitfield(this.length, this.bytes)
  }
}

function popcount (b: number): number {
  b = b - ((b >> 1) & 0x55)
  b = (b & 0x33) + ((b >> 2) & 0x33)
  return (b + (b >> 4)) & 0x0f
}
