import assert from 'node:assert/strict'
import { TrackerCluster } from './tracker-cluster.js'

const FILE_SIZE = 8 * 1024 * 1024
const STEP_TIMEOUT_MS = 60_000

describe('tracker hints: locality over 127.0.0.1 with declared subnets', function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create() })
  after(async () => { await cluster.close() })

  it('ranks a same-subnet holder first for a server with another network label', async () => {
    const file = await cluster.addFile(FILE_SIZE)
    await cluster.startTracker()
    // Two holders: one shares the asker's network label, the other its subnet.
    const sameLabel = await cluster.startServer('east', { args: ['--subnet', '10.2.0.0/24', '--network', 'east'] })
    const sameSubnet = await cluster.startServer('west', { args: ['--subnet', '10.1.0.7/24', '--network', 'west'] })
    const labelId = (await sameLabel.listening()).peerId
    const subnetId = (await sameSubnet.listening()).peerId
    await cluster.waitForServers(2, STEP_TIMEOUT_MS)
    const first = await cluster.replicate(file.fileId, [labelId, subnetId])
    await cluster.poll(`/api/tasks/${first}`, (t) => t.state === 'done', STEP_TIMEOUT_MS, 'holders have the file')

    const asker = await cluster.startServer('asker', { args: ['--subnet', '10.1.0.0/24', '--network', 'east'] })
    const askerId = (await asker.listening()).peerId
    await cluster.waitForServers(3, STEP_TIMEOUT_MS)
    const servers = await cluster.api('/api/servers')
    assert.equal(servers.find((s: any) => s.peerId === subnetId).subnet, '10.1.0.0/24', 'the declared subnet is normalised')

    const api = await cluster.api(`/api/hints?file=${file.fileId}&for=${askerId}`)
    assert.deepEqual(api.map((h: any) => h.peerId), [subnetId, labelId], 'same subnet, then same network; the tracker no longer seeds')

    const second = await cluster.prefetch(file.fileId, askerId)
    const hints = await asker.waitFor((e) => e.event === 'hints' && e.taskId === second, STEP_TIMEOUT_MS, 'hints')
    assert.deepEqual(hints.peers.map((p: any) => p.peerId), [subnetId, labelId])
    assert.equal(hints.peers[0].subnet, '10.1.0.0/24')
    assert.equal(hints.peers[0].network, 'west')
    const done = await asker.waitFor((e) => e.event === 'task-done' && e.taskId === second, STEP_TIMEOUT_MS, 'task-done')
    assert.equal(done.sha256, file.sha256)
    const task = await cluster.poll(`/api/tasks/${second}`, (t) => t.state === 'done', STEP_TIMEOUT_MS, 'prefetch done')
    assert.equal(task.kind, 'prefetch')
    assert.deepEqual(task.servers.map((s: any) => s.peerId), [askerId])
    // The asker fetched from the holders, not from the tracker (which stopped seeding).
    assert.equal(task.trackerBytes, 0)
  })
})
