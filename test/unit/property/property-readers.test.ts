import assert from 'node:assert/strict'
import fc from 'fast-check'
import * as varint from 'uint8-varint'
import { ChunkFrame } from '../../../src/pb/chunk.js'
import { IngestFrame } from '../../../src/pb/ingest.js'
import { BulkReader } from '../../../src/rpc/bulk-reader.js'
import { MessageReader } from '../../../src/rpc/message-reader.js'
import { MAX_TRACKER_REQUEST_BYTES } from '../../../src/rpc/constants.js'
import { MAX_INGEST_FRAME_BYTES } from '../../../src/rpc/transfer-constants.js'
import { MAX_FRAME_BYTES, MAX_PIECE_BYTES, READ_HIGH_WATER } from '../../../src/swarm/constants.js'
import { encodeFrame, FrameReader } from '../../../src/swarm/framing.js'
import { concat, protobufish } from './arbitraries.js'
import { cut, FakeStream, within } from './fake-stream.js'

/** A decoder that takes longer than this on a few hundred bytes is hung. */
const HANG_MS = 2_000
const RUNS = { numRuns: 300 }

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 })

/** Reads frames until the end or an error; returns the frames and the error. */
async function drain<F> (next: () => Promise<F | undefined>): Promise<{ frames: F[], error?: Error }> {
  const frames: F[] = []
  for (let i = 0; i < 10_000; i++) {
    try {
      const f = await next()
      if (f === undefined) return { frames }
      frames.push(f)
    } catch (error: any) {
      return { frames, error }
    }
  }
  throw new Error('more frames than bytes: the reader does not advance')
}

const frameArb: fc.Arbitrary<Partial<ChunkFrame>> = fc.record({
  type: fc.constantFrom(...Object.values(ChunkFrame.Type).filter((v) => typeof v === 'string')),
  fileId: fc.uint8Array({ maxLength: 40 }),
  bitfield: fc.uint8Array({ maxLength: 300 }),
  index: fc.nat({ max: 2 ** 20 }),
  offset: fc.nat({ max: 2 ** 24 }),
  length: fc.nat({ max: 2 ** 24 }),
  reason: fc.constantFrom(...Object.values(ChunkFrame.RejectReason).filter((v) => typeof v === 'string')),
  urgent: fc.boolean(),
  peers: fc.array(fc.uint8Array({ maxLength: 50 }), { maxLength: 4 })
}) as fc.Arbitrary<Partial<ChunkFrame>>

describe('property: stream readers of every protocol', function () {
  this.timeout(120_000)

  it('chunk frames round-trip through encodeFrame and FrameReader, however the bytes are cut', async () => {
    await fc.assert(fc.asyncProperty(fc.array(frameArb, { minLength: 1, maxLength: 5 }), cuts, async (frames, at) => {
      const s = new FakeStream()
      const reader = new FrameReader(s.stream)
      for (const part of cut(concat(frames.map(encodeFrame)), at)) s.push(part)
      s.end()
      const { frames: got, error } = await within(drain(async () => reader.next()), HANG_MS, 'FrameReader')
      assert.equal(error, undefined)
      assert.deepEqual(got, frames.map((f) => ChunkFrame.decode(ChunkFrame.encode(f))))
    }), RUNS)
  })

  it('FrameReader on arbitrary bytes: frames, a clean end or a ProtocolError; never a hang or another error', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(protobufish, fc.uint8Array({ maxLength: 512 })), cuts, async (bytes, at) => {
      const s = new FakeStream()
      const reader = new FrameReader(s.stream)
      for (const part of cut(bytes, at)) s.push(part)
      s.end()
      const { error } = await within(drain(async () => reader.next()), HANG_MS, 'FrameReader')
      if (error != null) assert.equal(error.name, 'ProtocolError', error.stack)
    }), RUNS)
  })

  it('a raw payload of any allowed size is read, even above the read high-water mark (no stall on a paused stream)', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(1, READ_HIGH_WATER - 1, READ_HIGH_WATER + 1, 2 * READ_HIGH_WATER + 7, MAX_PIECE_BYTES), async (n) => {
      const s = new FakeStream()
      const reader = new FrameReader(s.stream)
      const payload = new Uint8Array(n).fill(7)
      // Delivered in 64 KiB messages, as yamux does.
      const all = concat([encodeFrame({ type: ChunkFrame.Type.PIECE, index: 0, offset: 0, length: n }), payload])
      for (let at = 0; at < all.byteLength; at += 65_536) s.push(all.subarray(at, at + 65_536))
      s.end()
      const frame = await within(reader.next(), HANG_MS, 'PIECE header')
      assert.equal(frame?.length, n)
      const got = await within(reader.bytes(n), HANG_MS, `a ${n}-byte payload`)
      assert.equal(got.byteLength, n)
    }), { numRuns: 10 })
  })

  it('a payload read into a reused buffer (bytesInto) is exactly the bytes sent, however they are cut, and the next frame follows intact', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3000 }), cuts, async (payload, at) => {
      const s = new FakeStream()
      const reader = new FrameReader(s.stream)
      const all = concat([
        encodeFrame({ type: ChunkFrame.Type.PIECE, index: 3, offset: 0, length: payload.byteLength }),
        payload,
        encodeFrame({ type: ChunkFrame.Type.HAVE, index: 9 })
      ])
      for (const part of cut(all, at)) s.push(part)
      s.end()
      const header = await within(reader.next(), HANG_MS, 'PIECE header')
      // A pooled buffer still holds an earlier piece's bytes: every one must be overwritten.
      const target = new Uint8Array(payload.byteLength).fill(0xEE)
      const got = await within(reader.bytesInto(target), HANG_MS, 'bytesInto')
      assert.equal(got, target)
      assert.deepEqual(target, payload)
      assert.equal(header?.length, payload.byteLength)
      const next = await within(reader.next(), HANG_MS, 'the frame after the payload')
      assert.equal(next?.type, ChunkFrame.Type.HAVE)
      assert.equal(next?.index, 9)
    }), RUNS)
  })

  it('a length prefix over the limit (up to 2^35) is refused before anything of that size is buffered', async () => {
    const limits: Array<[string, number, (s: FakeStream) => () => Promise<unknown>]> = [
      ['chunk', MAX_FRAME_BYTES, (s) => { const r = new FrameReader(s.stream); return async () => r.next() }],
      ['rpc', MAX_TRACKER_REQUEST_BYTES, (s) => { const r = new MessageReader(s.stream, MAX_TRACKER_REQUEST_BYTES); return async () => r.next() }],
      ['ingest', MAX_INGEST_FRAME_BYTES, (s) => { const r = new BulkReader(s.stream, { decode: IngestFrame.decode, maxFrameBytes: MAX_INGEST_FRAME_BYTES }); return async () => r.next() }]
    ]
    for (const [name, max, make] of limits) {
      await fc.assert(fc.asyncProperty(fc.integer({ min: max + 1, max: 2 ** 35 - 1 }), async (length) => {
        const s = new FakeStream()
        const next = make(s)
        s.push(varint.encode(length))
        s.push(new Uint8Array(1024))
        await assert.rejects(within(next(), HANG_MS, name), { name: 'ProtocolError' })
      }), { numRuns: 50 })
    }
  })

  it('a length prefix longer than 5 bytes is malformed, not waited for', async () => {
    const s = new FakeStream()
    const reader = new MessageReader(s.stream, 1024)
    s.push(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01))
    await assert.rejects(within(reader.next(), HANG_MS, 'prefix'), { name: 'ProtocolError' })
  })

  it('MessageReader (tracker and task protocols) on arbitrary bytes: messages, a clean end or a ProtocolError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), cuts, fc.integer({ min: 1, max: 300 }), async (bytes, at, max) => {
      const s = new FakeStream()
      const reader = new MessageReader(s.stream, max)
      for (const part of cut(bytes, at)) s.push(part)
      s.end()
      const { frames, error } = await within(drain(async () => reader.next()), HANG_MS, 'MessageReader')
      if (error != null) assert.equal(error.name, 'ProtocolError', error.stack)
      for (const f of frames) assert.ok(f.byteLength <= max)
    }), RUNS)
  })

  it('BulkReader (probe and ingest protocols) on arbitrary bytes: frames, a clean end or a ProtocolError', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(protobufish, fc.uint8Array({ maxLength: 512 })), cuts, async (bytes, at) => {
      const s = new FakeStream()
      const reader = new BulkReader(s.stream, { decode: IngestFrame.decode, maxFrameBytes: MAX_INGEST_FRAME_BYTES })
      for (const part of cut(bytes, at)) s.push(part)
      s.end()
      const { error } = await within(drain(async () => reader.next()), HANG_MS, 'BulkReader')
      if (error != null) assert.equal(error.name, 'ProtocolError', error.stack)
    }), RUNS)
  })
})
