import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { base58btc } from 'multiformats/bases/base58'
import { chunkLength, MIN_CHUNK_SIZE } from '../../../src/manifest/index.js'
import { importFile } from '../../../src/store/index.js'
import { makeTestFile, shuffled, tempDir, writeTestFile, type TestFile } from './fixtures.js'
import type { ChunkStore, StoredFile } from '../../../src/store/index.js'

export interface ChunkStoreFixture {
  store: ChunkStore
  /** Closes the store and removes whatever it left behind. */
  teardown(): Promise<void>
}

const CS = MIN_CHUNK_SIZE
/** 10 chunks and a short last one, so lengths and verifiedBytes are not all multiples of the chunk size. */
const SIZE = CS * 10 + 1234

async function writeAll (file: StoredFile, t: TestFile): Promise<void> {
  for (let i = 0; i < t.chunks; i++) await file.write(i, t.chunk(i))
}

/**
 * The contract every ChunkStore implementation must keep. Each implementation's
 * test file calls this with a factory for a fresh, empty store.
 */
export function describeChunkStore (name: string, factory: () => Promise<ChunkStoreFixture>): void {
  describe(`ChunkStore contract: ${name}`, () => {
    let fixture: ChunkStoreFixture
    let store: ChunkStore
    let t: TestFile

    beforeEach(async () => {
      fixture = await factory()
      store = fixture.store
      t = makeTestFile(SIZE)
    })

    afterEach(async () => {
      await fixture.teardown()
    })

    it('writes chunks and reads the same bytes back', async () => {
      const file = await store.open(t.info)
      assert.equal(file.info.key, t.info.key)
      await writeAll(file, t)
      for (let i = 0; i < t.chunks; i++) {
        assert.ok(file.has(i))
        assert.deepEqual(Buffer.from(await file.read(i)), t.chunk(i))
      }
    })

    it('summarises a blob: size, verified bytes (the short last chunk counted as it is), complete', async () => {
      assert.equal(await store.summary(t.info.key), undefined)
      const file = await store.open(t.info)
      assert.deepEqual(await store.summary(t.info.key), { size: SIZE, verifiedBytes: 0, complete: false })
      await file.write(2, t.chunk(2))
      await file.write(t.chunks - 1, t.chunk(t.chunks - 1))
      assert.deepEqual(await store.summary(t.info.key), { size: SIZE, verifiedBytes: CS + 1234, complete: false })
      await writeAll(file, t)
      assert.deepEqual(await store.summary(t.info.key), { size: SIZE, verifiedBytes: SIZE, complete: true })
      await assert.rejects(store.summary('not-a-key'), { name: 'InvalidArgumentError' })
    })

    it('rejects a chunk that does not match its hash and does not mark it', async () => {
      const file = await store.open(t.info)
      const wrong = t.chunk(0)
      wrong[100] ^= 0xff
      await assert.rejects(file.write(0, wrong), { name: 'ChunkHashMismatchError' })
      // Right bytes of another chunk, and a chunk of the wrong length, are just as wrong.
      await assert.rejects(file.write(0, t.chunk(1)), { name: 'ChunkHashMismatchError' })
      await assert.rejects(file.write(t.chunks - 1, t.chunk(0)), { name: 'ChunkHashMismatchError' })
      assert.equal(file.has(0), false)
      assert.equal(file.bitfield.count, 0)
      assert.equal(file.verifiedBytes, 0)
      await assert.rejects(file.read(0), { name: 'ChunkNotHeldError' })
    })

    it('refuses chunk indices outside the file with OutOfRangeError', async () => {
      const file = await store.open(t.info)
      for (const index of [t.chunks, -1, 1.5, 1e9]) {
        await assert.rejects(file.write(index, t.chunk(0)), { name: 'OutOfRangeError' }, `write(${index})`)
        await assert.rejects(file.read(index), { name: 'OutOfRangeError' }, `read(${index})`)
        assert.equal(file.has(index), false)
      }
    })

    it('throws ChunkNotHeldError reading a chunk not held', async () => {
      const file = await store.open(t.info)
      await file.write(1, t.chunk(1))
      await assert.rejects(file.read(0), { name: 'ChunkNotHeldError' })
      await assert.rejects(file.read(2), { name: 'ChunkNotHeldError' })
    })

    it('counts verified bytes and becomes complete with the last chunk', async () => {
      const file = await store.open(t.info)
      const last = t.chunks - 1
      assert.equal(file.complete, false)
      await file.write(last, t.chunk(last))
      assert.equal(file.verifiedBytes, 1234)
      assert.equal(chunkLength(t.info.manifest, last), 1234)
      await file.write(0, t.chunk(0))
      assert.equal(file.verifiedBytes, CS + 1234)
      for (let i = 1; i < last; i++) {
        assert.equal(file.complete, false)
        await file.write(i, t.chunk(i))
      }
      assert.equal(file.complete, true)
      assert.equal(file.verifiedBytes, SIZE)
      assert.equal(file.bitfield.count, t.chunks)
    })

    it('treats writing a held chunk as a no-op, but still verifies it', async () => {
      const file = await store.open(t.info)
      const events: number[] = []
      file.addEventListener('chunk', evt => events.push(evt.detail.index))
      await file.write(3, t.chunk(3))
      await file.write(3, t.chunk(3))
      assert.deepEqual(events, [3])
      assert.equal(file.bitfield.count, 1)
      await assert.rejects(file.write(3, t.chunk(4)), { name: 'ChunkHashMismatchError' })
      assert.deepEqual(Buffer.from(await file.read(3)), t.chunk(3))
    })

    it('lists, gets and deletes blobs', async () => {
      const other = makeTestFile(CS * 3, CS, 'other.bin')
      assert.deepEqual(await store.list(), [])
      assert.equal(await store.get(t.info.key), undefined)
      const a = await store.open(t.info)
      const b = await store.open(other.info)
      assert.notEqual(a, b)
      assert.equal(await store.open(t.info), a, 'opening a key twice gives the same StoredFile')
      assert.equal(await store.get(t.info.key), a)
      assert.deepEqual((await store.list()).sort(), [t.info.key, other.info.key].sort())

      await a.write(0, t.chunk(0))
      await store.delete(t.info.key)
      assert.deepEqual(await store.list(), [other.info.key])
      assert.equal(await store.get(t.info.key), undefined)
      await assert.rejects(a.read(0), { name: 'StoreClosedError' }, 'a deleted blob is closed')

      const again = await store.open(t.info)
      assert.equal(again.bitfield.count, 0, 'a deleted blob comes back empty')
      assert.equal(await store.get(other.info.key), b)
    })

    it('opens concurrently to one StoredFile', async () => {
      const files = await Promise.all([store.open(t.info), store.open(t.info), store.get(t.info.key), store.open(t.info)])
      for (const f of files) assert.equal(f, files[0])
    })

    it('refuses keys that are not file ids', async () => {
      for (const key of ['..', '../../etc', 'blobs', '', t.info.key.toUpperCase(), t.info.id.toV1().toString(base58btc)]) {
        await assert.rejects(store.get(key), { name: 'InvalidArgumentError' }, key)
        await assert.rejects(store.delete(key), { name: 'InvalidArgumentError' }, key)
      }
      await assert.rejects(store.open({ ...t.info, key: '../x' }), { name: 'InvalidArgumentError' })
      const other = makeTestFile(CS)
      await assert.rejects(store.open({ ...t.info, key: other.info.key }), { name: 'InvalidManifestError' })
    })

    it('takes many concurrent writes, duplicates included', async () => {
      const many = makeTestFile(CS * 64 + 7)
      const file = await store.open(many.info)
      const events = new Map<number, number>()
      file.addEventListener('chunk', evt => events.set(evt.detail.index, (events.get(evt.detail.index) ?? 0) + 1))
      const order = [...shuffled(many.chunks), ...shuffled(many.chunks).slice(0, 20)]
      await Promise.all(order.map(async i => { await file.write(i, many.chunk(i)) }))
      assert.equal(file.complete, true)
      assert.equal(events.size, many.chunks)
      for (const [index, n] of events) assert.equal(n, 1, `chunk ${index} announced ${n} times`)
      const reads = await Promise.all(shuffled(many.chunks).map(async i => [i, await file.read(i)] as const))
      for (const [i, data] of reads) assert.deepEqual(Buffer.from(data), many.chunk(i))
      assert.deepEqual(Buffer.from(await file.digest()), Buffer.from(many.info.manifest.sha256))
    })

    it("fires 'chunk' once the chunk is held, before write() resolves", async () => {
      const file = await store.open(t.info)
      const seen: number[] = []
      file.addEventListener('chunk', evt => {
        assert.equal(file.has(evt.detail.index), true, 'marked before it is announced')
        seen.push(evt.detail.index)
      })
      await Promise.all([0, 1, 2, 3].map(async i => {
        await file.write(i, t.chunk(i))
        assert.ok(seen.includes(i), `event for ${i} before its write resolved`)
      }))
      assert.deepEqual(seen.sort(), [0, 1, 2, 3])
    })

    it('digests a complete file to the manifest sha256, and refuses an incomplete one', async () => {
      const file = await store.open(t.info)
      await file.write(0, t.chunk(0))
      await assert.rejects(file.digest(), { name: 'ChunkNotHeldError' })
      await writeAll(file, t)
      assert.deepEqual(Buffer.from(await file.digest()), Buffer.from(t.info.manifest.sha256))
    })

    it('holds an empty file as complete', async () => {
      const empty = makeTestFile(0)
      const file = await store.open(empty.info)
      assert.equal(file.complete, true)
      assert.equal(file.verifiedBytes, 0)
      assert.deepEqual(Buffer.from(await file.digest()), createHash('sha256').digest())
    })

    it('keeps chunks across closing and getting a file again', async () => {
      const file = await store.open(t.info)
      await file.write(2, t.chunk(2))
      await file.write(5, t.chunk(5))
      await file.close()
      await assert.rejects(file.read(2), { name: 'StoreClosedError' })
      await assert.rejects(file.write(3, t.chunk(3)), { name: 'StoreClosedError' })
      const again = await store.get(t.info.key)
      assert.ok(again != null)
      assert.notEqual(again, file)
      assert.deepEqual([...again.bitfield.indices()], [2, 5])
      assert.deepEqual(Buffer.from(await again.read(5)), t.chunk(5))
    })

    it('throws StoreClosedError after the store is closed', async () => {
      const file = await store.open(t.info)
      await file.write(0, t.chunk(0))
      await store.close()
      await assert.rejects(store.open(t.info), { name: 'StoreClosedError' })
      await assert.rejects(store.get(t.info.key), { name: 'StoreClosedError' })
      await assert.rejects(store.list(), { name: 'StoreClosedError' })
      await assert.rejects(store.delete(t.info.key), { name: 'StoreClosedError' })
      await assert.rejects(file.read(0), { name: 'StoreClosedError' })
      await assert.rejects(file.write(1, t.chunk(1)), { name: 'StoreClosedError' })
    })

    it('lets writes that are running finish when the store closes', async () => {
      const file = await store.open(t.info)
      const writes = Array.from({ length: t.chunks }, async (_, i) => { await file.write(i, t.chunk(i)) })
      await store.close()
      await Promise.all(writes)
      assert.equal(file.complete, true)
    })

    it('honours an aborted signal', async () => {
      const file = await store.open(t.info)
      const signal = AbortSignal.abort()
      await assert.rejects(file.write(0, t.chunk(0), { signal }), { name: 'AbortError' })
      assert.equal(file.has(0), false)
      await assert.rejects(store.open(t.info, { signal }), { name: 'AbortError' })
    })

    describe('importFile', () => {
      let dir: Awaited<ReturnType<typeof tempDir>>
      beforeEach(async () => { dir = await tempDir() })
      afterEach(async () => { await dir.remove() })

      it('copies a local file in, verified, chunk by chunk', async () => {
        const big = makeTestFile(CS * 40 + 99)
        const path = await writeTestFile(dir.path, big)
        const progress: number[] = []
        const file = await importFile(store, path, big.info, { onProgress: bytes => progress.push(bytes) })
        assert.equal(file.complete, true)
        assert.equal(progress.length, big.chunks)
        assert.equal(Math.max(...progress), big.info.manifest.size)
        assert.deepEqual(Buffer.from(await file.digest()), Buffer.from(big.info.manifest.sha256))
        for (const i of [0, 17, big.chunks - 1]) assert.deepEqual(Buffer.from(await file.read(i)), big.chunk(i))
      })

      it('resumes: chunks already held are not written again', async () => {
        const path = await writeTestFile(dir.path, t)
        const file = await store.open(t.info)
        await file.write(0, t.chunk(0))
        await file.write(4, t.chunk(4))
        const written: number[] = []
        file.addEventListener('chunk', evt => written.push(evt.detail.index))
        await importFile(store, path, t.info, { chunksInFlight: 3 })
        assert.equal(file.complete, true)
        assert.deepEqual(written.sort((a, b) => a - b), [1, 2, 3, 5, 6, 7, 8, 9, 10])
      })

      it('fails on a file that does not match the manifest', async () => {
        const path = await writeTestFile(dir.path, t)
        const other = makeTestFile(SIZE, CS, t.info.manifest.name)
        await assert.rejects(importFile(store, path, other.info), { name: 'ChunkHashMismatchError' })
        const shorter = makeTestFile(SIZE - 1, CS, t.info.manifest.name)
        await assert.rejects(importFile(store, path, shorter.info), { name: 'InvalidArgumentError' })
      })
    })
  })
}
