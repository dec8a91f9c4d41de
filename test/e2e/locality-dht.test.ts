import assert from 'node:assert/strict'
import { useLab } from './lab-peers.js'

const FILE_SIZE = 8 * 1024 * 1024
const STEP_TIMEOUT_MS = 60_000

/**
 * Two LANs joined by a router, every host in a namespace the test made. The
 * tracker (a DHT member) gives a file to a holder in LAN A; a server in LAN B
 * holds nothing. Once the holder's provider record has reached the server in
 * LAN B (before that, only the tracker may hold it), the tracker stops. A new
 * server in LAN B (mDNS + DHT) finds no holder on its LAN, joins the DHT
 * through the LAN peer mDNS found, finds the holder in LAN A as a provider and
 * completes the file from it.
 */
describe('locality: the DHT finds a holder when the tracker is stopped and the LAN has none', function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  const env = useLab()

  it('a server in LAN B completes from a DHT provider in LAN A', async () => {
    const lab = env.open('dht')
    const a = lab.addLan('a', '10.62.1')
    const b = lab.addLan('b', '10.62.2')
    const th = lab.addHost('t', [{ lan: a, octet: 10 }])
    const hh = lab.addHost('h', [{ lan: a, octet: 11 }])
    const xh = lab.addHost('x', [{ lan: b, octet: 10 }])
    const sh = lab.addHost('s', [{ lan: b, octet: 11 }])
    lab.addHost('gw', [{ lan: a, octet: 254 }, { lan: b, octet: 254 }], { forward: true })
    for (const h of [th, hh]) lab.route(h, b.cidr, '10.62.1.254')
    for (const h of [xh, sh]) lab.route(h, a.cidr, '10.62.2.254')
    const cluster = await env.cluster(lab)
    const file = await cluster.addFile(FILE_SIZE, ['tracker'])
    const tracker = await cluster.startTracker(th, 'tracker', ['--dht'])
    const holder = await cluster.startServer(hh, 'h', ['--tracker', tracker.addr, '--dht', '--network', 'a'])
    const x = await cluster.startServer(xh, 'x', ['--tracker', tracker.addr, '--dht', '--mdns', '--network', 'b'])
    await cluster.poll(tracker, '/api/servers', (l: any[]) => l.filter((s) => s.alive).length === 2, STEP_TIMEOUT_MS, '2 servers')
    const holderId = holder.events.find((e) => e.event === 'listening')!.peerId as string
    const { taskId } = await cluster.command(th, ['replicate', file.fileId, '--tracker', tracker.addr, '--to', holderId])
    await holder.waitFor((e) => e.event === 'task-done' && e.taskId === taskId, STEP_TIMEOUT_MS, 'task-done')
    const xId = x.events.find((e) => e.event === 'listening')!.peerId as string
    await holder.waitFor((e) => e.event === 'dht-provided' && e.fileId === file.fileId && e.peers.includes(xId), STEP_TIMEOUT_MS, 'provider record at x')

    await tracker.proc.stop()
    const started = Date.now()
    const s = await cluster.startServer(sh, 's', ['--tracker', tracker.addr, '--dht', '--mdns', '--fetch', file.fileId, '--exit-when-done'])
    const complete = await s.waitFor((e) => e.event === 'complete', STEP_TIMEOUT_MS, 'complete')
    assert.equal(complete.sha256, file.sha256)
    assert.equal(await s.exited, 0)
    const holders = s.events.filter((e) => e.event === 'holders').flatMap((e) => e.peers)
    assert.ok(holders.some((h: any) => h.source === 'dht' && h.peerId === holderId), `the holder came from the DHT: ${JSON.stringify(holders)}`)
    assert.equal(holders.some((h: any) => h.source === 'lan'), false, 'no LAN holder')
    assert.deepEqual(Object.keys(complete.bytesFrom), [holderId])
    console.log(`      tracker down, no LAN holder: found through the DHT and fetched in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })
})
