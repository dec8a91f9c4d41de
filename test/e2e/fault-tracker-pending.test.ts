import assert from 'node:assert/strict'
import { TrackerCluster } from './tracker-cluster.js'

const MiB = 1024 * 1024
const FILE_SIZE = 16 * MiB
const STEP_MS = 120_000

describe('fault: SIGKILL the tracker with tasks still pending, restart', function () {
  this.timeout(3 * STEP_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create('shoal-fault-pending-') })
  after(async () => { await cluster.close() })

  it('every task ends done; none is lost, none is completed twice', async () => {
    const file = await cluster.addFile(FILE_SIZE)
    await cluster.startTracker()
    const a = await cluster.startServer('a')
    let b = await cluster.startServer('b')
    await cluster.waitForServers(2, STEP_MS)
    const aId = (await a.listening()).peerId
    const bId = (await b.listening()).peerId
    // b goes down: the tracker still has it registered, so tasks for it wait, pending.
    await b.stop()
    const both = await cluster.replicate(file.fileId, [aId, bId])
    const onlyB = await cluster.prefetch(file.fileId, bId)
    await cluster.poll(`/api/tasks/${both}`, (t) => t.servers.find((s: any) => s.peerId === aId)?.state === 'done', STEP_MS, 'a done')
    const pending = await cluster.api(`/api/tasks/${onlyB}`)
    assert.equal(pending.servers[0].state, 'pending', JSON.stringify(pending.servers))
    cluster.tracker!.kill()
    await cluster.tracker!.exited

    await cluster.startTracker()
    b = await cluster.startServer('b')
    for (const id of [both, onlyB]) {
      const t = await cluster.poll(`/api/tasks/${id}`, (x) => x.state === 'done' || x.state === 'failed', STEP_MS, `task ${id} done`)
      assert.equal(t.state, 'done', JSON.stringify(t.servers))
      for (const s of t.servers) assert.equal(s.result.sha256, file.sha256)
      assert.equal(t.events.filter((e: any) => e.type === 'created').length, 1)
      assert.deepEqual(t.events.filter((e: any) => e.type === 'done').map((e: any) => e.peerId).sort(), t.servers.map((s: any) => s.peerId).sort(), 'one done per server')
    }
    assert.deepEqual((await cluster.api('/api/tasks')).map((t: any) => t.taskId).sort(), [both, onlyB].sort(), 'no task lost or added')
    for (const id of [both, onlyB]) assert.equal(b.events.filter((e) => e.event === 'task-done' && e.taskId === id).length, 1, `b ran ${id} once`)
    assert.equal(a.events.filter((e) => e.event === 'task-done' && e.taskId === both).length, 1)
  })
})
