import assert from 'node:assert/strict'
import { connect, type Socket } from 'node:net'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import * as varint from 'uint8-varint'
import type { Stream } from '@libp2p/interface'
import { parseFileId } from '../../src/manifest/index.js'
import { createShoalNode, MAX_PENDING_HANDSHAKES_PER_IP, type ShoalNode } from '../../src/node/index.js'
import { ChunkFrame } from '../../src/pb/chunk.js'
import { CHUNK_PROTOCOL, MAX_INBOUND_STREAMS, MAX_QUEUED_REQUESTS } from '../../src/swarm/index.js'
import { encodeFrame, sendAll } from '../../src/swarm/framing.js'
import { tempDir } from '../unit/store/fixtures.js'
import { hex, startPeer, storedSha256, type TestPeer } from './helpers.js'
import { memoryOf, MiB, mib, seedFile, startServerProcess } from './process-helpers.js'
import type { PeerProcess } from '../../examples/lib/peer-process.js'

const { Type } = ChunkFrame
const FILE_SIZE = 32 * MiB
const STEP_MS = 60_000
/** Raw TCP connections that never start the handshake (a slow-handshake flood). */
const SLOW_HANDSHAKES = 200
/** Source address of the flooding host: any 127.x address reaches a loopback listener. */
const FLOOD_IP = '127.0.0.2'
/** Chunk streams one peer tries to open on one connection. */
const STREAMS = MAX_INBOUND_STREAMS + 100
/** Chunk requests sent in all, over REQUEST_SESSIONS sessions. */
const REQUESTS = 10_000
const REQUEST_SESSIONS = 40
/** The victim's peak RSS must stay under this (an idle server is ~100-150 MiB; every piece is 1 MiB). */
const MAX_PEAK_RSS = 600 * MiB

describe('flood: one peer floods a server, an honest download alongside still finishes', function () {
  this.timeout(5 * STEP_MS)
  let dir: Awaited<ReturnType<typeof tempDir>>
  let victim: { proc: PeerProcess, addr: string }
  let file: { fileId: string, sha256: string }
  const peers: TestPeer[] = []
  const nodes: ShoalNode[] = []
  const sockets: Socket[] = []

  before(async () => {
    dir = await tempDir()
    file = await seedFile(dir.path, `${dir.path}/victim`, FILE_SIZE)
    victim = await startServerProcess(`${dir.path}/victim`)
  })

  after(async () => {
    for (const s of sockets) s.destroy()
    await Promise.allSettled([...peers.map(async (p) => p.stop()), ...nodes.map(async (n) => n.stop())])
    await victim?.proc.stop()
    await dir?.remove()
  })

  async function honestFetch (): Promise<number> {
    const peer = await startPeer()
    peers.push(peer)
    const started = Date.now()
    const result = await peer.swarm.fetch(parseFileId(file.fileId), { peers: [victim.addr], signal: AbortSignal.timeout(STEP_MS) })
    assert.equal(await storedSha256(peer, result.fileKey), file.sha256)
    return (Date.now() - started) / 1000
  }

  it('slow handshakes, streams over the limit, a 1 GiB length prefix and 10,000 requests: bounded memory, excess refused, honest download done', async () => {
    const baseline = await honestFetch()
    const idle = await memoryOf(victim.proc.child.pid!)

    // 1. Slow handshakes from one host: TCP connections that never say a word.
    const closedEarly = await slowHandshakeFlood(victim.addr, SLOW_HANDSHAKES, sockets)
    const held = SLOW_HANDSHAKES - closedEarly
    assert.ok(held <= MAX_PENDING_HANDSHAKES_PER_IP, `${held} slow handshakes held (cap ${MAX_PENDING_HANDSHAKES_PER_IP})`)

    // 2. One peer opens more chunk streams than allowed on one connection.
    const attacker = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: [] })
    nodes.push(attacker)
    // Its own outbound limit would stop it first; an attacker raises it.
    await attacker.handle(CHUNK_PROTOCOL, ({ abort }) => { abort(new Error('no')) }, { maxOutboundStreams: STREAMS * 2 })
    const opened = await Promise.allSettled(Array.from({ length: STREAMS }, async () => attacker.dialProtocol(multiaddr(victim.addr), CHUNK_PROTOCOL, { signal: AbortSignal.timeout(STEP_MS) })))
    const streams = opened.filter((r): r is PromiseFulfilledResult<Stream> => r.status === 'fulfilled').map((r) => r.value)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const alive = streams.filter((s) => s.status === 'open')
    assert.ok(alive.length <= MAX_INBOUND_STREAMS, `${alive.length} streams open (limit ${MAX_INBOUND_STREAMS})`)

    // 3. A 1 GiB length prefix on one of them: that stream is cut, nothing of that size is buffered.
    const prefixed = alive.pop()!
    const cut = new Promise<void>((resolve) => prefixed.addEventListener('close', () => resolve(), { once: true }))
    await sendAll(prefixed, varint.encode(1024 ** 3))
    await sendAll(prefixed, new Uint8Array(64 * 1024))
    await within(cut, 10_000, 'the 1 GiB prefix stream to be cut')

    // 4. 10,000 requests over a few sessions, and the attacker never reads the answers.
    const fileId = parseFileId(file.fileId).bytes as Uint8Array<ArrayBuffer>
    const flood = alive.slice(0, REQUEST_SESSIONS)
    await Promise.all(flood.map(async (s, i) => {
      const frames = [encodeFrame({ type: Type.HELLO, fileId })]
      for (let r = 0; r < REQUESTS / REQUEST_SESSIONS; r++) frames.push(encodeFrame({ type: Type.REQUEST, index: (i + r) % 32, offset: 0, length: MiB }))
      for (const f of frames) s.send(f)
    }))
    let peak = 0
    const sampler = setInterval(() => { void memoryOf(victim.proc.child.pid!).then((m) => { peak = Math.max(peak, m.rss) }, () => {}) }, 200)
    let during: number
    try {
      // 5. Meanwhile an honest peer downloads the whole file.
      during = await honestFetch()
    } finally {
      clearInterval(sampler)
    }
    const after = await memoryOf(victim.proc.child.pid!)
    console.log(`      victim RSS idle ${mib(idle.rss)} MiB, peak during the flood ${mib(Math.max(peak, after.rss))} MiB (VmHWM ${mib(after.peak)} MiB); ` +
      `slow handshakes held ${held}/${SLOW_HANDSHAKES}; streams open ${alive.length + 1}/${STREAMS}; ` +
      `honest ${mib(FILE_SIZE)} MiB in ${baseline.toFixed(1)} s alone, ${during.toFixed(1)} s under the flood`)
    assert.ok(after.peak < MAX_PEAK_RSS, `peak RSS ${mib(after.peak)} MiB`)
    assert.equal(victim.proc.child.exitCode, null, 'the victim is still running')
    // Each flooding session had at most MAX_QUEUED_REQUESTS waiting; the rest were refused BUSY (not queued).
    assert.ok(REQUESTS / REQUEST_SESSIONS > MAX_QUEUED_REQUESTS)
  })
})

/** Opens `n` TCP connections from FLOOD_IP that never send a byte; resolves with how many the server closed within 2 s. */
async function slowHandshakeFlood (addr: string, n: number, keep: Socket[]): Promise<number> {
  const port = Number(addr.split('/tcp/')[1].split('/')[0])
  let closed = 0
  await Promise.all(Array.from({ length: n }, async () => new Promise<void>((resolve) => {
    const s = connect({ host: '127.0.0.1', port, localAddress: FLOOD_IP }, () => resolve())
    s.on('error', () => resolve())
    s.on('close', () => { closed++ })
    keep.push(s)
  })))
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  return closed
}

async function within (p: Promise<unknown>, ms: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([p, new Promise((_resolve, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms) })])
  clearTimeout(timer)
}
