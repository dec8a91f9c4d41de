import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AlignedPool } from '../../../src/store/aligned-pool.js'
import { DIRECT_IO_ALIGN } from '../../../src/store/constants.js'
import { DirectFile } from '../../../src/store/direct-file.js'
import { tempDir } from './fixtures.js'

const SLOT = 64 * 1024

describe('DirectFile (O_DIRECT)', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let path: string
  let bytes: Buffer
  const pool = new AlignedPool(2, SLOT)

  beforeEach(async () => {
    dir = await tempDir()
    path = join(dir.path, 'data')
    // Longer than two slots and not whole blocks, so reads and writes take several pieces and meet a tail.
    bytes = randomBytes(3 * SLOT + 1234)
    await writeFile(path, bytes)
  })
  afterEach(async () => { await dir.remove() })

  it('opens on this machine\'s temp folder (a disk file system), so the rest of these tests run direct', async function () {
    if (process.platform !== 'linux') this.skip()
    const file = await DirectFile.open(path, pool)
    assert.ok(file != null, 'O_DIRECT refused on os.tmpdir()')
    await file.close()
  })

  it('reads any range, aligned or not, and stops short at the end of the file', async function () {
    const file = await DirectFile.open(path, pool)
    if (file == null) this.skip()
    try {
      for (const [position, length] of [[0, bytes.length], [1, 100], [DIRECT_IO_ALIGN - 3, 10], [SLOT - 7, SLOT + 20], [bytes.length - 50, 50], [bytes.length - 50, 4096], [bytes.length + 10, 10]]) {
        const buf = Buffer.alloc(length)
        const got = await file.read(buf, length, position)
        const want = bytes.subarray(position, position + length)
        assert.equal(got, want.length, `bytes read at ${position}+${length}`)
        assert.ok(buf.subarray(0, got).equals(want), `content at ${position}+${length}`)
      }
    } finally {
      await file.close()
    }
  })

  it('writes the whole aligned blocks of a piece and leaves the tail (and unaligned positions) to the caller', async function () {
    const file = await DirectFile.open(path, pool)
    if (file == null) this.skip()
    try {
      const piece = randomBytes(2 * SLOT + 100)
      assert.equal(await file.writeAligned(piece, DIRECT_IO_ALIGN), 2 * SLOT, 'the aligned prefix, over two slots')
      assert.equal(await file.writeAligned(piece, 100), 0, 'an unaligned position is not written')
      assert.equal(await file.writeAligned(piece.subarray(0, 100), 0), 0, 'under one block is not written')
      const expected = Buffer.from(bytes)
      piece.copy(expected, DIRECT_IO_ALIGN, 0, 2 * SLOT)
      assert.ok((await readFile(path)).equals(expected), 'the file holds the prefix at its offset, the rest untouched')
    } finally {
      await file.close()
    }
  })

  it('lends at most its slots at once; a waiting caller gets the next one released', async () => {
    const small = new AlignedPool(1, SLOT)
    const first = await small.acquire()
    let second: Uint8Array | undefined
    const waiting = small.acquire().then((slot) => { second = slot })
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(second, undefined)
    small.release(first)
    await waiting
    assert.equal(second, first)
  })

  it('fails a wait for a slot that outlasts its timeout with a TimeoutError, and forgets the waiter', async () => {
    const small = new AlignedPool(1, SLOT)
    const first = await small.acquire()
    await assert.rejects(small.acquire(20), { name: 'TimeoutError' })
    // The timed-out caller is no longer queued: the released slot goes back to the pool, not to it.
    small.release(first)
    assert.equal(await small.acquire(20), first)
  })
})
