import assert from 'node:assert/strict'
import { chooseIngest, probeRate, rankIngest, type ProbeOutcome } from '../../../src/client/probe-select.js'

const MB = 1e6

function outcome (peerId: string, rateBps: number, rank: number, extra: Partial<ProbeOutcome> = {}): ProbeOutcome {
  return { peerId, tracker: false, rank, ok: rateBps > 0, rateBps, bytes: 8 * MB, elapsedMs: 500, heldBytes: 0, ...extra }
}

describe('client: probe selection', () => {
  it('picks the fastest link, whatever the tracker ranked first', () => {
    const chosen = chooseIngest([outcome('slow', 2.5 * MB, 0), outcome('fast', 12.5 * MB, 1), outcome('tracker', 5 * MB, 2, { tracker: true })], 256 * MB)
    assert.equal(chosen?.peerId, 'fast')
  })

  it('skips candidates whose probe failed', () => {
    const chosen = chooseIngest([outcome('dead', 0, 0, { ok: false, error: 'ECONNREFUSED' }), outcome('ok', 1 * MB, 1)], 10 * MB)
    assert.equal(chosen?.peerId, 'ok')
    assert.equal(chooseIngest([outcome('dead', 0, 0, { ok: false })], 10 * MB), undefined)
  })

  it('goes back to a slower candidate that already holds enough of the file to finish first', () => {
    // 100 MB left at 5 MB/s = 20 s there; 256 MB at 10 MB/s = 25.6 s on the fast one.
    const ranked = rankIngest([outcome('fast', 10 * MB, 0), outcome('resumable', 5 * MB, 1, { heldBytes: 156 * MB })], 256 * MB)
    assert.deepEqual(ranked.map((o) => o.peerId), ['resumable', 'fast'])
  })

  it('keeps the tracker\'s order on a tie', () => {
    const ranked = rankIngest([outcome('b', 5 * MB, 1), outcome('a', 5 * MB, 0)], 10 * MB)
    assert.deepEqual(ranked.map((o) => o.peerId), ['a', 'b'])
  })

  it('measures the rate on the receiver\'s clock, leaving out the arrival that started it', () => {
    assert.equal(probeRate({ bytes: 8 * MB + 65536, firstBytes: 65536, elapsedUs: 2e6 }, 2500, 20_000), 4 * MB)
  })

  it('falls back to the sender\'s clock when the receiver saw everything at once', () => {
    assert.equal(probeRate({ bytes: 4 * MB, firstBytes: 4 * MB, elapsedUs: 0 }, 1000, 20_000), 4 * MB)
  })
})
