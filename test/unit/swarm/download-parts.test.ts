import assert from 'node:assert/strict'
import { MissingSet } from '../../../src/swarm/missing-set.js'
import { reviewSession } from '../../../src/swarm/session-health.js'
import { MAX_PIPELINE, MIN_PIPELINE, STALL_TIMEOUT_MS } from '../../../src/swarm/constants.js'
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

describe('reviewSession', () => {
  const MiB = 1024 * 1024
  const now = 1_000_000

  it('sizes the pipeline to the measured rate, within bounds', () => {
    const health = { rate: 0, lastBytes: 0 }
    const fast = fakeSession([{ index: 1, length: MiB, sentAt: now }], 500 * MiB, now)
    reviewSession(fast, health, 1000, MiB, now)
    assert.equal(fast.pipeline, MAX_PIPELINE)
    const slowHealth = { rate: 0, lastBytes: 0 }
    const slow = fakeSession([{ index: 1, length: MiB, sentAt: now }], 100 * 1024, now)
    reviewSession(slow, slowHealth, 1000, MiB, now)
    assert.equal(slow.pipeline, MIN_PIPELINE)
  })

  it('leaves an idle session\'s pipeline alone', () => {
    const idle = fakeSession([], 0, now)
    reviewSession(idle, { rate: 0, lastBytes: 0 }, 1000, MiB, now)
    assert.equal(idle.pipeline, 4)
  })

  it('takes every request back from a stalled session', () => {
    const stuck = fakeSession([{ index: 3, length: MiB, sentAt: now - 1 }, { index: 7, length: MiB, sentAt: now - 1 }], 0, now - STALL_TIMEOUT_MS - 1)
    const review = reviewSession(stuck, { rate: 0, lastBytes: 0 }, 1000, MiB, now)
    assert.ok(review.stalled)
    assert.deepEqual(review.expired.sort(), [3, 7])
    assert.equal(stuck.pipeline, MIN_PIPELINE)
  })

  it('keeps the requests of a session that is delivering', () => {
    const busy = fakeSession([{ index: 3, length: MiB, sentAt: now - 5_000 }], 10 * MiB, now - 10)
    const review = reviewSession(busy, { rate: 0, lastBytes: 0 }, 1000, MiB, now)
    assert.ok(!review.stalled)
    assert.deepEqual(review.expired, [])
  })
})
