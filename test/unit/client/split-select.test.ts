import assert from 'node:assert/strict'
import { MAX_SPLIT_TARGETS, SPLIT_MIN_FRACTION, SPLIT_MIN_SECONDS, SPLIT_SHARED_FRACTION } from '../../../src/client/constants.js'
import { chooseTargets, sharedBottleneck, type ProbeOutcome, type SplitPolicy } from '../../../src/client/probe-select.js'
import { Bitfield } from '../../../src/store/bitfield.js'
import { UploadPool } from '../../../src/client/upload-pool.js'

const MB = 1e6
/** Mbit/s in bytes per second. */
const mbit = (n: number): number => n * 1e6 / 8
const POLICY: SplitPolicy = { maxTargets: MAX_SPLIT_TARGETS, minFraction: SPLIT_MIN_FRACTION, minSeconds: SPLIT_MIN_SECONDS }

function outcome (peerId: string, rateBps: number, rank: number, extra: Partial<ProbeOutcome> = {}): ProbeOutcome {
  return { peerId, tracker: false, rank, ok: rateBps > 0, rateBps, bytes: 8 * MB, elapsedMs: 500, heldBytes: 0, ...extra }
}

const ids = (targets: ProbeOutcome[]): string[] => targets.map((t) => t.peerId)

describe('client: choosing the targets of a split upload', () => {
  it('splits across two equal links, the tracker left out', () => {
    const t = chooseTargets([outcome('a', mbit(48), 0), outcome('b', mbit(50), 1), outcome('tracker', mbit(10), 2, { tracker: true })], 64 * MB, POLICY)
    assert.deepEqual(ids(t), ['b', 'a'])
  })

  it('does not split 100 and 20 Mbit/s (20 < 0.5 x 100): the faster one alone, as before', () => {
    // 1000 MB: 80 s on the fast link alone, so only the rate rule keeps it single.
    const t = chooseTargets([outcome('slow', mbit(20), 0), outcome('fast', mbit(100), 1), outcome('tracker', mbit(10), 2, { tracker: true })], 1000 * MB, POLICY)
    assert.deepEqual(ids(t), ['fast'])
    // Just at half the best rate, it joins.
    assert.deepEqual(ids(chooseTargets([outcome('half', mbit(50), 0), outcome('fast', mbit(100), 1)], 1000 * MB, POLICY)), ['fast', 'half'])
  })

  it('takes at most MAX_SPLIT_TARGETS, the fastest first, and only those at >= SPLIT_MIN_FRACTION of the best', () => {
    const t = chooseTargets([outcome('a', mbit(40), 0), outcome('b', mbit(100), 1), outcome('c', mbit(90), 2), outcome('d', mbit(60), 3), outcome('e', mbit(49), 4)], 1000 * MB, POLICY)
    assert.deepEqual(ids(t), ['b', 'c', 'd'])
    assert.deepEqual(ids(chooseTargets([outcome('a', mbit(50), 0), outcome('b', mbit(50), 1)], 1000 * MB, { ...POLICY, maxTargets: 1 })), ['a'])
  })

  it('keeps one target when the upload is short (the best alone needs < SPLIT_MIN_SECONDS)', () => {
    // 32 MB at 6.25 MB/s = 5.1 s.
    assert.deepEqual(ids(chooseTargets([outcome('a', mbit(50), 0), outcome('b', mbit(50), 1)], 32 * MB, POLICY)), ['a'])
    // 64 MB: 10.2 s.
    assert.deepEqual(ids(chooseTargets([outcome('a', mbit(50), 0), outcome('b', mbit(50), 1)], 64 * MB, POLICY)), ['a', 'b'])
  })

  it('never splits from the tracker, and skips failed probes', () => {
    assert.deepEqual(ids(chooseTargets([outcome('tracker', mbit(100), 0, { tracker: true }), outcome('a', mbit(20), 1)], 1000 * MB, POLICY)), ['tracker'])
    assert.deepEqual(ids(chooseTargets([outcome('a', 0, 0, { ok: false }), outcome('b', mbit(50), 1), outcome('c', mbit(50), 2)], 1000 * MB, POLICY)), ['b', 'c'])
    assert.deepEqual(chooseTargets([outcome('a', 0, 0, { ok: false })], 1000 * MB, POLICY), [])
  })

  it('a resumed split goes back to the targets holding parts, the one holding most first', () => {
    const t = chooseTargets([outcome('a', mbit(50), 0, { heldBytes: 20 * MB }), outcome('b', mbit(50), 1, { heldBytes: 25 * MB }), outcome('c', mbit(10), 2)], 100 * MB, POLICY)
    assert.deepEqual(ids(t), ['b', 'a'])
  })

  it('a candidate holding nearly all of the file finishes alone', () => {
    // 'a' needs 2 MB / 6.25 MB/s = 0.3 s: below SPLIT_MIN_SECONDS.
    assert.deepEqual(ids(chooseTargets([outcome('a', mbit(50), 0, { heldBytes: 98 * MB }), outcome('b', mbit(50), 1)], 100 * MB, POLICY)), ['a'])
  })

  it('tells links that share one bottleneck from independent ones by the best one probed alone', () => {
    // Independent: alone it gets what it got in parallel, half of the two together.
    assert.equal(sharedBottleneck(mbit(50), [mbit(49), mbit(50)], SPLIT_SHARED_FRACTION), false)
    // Shared (the client's uplink): alone it gets what both got together.
    assert.equal(sharedBottleneck(mbit(95), [mbit(49), mbit(50)], SPLIT_SHARED_FRACTION), true)
    assert.equal(sharedBottleneck(0, [0, 0], SPLIT_SHARED_FRACTION), true)
  })
})

describe('client: the work pool shared by a split upload\'s targets', () => {
  it('hands every chunk out once, skips what any target holds, and takes back what a dropped target held', () => {
    const pool = new UploadPool(10)
    const heldA = new Bitfield(10); heldA.set(0); heldA.set(1)
    const heldB = new Bitfield(10); heldB.set(5)
    pool.merge(heldA)
    pool.merge(heldB)
    assert.deepEqual(pool.take(4), [], 'nothing before start')
    pool.start()
    const first = pool.take(4)
    assert.deepEqual(first, [2, 3, 4], 'a run stops before a chunk held elsewhere')
    const second = pool.take(2)
    assert.deepEqual(second, [6, 7])
    for (const i of [...first, ...second]) pool.storedAt(i)
    pool.putBack([7])
    assert.deepEqual(pool.take(10), [8, 9], 'a stored chunk put back is not sent again')
    pool.storedAt(8); pool.storedAt(9)
    assert.equal(pool.done, true)
    pool.forget([5])
    assert.equal(pool.done, false)
    assert.deepEqual(pool.take(10), [5], 'a chunk only a dropped target held is sent again')
  })
})
