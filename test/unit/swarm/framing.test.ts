import assert from 'node:assert/strict'
import { streamPair } from '@libp2p/utils'
import * as varint from 'uint8-varint'
import { ChunkFrame } from '../../../src/pb/chunk.js'
import { FrameReader, encodeFrame, sendAll, sendFrame } from '../../../src/swarm/framing.js'
import { MAX_FRAME_BYTES } from '../../../src/swarm/constants.js'

const { Type } = ChunkFrame
/** A fresh deadline per read: a signal made at load time would expire while other test files run. */
const wait = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(5_000) })

describe('framing', () => {
  it('carries frames and raw payloads in order', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b)
    const payload = Buffer.alloc(300_000, 7)
    await sendFrame(a, { type: Type.HAVE, index: 4 })
    await sendFrame(a, { type: Type.PIECE, index: 1, length: payload.byteLength }, payload)
    await a.close()
    assert.equal((await reader.next(wait()))?.index, 4)
    const piece = await reader.next(wait())
    assert.equal(piece?.type, Type.PIECE)
    assert.deepEqual(Buffer.from(await reader.bytes(piece!.length, wait())), payload)
    assert.equal(await reader.next(wait()), undefined, 'a clean end between frames')
  })

  it('refuses a frame length over the limit before reading it', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b)
    await sendAll(a, varint.encode(MAX_FRAME_BYTES + 1))
    await assert.rejects(reader.next(wait()), { name: 'ProtocolError' })
  })

  it('refuses a malformed frame and a length prefix that never ends', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b)
    await sendAll(a, Uint8Array.of(3, 0xff, 0xff, 0xff))
    await assert.rejects(reader.next(wait()), { name: 'ProtocolError' })
    const [c, d] = await streamPair()
    const reader2 = new FrameReader(d)
    await sendAll(c, Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff))
    await assert.rejects(reader2.next(wait()), { name: 'ProtocolError' })
  })

  it('reports a stream that ends inside a frame', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b)
    const frame = encodeFrame({ type: Type.HAVE, index: 9 })
    await sendAll(a, frame.subarray(0, frame.length - 1))
    await a.close()
    await assert.rejects(reader.next(wait()), { name: 'ProtocolError' })
  })

  it('times out a read that gets no data', async () => {
    const [, b] = await streamPair()
    const reader = new FrameReader(b)
    await assert.rejects(reader.next({ signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' })
  })
})
