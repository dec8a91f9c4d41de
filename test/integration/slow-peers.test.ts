import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Stream } from '@libp2p/interface'
import { chunkLength } from '../../src/manifest/index.js'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { ChunkFrame } from '../../src/pb/chunk.js'
import { withFaults } from '../../src/store/faults.js'
import { Bitfield } from '../../src/store/bitfield.js'
import { MemoryChunkStore } from '../../src/store/index.js'
import { CHUNK_PROTOCOL, serveAll, STALL_TIMEOUT_MS } from '../../src/swarm/index.js'
import { encodeFrame, FrameReader } from '../../src/swarm/framing.js'
import type { ChunkStore } from '../../src/store/types.js'
import { makeTestFile, type TestFile } from '../unit/store/fixtures.js'
import { hex, startPeer, storedSha256, type TestPeer } from './helpers.js'

const { Type } = ChunkFrame
const MiB = 1024 * 1024
const FILE_SIZE = 64 * MiB
/** The trickling peer's rate: a 1 MiB chunk takes 4 s. */
const TRICKLE_BPS = 256 * 1024
const FETCH_MS = 90_000
/** Seconds allowed beyond twice the healthy time: start-up and a loaded CI machine, far below STALL_TIMEOUT_MS. */
const SLACK_S = 5

async function filled (file: TestFile, store: ChunkStore = new MemoryChunkStore()): Promise<ChunkStore> {
  const stored = await store.open(file.info)
  for (let i = 0; i < file.chunks; i++) await stored.write(i, file.chunk(i))
  return store
}

/**
 * A peer that claims every chunk and, asked for one, sends the PIECE header
 * and half the bytes, then nothing: it stalls mid-chunk with the stream open.
 */
async function staller (file: TestFile): Promise<{ node: ShoalNode, addr: string, requests: () => number }> {
  const node = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: ['/ip4/127.0.0.1/tcp/0'] })
  let requests = 0
  const all = new Bitfield(file.chunks)
  for (let i = 0; i < file.chunks; i++) all.set(i)
  await node.handle(CHUNK_PROTOCOL, (stream: Stream) => {
    const reader = new FrameReader(stream)
    void (async () => {
      try {
        for (;;) {
          const f = await reader.next()
          if (f == null) return
          if (f.type === Type.HELLO) stream.send(encodeFrame({ type: Type.BITFIELD, bitfield: all.bytes as Uint8Array<ArrayBuffer> }))
          if (f.type === Type.REQUEST) {
            requests++
            const length = chunkLength(file.info.manifest, f.index)
            stream.send(encodeFrame({ type: Type.PIECE, index: f.index, offset: 0, length }))
            stream.send(file.chunk(f.index).subarray(0, length >> 1))
          }
        }
      } catch {}
    })()
  }, { maxInboundStreams: 256 })
  return { node, addr: node.getMultiaddrs()[0].toString(), requests: () => requests }
}

describe('slow peers: a trickle and a mid-chunk stall do not hold a download back', function () {
  this.timeout(4 * FETCH_MS)
  const peers: TestPeer[] = []
  const nodes: ShoalNode[] = []
  after(async () => { await Promise.allSettled([...peers.map(async (p) => p.stop()), ...nodes.map(async (n) => n.stop())]) })

  it(`${FILE_SIZE / MiB} MiB from an honest seed, a peer trickling at ${TRICKLE_BPS / 1024} KiB/s and one that stalls mid-chunk`, async () => {
    const file = makeTestFile(FILE_SIZE, MiB)
    const honest = await startPeer({ store: await filled(file), servePolicy: serveAll })
    const trickle = await startPeer({ store: withFaults(await filled(file), { flipServed: false, slowServedBps: TRICKLE_BPS }), servePolicy: serveAll })
    const stall = await staller(file)
    peers.push(honest, trickle)
    nodes.push(stall.node)

    const healthy = await startPeer()
    peers.push(healthy)
    let started = Date.now()
    const alone = await healthy.swarm.fetch(file.info, { peers: [honest.addr], signal: AbortSignal.timeout(FETCH_MS) })
    const healthySeconds = (Date.now() - started) / 1000
    assert.equal(await storedSha256(healthy, alone.fileKey), hex(file.info.manifest.sha256))
    // The baseline itself: one honest seed on loopback never leaves a request to its stall timeout
    // (a serve loop that lost a queued request did, 21 s here, and hid behind the doubled baseline below).
    assert.ok(healthySeconds < STALL_TIMEOUT_MS / 1000, `a lone fetch from an honest seed took ${healthySeconds} s`)

    const fetcher = await startPeer()
    peers.push(fetcher)
    started = Date.now()
    const result = await fetcher.swarm.fetch(file.info, { peers: [stall.addr, trickle.addr, honest.addr], signal: AbortSignal.timeout(FETCH_MS) })
    const mixedSeconds = (Date.now() - started) / 1000
    assert.equal(await storedSha256(fetcher, result.fileKey), hex(file.info.manifest.sha256))
    const from = (p: { node: ShoalNode }): number => result.bytesFrom[p.node.peerId.toString()] ?? 0
    console.log(`      healthy ${healthySeconds.toFixed(1)} s; with a trickle and a staller ${mixedSeconds.toFixed(1)} s; ` +
      `bytes from honest ${from(honest) / MiB} MiB, trickle ${from(trickle) / MiB} MiB, staller ${from(stall) / MiB} MiB (asked ${stall.requests()} times)`)
    assert.equal(from(stall), 0, 'no verified byte from the staller')
    assert.ok(stall.requests() > 0, 'the staller was asked (and its requests moved on)')
    // Close to the healthy case: endgame duplicates the bad peers' requests to the honest one, long before their stall timeout (STALL_TIMEOUT_MS).
    assert.ok(mixedSeconds <= healthySeconds * 2 + SLACK_S, `${mixedSeconds} s against ${healthySeconds} s healthy`)
  })
})
