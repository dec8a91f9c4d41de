import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chunkCount, fileInfo, MIN_CHUNK_SIZE } from '../../../src/manifest/index.js'
import { decodeBitfieldFile } from '../../../src/store/fs-bitfield-file.js'
import { BITFIELD_FILE, BLOBS_DIR, DATA_FILE, FsChunkStore, importFile, MANIFEST_FILE, verifyWholeFile } from '../../../src/store/index.js'
import { FsStoredFile } from '../../../src/store/fs-stored-file.js'
import { HashWorker } from '../../../src/store/hash-worker.js'
import { describeChunkStore } from './chunk-store-suite.js'
import { makeTestFile, shuffled, tempDir, writeTestFile, type TestFile } from './fixtures.js'
import type { StoredFile } from '../../../src/store/index.js'

describeChunkStore('FsChunkStore', async () => {
  const dir = await tempDir()
  const store = new FsChunkStore(dir.path)
  return { store, teardown: async () => { await store.close(); await dir.remove() } }
})

describeChunkStore('FsChunkStore, direct I/O (directIo: true)', async () => {
  const dir = await tempDir()
  const store = new FsChunkStore(dir.path, { directIo: true })
  return { store, teardown: async () => { await store.close(); await dir.remove() } }
})

const CS = MIN_CHUNK_SIZE

describe('FsChunkStore on disk', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let stores: FsChunkStore[]
  let t: TestFile

  /** A new store on the same folder, as after a restart. */
  function reopen (): FsChunkStore {
    const store = new FsChunkStore(dir.path)
    stores.push(store)
    return store
  }

  const blob = (name: string): string => join(dir.path, BLOBS_DIR, t.info.key, name)

  async function writeSome (indices: number[]): Promise<StoredFile> {
    const file = await reopen().open(t.info)
    for (const i of indices) await file.write(i, t.chunk(i))
    await stores[stores.length - 1].close()
    return file
  }

  async function heldAfterRestart (): Promise<number[]> {
    const file = await reopen().get(t.info.key)
    assert.ok(file != null)
    return [...file.bitfield.indices()]
  }

  beforeEach(async () => {
    dir = await tempDir()
    stores = []
    t = makeTestFile(CS * 12 + 5)
  })

  afterEach(async () => {
    for (const s of stores) await s.close()
    await dir.remove()
  })

  it('lays a blob out as data, manifest and bitfield, the data preallocated', async () => {
    await reopen().open(t.info)
    assert.equal((await stat(blob(DATA_FILE))).size, t.info.manifest.size)
    assert.deepEqual(await readFile(blob(MANIFEST_FILE)), Buffer.from(t.info.bytes))
    const bits = decodeBitfieldFile(await readFile(blob(BITFIELD_FILE)), t.chunks)
    assert.ok(bits != null)
    assert.equal(bits.count, 0)
  })

  it('resumes from the persisted bitfield after a restart', async () => {
    await writeSome([0, 3, 7, 12])
    assert.deepEqual(await heldAfterRestart(), [0, 3, 7, 12])
    const file = await reopen().open(t.info)
    assert.deepEqual(Buffer.from(await file.read(12)), t.chunk(12))
    await file.write(1, t.chunk(1))
    assert.deepEqual(await heldAfterRestart(), [0, 1, 3, 7, 12])
  })

  for (const [name, damage] of [
    ['missing', async (path: string) => { await rm(path) }],
    ['empty', async (path: string) => { await writeFile(path, '') }],
    ['truncated', async (path: string) => { await truncate(path, 10) }],
    ['a flipped bit', async (path: string) => { await flipByte(path, 12) }],
    ['a wrong magic', async (path: string) => { await flipByte(path, 0) }],
    ['one byte too long', async (path: string) => { await writeFile(path, '!', { flag: 'a' }) }]
  ] as const) {
    it(`rechecks every chunk when the bitfield file is ${name}`, async () => {
      await writeSome([1, 2, 5, 12])
      // Bytes of a chunk that was never committed: a recheck finds them valid, which is right.
      await writeAt(blob(DATA_FILE), t.chunk(9), 9 * CS)
      await damage(blob(BITFIELD_FILE))
      assert.deepEqual(await heldAfterRestart(), [1, 2, 5, 9, 12])
      // The rebuilt bitfield was persisted.
      assert.deepEqual([...decodeBitfieldFile(await readFile(blob(BITFIELD_FILE)), t.chunks)!.indices()], [1, 2, 5, 9, 12])
    })
  }

  it('does not trust a bitfield file whose checksum fails even if it claims every chunk', async () => {
    await writeSome([4])
    const bytes = await readFile(blob(BITFIELD_FILE))
    bytes.fill(0xff, 12, 12 + 2) // claims chunks 0..15, checksum now wrong
    await writeFile(blob(BITFIELD_FILE), bytes)
    assert.deepEqual(await heldAfterRestart(), [4])
  })

  it('drops a held chunk whose bytes changed on disk, in memory and on disk', async () => {
    await writeSome([2, 3])
    await flipByte(blob(DATA_FILE), 3 * CS + 100)
    const file = await reopen().get(t.info.key)
    assert.ok(file != null)
    const corrupt: number[] = []
    file.addEventListener('corrupt', evt => corrupt.push(evt.detail.index))
    await assert.rejects(file.read(3), { name: 'ChunkHashMismatchError' })
    assert.equal(file.has(3), false)
    assert.deepEqual(corrupt, [3])
    await assert.rejects(file.read(3), { name: 'ChunkNotHeldError' })
    assert.deepEqual(Buffer.from(await file.read(2)), t.chunk(2))
    await stores[stores.length - 1].close()
    assert.deepEqual(await heldAfterRestart(), [2])
    // And it can be fetched again.
    const again = await reopen().open(t.info)
    await again.write(3, t.chunk(3))
    assert.deepEqual(Buffer.from(await again.read(3)), t.chunk(3))
  })

  it('does not trust a torn chunk: bytes in the data file without a bit', async () => {
    await writeSome([0])
    await writeAt(blob(DATA_FILE), t.chunk(6), 6 * CS)
    assert.deepEqual(await heldAfterRestart(), [0])
    const file = await reopen().open(t.info)
    await assert.rejects(file.read(6), { name: 'ChunkNotHeldError' })
  })

  it('rechecks when the data file was cut short', async () => {
    await writeSome([0, 5, 11, 12])
    await truncate(blob(DATA_FILE), 6 * CS)
    assert.deepEqual(await heldAfterRestart(), [0, 5])
    assert.equal((await stat(blob(DATA_FILE))).size, t.info.manifest.size)
  })

  it('rechecks a file of several read blocks on the hash worker, keeping only the chunks that match', async () => {
    // 1 MiB chunks go to the hash worker; 10.5 MiB spans three 4 MiB read blocks and ends in a short chunk.
    const MiB = 1024 * 1024
    t = makeTestFile(10 * MiB + MiB / 2, MiB)
    await writeSome([...Array(t.chunks).keys()])
    await flipByte(blob(DATA_FILE), 5 * MiB + 7) // second block
    await flipByte(blob(DATA_FILE), 10 * MiB + 3) // the short last chunk, third block
    await writeFile(blob(BITFIELD_FILE), '')
    const hashed = spyOnWorker()
    try {
      assert.deepEqual(await heldAfterRestart(), [0, 1, 2, 3, 4, 6, 7, 8, 9])
    } finally {
      hashed.restore()
    }
    assert.equal(hashed.calls, t.chunks)
  })

  it('summarises a blob that is not open from its files, without opening it', async () => {
    await writeSome([0, 3, 12])
    const store = reopen()
    const original = FsStoredFile.open
    let opened = 0
    FsStoredFile.open = async (init) => { opened++; return original.call(FsStoredFile, init) }
    try {
      assert.deepEqual(await store.summary(t.info.key), { size: t.info.manifest.size, verifiedBytes: 2 * CS + 5, complete: false })
      // A damaged bitfield file vouches for nothing: opening the blob would recheck it.
      await flipByte(blob(BITFIELD_FILE), 12)
      assert.deepEqual(await store.summary(t.info.key), { size: t.info.manifest.size, verifiedBytes: 0, complete: false })
      assert.equal(opened, 0)
    } finally {
      FsStoredFile.open = original
    }
  })

  it('starts afresh when the data file is gone, whatever the bitfield says', async () => {
    await writeSome([0, 1])
    await rm(blob(DATA_FILE))
    assert.deepEqual(await heldAfterRestart(), [])
  })

  it('treats a damaged manifest as corrupt on get, and on open repairs it and rechecks the chunks', async () => {
    await writeSome([3, 8, 9])
    await flipByte(blob(MANIFEST_FILE), 5)
    // The bitfield file is sound but describes bytes under a manifest we no longer have: not trusted.
    await flipByte(blob(DATA_FILE), 9 * CS + 1)
    await assert.rejects(reopen().get(t.info.key), { name: 'InvalidManifestError' })
    const store = reopen()
    await assert.rejects(store.get(t.info.key), { name: 'InvalidManifestError' })
    const file = await store.open(t.info)
    assert.deepEqual([...file.bitfield.indices()], [3, 8])
    assert.deepEqual(await readFile(blob(MANIFEST_FILE)), Buffer.from(t.info.bytes))
    assert.equal(await store.get(t.info.key), file)
  })

  it("refuses a manifest that is another file's", async () => {
    await writeSome([])
    await writeFile(blob(MANIFEST_FILE), makeTestFile(CS).info.bytes)
    await assert.rejects(reopen().get(t.info.key), { name: 'InvalidManifestError' })
  })

  it('lists only folders named by a file id that hold a manifest', async () => {
    await writeSome([0])
    const unfinished = makeTestFile(CS)
    await mkdir(join(dir.path, BLOBS_DIR, unfinished.info.key))
    await mkdir(join(dir.path, BLOBS_DIR, 'not-a-key'))
    assert.deepEqual(await reopen().list(), [t.info.key])
    assert.equal(await reopen().get(unfinished.info.key), undefined)
  })

  it("writes the bitfield to disk before 'chunk' fires", async () => {
    const file = await reopen().open(t.info)
    const onDisk: boolean[] = []
    file.addEventListener('chunk', evt => {
      const bits = decodeBitfieldFile(readFileSync(blob(BITFIELD_FILE)), t.chunks)
      onDisk.push(bits?.has(evt.detail.index) === true)
    })
    await Promise.all(shuffled(t.chunks).map(async i => { await file.write(i, t.chunk(i)) }))
    assert.equal(onDisk.length, t.chunks)
    assert.ok(onDisk.every(Boolean))
  })

  it('leaves the complete data file equal to the original: its sha256 is the manifest sha256', async () => {
    const file = await reopen().open(t.info)
    await Promise.all(shuffled(t.chunks).map(async i => { await file.write(i, t.chunk(i)) }))
    assert.equal(file.path, blob(DATA_FILE))
    const onDisk = await readFile(blob(DATA_FILE))
    assert.deepEqual(createHash('sha256').update(onDisk).digest(), Buffer.from(t.info.manifest.sha256))
    assert.deepEqual(Buffer.from(await file.digest()), Buffer.from(t.info.manifest.sha256))
  })

  it('after a file is closed, get loads it again from disk', async () => {
    const store = reopen()
    const file = await store.open(t.info)
    await file.write(4, t.chunk(4))
    const closing = file.close()
    const again = await store.get(t.info.key)
    await closing
    assert.ok(again != null && again !== file)
    assert.deepEqual([...again.bitfield.indices()], [4])
  })

  it('takes a 64 MiB file written concurrently, and keeps it across a restart', async function () {
    this.timeout(120_000)
    const big = makeTestFile(64 * 1024 * 1024 + 333, 64 * 1024, 'big.bin')
    assert.equal(chunkCount(big.info.manifest), 1025)
    const file = await reopen().open(big.info)
    await Promise.all(shuffled(big.chunks).map(async i => { await file.write(i, big.chunk(i)) }))
    assert.equal(file.complete, true)
    assert.deepEqual(Buffer.from(await file.digest()), Buffer.from(big.info.manifest.sha256))
    await stores[stores.length - 1].close()
    const again = await reopen().get(big.info.key)
    assert.ok(again?.complete)
  })

  it('hashes a chunk once per open handle: a chunk written through it is not hashed again when read; after a reopen, the first read is', async () => {
    const hashed = spyOnWorker()
    try {
      const file = await reopen().open(t.info)
      await file.write(0, t.chunk(0))
      await file.write(1, t.chunk(1))
      assert.equal(hashed.calls, 2, 'one hash per write')
      for (let round = 0; round < 3; round++) assert.deepEqual(Buffer.from(await file.read(1)), t.chunk(1))
      assert.equal(hashed.calls, 2, 'reads of chunks written through this handle hash nothing')
      await stores[stores.length - 1].close()

      const again = (await reopen().get(t.info.key))!
      for (let round = 0; round < 3; round++) assert.deepEqual(Buffer.from(await again.read(0)), t.chunk(0))
      assert.equal(hashed.calls, 3, 'after a reopen the first read of a chunk hashes it, later ones do not')
    } finally {
      hashed.restore()
    }
  })

  it('verifyWholeFile returns the SHA-256 read back, and fails when the manifest\'s whole-file hash contradicts its chunks', async () => {
    const file = await reopen().open(t.info)
    for (let i = 0; i < t.chunks; i++) await file.write(i, t.chunk(i))
    assert.equal(Buffer.from(await verifyWholeFile(file)).toString('hex'), createHash('sha256').update(t.bytes).digest('hex'))

    // The same chunks under a manifest that claims another whole-file hash: every chunk verifies, the file does not.
    const lying = fileInfo({ ...t.info.manifest, sha256: new Uint8Array(32).fill(7) })
    const other = await reopen().open(lying)
    for (let i = 0; i < t.chunks; i++) await other.write(i, t.chunk(i))
    assert.equal(other.complete, true)
    await assert.rejects(verifyWholeFile(other), { name: 'ChunkHashMismatchError' })
  })

  it('imports from a local file', async () => {
    const path = await writeTestFile(dir.path, t)
    const file = await importFile(reopen(), path, t.info)
    assert.ok(file.complete)
    assert.deepEqual(await readFile(blob(DATA_FILE)), t.bytes)
  })
})

/** Counts the calls to every HashWorker's sha256 until restore(). */
function spyOnWorker (): { readonly calls: number, restore(): void } {
  const original = HashWorker.prototype.sha256
  let calls = 0
  HashWorker.prototype.sha256 = async function (this: HashWorker, data, options) {
    calls++
    return original.call(this, data, options)
  }
  return { get calls () { return calls }, restore: () => { HashWorker.prototype.sha256 = original } }
}

async function flipByte (path: string, position: number): Promise<void> {
  const fh = await open(path, 'r+')
  try {
    const b = Buffer.alloc(1)
    await fh.read(b, 0, 1, position)
    b[0] ^= 0x01
    await fh.write(b, 0, 1, position)
  } finally {
    await fh.close()
  }
}

async function writeAt (path: string, data: Uint8Array, position: number): Promise<void> {
  const fh = await open(path, 'r+')
  try {
    await fh.write(data, 0, data.byteLength, position)
  } finally {
    await fh.close()
  }
}
