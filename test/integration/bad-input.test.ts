import assert from 'node:assert/strict'
import { multiaddr } from '@multiformats/multiaddr'
import * as varint from 'uint8-varint'
import type { Stream } from '@libp2p/interface'
import { chunkCount } from '../../src/manifest/index.js'
import { ChunkFrame } from '../../src/pb/chunk.js'
import { MemoryChunkStore } from '../../src/store/index.js'
import { BAN_AFTER_FAILURES, CHUNK_PROTOCOL, serveAll } from '../../src/swarm/index.js'
import { FrameReader, sendFrame, sendAll } from '../../src/swarm/framing.js'
import { makeTestFile, type TestFile } from '../unit/store/fixtures.js'
import { hex, startPeer, storedSha256, type TestPeer } from './helpers.js'
import { withFaults } from '../../src/store/faults.js'
import type { ChunkStore } from '../../src/store/types.js'

const { Type, RejectReason } = ChunkFrame
const CHUNK = 16 * 1024
const WAIT_MS = 10_000

/** A store that holds real chunks but flips a byte in everything it reads: a lying peer. */
const lyingStore = (inner: ChunkStore): ChunkStore => withFaults(inner, { flipServed: true })

async function seedWith (file: TestFile, upTo = file.chunks, store: ChunkStore = new MemoryChunkStore()): Promise<TestPeer> {
  const stored = await store.open(file.info)
  for (let i = 0; i < upTo; i++) await stored.write(i, file.chunk(i))
  return startPeer({ store, servePolicy: serveAll })
}

/** A raw /shoal/chunk session from `client` to `server`, after HELLO and BITFIELD. */
async function rawSession (client: TestPeer, server: TestPeer, file: TestFile): Promise<{ stream: Stream, reader: FrameReader, next(): Promise<ChunkFrame> }> {
  const stream = await client.node.dialProtocol(multiaddr(server.addr), CHUNK_PROTOCOL)
  const reader = new FrameReader(stream)
  const next = async (): Promise<ChunkFrame> => {
    for (;;) {
      const f = await reader.next({ signal: AbortSignal.timeout(WAIT_MS) })
      assert.ok(f != null, 'stream ended early')
      if (f.type !== Type.PEERS) return f
    }
  }
  await sendFrame(stream, { type: Type.HELLO, fileId: file.info.id.bytes as Uint8Array<ArrayBuffer> })
  assert.equal((await next()).type, Type.BITFIELD)
  return { stream, reader, next }
}

describe('bad input on /shoal/chunk', function () {
  this.timeout(60_000)
  const peers: TestPeer[] = []
  const file = makeTestFile(40 * CHUNK + 123, CHUNK)
  after(async () => { await Promise.all(peers.map(async (p) => p.stop())) })

  it('a corrupt chunk from a peer is rejected, never stored or served onward, and the liar is banned', async () => {
    const liar = await seedWith(file, file.chunks, lyingStore(new MemoryChunkStore()))
    const honest = await seedWith(file)
    const fetcher = await startPeer()
    peers.push(liar, honest, fetcher)
    // Only the liar: every chunk fails its hash, the liar is banned, the download has no source left.
    await assert.rejects(fetcher.swarm.fetch(file.info, { peers: [liar.addr], signal: AbortSignal.timeout(WAIT_MS * 3) }), { name: 'NoSourcesError' })
    const blamed = fetcher.swarm.stats().blamed[file.info.key]?.[liar.node.peerId.toString()] ?? 0
    assert.ok(blamed >= BAN_AFTER_FAILURES, `the liar was blamed ${blamed} times`)
    const afterLiar = await fetcher.store.get(file.info.key)
    assert.equal(afterLiar?.bitfield.count, 0, 'no bad chunk was stored (so none can be served onward)')
    // A third peer fetching from the fetcher gets nothing bad either: it holds nothing.
    const result = await fetcher.swarm.fetch(file.info, { peers: [honest.addr], signal: AbortSignal.timeout(WAIT_MS * 3) })
    assert.equal(await storedSha256(fetcher, result.fileKey), hex(file.info.manifest.sha256))
    const stored = await fetcher.store.get(file.info.key)
    for (let i = 0; i < file.chunks; i++) assert.equal(hex(await stored!.read(i)), hex(file.chunk(i)), `chunk ${i} as stored`)
  })

  it('blames and bans a liar while an honest peer supplies the file', async () => {
    const liar = await seedWith(file, file.chunks, lyingStore(new MemoryChunkStore()))
    const honest = await seedWith(file)
    const fetcher = await startPeer()
    peers.push(liar, honest, fetcher)
    const result = await fetcher.swarm.fetch(file.info, { peers: [liar.addr, honest.addr], signal: AbortSignal.timeout(WAIT_MS * 3) })
    assert.equal(await storedSha256(fetcher, result.fileKey), hex(file.info.manifest.sha256))
    assert.ok(!(liar.node.peerId.toString() in result.bytesFrom), 'no verified byte came from the liar')
    const blamed = fetcher.swarm.stats().blamed[file.info.key]?.[liar.node.peerId.toString()] ?? 0
    assert.ok(blamed >= BAN_AFTER_FAILURES, `the liar was blamed ${blamed} times`)
    assert.deepEqual(result.banned, [liar.node.peerId.toString()])
  })

  it('answers a request outside the file or for a chunk not held with REJECT, and the session lives on', async () => {
    const partial = await seedWith(file, 1)
    const client = await startPeer()
    peers.push(partial, client)
    const s = await rawSession(client, partial, file)
    await sendFrame(s.stream, { type: Type.REQUEST, index: chunkCount(file.info.manifest) + 5, offset: 0, length: CHUNK })
    const outside = await s.next()
    assert.equal(outside.type, Type.REJECT)
    assert.equal(outside.reason, RejectReason.OUT_OF_RANGE)
    await sendFrame(s.stream, { type: Type.REQUEST, index: 1, offset: 0, length: CHUNK })
    const notHeld = await s.next()
    assert.equal(notHeld.type, Type.REJECT)
    assert.equal(notHeld.reason, RejectReason.NOT_HELD)
    await sendFrame(s.stream, { type: Type.REQUEST, index: 0, offset: 0, length: CHUNK })
    const piece = await s.next()
    assert.equal(piece.type, Type.PIECE)
    assert.equal(hex(await s.reader.bytes(piece.length)), hex(file.chunk(0)))
  })

  it('answers a held chunk whose disk read fails with REJECT NOT_HELD, read first or read ahead, and serves the rest in order', async () => {
    const seed = await seedWith(file, file.chunks, withFaults(new MemoryChunkStore(), { flipServed: false, failReads: new Set([3, 5]) }))
    const client = await startPeer()
    peers.push(seed, client)
    const s = await rawSession(client, seed, file)
    // 3's read is the session's first; 5 is read ahead while 4 is sent.
    for (const index of [3, 4, 5, 6]) await sendFrame(s.stream, { type: Type.REQUEST, index, offset: 0, length: CHUNK })
    const got: string[] = []
    for (let i = 0; i < 4; i++) {
      const f = await s.next()
      if (f.type === Type.PIECE) {
        assert.equal(hex(await s.reader.bytes(f.length)), hex(file.chunk(f.index)), `chunk ${f.index}`)
        got.push(`piece ${f.index}`)
      } else {
        assert.equal(f.type, Type.REJECT)
        got.push(`reject ${f.index} ${f.reason === RejectReason.NOT_HELD ? 'NOT_HELD' : f.reason}`)
      }
    }
    assert.deepEqual(got, ['reject 3 NOT_HELD', 'piece 4', 'reject 5 NOT_HELD', 'piece 6'])
  })

  it('aborts a stream that sends an oversized or malformed frame, and keeps serving others', async () => {
    const seed = await seedWith(file)
    const client = await startPeer()
    peers.push(seed, client)
    for (const bad of [varint.encode(1024 ** 3), Uint8Array.of(5, 0xff, 0xff, 0xff, 0xff, 0xff)]) {
      const s = await rawSession(client, seed, file)
      const closed = new Promise<void>((resolve) => s.stream.addEventListener('close', () => resolve(), { once: true }))
      await sendAll(s.stream, bad)
      await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('stream not aborted')), WAIT_MS))])
      assert.notEqual(s.stream.status, 'open')
    }
    const good = await rawSession(client, seed, file)
    await sendFrame(good.stream, { type: Type.REQUEST, index: 2, offset: 0, length: CHUNK })
    const piece = await good.next()
    assert.equal(piece.type, Type.PIECE)
    assert.equal(hex(await good.reader.bytes(piece.length)), hex(file.chunk(2)))
  })

  it('refuses a session for a file it does not know', async () => {
    const seed = await seedWith(file)
    const client = await startPeer()
    peers.push(seed, client)
    const other = makeTestFile(3 * CHUNK, CHUNK)
    const stream = await client.node.dialProtocol(multiaddr(seed.addr), CHUNK_PROTOCOL)
    const reader = new FrameReader(stream)
    await sendFrame(stream, { type: Type.HELLO, fileId: other.info.id.bytes as Uint8Array<ArrayBuffer> })
    const reply = await reader.next({ signal: AbortSignal.timeout(WAIT_MS) })
    assert.equal(reply?.type, Type.REJECT)
    assert.equal(reply?.reason, RejectReason.UNKNOWN_FILE)
  })
})
