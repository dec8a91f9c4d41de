import assert from 'node:assert/strict'
import type { PeerProcess } from '../../examples/lib/peer-process.js'
import { useLab } from './lab-peers.js'
import type { Host } from './netns.js'

const LONG = process.env.SHOAL_LONG_TESTS === '1'
const FILE_SIZE = (LONG ? 64 : 24) * 1024 * 1024
/** The slow link between the LANs, each direction (LAN links are unshaped veths: far faster). */
const SLOW_LINK_BPS = 40e6
const SERVERS_PER_LAN = 4
const STEP_TIMEOUT_MS = LONG ? 300_000 : 120_000

/**
 * Two LANs (two bridges) joined by one router whose links are shaped to
 * 40 Mbit/s, four servers in each, the tracker in LAN A, the file on one
 * server in LAN A. One replicate task to all eight: network-aware
 * distribution has one LAN-B server fetch across while the rest of LAN B
 * fetches from it, so about one copy crosses the slow link.
 */
describe('locality: two LANs joined by a slow link', function () {
  this.timeout(3 * STEP_TIMEOUT_MS)
  const env = useLab()

  it('all eight verify; about one copy crosses; LAN B gets its bytes mostly from LAN B', async () => {
    const lab = env.open('2ln')
    const a = lab.addLan('a', '10.64.1')
    const b = lab.addLan('b', '10.64.2')
    const gw = lab.addHost('gw', [{ lan: a, octet: 254 }, { lan: b, octet: 254 }], { forward: true })
    lab.shape(gw, a, SLOW_LINK_BPS)
    lab.shape(gw, b, SLOW_LINK_BPS)
    const th = lab.addHost('t', [{ lan: a, octet: 1 }])
    const aHosts: Host[] = []
    const bHosts: Host[] = []
    for (let i = 0; i < SERVERS_PER_LAN; i++) {
      aHosts.push(lab.addHost(`a${i}`, [{ lan: a, octet: 10 + i }]))
      bHosts.push(lab.addHost(`b${i}`, [{ lan: b, octet: 10 + i }]))
    }
    for (const h of [th, ...aHosts]) lab.route(h, b.cidr, gw.ips.a)
    for (const h of bHosts) lab.route(h, a.cidr, gw.ips.b)

    const cluster = await env.cluster(lab)
    const file = await cluster.addFile(FILE_SIZE, ['tracker', 'a0'])
    const tracker = await cluster.startTracker(th, 'tracker', ['--network', 'a'])
    const servers = new Map<string, { proc: PeerProcess, net: string }>()
    await Promise.all([...aHosts, ...bHosts].map(async (h) => {
      const net = h.name[0]
      servers.set(h.name, { net, proc: await cluster!.startServer(h, h.name, ['--tracker', tracker.addr, '--network', net]) })
    }))
    const idOf = (name: string): string => servers.get(name)!.proc.events.find((e) => e.event === 'listening')!.peerId
    const netOf = new Map([...servers.keys()].map((name) => [idOf(name), servers.get(name)!.net]))
    await cluster.poll(tracker, '/api/servers', (l: any[]) => l.filter((s) => s.alive).length === 2 * SERVERS_PER_LAN, STEP_TIMEOUT_MS, 'all servers')
    await cluster.poll(tracker, '/api/files', (f: any[]) => f[0]?.trackerSeeding === false, STEP_TIMEOUT_MS, 'a0 registered its copy')

    const before = { ab: lab.txBytes(gw, b), ba: lab.txBytes(gw, a) }
    const started = Date.now()
    const { taskId } = await cluster.command(th, ['replicate', file.fileId, '--tracker', tracker.addr, '--to', 'all'])
    const task = await cluster.poll(tracker, `/api/tasks/${taskId}`, (t) => t.state === 'done' || t.state === 'failed', STEP_TIMEOUT_MS, 'task done')
    const seconds = (Date.now() - started) / 1000
    const link = { ab: lab.txBytes(gw, b) - before.ab, ba: lab.txBytes(gw, a) - before.ba }

    assert.equal(task.state, 'done', JSON.stringify(task.servers.map((s: any) => [s.state, s.lastError])))
    assert.equal(task.servers.length, 2 * SERVERS_PER_LAN)
    for (const s of task.servers) assert.equal(s.result.sha256, file.sha256, `server ${s.peerId} verified`)
    // Bytes LAN-B servers got, by where they came from.
    let fromB = 0
    let intoB = 0
    for (const s of task.servers.filter((x: any) => netOf.get(x.peerId) === 'b')) {
      for (const [src, bytes] of Object.entries(s.result.bytesFrom as Record<string, number>)) {
        intoB += bytes
        if (netOf.get(src) === 'b') fromB += bytes
      }
    }
    const linkCopies = link.ab / FILE_SIZE
    console.log(`      ${2 * SERVERS_PER_LAN} servers, ${FILE_SIZE / 2 ** 20} MiB, ${SLOW_LINK_BPS / 1e6} Mbit/s link: done in ${seconds.toFixed(1)} s`)
    console.log(`      slow link A->B: ${link.ab} bytes = ${linkCopies.toFixed(2)} copies (IP+TCP+Noise included); B->A: ${link.ba} bytes`)
    console.log(`      tracker's count: crossNetworkBytes ${task.crossNetworkBytes} = ${task.crossNetworkCopies.toFixed(2)} copies ${JSON.stringify(task.bytesByNetworkPath)}`)
    console.log(`      LAN B got ${(100 * fromB / intoB).toFixed(0)}% of its bytes from LAN-B neighbours; cross-fetchers ${JSON.stringify(task.networks)}`)
    assert.ok(task.crossNetworkCopies >= 0.99 && task.crossNetworkCopies <= 1.5, `about one copy crossed (tracker's count): ${task.crossNetworkCopies}`)
    assert.ok(linkCopies <= 1.6, `about one copy on the wire: ${linkCopies}`)
    assert.ok(fromB / intoB >= 0.6, `LAN B mostly from LAN B: ${fromB}/${intoB}`)
  })
})
