import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  chunkCount, chunkLength, chunkMatches, decodeManifest, encodeManifest, fileInfo, fileInfoFromBytes,
  manifestFromFile, MIN_CHUNK_SIZE, parseFileId, sha256, type Manifest
} from '../../../src/manifest/index.js'
import { makeTestFile, tempDir } from '../store/fixtures.js'

const CHUNK = MIN_CHUNK_SIZE

describe('manifest', () => {
  const file = makeTestFile(5 * CHUNK + 7, CHUNK, 'five.bin')

  it('round-trips through its canonical encoding, and the id commits to the bytes', () => {
    const bytes = encodeManifest(file.info.manifest)
    const decoded = decodeManifest(bytes)
    assert.equal(decoded.name, 'five.bin')
    assert.equal(decoded.size, file.info.manifest.size)
    assert.deepEqual(Buffer.from(encodeManifest(decoded)), Buffer.from(bytes))
    const again = fileInfoFromBytes(bytes, file.info.id)
    assert.equal(again.key, file.info.key)
    assert.equal(parseFileId(file.info.key).toString(), file.info.key)
  })

  it('computes chunk count, lengths and matches', () => {
    const m = file.info.manifest
    assert.equal(chunkCount(m), 6)
    assert.equal(chunkLength(m, 0), CHUNK)
    assert.equal(chunkLength(m, 5), 7)
    assert.ok(chunkMatches(m, 5, file.chunk(5)))
    assert.ok(!chunkMatches(m, 4, file.chunk(5)))
    assert.throws(() => chunkLength(m, 6), { name: 'OutOfRangeError' })
  })

  it('rejects a truncated manifest with InvalidManifestError', () => {
    const bytes = encodeManifest(file.info.manifest)
    for (const cut of [1, 10, bytes.length - 1]) {
      assert.throws(() => decodeManifest(bytes.subarray(0, cut)), { name: 'InvalidManifestError' }, `cut at ${cut}`)
    }
  })

  it('rejects a corrupted manifest: wrong id, bad fields, non-canonical bytes', () => {
    const bytes = Buffer.from(encodeManifest(file.info.manifest))
    const other = makeTestFile(CHUNK, CHUNK)
    assert.throws(() => fileInfoFromBytes(bytes, other.info.id), { name: 'InvalidManifestError' })
    const flipped = Buffer.from(bytes)
    flipped[flipped.length - 3] ^= 0x01 // inside the whole-file hash: decodes, but is another file
    assert.notEqual(fileInfoFromBytes(flipped).key, file.info.key)
    assert.throws(() => fileInfoFromBytes(flipped, file.info.id), { name: 'InvalidManifestError' })
    const bad = (patch: Partial<Manifest>): void => {
      assert.throws(() => encodeManifest({ ...file.info.manifest, ...patch }), { name: 'InvalidManifestError' }, JSON.stringify(Object.keys(patch)))
    }
    bad({ chunkSize: 1000 })
    bad({ size: -1 })
    bad({ chunkHashes: new Uint8Array(32) })
    bad({ sha256: new Uint8Array(31) })
    bad({ name: '../etc/passwd' })
    bad({ version: 2 })
    // Trailing bytes make a different (non-canonical) encoding of the same manifest.
    assert.throws(() => decodeManifest(Buffer.concat([bytes, Buffer.from([0x38, 0x00])])), { name: 'InvalidManifestError' })
  })

  it('rejects random bytes with InvalidManifestError only', () => {
    for (let i = 0; i < 200; i++) {
      const junk = Buffer.from(Array.from({ length: (i * 7) % 97 }, () => Math.floor(Math.random() * 256)))
      try { decodeManifest(junk) } catch (err: any) { assert.equal(err.name, 'InvalidManifestError') }
    }
  })

  it('rejects text that is not a file id', () => {
    assert.throws(() => parseFileId('not-a-cid'), { name: 'InvalidManifestError' })
  })

  it('hashes a file from disk into the same manifest as from memory', async () => {
    const dir = await tempDir()
    try {
      const path = join(dir.path, 'five.bin')
      await writeFile(path, file.bytes)
      const info = await manifestFromFile(path, { chunkSize: CHUNK })
      assert.equal(info.key, file.info.key)
      assert.deepEqual(Buffer.from(info.manifest.sha256), Buffer.from(sha256(file.bytes)))
      const empty = join(dir.path, 'empty.bin')
      await writeFile(empty, new Uint8Array(0))
      assert.equal(chunkCount((await manifestFromFile(empty)).manifest), 0)
    } finally {
      await dir.remove()
    }
  })

  it('builds file info from a manifest object', () => {
    assert.equal(fileInfo(file.info.manifest).key, file.info.key)
  })
})
