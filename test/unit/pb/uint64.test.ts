import assert from 'node:assert/strict'
import { fileInfo, fileInfoFromBytes } from '../../../src/manifest/index.js'
import { ProbeResult } from '../../../src/pb/probe.js'
import { writeUint64 } from '../../../src/util/uint64.js'

/** The varint of a value, by the protobuf rule (7 bits a byte, low bits first). */
function varint (value: bigint): number[] {
  const out: number[] = []
  do {
    const low = Number(value & 0x7fn)
    value >>= 7n
    out.push(value === 0n ? low : low | 0x80)
  } while (value !== 0n)
  return out
}

// Values around each boundary; 2^31 .. 2^32 - 1 is where protons-runtime's own writer fails.
const VALUES = [0n, 1n, 127n, 128n, 2n ** 31n - 1n, 2n ** 31n, 3n * 2n ** 30n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 63n + 12345n, 2n ** 64n - 1n]

describe('generated encoders: uint64 fields', () => {
  it('write the protobuf varint of every value, 2^31 to 2^32 - 1 included, and decode back', () => {
    for (const bytes of VALUES) {
      const encoded = ProbeResult.encode({ bytes, elapsedUs: 0n, firstBytes: 0n })
      if (bytes !== 0n) assert.deepEqual([...encoded], [0x08, ...varint(bytes)], `encoding of ${bytes}`)
      assert.equal(ProbeResult.decode(encoded).bytes, bytes)
    }
  })

  it('writeUint64 picks a writer path for every value (number path up to 2^53 - 1)', () => {
    const calls: string[] = []
    const w = { uint64: () => calls.push('bigint'), uint64Number: () => calls.push('number') }
    for (const v of [0n, 2n ** 31n, 2n ** 53n - 1n, 2n ** 53n]) writeUint64(w, v)
    assert.deepEqual(calls, ['number', 'number', 'number', 'bigint'])
  })

  it('a manifest of a 3 GiB file round-trips (its size is in the range protons-runtime mis-encodes)', () => {
    const size = 3 * 2 ** 30
    const chunkSize = 4 * 1024 * 1024
    const info = fileInfo({ version: 1, name: 'big.iso', size, chunkSize, chunkHashes: new Uint8Array(size / chunkSize * 32), sha256: new Uint8Array(32) })
    assert.equal(fileInfoFromBytes(info.bytes, info.key).manifest.size, size)
  })
})
