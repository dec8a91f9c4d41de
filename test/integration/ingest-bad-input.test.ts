import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import type { Stream } from '@libp2p/interface'
import * as varint from 'uint8-varint'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { IngestFrame } from '../../src/pb/ingest.js'
import { ProbeRequest, ProbeResult } from '../../src/pb/probe.js'
import { BulkReader, encodeLengthPrefixed } from '../../src/rpc/bulk-reader.js'
import { INGEST_PROTOCOL, MAX_INGEST_FRAME_BYTES, MAX_PROBE_BYTES, PROBE_PROTOCOL } from '../../src/rpc/transfer-constants.js'
import { createTracker, type Tracker } from '../../src/tracker/tracker.js'
import { sendAll } from '../../src/util/stream.js'
import { makeTestFile, type TestFile } from '../unit/store/fixtures.js'

const { Type, Code } = IngestFrame
const WAIT_MS = 10_000
const CHUNK = 16 * 1024

/** A raw ingest or probe stream to the tracker (which runs the ingest endpoint too). */
async function open (client: ShoalNode, addr: string, protocol = INGEST_PROTOCOL): Promise<{ stream: Stream, reader: BulkReader<IngestFrame>, send(f: Partial<IngestFrame>, payload?: Uint8Array): Promise<void>, next(): Promise<IngestFrame | undefined> }> {
  const stream = await client.dialProtocol(multiaddr(addr), protocol)
  const reader = new BulkReader(stream, { decode: IngestFrame.decode, maxFrameBytes: MAX_INGEST_FRAME_BYTES })
  return {
    stream,
    reader,
    send: async (f, payload) => {
      await sendAll(stream, encodeLengthPrefixed(IngestFrame.encode(f)))
      if (payload != null) await sendAll(stream, payload)
    },
    next: async () => reader.next({ signal: AbortSignal.timeout(WAIT_MS) })
  }
}

/** Resolves once the stream is closed or reset by the remote. */
async function closedByRemote (stream: Stream): Promise<void> {
  if (stream.status !== 'open') return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('stream still open')), WAIT_MS)
    stream.addEventListener('close', () => { clearTimeout(timer); resolve() }, { once: true })
  })
}

describe('ingest and probe protocols: bad input gets an ERROR or an aborted stream, never a crash', function () {
  this.timeout(60_000)
  let dir: string
  let tracker: Tracker
  let client: ShoalNode
  let addr: string
  let file: TestFile

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-ingest-'))
    tracker = await createTracker({ dataDir: join(dir, 'tracker'), listen: ['/ip4/127.0.0.1/tcp/0'] })
    addr = tracker.multiaddrs()[0].toString()
    client = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: [] })
    file = makeTestFile(CHUNK * 6 + 100, CHUNK)
  })

  after(async () => {
    await client?.stop()
    await tracker?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  const fileId = (): Uint8Array<ArrayBuffer> => file.info.id.bytes as Uint8Array<ArrayBuffer>

  it('OPEN without a manifest for an unknown file: UNKNOWN_FILE', async () => {
    const s = await open(client, addr)
    await s.send({ type: Type.OPEN, fileId: fileId(), manifestLength: 0 })
    const f = await s.next()
    assert.equal(f?.type, Type.ERROR)
    assert.equal(f?.code, Code.UNKNOWN_FILE)
  })

  it('a manifest that does not hash to the file id: BAD_MANIFEST', async () => {
    const other = makeTestFile(CHUNK, CHUNK)
    const s = await open(client, addr)
    await s.send({ type: Type.OPEN, fileId: fileId(), manifestLength: other.info.bytes.byteLength }, other.info.bytes)
    const f = await s.next()
    assert.equal(f?.code, Code.BAD_MANIFEST)
  })

  it('a first frame that is not OPEN: BAD_REQUEST', async () => {
    const s = await open(client, addr)
    await s.send({ type: Type.COMMIT })
    assert.equal((await s.next())?.code, Code.BAD_REQUEST)
  })

  it('a frame over the size limit or a malformed one aborts the stream', async () => {
    const big = await open(client, addr)
    await sendAll(big.stream, varint.encode(MAX_INGEST_FRAME_BYTES + 1))
    await closedByRemote(big.stream)
    const junk = await open(client, addr)
    await sendAll(junk.stream, Uint8Array.of(3, 0xff, 0xff, 0xff))
    await closedByRemote(junk.stream)
  })

  it('verifies every chunk: a bad one is BAD_CHUNK and not stored, a block outside the file is BAD_REQUEST, COMMIT before the end is INCOMPLETE', async () => {
    const s = await open(client, addr)
    await s.send({ type: Type.OPEN, fileId: fileId(), manifestLength: file.info.bytes.byteLength }, file.info.bytes)
    const state = await s.next()
    assert.equal(state?.type, Type.STATE)
    assert.equal(state?.complete, false)
    const bad = file.chunk(1)
    bad[0] ^= 0xff
    await s.send({ type: Type.BLOCK, index: 0, count: 2 }, Buffer.concat([file.chunk(0), bad]))
    const acks = [await s.next(), await s.next()].map((f) => [f?.type, f?.index]).sort()
    assert.deepEqual(acks, [[Type.STORED, 0], [Type.BAD_CHUNK, 1]].sort())
    await s.send({ type: Type.COMMIT, replicateAll: true })
    assert.equal((await s.next())?.code, Code.INCOMPLETE)

    const t = await open(client, addr)
    await t.send({ type: Type.OPEN, fileId: fileId(), manifestLength: 0 })
    const again = await t.next()
    assert.equal(again?.type, Type.STATE, 'the manifest sent before is remembered')
    assert.equal(again?.bitfield[0], 0b1000_0000, 'only chunk 0 is held')
    await t.send({ type: Type.BLOCK, index: file.chunks - 1, count: 2 })
    assert.equal((await t.next())?.code, Code.BAD_REQUEST)
  })

  it('a split upload\'s COMMIT: a source that is not a multiaddr with /p2p/ is BAD_REQUEST; the tracker (no fetch from other targets) answers INCOMPLETE', async () => {
    const part = makeTestFile(CHUNK * 3, CHUNK)
    const id = part.info.id.bytes as Uint8Array<ArrayBuffer>
    const s = await open(client, addr)
    await s.send({ type: Type.OPEN, fileId: id, manifestLength: part.info.bytes.byteLength }, part.info.bytes)
    assert.equal((await s.next())?.type, Type.STATE)
    await s.send({ type: Type.BLOCK, index: 0, count: 1 }, part.chunk(0))
    assert.equal((await s.next())?.type, Type.STORED)
    await s.send({ type: Type.COMMIT, sources: ['/ip4/127.0.0.1/tcp/1'] })
    assert.equal((await s.next())?.code, Code.BAD_REQUEST, 'no /p2p/')

    const t = await open(client, addr)
    await t.send({ type: Type.OPEN, fileId: id, manifestLength: 0 })
    assert.equal((await t.next())?.type, Type.STATE)
    await t.send({ type: Type.COMMIT, sources: [`/ip4/127.0.0.1/tcp/1/p2p/${client.peerId.toString()}`] })
    const f = await t.next()
    assert.equal(f?.code, Code.INCOMPLETE)
    assert.match(f?.message ?? '', /does not fetch from other targets/)
  })

  it('a stream cut inside a chunk keeps every whole chunk and drops the partial one; a second stream resumes and commits', async () => {
    const s = await open(client, addr)
    await s.send({ type: Type.OPEN, fileId: fileId(), manifestLength: 0 })
    assert.equal((await s.next())?.type, Type.STATE)
    await s.send({ type: Type.BLOCK, index: 1, count: 3 }, Buffer.concat([file.chunk(1), file.chunk(2), file.chunk(3).subarray(0, 1000)]))
    assert.equal((await s.next())?.index, 1)
    assert.equal((await s.next())?.index, 2)
    s.stream.abort(new Error('client killed'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const stats = tracker.ingest.stats(file.info.key)
    assert.equal(stats?.discardedBytes, 1000, 'the partial chunk is counted as discarded')

    const t = await open(client, addr)
    await t.send({ type: Type.OPEN, fileId: fileId(), manifestLength: 0 })
    const state = await t.next()
    assert.equal(state?.bitfield[0], 0b1110_0000, 'chunks 0-2 held')
    await t.send({ type: Type.BLOCK, index: 3, count: file.chunks - 3 }, Buffer.concat(Array.from({ length: file.chunks - 3 }, (_, i) => file.chunk(3 + i))))
    for (let i = 3; i < file.chunks; i++) assert.equal((await t.next())?.type, Type.STORED)
    await t.send({ type: Type.COMMIT, replicateAll: true })
    const committed = await t.next()
    assert.equal(committed?.type, Type.COMMITTED)
    assert.equal(committed?.taskId, '', 'no live server: no task')
    assert.ok(tracker.catalog.get(file.info.key) != null, 'the tracker cataloged the upload')
    assert.equal((await tracker.store.get(file.info.key))?.complete, true)
  })

  it('probe: counts what arrives, caps what a client asks, aborts junk', async () => {
    const stream = await client.dialProtocol(multiaddr(addr), PROBE_PROTOCOL)
    const reader = new BulkReader(stream, { decode: ProbeResult.decode, maxFrameBytes: 64 })
    await sendAll(stream, encodeLengthPrefixed(ProbeRequest.encode({ bytes: MAX_PROBE_BYTES * 4, maxMs: 500 })))
    await sendAll(stream, new Uint8Array(256 * 1024))
    await stream.close()
    const r = await reader.next({ signal: AbortSignal.timeout(WAIT_MS) })
    assert.equal(Number(r?.bytes), 256 * 1024, 'the client closed after 256 KiB: that is what is counted')

    const junk = await client.dialProtocol(multiaddr(addr), PROBE_PROTOCOL)
    await sendAll(junk, varint.encode(1000))
    await closedByRemote(junk)
  })
})
