import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, open, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PeerProcess } from '../../examples/lib/peer-process.js'
import { FsChunkStore } from '../../src/store/index.js'
import { BITFIELD_FILE, BLOBS_DIR, DATA_FILE } from '../../src/store/constants.js'
import { tempDir } from '../unit/store/fixtures.js'
import { MiB, seedFile, startServerProcess, type SeededFile } from '../integration/process-helpers.js'

const run = promisify(execFile)
const STEP_MS = 60_000
const CHUNK = MiB

/** Flips one byte of chunk `index` in a store's data file, as a failing disk would. */
async function flipOnDisk (dataDir: string, fileId: string, index: number): Promise<void> {
  const fh = await open(join(dataDir, BLOBS_DIR, fileId, DATA_FILE), 'r+')
  try {
    const b = Buffer.alloc(1)
    const at = index * CHUNK + 123
    await fh.read(b, 0, 1, at)
    b[0] ^= 0x5a
    await fh.write(b, 0, 1, at)
  } finally {
    await fh.close()
  }
}

/** Polls `test` every 200 ms until it holds or `ms` pass. */
async function until (test: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (!await test() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
}

async function held (dataDir: string, fileId: string): Promise<{ count: number, has: (i: number) => boolean }> {
  const store = new FsChunkStore(dataDir)
  try {
    const f = (await store.get(fileId))!
    const bits = f.bitfield.clone()
    return { count: bits.count, has: (i) => bits.has(i) }
  } finally {
    await store.close()
  }
}

describe('fault: disk corruption and a full disk', function () {
  this.timeout(6 * STEP_MS)
  let dir: Awaited<ReturnType<typeof tempDir>>
  const procs: PeerProcess[] = []
  const spawn = (args: string[], env?: NodeJS.ProcessEnv): PeerProcess => { const p = new PeerProcess(args, { env }); procs.push(p); return p }
  before(async () => { dir = await tempDir() })
  after(async () => {
    await Promise.allSettled(procs.map(async (p) => p.stop()))
    await dir.remove()
  })

  it('a chunk flipped on a server\'s disk is never served (verified on read, or at start when the bitfield is damaged) and is fetched again', async () => {
    const S = join(dir.path, 'seed')
    const A = join(dir.path, 'a')
    const file: SeededFile = await seedFile(dir.path, S, 16 * MiB)
    await spawn(['add', file.path, '--data', A]).exited
    const K = 5
    await flipOnDisk(A, file.fileId, K)

    // A serves with chunk K damaged; B can only ask A.
    const a = await startServerProcess(A)
    procs.push(a.proc)
    const bArgs = ['server', '--data', join(dir.path, 'b'), '--listen', '/ip4/127.0.0.1/tcp/0', '--fetch', file.fileId]
    const b1 = spawn([...bArgs, '--peer', a.addr])
    await b1.waitFor((e) => e.event === 'progress', STEP_MS, 'B fetching')
    // B gets every chunk but K; A found K corrupt when it read it for B: dropped (durably), and said NOT_HELD instead of sending it.
    await until(async () => (await held(join(dir.path, 'b'), file.fileId)).count === file.chunks - 1 && !(await held(A, file.fileId)).has(K), STEP_MS)
    assert.equal((await held(A, file.fileId)).has(K), false, 'A unmarked the chunk it found damaged')
    await b1.stop()
    assert.deepEqual(b1.last('stats')?.blamed ?? {}, {}, 'B never received a bad chunk from A')
    assert.equal((await held(join(dir.path, 'b'), file.fileId)).has(K), false)

    // With an honest source, B fetches exactly the one missing chunk.
    const s = await startServerProcess(S)
    procs.push(s.proc)
    const b2 = spawn([...bArgs, '--peer', s.addr, '--exit-when-done'])
    const done = await b2.waitFor((e) => e.event === 'complete' || e.event === 'error', STEP_MS, 'B complete')
    assert.equal(done.sha256, file.sha256, JSON.stringify(done))
    assert.equal(done.requestedChunks, 1)

    // A itself: damage another chunk and the bitfield file while A is down; at start A re-hashes everything, trusting nothing.
    await a.proc.stop()
    const K2 = 9
    await flipOnDisk(A, file.fileId, K2)
    await truncate(join(A, BLOBS_DIR, file.fileId, BITFIELD_FILE), 7)
    const a2 = spawn(['server', '--data', A, '--listen', '/ip4/127.0.0.1/tcp/0', '--fetch', file.fileId, '--peer', s.addr, '--exit-when-done'])
    const repaired = await a2.waitFor((e) => e.event === 'complete' || e.event === 'error', STEP_MS, 'A repaired')
    assert.equal(repaired.sha256, file.sha256, JSON.stringify(repaired))
    assert.equal(repaired.resumedChunks, file.chunks - 2, 'the recheck kept every sound chunk')
    assert.equal(repaired.requestedChunks, 2, 'and fetched exactly the two damaged ones')
  })

  it('a full disk (ENOSPC) while receiving: a clear error, nothing marked that is not stored, and the fetch resumes once there is room', async function () {
    const mnt = join(dir.path, 'small-disk')
    await mkdir(mnt)
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', mnt])
    } catch (err: any) {
      console.log(`      skipped: cannot mount a tmpfs here (${String(err.message).split('\n')[0]})`)
      this.skip()
    }
    try {
      const S = join(dir.path, 'seed-enospc')
      const file = await seedFile(dir.path, S, 40 * MiB, 'big.bin')
      const s = await startServerProcess(S)
      procs.push(s.proc)
      const args = ['server', '--data', join(mnt, 'b'), '--listen', '/ip4/127.0.0.1/tcp/0', '--fetch', file.fileId, '--peer', s.addr, '--exit-when-done']
      const full = spawn(args)
      const err = await full.waitFor((e) => e.event === 'error' || e.event === 'complete', STEP_MS, 'the fetch to fail')
      assert.equal(err.event, 'error')
      assert.equal(err.error, 'DiskFullError', JSON.stringify(err))
      assert.equal(await full.exited, 1)
      const kept = await held(join(mnt, 'b'), file.fileId)
      assert.ok(kept.count > 0 && kept.count < file.chunks, `${kept.count}/${file.chunks} chunks marked`)

      await run('mount', ['-o', 'remount,size=64m', mnt])
      const resumed = spawn(args)
      const done = await resumed.waitFor((e) => e.event === 'complete' || e.event === 'error', STEP_MS, 'the resumed fetch')
      assert.equal(done.sha256, file.sha256, JSON.stringify(done))
      assert.equal(done.resumedChunks, kept.count, 'every chunk marked before the disk filled was kept (and was sound)')
      assert.equal(done.requestedChunks, file.chunks - kept.count, 'none of them was fetched again')
      console.log(`      disk filled at ${kept.count}/${file.chunks} chunks; resumed and fetched the other ${done.requestedChunks}`)
    } finally {
      await Promise.allSettled(procs.map(async (p) => p.stop()))
      await run('umount', [mnt]).catch(async () => run('umount', ['-l', mnt]))
    }
  })
})
