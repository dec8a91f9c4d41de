import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileInfo, MIN_CHUNK_SIZE, sha256 } from '../../../src/manifest/index.js'
import { Bitfield } from '../../../src/store/bitfield.js'
import { Catalog } from '../../../src/tracker/catalog.js'
import { SqliteTrackerDb } from '../../../src/tracker/sqlite-db.js'

function info (chunks: number, name = 'f.bin') {
  const chunkHashes = new Uint8Array(chunks * 32)
  for (let i = 0; i < chunks; i++) chunkHashes.set(sha256(Uint8Array.of(i)), i * 32)
  return fileInfo({ version: 1, name, size: chunks * MIN_CHUNK_SIZE, chunkSize: MIN_CHUNK_SIZE, chunkHashes, sha256: sha256(Uint8Array.of(chunks)) })
}

describe('tracker/catalog', () => {
  let dir: string
  let db: SqliteTrackerDb

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-cat-'))
    db = new SqliteTrackerDb(join(dir, 'tracker.db'))
  })

  afterEach(async () => {
    db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('records holdings from bitfields and counts complete copies of live servers', () => {
    const catalog = new Catalog({ db, now: () => 1 })
    const f = info(10)
    assert.equal(catalog.addFile(f), true)
    assert.equal(catalog.addFile(f), false)
    const half = new Bitfield(10)
    for (let i = 0; i < 5; i++) half.set(i)
    catalog.applyAnnounce('a', [{ fileKey: f.key, bitfield: half.bytes, complete: false }], false)
    catalog.applyAnnounce('b', [{ fileKey: f.key, complete: true }], false)
    assert.deepEqual(catalog.holders(f.key).map((h) => [h.peerId, h.bitfield.count]), [['a', 5], ['b', 10]])
    assert.equal(catalog.completeCopies(f.key, () => true), 1)
    assert.equal(catalog.completeCopies(f.key, (id) => id !== 'b'), 0)
  })

  it('drops unlisted holdings on a full announce, skips unknown files, refuses bad bitfields', () => {
    const catalog = new Catalog({ db, now: () => 1 })
    const f = info(10)
    const g = info(3, 'g.bin')
    catalog.addFile(f)
    catalog.addFile(g)
    catalog.applyAnnounce('a', [{ fileKey: f.key, complete: true }, { fileKey: g.key, complete: true }], false)
    catalog.applyAnnounce('a', [{ fileKey: g.key, complete: true }, { fileKey: 'unknown', complete: true }], true)
    assert.equal(catalog.holders(f.key).length, 0)
    assert.equal(catalog.holders(g.key).length, 1)
    assert.throws(() => catalog.applyAnnounce('a', [{ fileKey: f.key, bitfield: new Uint8Array(7), complete: false }], false), { name: 'InvalidArgumentError' })
  })

  it('reloads files, holdings and egress from the database', () => {
    const f = info(10)
    let catalog = new Catalog({ db, now: () => 1 })
    catalog.addFile(f)
    catalog.applyAnnounce('a', [{ fileKey: f.key, complete: true }], false)
    catalog.addBytesSent(f.key, 1234)
    db.close()
    db = new SqliteTrackerDb(join(dir, 'tracker.db'))
    catalog = new Catalog({ db, now: () => 2 })
    assert.equal(catalog.get(f.key)?.info.key, f.key)
    assert.equal(catalog.get(f.key)?.bytesSent, 1234)
    assert.equal(catalog.completeCopies(f.key, () => true), 1)
  })
})
