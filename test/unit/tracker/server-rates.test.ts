import assert from 'node:assert/strict'
import { ServerRates } from '../../../src/tracker/server-rates.js'

describe('tracker/server-rates', () => {
  it('works out rates from counter deltas between heartbeats', () => {
    const r = new ServerRates(6000)
    r.update('a', 1000, 0, 0)
    assert.deepEqual(r.rate('a', 1000), { sentBps: 0, receivedBps: 0 }, 'one sample has no rate')
    r.update('a', 3000, 4_000_000, 10_000_000)
    assert.deepEqual(r.rate('a', 3000), { sentBps: 2_000_000, receivedBps: 5_000_000 })
    assert.deepEqual(r.rate('b', 3000), { sentBps: 0, receivedBps: 0 }, 'an unknown server')
  })

  it('reads 0 once the server is silent past the stale time', () => {
    const r = new ServerRates(6000)
    r.update('a', 0, 0, 0)
    r.update('a', 2000, 2000, 2000)
    assert.equal(r.rate('a', 7000).sentBps, 1000)
    assert.equal(r.rate('a', 8001).sentBps, 0)
  })

  it('a counter that went down (the server restarted) resets the baseline instead of a negative rate', () => {
    const r = new ServerRates(6000)
    r.update('a', 0, 0, 0)
    r.update('a', 2000, 8_000_000, 8_000_000)
    r.update('a', 4000, 1_000, 2_000)
    assert.deepEqual(r.rate('a', 4000), { sentBps: 0, receivedBps: 0 })
    r.update('a', 6000, 2_001_000, 2_000)
    assert.deepEqual(r.rate('a', 6000), { sentBps: 1_000_000, receivedBps: 0 })
  })
})
