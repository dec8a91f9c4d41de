import assert from 'node:assert/strict'
import { runPeerCommand } from '../../examples/lib/peer-process.js'
import { TrackerCluster } from './tracker-cluster.js'

const MiB = 1024 * 1024
const LONG = process.env.SHOAL_LONG_TESTS === '1'
/** The minute under SHOAL_LONG_TESTS=1; 15 s in the default run (past every retry's first backoffs). */
const OUTAGE_MS = LONG ? 60_000 : 15_000
const FILE_SIZE = LONG ? 256 * MiB : 64 * MiB
const FETCHERS = 3
const STEP_MS = 180_000
/** Kill the tracker once a server holds this share: transfers are running. */
const KILL_AT = 0.2

describe('fault: the tracker is down during a distribution', function () {
  this.timeout(4 * STEP_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create('shoal-fault-outage-') })
  after(async () => { await cluster.close() })

  it(`running transfers finish during a ${OUTAGE_MS / 1000} s outage; new work backs off and succeeds once the tracker is back`, async () => {
    const file = await cluster.addFile(FILE_SIZE)
    // A seed server that holds the file: with it, the running transfers need nothing from the tracker.
    await runPeerCommand(['add', `${cluster.dir}/file.bin`, '--data', cluster.serverDir('seed')])
    await cluster.startTracker()
    const seed = await cluster.startServer('seed')
    const names = Array.from({ length: FETCHERS }, (_, i) => `f${i}`)
    for (const n of names) await cluster.startServer(n)
    await cluster.waitForServers(FETCHERS + 1, STEP_MS)
    const seedId = (await seed.listening()).peerId
    const ids = await Promise.all(names.map(async (n) => (await cluster.servers.get(n)!.listening()).peerId))
    await cluster.poll('/api/files', (fs: any[]) => fs[0]?.completeCopies >= 1, STEP_MS, 'the seed server announced its copy')
    const taskId = await cluster.replicate(file.fileId, ids)

    const fetchers = names.map((n) => cluster.servers.get(n)!)
    const reached = fetchers.map(async (p) => p.waitFor((e) => e.event === 'progress' && e.taskId === taskId && e.bytes >= FILE_SIZE * KILL_AT, STEP_MS, 'progress'))
    for (const r of reached) r.catch(() => {})
    await Promise.race(reached)
    cluster.tracker!.kill()
    await cluster.tracker!.exited
    const downAt = Date.now()
    assert.ok(fetchers.some((p) => p.last('task-done') == null), 'transfers were running when the tracker died')

    // New work while it is down: a server that starts now, an operator's call.
    const late = await cluster.startServer('late')
    await assert.rejects(runPeerCommand(['replicate', file.fileId, '--tracker', cluster.trackerAddr, '--to', 'all']), 'an operator call fails while the tracker is down')
    // The running transfers finish without the tracker.
    const done = await Promise.all(fetchers.map(async (p) => p.waitFor((e) => e.event === 'task-done' && e.taskId === taskId, OUTAGE_MS + STEP_MS, 'task-done')))
    const finishedDuringOutage = done.length
    for (const d of done) {
      assert.equal(d.ok, true, d.reason)
      assert.equal(d.sha256, file.sha256)
    }
    const finishedAt = Date.now()
    assert.ok(finishedAt - downAt < OUTAGE_MS, `finished ${finishedAt - downAt} ms into the outage: before the tracker came back`)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - downAt))))

    // Back on the same data directory and port.
    await cluster.startTracker()
    const upAt = Date.now()
    const task = await cluster.poll(`/api/tasks/${taskId}`, (t) => t.state === 'done', STEP_MS, 'the results delivered after the outage')
    for (const s of task.servers) assert.equal(s.result.sha256, file.sha256)
    assert.equal(task.events.filter((e: any) => e.type === 'done').length, FETCHERS, 'each result recorded once')
    const resultsAfter = Date.now() - upAt
    await cluster.waitForServers(FETCHERS + 2, STEP_MS)
    const lateId = (await late.listening()).peerId
    const registeredAfter = Date.now() - upAt
    const second = await cluster.replicate(file.fileId, [lateId])
    const lateDone = await late.waitFor((e) => e.event === 'task-done' && e.taskId === second, STEP_MS, 'the late server\'s task')
    assert.equal(lateDone.sha256, file.sha256)
    assert.ok(late.events.some((e) => e.event === 'tracker-error' && e.what === 'register'), 'the late server retried its registration')
    console.log(`      ${finishedDuringOutage}/${FETCHERS} transfers finished ${((finishedAt - downAt) / 1000).toFixed(1)} s into a ${OUTAGE_MS / 1000} s outage (seed ${seedId.slice(-6)}); ` +
      `after the restart: results in ${(resultsAfter / 1000).toFixed(1)} s, the late server registered in ${(registeredAfter / 1000).toFixed(1)} s and got its file`)
  })
})
