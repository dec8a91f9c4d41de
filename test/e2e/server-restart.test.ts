import assert from 'node:assert/strict'
import { join } from 'node:path'
import { FsChunkStore } from '../../src/store/index.js'
import { PeerProcess, runPeerCommand } from '../../examples/lib/peer-process.js'
import { writeRandomFile } from '../../examples/lib/random-file.js'
import { tempDir } from '../unit/store/fixtures.js'

const FILE_SIZE = 128 * 1024 * 1024
const STEP_TIMEOUT_MS = 120_000

describe('a server process killed halfway resumes without refetching verified chunks', function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  const procs: PeerProcess[] = []
  let dir: Awaited<ReturnType<typeof tempDir>>
  before(async () => { dir = await tempDir() })
  after(async () => {
    await Promise.all(procs.map(async (p) => p.stop()))
    await dir.remove()
  })

  it('SIGKILL during the fetch, restart: verified chunks are kept and never requested again', async () => {
    const path = join(dir.path, 'file.bin')
    const sha256 = await writeRandomFile(path, FILE_SIZE)
    const added = await runPeerCommand(['add', path, '--data', join(dir.path, 'seed')])
    const seed = new PeerProcess(['server', '--data', join(dir.path, 'seed'), '--listen', '/ip4/127.0.0.1/tcp/0'])
    procs.push(seed)
    const seedAddr = (await seed.listening()).addrs[0]

    const args = ['server', '--data', join(dir.path, 'fetcher'), '--listen', '/ip4/127.0.0.1/tcp/0', '--peer', seedAddr, '--fetch', added.fileId]
    const first = new PeerProcess(args)
    procs.push(first)
    await first.waitFor((e) => e.event === 'progress' && e.chunks > 0, STEP_TIMEOUT_MS, 'first progress')
    first.kill()
    await first.exited
    assert.equal(first.last('complete'), undefined, 'the kill landed before the fetch completed')

    // What the killed process had made durable: the persisted bitfield.
    const store = new FsChunkStore(join(dir.path, 'fetcher'))
    const before = (await store.get(added.fileId))!
    const verifiedBeforeKill = before.bitfield.count
    await store.close()
    assert.ok(verifiedBeforeKill > 0 && verifiedBeforeKill < added.chunks, `killed with ${verifiedBeforeKill}/${added.chunks} chunks`)

    const second = new PeerProcess([...args, '--exit-when-done'])
    procs.push(second)
    const done = await second.waitFor((e) => e.event === 'complete' || e.event === 'error', STEP_TIMEOUT_MS, 'complete')
    assert.equal(done.event, 'complete', JSON.stringify(done))
    assert.equal(done.sha256, sha256)
    assert.equal(done.resumedChunks, verifiedBeforeKill, 'every chunk verified before the kill was kept')
    // Every missing chunk had to be requested; requesting exactly that many means none of the kept ones was.
    assert.equal(done.requestedChunks, added.chunks - verifiedBeforeKill, 'no kept chunk was requested again')
    assert.equal(done.fetchedChunks, added.chunks - verifiedBeforeKill)
  })
})
