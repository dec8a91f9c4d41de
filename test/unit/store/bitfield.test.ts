import assert from 'node:assert/strict'
import { Bitfield } from '../../../src/store/bitfield.js'

describe('Bitfield', () => {
  it('sets, clears and counts bits in wire order (bit 0 = MSB of byte 0)', () => {
    const b = new Bitfield(10)
    assert.equal(b.bytes.byteLength, 2)
    assert.ok(b.set(0))
    assert.ok(!b.set(0))
    b.set(9)
    assert.equal(b.bytes[0], 0x80)
    assert.equal(b.bytes[1], 0x40)
    assert.equal(b.count, 2)
    assert.deepEqual([...b.indices()], [0, 9])
    assert.ok(b.clear(0))
    assert.equal(b.count, 1)
    assert.equal([...b.missing()].length, 9)
    assert.throws(() => b.set(10), RangeError)
    assert.equal(b.has(-1), false)
  })

  it('ignores spare bits past the length when loading bytes', () => {
    const b = new Bitfield(3, Uint8Array.of(0xff))
    assert.equal(b.count, 3)
    assert.ok(b.full)
    assert.throws(() => new Bitfield(9, Uint8Array.of(0xff)), RangeError)
  })

  it('builds a full bitfield and clones independently', () => {
    const full = Bitfield.full(17)
    assert.ok(full.full)
    const copy = full.clone()
    copy.clear(3)
    assert.ok(full.has(3))
    assert.equal(copy.count, 16)
  })
})
