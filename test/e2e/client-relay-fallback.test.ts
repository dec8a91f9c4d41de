import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LAB_PORT, useLab } from './lab-peers.js'

const FILE_SIZE = 32 * 1024 * 1024
const STEP_TIMEOUT_MS = 60_000

/**
 * Two LANs with no route between them; the tracker sits on both and runs a
 * relay (--relay). The only holder (LAN A, no HTTP endpoint) listens through
 * it (--relay-via). A client in LAN B cannot dial the holder, and the only
 * HTTP source the tracker offers (its own, bound to its loopback) is not
 * reachable from there: the download falls back to the relay and completes
 * over it (and fails with --no-relay). A client in LAN A dials the holder directly and never uses the relay.
 */
describe('client: a download whose only holder is behind the tracker\'s relay finishes through the relay', function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  const env = useLab()

  it('falls back to the relay when nothing else reaches the holder, and not when direct P2P works', async () => {
    const lab = env.open('crf')
    const a = lab.addLan('a', '10.64.1')
    const b = lab.addLan('b', '10.64.2')
    // The tracker joins both LANs and does not route between them (ip_forward 0).
    const th = lab.addHost('t', [{ lan: a, octet: 1 }, { lan: b, octet: 1 }])
    const hh = lab.addHost('h', [{ lan: a, octet: 10 }])
    const ch = lab.addHost('c', [{ lan: b, octet: 20 }])
    const dh = lab.addHost('d', [{ lan: a, octet: 20 }])
    const cluster = await env.cluster(lab)
    const file = await cluster.addFile(FILE_SIZE, ['tracker', 'h'])
    const tracker = await cluster.startTracker(th, 'tracker', ['--relay'])
    const via = (lanIp: string): string => `/ip4/${lanIp}/tcp/${LAB_PORT}/p2p/${tracker.peerId}`
    const holder = await cluster.startServer(hh, 'h', ['--tracker', via(th.ips.a), '--relay-via', via(th.ips.a), '--network', 'a'])
    const listening = holder.events.find((e) => e.event === 'listening')!
    const holderId = listening.peerId as string
    assert.ok((listening.addrs as string[]).some((ad) => ad.includes('/p2p-circuit/')), 'the holder listens through the relay')
    assert.equal(listening.http, undefined, 'the holder has no HTTP endpoint')
    // The tracker stops seeding once the holder's copy is registered: the holder is the only source.
    await cluster.poll(tracker, '/api/files', (f: any[]) => f[0]?.completeCopies === 1 && f[0]?.trackerSeeding === false, STEP_TIMEOUT_MS, 'holder registered')

    // LAN B: no route to the holder, the tracker's HTTP is on its loopback: only the relay reaches the holder.
    // Without the relay (--no-relay) the download has no path at all and fails.
    const noRelay = cluster.spawn(ch, ['download', file.fileId, '-o', join(cluster.dir, 'out-none.bin'), '--tracker', via(th.ips.b), '--slow-for', '2', '--no-relay'])
    assert.equal(await noRelay.exited, 1, 'without the relay nothing reaches the holder')
    assert.match(noRelay.stderr.join(' '), /no source could supply/)
    const outB = join(cluster.dir, 'out-b.bin')
    const started = Date.now()
    const client = cluster.spawn(ch, ['download', file.fileId, '-o', outB, '--tracker', via(th.ips.b), '--slow-for', '2'])
    const code = await client.exited
    const seconds = (Date.now() - started) / 1000
    assert.equal(code, 0, `download failed: ${client.stderr.join(' | ')}`)
    const fallback = client.events.find((e) => e.event === 'fallback')
    assert.ok(fallback != null, 'a fallback event')
    assert.ok(fallback.relays.length > 0 && fallback.relays.every((r: string) => r.includes('/p2p-circuit/') && r.endsWith(`/p2p/${holderId}`)), `relayed addresses of the holder: ${JSON.stringify(fallback.relays)}`)
    assert.ok(fallback.relays[0].includes(`/p2p/${tracker.peerId}/p2p-circuit/`), 'the tracker\'s own relay first')
    const relay = client.events.find((e) => e.event === 'relay')
    assert.deepEqual([relay?.connected.length, relay?.offered], [1, 1], `reached the holder through the relay: ${JSON.stringify(relay)}`)
    const down = client.events.at(-1)!
    assert.equal(down.event, 'downloaded')
    assert.equal(down.sha256, file.sha256)
    assert.equal(createHash('sha256').update(await readFile(outB)).digest('hex'), file.sha256)
    assert.deepEqual(down.bytesByKind, { p2p: 0, relay: FILE_SIZE, http: 0 })
    assert.equal(down.relayBytes, FILE_SIZE)
    assert.equal(down.bytesBySource[holderId], FILE_SIZE)
    const progress = client.events.filter((e) => e.event === 'progress')
    assert.ok(progress.some((p) => p.relayBytes > 0 && p.bytesByKind.relay === p.relayBytes), 'progress events report relay bytes')
    console.log(`      relay fallback: ${String(down.fallbackReason)}; ${FILE_SIZE / 2 ** 20} MiB through the relay, ${seconds.toFixed(1)} s for the whole command (${down.seconds.toFixed(1)} s inside)`)

    // LAN A: the holder is dialled directly; no fallback is asked for, no byte goes through the relay.
    const outA = join(cluster.dir, 'out-a.bin')
    const direct = cluster.spawn(dh, ['download', file.fileId, '-o', outA, '--tracker', via(th.ips.a), '--slow-for', '2'])
    assert.equal(await direct.exited, 0, `direct download failed: ${direct.stderr.join(' | ')}`)
    const downA = direct.events.at(-1)!
    assert.equal(downA.event, 'downloaded')
    assert.equal(downA.sha256, file.sha256)
    assert.equal(direct.events.find((e) => e.event === 'fallback' || e.event === 'relay'), undefined, 'no fallback when direct P2P works')
    assert.deepEqual(downA.bytesByKind, { p2p: FILE_SIZE, relay: 0, http: 0 })
    console.log(`      direct in LAN A: ${FILE_SIZE / 2 ** 20} MiB in ${downA.seconds.toFixed(1)} s, relay bytes ${downA.relayBytes}`)
  })
})
