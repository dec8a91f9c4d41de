import assert from 'node:assert/strict'
import { MissingSet } from '../../../src/swarm/missing-set.js'
import { reviewSession } from '../../../src/swarm/session-health.js'
import { INITIAL_PIPELINE, MAX_PIPELINE, MIN_PIPELINE, REQUEST_TIMEOUT_MS, STALL_TIMEOUT_MS } from '../../../src/swarm/constants.js'
import { PipelineDepth } from '../../../src/swarm/pipeline-depth.js'
import type { FetchSession, PendingRequest } from '../../../src/swarm/fetch-session.js'

/** The fields of a session that a review reads and writes. */
function fakeSession (pending: PendingRequest[], bytesReceived: number, lastDataAt: number): FetchSession {
  return { pending: new Map(pending.map((r) => [r.index, r])), bytesReceived, lastDataAt, pipeline: 4 } as unknown as FetchSession
}

describe('MissingSet', () => {
  it('removes indices in O(1) and keeps the rest', () => {
    const set = new MissingSet(6, [0, 2, 3, 5])
    assert.equal(set.size, 4)
    assert.ok(set.delete(2))
    assert.ok(!set.delete(2))
    assert.ok(!set.delete(1))
    assert.deepEqual([...set.items].sort(), [0, 3, 5])
    set.delete(5); set.delete(0); set.delete(3)
    assert.equal(set.size, 0)
  })
})

describe('PipelineDepth: the bandwidth-delay product plus one chunk', () => {
  const MiB = 1024 * 1024

  /**
   * A holder `rttMs` away that serves one 1 MiB piece per `pieceMs`, in order; the
   * receiver needs `processMs` per piece and keeps `depth()` requests in flight
   * (INITIAL_PIPELINE until known), sending new ones as pieces complete. Returns
   * the estimator after `pieces` pieces.
   */
  function simulate (pieces: number, rttMs: number, pieceMs: number, processMs = 0): PipelineDepth {
    const d = new PipelineDepth()
    const sent: Array<{ sentAtMs: number, bytesAtSend: number }> = []
    let serverFree = 0
    let ready = 0
    let received = 0
    const send = (at: number): void => { sent.push({ sentAtMs: at, bytesAtSend: received }) }
    for (let i = 0; i < INITIAL_PIPELINE; i++) send(0)
    for (let i = 0; i < pieces; i++) {
      const req = sent[i]
      const start = Math.max(serverFree, req.sentAtMs + rttMs / 2)
      serverFree = start + pieceMs
      const headerAt = Math.max(start + rttMs / 2, ready)
      const end = Math.max(serverFree + rttMs / 2, headerAt)
      d.piece({ headerAt, end, bytes: MiB, bytesBefore: received }, req)
      received += MiB
      ready = end + processMs
      while (sent.length - (i + 1) < (d.depth() ?? INITIAL_PIPELINE)) send(end)
    }
    return d
  }

  it('keeps 3 requests in flight on a fast low-latency link (loopback: 0.3 ms RTT, 1 MiB in 4 ms), so the holder can read ahead', () => {
    const d = simulate(200, 0.3, 4)
    assert.ok(d.minRttMs! <= 0.3 + 1e-9, `srtt ${String(d.minRttMs)}`)
    // 0.25 MiB/ms x (0.3 ms + HOLDER_SERVICE_MS) + 1 chunk = 2.1 chunks.
    assert.equal(d.depth(), 3)
  })

  it('keeps the floor, 2, on a slow LAN link (1 ms RTT, 1 MiB in 200 ms: 40 Mbit/s)', () => {
    const d = simulate(50, 1, 200)
    assert.equal(MIN_PIPELINE, 2)
    assert.equal(d.depth(), MIN_PIPELINE)
  })

  it('fills a long fat path (100 ms RTT, 100 MiB/s): about 11 requests', () => {
    const d = simulate(1000, 100, 10)
    assert.ok(d.depth()! >= 10 && d.depth()! <= 12, `depth ${String(d.depth())}`)
    assert.ok(d.rateBpms! > 0.75 * MiB / 10, `rate ${String(d.rateBpms)}: the pipeline keeps most of the link busy`)
  })

  it('a receiver slower than the link measures its own pace, and the wait behind earlier pieces is not RTT', () => {
    // 1 ms RTT, the link delivers 1 MiB per 2 ms, the receiver needs 8 ms per piece.
    const d = simulate(200, 1, 2, 8)
    assert.ok(d.minRttMs! < 1.5, `srtt ${String(d.minRttMs)}`)
    assert.ok(Math.abs(d.rateBpms! - MiB / 8) < MiB / 80, `rate ${String(d.rateBpms)}`)
    assert.equal(d.depth(), MIN_PIPELINE)
  })

  it('stays within MIN_PIPELINE..MAX_PIPELINE, and is unknown before the first piece', () => {
    assert.equal(new PipelineDepth().depth(), undefined)
    assert.equal(simulate(2000, 2_000, 1).depth(), MAX_PIPELINE)
  })
})

describe('reviewSession', () => {
  const MiB = 1024 * 1024
  const now = 1_000_000
  const req = (index: number, sentAt: number): PendingRequest => ({ index, length: MiB, sentAt, sentAtMs: 0, bytesAtSend: 0 })

  it('leaves a delivering session\'s pipeline alone', () => {
    const s = fakeSession([req(1, now)], 10 * MiB, now)
    reviewSession(s, now)
    assert.equal(s.pipeline, 4)
  })

  it('takes every request back from a stalled session', () => {
    const stuck = fakeSession([req(3, now - 1), req(7, now - 1)], 0, now - STALL_TIMEOUT_MS - 1)
    const review = reviewSession(stuck, now)
    assert.ok(review.stalled)
    assert.deepEqual(review.expired.sort(), [3, 7])
    assert.equal(stuck.pipeline, MIN_PIPELINE)
  })

  it('keeps the requests of a session that is delivering', () => {
    const busy = fakeSession([req(3, now - 5_000)], 10 * MiB, now - 10)
    const review = reviewSession(busy, now)
    assert.ok(!review.stalled)
    assert.deepEqual(review.expired, [])
  })

  it('takes back one request that waited past REQUEST_TIMEOUT_MS', () => {
    const s = fakeSession([req(3, now - REQUEST_TIMEOUT_MS - 1), req(4, now)], 10 * MiB, now)
    assert.deepEqual(reviewSession(s, now).expired, [3])
  })
})
