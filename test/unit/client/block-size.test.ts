import assert from 'node:assert/strict'
import { BlockSizer } from '../../../src/client/block-size.js'
import { ChunkQueue } from '../../../src/client/upload-queue.js'

const MiB = 1024 * 1024

/** A sizer on a fake clock, and a way to ack at a steady rate. */
function sizer (init: Partial<ConstructorParameters<typeof BlockSizer>[0]> = {}): { s: BlockSizer, ackAt (bytesPerSecond: number, seconds: number): void } {
  let now = 0
  const s = new BlockSizer({ chunkSize: MiB, targetSeconds: 0.5, alpha: 1, sampleMinMs: 200, now: () => now, ...init })
  return {
    s,
    ackAt (bytesPerSecond, seconds) {
      s.start()
      for (let t = 0; t < seconds * 10; t++) { now += 100; s.acked(bytesPerSecond / 10) }
    }
  }
}

describe('client: adaptive block size', () => {
  it('starts at the initial size, before any rate is known', () => {
    const { s } = sizer({ initialChunks: 2 })
    assert.equal(s.chunks, 2)
    assert.equal(s.rate, 0)
  })

  it('sizes blocks to take about the target time at the measured rate', () => {
    const { s, ackAt } = sizer()
    ackAt(40 * MiB, 2)
    assert.ok(Math.abs(s.rate - 40 * MiB) < MiB, `rate ${s.rate}`)
    assert.equal(s.chunks, 20, '40 MiB/s x 0.5 s = 20 chunks of 1 MiB')
  })

  it('shrinks when the stream slows down and grows when it speeds up', () => {
    const { s, ackAt } = sizer()
    ackAt(40 * MiB, 2)
    ackAt(4 * MiB, 2)
    assert.equal(s.chunks, 2)
    ackAt(100 * MiB, 2)
    assert.equal(s.chunks, 50)
  })

  it('stays within its bounds', () => {
    const { s, ackAt } = sizer({ minChunks: 1, maxChunks: 8 })
    ackAt(1000 * MiB, 1)
    assert.equal(s.chunks, 8)
    ackAt(100 * 1024, 2)
    assert.equal(s.chunks, 1)
  })

  it('does not take one burst of acks for a fast link', () => {
    let now = 0
    const s = new BlockSizer({ chunkSize: MiB, targetSeconds: 0.5, alpha: 1, sampleMinMs: 200, now: () => now, initialChunks: 2 })
    s.start()
    now += 10
    for (let i = 0; i < 8; i++) s.acked(MiB) // one group commit acknowledges 8 chunks at once
    assert.equal(s.chunks, 2, 'no sample before sampleMinMs has passed')
    now += 790
    s.acked(0)
    assert.equal(s.chunks, 5, '8 MiB over 0.8 s = 10 MiB/s -> 5 chunks')
  })

  it('does not count idle time after pause()', () => {
    let now = 0
    const s = new BlockSizer({ chunkSize: MiB, targetSeconds: 0.5, alpha: 1, sampleMinMs: 200, now: () => now })
    s.start()
    now += 1000
    s.acked(20 * MiB)
    assert.equal(s.chunks, 10)
    s.pause()
    now += 60_000 // nothing to send for a minute
    s.start()
    now += 500
    s.acked(10 * MiB)
    assert.equal(s.chunks, 10, 'still 20 MiB/s')
  })
})

describe('client: chunk queue', () => {
  it('hands out runs of consecutive chunks, at most max long', () => {
    const q = new ChunkQueue([0, 1, 2, 3, 7, 8, 9])
    assert.deepEqual(q.take(3), [0, 1, 2])
    assert.deepEqual(q.take(3), [3])
    assert.deepEqual(q.take(10), [7, 8, 9])
    assert.deepEqual(q.take(10), [])
    assert.equal(q.size, 0)
  })

  it('takes back chunks a failed stream never got acknowledged, in order', () => {
    const q = new ChunkQueue([0, 1, 2, 3, 4, 5])
    assert.deepEqual(q.take(4), [0, 1, 2, 3])
    q.putBack([2, 3])
    assert.deepEqual(q.take(10), [2, 3, 4, 5])
  })

  it('drops chunks that need no sending', () => {
    const q = new ChunkQueue([0, 1, 2, 3])
    q.filter((i) => i % 2 === 0)
    assert.deepEqual(q.take(10), [0])
    assert.deepEqual(q.take(10), [2])
  })
})
