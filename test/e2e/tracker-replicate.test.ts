import assert from 'node:assert/strict'
import { TrackerCluster } from './tracker-cluster.js'

const FILE_SIZE = 128 * 1024 * 1024
const SERVERS = 6
const STEP_TIMEOUT_MS = 120_000

describe('tracker: one replicate task to six servers', function () {
  this.timeout(3 * STEP_TIMEOUT_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create() })
  after(async () => { await cluster.close() })

  it('every server gets the file, the task is done with per-server results, the tracker sends about one copy', async () => {
    // The tracker picks the file up from its store at start.
    const file = await cluster.addFile(FILE_SIZE)
    await cluster.startTracker()
    const files = await cluster.api('/api/files')
    assert.deepEqual(files.map((f: any) => f.fileId), [file.fileId])
    for (let i = 0; i < SERVERS; i++) await cluster.startServer(String(i))
    await cluster.waitForServers(SERVERS, STEP_TIMEOUT_MS)

    const started = Date.now()
    const taskId = await cluster.replicate(file.fileId)
    const task = await cluster.poll(`/api/tasks/${taskId}`, (t) => t.state === 'done' || t.state === 'failed', STEP_TIMEOUT_MS, 'task done')
    const seconds = (Date.now() - started) / 1000
    assert.equal(task.state, 'done', JSON.stringify(task.servers))
    assert.equal(task.servers.length, SERVERS)
    for (const s of task.servers) {
      assert.equal(s.state, 'done')
      assert.equal(s.result.ok, true)
      assert.equal(s.result.sha256, file.sha256, `server ${s.peerId}`)
      assert.equal(s.result.resumedChunks + s.result.fetchedChunks, file.chunks)
    }
    // Each server also says so itself, exactly once.
    for (const [name, p] of cluster.servers) {
      const done = p.events.filter((e) => e.event === 'task-done' && e.taskId === taskId)
      assert.equal(done.length, 1, `server ${name} finished the task once`)
      assert.equal(done[0].sha256, file.sha256)
    }
    const sourced = Object.values(task.bytesBySource as Record<string, number>).reduce((a, b) => a + b, 0)
    assert.ok(sourced >= FILE_SIZE * SERVERS * 0.99, `bytes by source add up (${sourced})`)

    const [f] = await cluster.api('/api/files')
    assert.equal(f.completeCopies, SERVERS)
    assert.equal(f.trackerSeeding, false, 'the tracker stopped serving once the group held a copy')
    console.log(`      ${SERVERS} x ${FILE_SIZE / 2 ** 20} MiB in ${seconds.toFixed(1)} s; tracker sent ${f.trackerCopiesSent.toFixed(2)} copies (${f.trackerBytesSent} bytes)`)
    assert.ok(f.trackerCopiesSent <= 2, `tracker sent ${f.trackerCopiesSent} copies`)
    assert.equal(task.trackerBytes <= f.trackerBytesSent, true)

    const list = await cluster.api('/api/tasks')
    assert.deepEqual(list.map((t: any) => [t.taskId, t.state, t.serversDone]), [[taskId, 'done', SERVERS]])
  })
})
