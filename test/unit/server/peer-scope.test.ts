import assert from 'node:assert/strict'
import { peerIdFromString } from '@libp2p/peer-id'
import { PeerScope } from '../../../src/server/peer-scope.js'

const ID = '12D3KooWMvDsNjfUBdwSJSvveE9izGaA64mzPTwtEiAKtdX7fRi6'
const LAN_PEER = '12D3KooWJ4cu1HwFCE4FurKF9gvHYvsfPrCpwD1uJ9eHAqFxotfG'

describe('server/peer scope', () => {
  it('admits everyone unless the tracker restricts; then hinted and LAN peers only, until the tracker is gone', async () => {
    const lan = new Set([LAN_PEER])
    const scope = new PeerScope(async (p) => lan.has(p.toString()))
    const other = peerIdFromString('12D3KooWBB66xNXxa4BTTGm1LrqdpY2vAwQt4wJQwqrvSpMgHCbp')
    assert.equal(await scope.admit(other), true)
    scope.fromHints([{ peerId: ID, addrs: [], chunks: 0, complete: false, subnet: '', network: '', tracker: false }], true)
    assert.equal(await scope.admit(peerIdFromString(ID)), true, 'hinted')
    assert.equal(await scope.admit(peerIdFromString(LAN_PEER)), true, 'on our LAN')
    assert.equal(await scope.admit(other), false, 'met by peer exchange, elsewhere')
    scope.open()
    assert.equal(await scope.admit(other), true, 'tracker unreachable: any holder')
  })
})
