import assert from 'node:assert/strict'
import { FsChunkStore } from '../../src/store/index.js'
import { TrackerCluster } from './tracker-cluster.js'

const FILE_SIZE = 128 * 1024 * 1024
const SERVERS = 3
const STEP_TIMEOUT_MS = 120_000

/** Kill once the victim holds this share of the file. */
const KILL_AT = 0.3

describe('task server: SIGKILL halfway through a journalled task, restart', function () {
  this.timeout(3 * STEP_TIMEOUT_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create() })
  after(async () => { await cluster.close() })

  it('resumes the task from its journal without refetching verified chunks', async () => {
    const file = await cluster.addFile(FILE_SIZE)
    await cluster.startTracker()
    for (let i = 0; i < SERVERS; i++) await cluster.startServer(String(i))
    await cluster.waitForServers(SERVERS, STEP_TIMEOUT_MS)
    const taskId = await cluster.replicate(file.fileId)

    const victim = cluster.servers.get('0')!
    const victimId = (await victim.listening()).peerId
    await victim.waitFor((e) => e.event === 'progress' && e.taskId === taskId && e.bytes >= FILE_SIZE * KILL_AT, STEP_TIMEOUT_MS, 'progress')
    victim.kill()
    await victim.exited
    assert.equal(victim.last('task-done'), undefined, 'the kill landed before the task finished')

    // What the killed process had made durable: its persisted bitfield.
    const store = new FsChunkStore(cluster.serverDir('0'))
    const persisted = (await store.get(file.fileId))!.bitfield.count
    await store.close()
    assert.ok(persisted > 0 && persisted < file.chunks, `killed with ${persisted}/${file.chunks} chunks`)

    const restarted = await cluster.startServer('0')
    const done = await restarted.waitFor((e) => e.event === 'task-done' && e.taskId === taskId, STEP_TIMEOUT_MS, 'task-done after restart')
    assert.equal(done.ok, true, done.reason)
    assert.equal(done.sha256, file.sha256)
    assert.equal(done.resumedChunks, persisted, 'every chunk verified before the kill was kept')
    assert.equal(done.fetchedChunks, file.chunks - persisted)
    assert.equal(done.requestedChunks, file.chunks - persisted, 'no kept chunk was requested again')
    assert.equal(restarted.events.filter((e) => e.event === 'task-received').length, 0, 'resumed from the journal, not pushed again')

    const task = await cluster.poll(`/api/tasks/${taskId}`, (t) => t.state === 'done' || t.state === 'failed', STEP_TIMEOUT_MS, 'task done')
    assert.equal(task.state, 'done')
    assert.equal((await restarted.listening()).peerId, victimId, 'same PeerId after the restart')
    const mine = task.servers.find((s: any) => s.peerId === victimId)
    assert.equal(mine.result.resumedChunks, persisted)
    assert.equal(mine.result.fetchedChunks, file.chunks - persisted)
    assert.equal(task.events.filter((e: any) => e.type === 'done').length, SERVERS, 'each server completed once')
    console.log(`      killed with ${persisted}/${file.chunks} chunks; after restart resumed ${done.resumedChunks}, fetched ${done.fetchedChunks}`)
  })
})
