import assert from 'node:assert/strict'
import { addressesFor, HINT_POLICIES, hintPolicy, locality, mostComplete, type HintCandidate } from '../../../src/tracker/hints.js'

function candidate (peerId: string, over: Partial<HintCandidate> = {}): HintCandidate {
  return { peerId, addrs: [`/ip4/1.2.3.4/tcp/1/p2p/${peerId}`], lanAddrs: [], subnet: '', network: '', load: 0, chunks: 10, totalChunks: 10, ...over }
}

const ids = (list: HintCandidate[]): string[] => list.map((c) => c.peerId)

describe('tracker/hints', () => {
  const asker = { peerId: 'me', subnet: '10.1.0.0/24', network: 'east' }

  it('locality: same subnet, then same network, then RTT, then load, then completeness', () => {
    const ranked = locality.rank(asker, [
      candidate('far-fast', { rttMs: 1 }),
      candidate('same-net', { network: 'east', rttMs: 50 }),
      candidate('same-subnet-other-net', { subnet: '10.1.0.0/24', network: 'west', rttMs: 90 }),
      candidate('same-net-closer', { network: 'east', rttMs: 20 }),
      candidate('far-slow', { rttMs: 200 }),
      candidate('far-unmeasured')
    ])
    assert.deepEqual(ids(ranked), ['same-subnet-other-net', 'same-net-closer', 'same-net', 'far-fast', 'far-slow', 'far-unmeasured'])
  })

  it('locality: on equal footing, the less loaded and then the more complete come first', () => {
    const ranked = locality.rank(asker, [
      candidate('busy', { load: 3 }),
      candidate('half', { chunks: 5 }),
      candidate('full')
    ])
    assert.deepEqual(ids(ranked), ['full', 'half', 'busy'])
  })

  it('an unknown subnet or network label matches nothing, not every other unknown', () => {
    const ranked = locality.rank({ subnet: '', network: '' }, [
      candidate('b', { rttMs: 5 }),
      candidate('a', { rttMs: 5, subnet: '', network: '' }),
      candidate('c', { rttMs: 1 })
    ])
    assert.deepEqual(ids(ranked), ['c', 'a', 'b'])
  })

  it('never hints the asker to itself', () => {
    assert.deepEqual(ids(locality.rank(asker, [candidate('me'), candidate('other')])), ['other'])
  })

  it('most-complete ignores locality', () => {
    const ranked = mostComplete.rank(asker, [candidate('near', { subnet: '10.1.0.0/24', chunks: 2 }), candidate('far', { chunks: 9 })])
    assert.deepEqual(ids(ranked), ['far', 'near'])
  })

  it('gives LAN addresses first only to peers in the same subnet', () => {
    const c = candidate('x', { subnet: '10.1.0.0/24', lanAddrs: ['/ip4/10.1.0.5/tcp/1/p2p/x'] })
    assert.deepEqual(addressesFor(asker, c), ['/ip4/10.1.0.5/tcp/1/p2p/x', '/ip4/1.2.3.4/tcp/1/p2p/x'])
    assert.deepEqual(addressesFor({ subnet: '10.2.0.0/24', network: '' }, c), ['/ip4/1.2.3.4/tcp/1/p2p/x'])
  })

  it('looks policies up by name', () => {
    assert.equal(hintPolicy('locality'), locality)
    assert.equal(hintPolicy('most-complete'), mostComplete)
    assert.deepEqual(Object.keys(HINT_POLICIES).sort(), ['locality', 'most-complete'])
    assert.throws(() => hintPolicy('nearest-moon'), { name: 'InvalidArgumentError' })
  })
})
