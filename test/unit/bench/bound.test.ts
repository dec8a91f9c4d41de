import assert from 'node:assert/strict'
import { clientServerLowerBound, ratioToBound, swarmLowerBound } from '../../../bench/lib/bound.js'

const MIB = 1024 * 1024
const MBIT = 1e6

describe('bench/lib/bound', () => {
  it('is bound by the source upload when peers upload as fast as the source', () => {
    // 64 MiB, 8 peers, all links 40 Mbit/s: F/u_s = 13.42 s, N*F/(9*u) = 11.93 s
    const b = swarmLowerBound({ fileBytes: 64 * MIB, sourceUpBps: 40 * MBIT, peerUpBps: Array(8).fill(40 * MBIT), peerDownBps: Array(8).fill(40 * MBIT) })
    assert.equal(b.binding, 'source-upload')
    assert.ok(Math.abs(b.seconds - 64 * MIB * 8 / (40 * MBIT)) < 1e-9)
    assert.ok(Math.abs(b.terms['aggregate-upload'] - 8 * 64 * MIB * 8 / (9 * 40 * MBIT)) < 1e-9)
  })

  it('is bound by the slowest download', () => {
    const b = swarmLowerBound({ fileBytes: 1e6, sourceUpBps: 100 * MBIT, peerUpBps: [100 * MBIT, 100 * MBIT], peerDownBps: [100 * MBIT, 1 * MBIT] })
    assert.equal(b.binding, 'slowest-download')
    assert.equal(b.seconds, 8)
  })

  it('is bound by aggregate upload when peers upload little', () => {
    // N*F/(u_s + sum u_i) = 4 * 8e6 / (8e6 + 4 * 1e6) = 2.667 s > F/u_s = 1 s
    const b = swarmLowerBound({ fileBytes: 1e6, sourceUpBps: 8e6, peerUpBps: Array(4).fill(1e6), peerDownBps: Array(4).fill(1e9) })
    assert.equal(b.binding, 'aggregate-upload')
    assert.ok(Math.abs(b.seconds - 32e6 / 12e6) < 1e-12)
  })

  it('client-server bound is N*F/u_s', () => {
    const links = { fileBytes: 64 * MIB, sourceUpBps: 40 * MBIT, peerUpBps: Array(8).fill(40 * MBIT), peerDownBps: Array(8).fill(40 * MBIT) }
    assert.ok(Math.abs(clientServerLowerBound(links) - 8 * 64 * MIB * 8 / (40 * MBIT)) < 1e-9)
  })

  it('rejects empty or non-positive inputs', () => {
    assert.throws(() => swarmLowerBound({ fileBytes: 1, sourceUpBps: 1, peerUpBps: [], peerDownBps: [] }))
    assert.throws(() => swarmLowerBound({ fileBytes: 1, sourceUpBps: 0, peerUpBps: [1], peerDownBps: [1] }))
    assert.throws(() => swarmLowerBound({ fileBytes: 1, sourceUpBps: 1, peerUpBps: [1], peerDownBps: [1, 2] }))
  })

  it('ratio is null for unfinished runs', () => {
    assert.equal(ratioToBound(null, 10), null)
    assert.equal(ratioToBound(25, 10), 2.5)
  })
})
