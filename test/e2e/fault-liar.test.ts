import assert from 'node:assert/strict'
import { join } from 'node:path'
import { PeerProcess, runPeerCommand } from '../../examples/lib/peer-process.js'
import { TrackerCluster } from './tracker-cluster.js'
import { BAN_AFTER_FAILURES } from '../../src/swarm/index.js'
import { FAULT_ENV } from '../../src/store/faults.js'
import { tempDir } from '../unit/store/fixtures.js'
import { MiB, seedFile, startServerProcess } from '../integration/process-helpers.js'

const STEP_MS = 60_000

describe('fault: a server process that flips a byte in every chunk it serves', function () {
  this.timeout(4 * STEP_MS)
  let dir: Awaited<ReturnType<typeof tempDir>>
  const procs: PeerProcess[] = []
  before(async () => { dir = await tempDir() })
  after(async () => {
    await Promise.allSettled(procs.map(async (p) => p.stop()))
    await dir.remove()
  })

  it('downloads end verified, the liar is banned after repeated failures, and no bad chunk is stored or served onward', async () => {
    const file = await seedFile(dir.path, join(dir.path, 'honest'), 24 * MiB)
    await new PeerProcess(['add', file.path, '--data', join(dir.path, 'liar')]).exited
    const liar = await startServerProcess(join(dir.path, 'liar'), [], { [FAULT_ENV]: 'flip-served' })
    const honest = await startServerProcess(join(dir.path, 'honest'), ['--serve-policy', 'serve-all'])
    procs.push(liar.proc, honest.proc)

    // B fetches from both; the liar answers first, since it is listed first.
    const b = new PeerProcess(['server', '--data', join(dir.path, 'b'), '--listen', '/ip4/127.0.0.1/tcp/0', '--fetch', file.fileId, '--peer', liar.addr, '--peer', honest.addr])
    procs.push(b)
    const done = await b.waitFor((e) => e.event === 'complete' || e.event === 'error', STEP_MS, 'B complete')
    assert.equal(done.sha256, file.sha256, JSON.stringify(done))
    assert.deepEqual(done.banned, [liar.peerId], 'the liar was banned')
    assert.equal(done.bytesFrom[liar.peerId], undefined, 'no verified byte came from the liar')
    const bAddr = (await b.listening()).addrs[0]

    // C fetches from B alone: everything B serves is sound (it stored only verified chunks).
    const c = new PeerProcess(['server', '--data', join(dir.path, 'c'), '--listen', '/ip4/127.0.0.1/tcp/0', '--fetch', file.fileId, '--peer', bAddr, '--exit-when-done'])
    procs.push(c)
    const cDone = await c.waitFor((e) => e.event === 'complete' || e.event === 'error', STEP_MS, 'C complete')
    assert.equal(cDone.sha256, file.sha256, JSON.stringify(cDone))
    assert.deepEqual(cDone.banned, [])
    assert.ok((cDone.bytesFrom[(await b.listening()).peerId] ?? 0) > 0, 'C got chunks from B')
    await b.stop()
    const blamed = b.last('stats')?.blamed?.[file.fileId]?.[liar.peerId] ?? 0
    assert.ok(blamed >= BAN_AFTER_FAILURES && blamed < BAN_AFTER_FAILURES + 16, `the liar was blamed ${blamed} times, then asked no more`)
    console.log(`      liar blamed ${blamed} times then banned; B verified from the honest seed; C verified from B`)
  })

  it('an unknown SHOAL_FAULT stops the server at start (fault injection is never silently off)', async () => {
    const p = new PeerProcess(['server', '--data', join(dir.path, 'x'), '--listen', '/ip4/127.0.0.1/tcp/0'], { env: { [FAULT_ENV]: 'flip-everything' } })
    procs.push(p)
    assert.equal(await p.exited, 2, 'a usage error')
    assert.match(p.stderr.join('\n'), /SHOAL_FAULT/)
  })
})

describe('fault: the only other holder of a file lies', function () {
  this.timeout(4 * STEP_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create('shoal-fault-only-liar-') })
  after(async () => { await cluster.close() })

  it('the liar is dropped for that server and the chunks come from the tracker instead; the file ends verified', async () => {
    const file = await cluster.addFile(24 * MiB)
    await runPeerCommand(['add', join(cluster.dir, 'file.bin'), '--data', cluster.serverDir('liar')])
    await cluster.startTracker()
    const liar = await cluster.startServer('liar', { env: { [FAULT_ENV]: 'flip-served' } })
    const fetcher = await cluster.startServer('f')
    await cluster.waitForServers(2, STEP_MS)
    const liarId = (await liar.listening()).peerId
    const fetcherId = (await fetcher.listening()).peerId
    // The liar announced a complete copy, so the tracker stopped seeding: the liar is the only source offered.
    await cluster.poll('/api/files', (fs: any[]) => fs[0]?.trackerSeeding === false, STEP_MS, 'the tracker to stop seeding')

    const taskId = await cluster.replicate(file.fileId, [fetcherId])
    const done = await fetcher.waitFor((e) => e.event === 'task-done' && e.taskId === taskId, STEP_MS, 'task-done')
    assert.equal(done.ok, true, done.reason)
    assert.equal(done.sha256, file.sha256)
    assert.equal(done.bytesFrom[liarId], undefined, 'no verified byte from the liar')
    assert.equal(done.bytesFrom[cluster.trackerPeerId], 24 * MiB, 'every chunk came from the tracker')
    const hints = fetcher.events.filter((e) => e.event === 'hints' && e.taskId === taskId)
    assert.ok(hints[0].peers.some((p: any) => p.peerId === liarId), 'first offered the liar')
    assert.ok(!hints.at(-1)!.peers.some((p: any) => p.peerId === liarId), 'then no more')
    await fetcher.stop()
    const blamed = fetcher.last('stats')?.blamed?.[file.fileId]?.[liarId] ?? 0
    assert.ok(blamed >= BAN_AFTER_FAILURES && blamed < BAN_AFTER_FAILURES + 16, `blamed ${blamed} times`)
    console.log(`      liar blamed ${blamed} times, then dropped; ${done.fetchAttempts ?? '?'} fetch attempt(s); the tracker sent the file to the rescued server`)
  })
})
