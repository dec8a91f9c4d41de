import assert from 'node:assert/strict'
import { useLab, type LabTracker } from './lab-peers.js'
import type { Host } from './netns.js'

const FILE_SIZE = 8 * 1024 * 1024
const STEP_TIMEOUT_MS = 60_000

/**
 * One LAN (a bridge in a namespace the test made; mDNS never reaches the
 * machine's own interfaces): a tracker and two servers with --mdns get a file;
 * the tracker is stopped; a new server with --mdns and the file id only finds
 * the holders by mDNS + LAN query and completes the file from them.
 */
describe('locality: mDNS and the LAN query, with the tracker stopped', function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  const env = useLab()

  it('a new server finds the LAN holders by file id and completes without the tracker', async () => {
    const lab = env.open('lan')
    const lan = lab.addLan('a', '10.61.1')
    const hosts: Host[] = ['t', 's0', 's1', 's2', 'x'].map((name, i) => lab.addHost(name, [{ lan, octet: 10 + i }]))
    const [th, s0h, s1h, s2h, xh] = hosts
    const cluster = await env.cluster(lab)
    const file = await cluster.addFile(FILE_SIZE, ['tracker'])
    const tracker: LabTracker = await cluster.startTracker(th, 'tracker')
    const serverArgs = ['--tracker', tracker.addr, '--mdns']
    const s0 = await cluster.startServer(s0h, 's0', serverArgs)
    const s1 = await cluster.startServer(s1h, 's1', serverArgs)
    // A server without --mdns: it neither answers nor is found.
    await cluster.startServer(xh, 'x', ['--tracker', tracker.addr])
    await cluster.poll(tracker, '/api/servers', (l: any[]) => l.filter((s) => s.alive).length === 3, STEP_TIMEOUT_MS, '3 servers')
    const ids = [s0, s1].map((p) => p.events.find((e) => e.event === 'listening')!.peerId as string)
    const { taskId } = await cluster.command(th, ['replicate', file.fileId, '--tracker', tracker.addr, '--to', ...ids])
    await Promise.all([s0, s1].map(async (p) => p.waitFor((e) => e.event === 'task-done' && e.taskId === taskId, STEP_TIMEOUT_MS, 'task-done')))

    await tracker.proc.stop()
    const started = Date.now()
    const s2 = await cluster.startServer(s2h, 's2', [...serverArgs, '--fetch', file.fileId, '--exit-when-done'])
    const complete = await s2.waitFor((e) => e.event === 'complete', STEP_TIMEOUT_MS, 'complete')
    assert.equal(complete.sha256, file.sha256)
    assert.equal(await s2.exited, 0)
    const holders = s2.events.filter((e) => e.event === 'holders').flatMap((e) => e.peers)
    const lanHolders = new Set(holders.filter((h: any) => h.source === 'lan' && h.complete).map((h: any) => h.peerId))
    assert.deepEqual([...lanHolders].sort(), [...ids].sort(), 'both holders found by mDNS + LAN query, the non-mDNS server not')
    assert.equal(holders.some((h: any) => h.source === 'tracker'), false, 'the stopped tracker gave nothing')
    const sources = Object.keys(complete.bytesFrom)
    assert.ok(sources.length > 0 && sources.every((id) => ids.includes(id)), `bytes came from the LAN holders: ${JSON.stringify(complete.bytesFrom)}`)
    console.log(`      tracker down: ${FILE_SIZE / 2 ** 20} MiB found by mDNS and fetched in ${((Date.now() - started) / 1000).toFixed(1)} s from ${sources.length} LAN holder(s)`)
  })
})
