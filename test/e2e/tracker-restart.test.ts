import assert from 'node:assert/strict'
import type { PeerProcess } from '../../examples/lib/peer-process.js'
import { TrackerCluster } from './tracker-cluster.js'

const FILE_SIZE = 128 * 1024 * 1024
const SERVERS = 4
const STEP_TIMEOUT_MS = 120_000

/** Kill once a server has this share of the file: well inside the transfer, with chunks still to come from the tracker. */
const KILL_AT = 0.4

describe('tracker: SIGKILL halfway through a task, restart on the same data dir', function () {
  this.timeout(3 * STEP_TIMEOUT_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create() })
  after(async () => { await cluster.close() })

  it('the task completes; no task or result is lost and none is completed twice', async () => {
    const file = await cluster.addFile(FILE_SIZE)
    await cluster.startTracker()
    for (let i = 0; i < SERVERS; i++) await cluster.startServer(String(i))
    await cluster.waitForServers(SERVERS, STEP_TIMEOUT_MS)
    const taskId = await cluster.replicate(file.fileId)

    const servers = [...cluster.servers.values()]
    const reached = servers.map(async (p: PeerProcess) =>
      p.waitFor((e) => e.event === 'progress' && e.taskId === taskId && e.bytes >= FILE_SIZE * KILL_AT, STEP_TIMEOUT_MS, 'progress'))
    for (const r of reached) r.catch(() => {}) // the losers of the race settle later, or never
    await Promise.race(reached)
    const before = await cluster.api(`/api/tasks/${taskId}`)
    cluster.tracker!.kill()
    await cluster.tracker!.exited
    assert.notEqual(before.state, 'done', 'the kill landed before the task finished')
    const finishedBeforeKill = servers.filter((p) => p.last('task-done') != null).length
    const heldAtKill = servers.map((p) => p.last('task-done') != null ? FILE_SIZE : p.last('progress')?.bytes ?? 0)
    assert.ok(finishedBeforeKill < SERVERS, 'some server was still fetching when the tracker died')

    const restarted = await cluster.startTracker()
    assert.equal(cluster.tracker, restarted)
    const task = await cluster.poll(`/api/tasks/${taskId}`, (t) => t.state === 'done' || t.state === 'failed', STEP_TIMEOUT_MS, 'task done after restart')
    assert.equal(task.state, 'done', JSON.stringify(task.servers))
    assert.equal(task.servers.length, SERVERS)
    for (const s of task.servers) {
      assert.equal(s.result?.ok, true, `server ${s.peerId}: ${JSON.stringify(s)}`)
      assert.equal(s.result.sha256, file.sha256)
    }

    // Nothing lost: the one task, with every result.
    const list = await cluster.api('/api/tasks')
    assert.deepEqual(list.map((t: any) => t.taskId), [taskId])
    // Nothing twice: one 'done' per server in the history, one finish per server process.
    const doneEvents = task.events.filter((e: any) => e.type === 'done').map((e: any) => e.peerId).sort()
    assert.deepEqual(doneEvents, task.servers.map((s: any) => s.peerId).sort())
    assert.equal(task.events.filter((e: any) => e.type === 'created').length, 1)
    for (const [name, p] of cluster.servers) {
      assert.equal(p.events.filter((e) => e.event === 'task-done' && e.taskId === taskId).length, 1, `server ${name} ran the task to the end once`)
      assert.ok(p.events.filter((e) => e.event === 'task-reported' && e.taskId === taskId && e.duplicate === false).length <= 1, `server ${name}: one first report`)
    }
    const [f] = await cluster.api('/api/files')
    const mib = (n: number): string => (n / 2 ** 20).toFixed(0)
    console.log(`      killed with the servers at ${heldAtKill.map(mib).join(', ')} MiB of ${mib(FILE_SIZE)}; tracker sent ${f.trackerCopiesSent.toFixed(2)} copies in all`)
  })
})
