import assert from 'node:assert/strict'
import { multiaddr } from '@multiformats/multiaddr'
import type { Address } from '@libp2p/interface'
import { inSubnets, sameSubnetFirst } from '../../../src/node/address-preference.js'
import { addrPeerId, endsWithPeerId } from '../../../src/util/addr.js'

const ID = '12D3KooWMvDsNjfUBdwSJSvveE9izGaA64mzPTwtEiAKtdX7fRi6'
const RELAY = '12D3KooWJ4cu1HwFCE4FurKF9gvHYvsfPrCpwD1uJ9eHAqFxotfG'

const addr = (text: string): Address => ({ multiaddr: multiaddr(text), isCertified: false })

describe('lan/address preference', () => {
  it('dials an address in our own subnet before a public one; relayed and loopback last', () => {
    const sorter = sameSubnetFirst(() => ['10.61.1.0/24'])
    const addrs = [
      addr('/ip4/127.0.0.1/tcp/4001'),
      addr(`/ip4/10.61.1.1/tcp/4001/p2p/${RELAY}/p2p-circuit`),
      addr('/ip4/203.0.113.7/tcp/4001'),
      addr('/ip4/10.99.0.5/tcp/4001'),
      addr('/ip4/10.61.1.20/tcp/4001')
    ]
    assert.deepEqual(addrs.sort(sorter).map((a) => a.multiaddr.toString()), [
      '/ip4/10.61.1.20/tcp/4001',
      '/ip4/203.0.113.7/tcp/4001',
      '/ip4/10.99.0.5/tcp/4001',
      `/ip4/10.61.1.1/tcp/4001/p2p/${RELAY}/p2p-circuit`,
      '/ip4/127.0.0.1/tcp/4001'
    ])
  })

  it('a relayed address is never "in the subnet", whatever its relay\'s address', () => {
    assert.equal(inSubnets(multiaddr(`/ip4/10.61.1.1/tcp/4001/p2p/${RELAY}/p2p-circuit/p2p/${ID}`), ['10.61.1.0/24']), false)
    assert.equal(inSubnets(multiaddr('/ip4/10.61.1.9/tcp/4001'), ['10.61.1.0/24']), true)
  })

  it('a relayed address belongs to its destination, not its relay', () => {
    const relayed = multiaddr(`/ip4/10.61.1.1/tcp/4001/p2p/${RELAY}/p2p-circuit/p2p/${ID}`)
    assert.equal(addrPeerId(relayed), ID)
    assert.equal(endsWithPeerId(relayed), true)
    assert.equal(endsWithPeerId(multiaddr(`/ip4/10.61.1.1/tcp/4001/p2p/${RELAY}/p2p-circuit`)), false)
  })
})
