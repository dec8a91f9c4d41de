import assert from 'node:assert/strict'
import { Bitfield } from '../../../src/store/bitfield.js'
import { bitfieldFileLength, decodeBitfieldFile, encodeBitfieldFile } from '../../../src/store/fs-bitfield-file.js'

describe('bitfield file', () => {
  const bits = new Bitfield(21)
  for (const i of [0, 7, 8, 20]) bits.set(i)

  it('round-trips', () => {
    const bytes = encodeBitfieldFile(bits)
    assert.equal(bytes.byteLength, bitfieldFileLength(21))
    assert.deepEqual([...decodeBitfieldFile(bytes, 21)!.indices()], [0, 7, 8, 20])
  })

  it('refuses any damaged byte, a wrong length and a different chunk count', () => {
    const good = encodeBitfieldFile(bits)
    for (let i = 0; i < good.byteLength; i++) {
      const bad = Buffer.from(good)
      bad[i] ^= 0x10
      assert.equal(decodeBitfieldFile(bad, 21), undefined, `byte ${i}`)
    }
    assert.equal(decodeBitfieldFile(good.subarray(1), 21), undefined)
    assert.equal(decodeBitfieldFile(Buffer.concat([good, Buffer.of(0)]), 21), undefined)
    assert.equal(decodeBitfieldFile(good, 22), undefined)
    assert.equal(decodeBitfieldFile(new Uint8Array(0), 0), undefined)
  })

  it('encodes an empty file of no chunks', () => {
    assert.equal(decodeBitfieldFile(encodeBitfieldFile(new Bitfield(0)), 0)?.length, 0)
  })
})
