import assert from 'node:assert/strict'
import { LAB_PORT, useLab } from './lab-peers.js'

const FILE_SIZE = 64 * 1024 * 1024
const STEP_TIMEOUT_MS = 120_000

/**
 * Two LANs with no route between them; the tracker sits on both and runs a
 * relay (--relay). The holder (LAN A) and the receiver (LAN B) each listen
 * through the relay (--relay-via) and cannot dial each other directly. A
 * replicate task to the receiver completes a 64 MiB file through the relay.
 */
describe('locality: a server reachable only through a relay', function () {
  this.timeout(3 * STEP_TIMEOUT_MS)
  const env = useLab()

  it('completes a 64 MiB file through the tracker\'s relay', async () => {
    const lab = env.open('rly')
    const a = lab.addLan('a', '10.63.1')
    const b = lab.addLan('b', '10.63.2')
    // The tracker joins both LANs and does not route between them (ip_forward 0).
    const th = lab.addHost('t', [{ lan: a, octet: 1 }, { lan: b, octet: 1 }])
    const hh = lab.addHost('h', [{ lan: a, octet: 10 }])
    const sh = lab.addHost('s', [{ lan: b, octet: 10 }])
    const cluster = await env.cluster(lab)
    const file = await cluster.addFile(FILE_SIZE, ['tracker', 'h'])
    const tracker = await cluster.startTracker(th, 'tracker', ['--relay'])
    const via = (lanIp: string): string => `/ip4/${lanIp}/tcp/${LAB_PORT}/p2p/${tracker.peerId}`
    const holder = await cluster.startServer(hh, 'h', ['--tracker', via(th.ips.a), '--relay-via', via(th.ips.a), '--network', 'a'])
    const receiver = await cluster.startServer(sh, 's', ['--tracker', via(th.ips.b), '--relay-via', via(th.ips.b), '--network', 'b'])
    const holderId = holder.events.find((e) => e.event === 'listening')!.peerId as string
    const receiverId = receiver.events.find((e) => e.event === 'listening')!.peerId as string
    const holderAddrs: string[] = holder.events.find((e) => e.event === 'listening')!.addrs
    assert.ok(holderAddrs.some((ad) => ad.includes('/p2p-circuit/')), `the holder listens through the relay: ${holderAddrs.join(' ')}`)
    // The holder's copy is registered, so the tracker stops seeding: the only source is behind the relay.
    await cluster.poll(tracker, '/api/files', (f: any[]) => f[0]?.completeCopies === 1 && f[0]?.trackerSeeding === false, STEP_TIMEOUT_MS, 'holder registered')
    await cluster.poll(tracker, '/api/servers', (l: any[]) => l.filter((s) => s.alive).length === 2, STEP_TIMEOUT_MS, '2 servers')

    const started = Date.now()
    const { taskId } = await cluster.command(th, ['replicate', file.fileId, '--tracker', tracker.addr, '--to', receiverId])
    const done = await receiver.waitFor((e) => e.event === 'task-done' && e.taskId === taskId, STEP_TIMEOUT_MS, 'task-done')
    const seconds = (Date.now() - started) / 1000
    assert.equal(done.ok, true, done.reason)
    assert.equal(done.sha256, file.sha256)
    assert.deepEqual(done.bytesFrom, { [holderId]: FILE_SIZE }, 'every byte came from the holder, through the relay')
    const task = await cluster.poll(tracker, `/api/tasks/${taskId}`, (t) => t.state === 'done', STEP_TIMEOUT_MS, 'task done')
    assert.equal(task.trackerBytes, 0, 'the tracker relayed; it did not serve the file itself')
    console.log(`      64 MiB through the relay in ${seconds.toFixed(1)} s (${(FILE_SIZE / 2 ** 20 / seconds).toFixed(1)} MiB/s, task push to verified)`)
  })
})
