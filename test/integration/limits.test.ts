import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import type { Stream } from '@libp2p/interface'
import { createClient, createTracker, resolveLimits, type Tracker } from '../../src/index.js'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { ChunkFrame } from '../../src/pb/chunk.js'
import { MemoryChunkStore, type ChunkStore } from '../../src/store/index.js'
import { CHUNK_PROTOCOL, serveAll, Swarm } from '../../src/swarm/index.js'
import { encodeFrame, FrameReader } from '../../src/swarm/framing.js'
import { RATE_BURST_SECONDS } from '../../src/util/peer-rate.js'
import { makeTestFile, type TestFile } from '../unit/store/fixtures.js'
import { hex, storedSha256 } from './helpers.js'

const { Type } = ChunkFrame
const MiB = 1024 * 1024
const FILE_SIZE = 32 * MiB
/** The seed's per-peer serve cap: slow enough that loopback (100+ MiB/s) would beat it many times over without it. */
const CAP = 8 * MiB
/** Sessions the greedy peer opens, each asking for every chunk again and again. */
const GREEDY_SESSIONS = 8
const STEP_MS = 60_000

interface Peer { node: ShoalNode, store: ChunkStore, swarm: Swarm, stop(): Promise<void> }

async function peer (limits?: Parameters<typeof resolveLimits>[0], file?: TestFile): Promise<Peer> {
  const node = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: ['/ip4/127.0.0.1/tcp/0'] })
  const store = new MemoryChunkStore()
  if (file != null) {
    const stored = await store.open(file.info)
    for (let i = 0; i < file.chunks; i++) await stored.write(i, file.chunk(i))
  }
  const swarm = new Swarm({ node, store, servePolicy: serveAll, limits })
  await swarm.start()
  return { node, store, swarm, stop: async () => { await swarm.stop(); await node.stop(); await store.close() } }
}

/**
 * A greedy peer: GREEDY_SESSIONS chunk sessions for the file, each asking for
 * every chunk, and asking again for each piece as soon as it arrives, so it
 * always has every chunk queued. Counts the piece bytes it receives until stopped.
 */
async function greedy (node: ShoalNode, addr: string, file: TestFile, signal: AbortSignal): Promise<{ bytes: () => number, done: Promise<void> }> {
  let bytes = 0
  const sessions: Array<Promise<void>> = []
  for (let s = 0; s < GREEDY_SESSIONS; s++) {
    const stream: Stream = await node.dialProtocol(multiaddr(addr), CHUNK_PROTOCOL, { signal })
    const reader = new FrameReader(stream)
    const request = (index: number): void => { stream.send(encodeFrame({ type: Type.REQUEST, index, offset: 0, length: file.info.manifest.chunkSize })) }
    stream.send(encodeFrame({ type: Type.HELLO, fileId: file.info.id.bytes as Uint8Array<ArrayBuffer> }))
    for (let i = 0; i < file.chunks; i++) request((i + s * 4) % file.chunks)
    sessions.push((async () => {
      try {
        for (;;) {
          const f = await reader.next({ signal })
          if (f == null) return
          if (f.type === Type.PIECE) {
            await reader.bytes(f.length, { signal })
            bytes += f.length
            request(f.index)
          } else if (f.type === Type.REJECT && f.length > 0) {
            request(f.index)
          }
        }
      } catch {
        stream.abort(new Error('greedy peer done'))
      }
    })())
  }
  return { bytes: () => bytes, done: Promise.all(sessions).then(() => {}) }
}

describe('limits: options checked; a per-peer serve cap keeps a greedy peer to its share; upload quotas', function () {
  this.timeout(4 * STEP_MS)
  const stops: Array<() => Promise<void>> = []
  after(async () => { for (const s of stops.reverse()) await s().catch(() => {}) })

  it('rejects unknown limits and values out of range with InvalidArgumentError', () => {
    assert.throws(() => resolveLimits({ maxConections: 5 } as any), { name: 'InvalidArgumentError' })
    assert.throws(() => resolveLimits({ maxConnections: 0 }), { name: 'InvalidArgumentError' })
    assert.throws(() => resolveLimits({ chunkStreamsIn: 1.5 }), { name: 'InvalidArgumentError' })
    assert.throws(() => resolveLimits({ serveRatePerPeer: 1000 }), { name: 'InvalidArgumentError' }, 'below the smallest useful cap')
    assert.equal(resolveLimits({ serveRatePerPeer: 0 }).serveRatePerPeer, 0, '0 turns a rate cap off')
    assert.equal(resolveLimits().chunkStreamsIn, 256, 'defaults are the constants')
  })

  it('a greedy peer gets at most its cap while an honest download alongside runs at its normal (capped) speed', async () => {
    const file = makeTestFile(FILE_SIZE, MiB, 'rate.bin')
    const seed = await peer({ serveRatePerPeer: CAP }, file)
    stops.push(seed.stop)
    const seedAddr = seed.node.getMultiaddrs()[0].toString()

    const honestFetch = async (): Promise<number> => {
      const honest = await peer()
      stops.push(honest.stop)
      const started = performance.now()
      const result = await honest.swarm.fetch(file.info, { peers: [seedAddr], signal: AbortSignal.timeout(STEP_MS) })
      assert.equal(await storedSha256(honest, result.fileKey), hex(file.info.manifest.sha256))
      return (performance.now() - started) / 1000
    }

    const alone = await honestFetch()

    const attacker = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: [] })
    stops.push(async () => attacker.stop())
    const stop = new AbortController()
    const flood = await greedy(attacker, seedAddr, file, stop.signal)
    const floodStart = performance.now()
    let withFlood: number
    try {
      withFlood = await honestFetch()
    } finally {
      stop.abort()
      await flood.done
    }
    const floodSeconds = (performance.now() - floodStart) / 1000
    const greedyRate = flood.bytes() / floodSeconds
    const honestRate = FILE_SIZE / withFlood
    const mib = (n: number): string => (n / MiB).toFixed(1)
    console.log(`      cap ${mib(CAP)} MiB/s per peer; honest 32 MiB alone ${alone.toFixed(2)} s (${mib(FILE_SIZE / alone)} MiB/s), ` +
      `beside the greedy peer ${withFlood.toFixed(2)} s (${mib(honestRate)} MiB/s); greedy got ${mib(flood.bytes())} MiB in ${floodSeconds.toFixed(2)} s = ${mib(greedyRate)} MiB/s`)

    // The greedy peer got its cap plus at most one burst and one piece, with a 25 % margin for timers.
    const allowed = CAP * floodSeconds * 1.25 + CAP * RATE_BURST_SECONDS + MiB
    assert.ok(flood.bytes() <= allowed, `greedy peer got ${mib(flood.bytes())} MiB, cap allows ${mib(allowed)} MiB`)
    assert.ok(flood.bytes() > 0, 'the greedy peer was served (capped, not cut off)')
    // The honest peer was not slowed by the greedy one: about its own capped speed.
    assert.ok(honestRate >= CAP * 0.5, `honest download at ${mib(honestRate)} MiB/s beside the flood (cap ${mib(CAP)})`)
    assert.ok(withFlood <= alone * 2 + 2, `honest download ${withFlood.toFixed(2)} s beside the flood, ${alone.toFixed(2)} s alone`)
  })

  it('a per-peer ingest cap slows that uploader to its rate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shoal-ingest-rate-'))
    const rate = 2 * MiB
    const tracker = await createTracker({ dataDir: join(dir, 'tracker'), listen: ['/ip4/127.0.0.1/tcp/0'], limits: { ingestRatePerPeer: rate } })
    stops.push(async () => { await tracker.stop(); await rm(dir, { recursive: true, force: true }) })
    const file = makeTestFile(8 * MiB, 256 * 1024, 'capped.bin')
    await writeFile(join(dir, 'capped.bin'), file.bytes)
    const client = await createClient({ tracker: tracker.multiaddrs()[0].toString() })
    stops.push(async () => client.stop())
    const started = performance.now()
    const up = await client.upload(join(dir, 'capped.bin'), { chunkSize: 256 * 1024, replicate: {}, signal: AbortSignal.timeout(STEP_MS) })
    const seconds = (performance.now() - started) / 1000
    const floor = (8 * MiB - rate * RATE_BURST_SECONDS) / rate
    console.log(`      ingest cap ${rate / MiB} MiB/s: 8 MiB upload call ${seconds.toFixed(2)} s (its upload phase ${up.uploadSeconds.toFixed(2)} s); the cap allows no less than ${floor.toFixed(2)} s`)
    // Under the floor only if the cap did not hold (uncapped, loopback takes well under a second); 15 % slack for timers.
    assert.ok(seconds >= floor * 0.85, `8 MiB in ${seconds.toFixed(2)} s, the cap allows no less than ${floor.toFixed(2)} s`)
    assert.equal(up.fileId, file.info.key)
  })

  describe('uploads over the quota', () => {
    let dir: string
    let tracker: Tracker

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'shoal-limits-'))
      tracker = await createTracker({ dataDir: join(dir, 'tracker'), listen: ['/ip4/127.0.0.1/tcp/0'], limits: { maxUploadBytes: 6 * MiB, ingestQuotaBytes: 10 * MiB } })
      stops.push(async () => { await tracker.stop(); await rm(dir, { recursive: true, force: true }) })
    })

    async function upload (name: string, size: number): Promise<{ file: TestFile, result: Promise<unknown> }> {
      const file = makeTestFile(size, 256 * 1024, name)
      const path = join(dir, name)
      await writeFile(path, file.bytes)
      const client = await createClient({ tracker: tracker.multiaddrs()[0].toString() })
      stops.push(async () => client.stop())
      return { file, result: client.upload(path, { chunkSize: 256 * 1024, replicate: {}, signal: AbortSignal.timeout(STEP_MS) }) }
    }

    const blobOf = (file: TestFile): string => join(dir, 'tracker', 'blobs', file.info.key)

    it('a file over the one-upload limit is refused with QuotaExceededError and nothing is stored', async () => {
      const { file, result } = await upload('big.bin', 8 * MiB)
      await assert.rejects(result, { name: 'QuotaExceededError' })
      assert.deepEqual(await tracker.store.list(), [], 'nothing in the store')
      assert.equal(existsSync(blobOf(file)), false, 'no blob on disk')
      assert.equal(tracker.catalog.get(file.info.key), undefined, 'not catalogued')
    })

    it('an upload that would take the store past the ingest quota is refused; the one before it is kept', async () => {
      const first = await upload('first.bin', 5 * MiB)
      await first.result
      const second = await upload('second.bin', 6 * MiB)
      await assert.rejects(second.result, { name: 'QuotaExceededError' })
      assert.deepEqual(await tracker.store.list(), [first.file.info.key])
      assert.equal(existsSync(blobOf(second.file)), false)
    })
  })
})
