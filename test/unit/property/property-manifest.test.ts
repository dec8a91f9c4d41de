import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  chunkCountFor, encodeManifest, fileInfo, fileInfoFromBytes, MAX_CHUNK_SIZE, MIN_CHUNK_SIZE, parseFileId, type Manifest
} from '../../../src/manifest/index.js'
import { parseAllowlist } from '../../../src/node/allowlist.js'
import { Bitfield } from '../../../src/store/bitfield.js'
import { decodeBitfieldFile, encodeBitfieldFile } from '../../../src/store/fs-bitfield-file.js'
import { protobufish } from './arbitraries.js'

const RUNS = { numRuns: 300 }

/** Valid manifests of small files (the hashes need not match any bytes: the manifest only carries them). */
const manifestArb: fc.Arbitrary<Manifest> = fc.record({
  name: fc.string({ maxLength: 40 }).filter((n) => !n.includes('/') && !n.includes('\\') && n !== '..'),
  chunkSize: fc.integer({ min: MIN_CHUNK_SIZE, max: MAX_CHUNK_SIZE }),
  chunks: fc.nat({ max: 40 }),
  tail: fc.nat(),
  sha256: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  seed: fc.uint8Array({ minLength: 32, maxLength: 32 })
}).map(({ name, chunkSize, chunks, tail, sha256, seed }) => {
  const size = chunks === 0 ? 0 : (chunks - 1) * chunkSize + 1 + (tail % chunkSize)
  const n = chunkCountFor(size, chunkSize)
  const chunkHashes = new Uint8Array(n * 32)
  for (let i = 0; i < n; i++) chunkHashes.set(seed.map((b) => b ^ i), i * 32)
  return { version: 1, name, size, chunkSize, chunkHashes, sha256 }
})

describe('property: manifest, file ids and on-disk formats', function () {
  this.timeout(60_000)

  it('a manifest round-trips through its canonical bytes and its id', () => {
    fc.assert(fc.property(manifestArb, (m) => {
      const info = fileInfo(m)
      const back = fileInfoFromBytes(info.bytes, info.id)
      assert.equal(back.key, info.key)
      assert.deepEqual({ ...back.manifest }, { ...m, chunkHashes: back.manifest.chunkHashes, sha256: back.manifest.sha256 })
      assert.deepEqual(Buffer.from(back.manifest.chunkHashes), Buffer.from(m.chunkHashes))
      assert.equal(parseFileId(info.key).toString(), info.key)
    }), RUNS)
  })

  it('a manifest that does not match its id is rejected with InvalidManifestError, whatever was changed', () => {
    fc.assert(fc.property(manifestArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (m, at, flip) => {
      const info = fileInfo(m)
      const bytes = Uint8Array.from(info.bytes)
      bytes[at % bytes.byteLength] ^= flip
      assert.throws(() => fileInfoFromBytes(bytes, info.id), { name: 'InvalidManifestError' })
      // Another valid manifest under this id: rejected too.
      const other = fileInfo({ ...m, name: m.name + 'x' })
      assert.throws(() => fileInfoFromBytes(other.bytes, info.id), { name: 'InvalidManifestError' })
    }), RUNS)
  })

  it('arbitrary bytes as a manifest: InvalidManifestError or a valid manifest, nothing else', () => {
    fc.assert(fc.property(protobufish, (bytes) => {
      try {
        const info = fileInfoFromBytes(bytes)
        assert.deepEqual(Buffer.from(encodeManifest(info.manifest)), Buffer.from(bytes), 'only canonical bytes are accepted')
      } catch (err: any) {
        assert.equal(err.name, 'InvalidManifestError', err.stack)
      }
    }), RUNS)
  })

  it('arbitrary text as a file id: InvalidManifestError or a file id', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string().map((s) => 'bafkrei' + s)), (text) => {
      try {
        parseFileId(text)
      } catch (err: any) {
        assert.equal(err.name, 'InvalidManifestError')
      }
    }), RUNS)
  })

  it('the bitfield file: round-trips, and any damage (a flipped byte, a cut) is detected, never trusted', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.nat(), { maxLength: 50 }), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat(), (n, set, at, flip, keep) => {
      const b = new Bitfield(n)
      for (const i of set) b.set(i % n)
      const bytes = encodeBitfieldFile(b)
      assert.deepEqual(Buffer.from(decodeBitfieldFile(bytes, n)!.bytes), Buffer.from(b.bytes))
      const damaged = Buffer.from(bytes)
      damaged[at % damaged.byteLength] ^= flip
      assert.equal(decodeBitfieldFile(damaged, n), undefined)
      assert.equal(decodeBitfieldFile(bytes.subarray(0, keep % bytes.byteLength), n), undefined)
    }), RUNS)
  })

  it('arbitrary bytes as a bitfield file: undefined or a bitfield, never an exception', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 2000 }), (bytes, n) => {
      const b = decodeBitfieldFile(bytes, n)
      assert.ok(b === undefined || b.length === n)
    }), RUNS)
  })

  it('arbitrary text as an allowlist file: PeerIds or InvalidArgumentError naming the line', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      try {
        for (const id of parseAllowlist(text)) assert.match(id, /^[1-9A-HJ-NP-Za-km-z]+$/)
      } catch (err: any) {
        assert.equal(err.name, 'InvalidArgumentError')
        assert.match(err.message, /:\d+: /)
      }
    }), RUNS)
  })
})
