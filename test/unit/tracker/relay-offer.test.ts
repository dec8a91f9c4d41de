import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { shoalGater } from '../../../src/node/gater.js'
import { MAX_RELAY_ADDRS, MAX_RELAY_GRANTS, RELAY_GRANT_TTL_MS } from '../../../src/tracker/constants.js'
import { RelayGrants, relayAddrsFor, relayDestinations } from '../../../src/tracker/relay-offer.js'

const T = '12D3KooWT1111111111111111111111111111111111111111111'
const RELAY = `/ip4/10.0.0.1/tcp/4001/p2p/${T}`

async function newPeerId (): Promise<string> {
  return peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
}

describe('tracker relay offer', () => {
  it('lists relayed addresses in holder order, the tracker\'s own relay first for holders with a reservation', async () => {
    const [h1, h2, h3] = [await newPeerId(), await newPeerId(), await newPeerId()]
    const other = `/ip4/10.9.0.1/tcp/4001/p2p/${await newPeerId()}`
    const out = relayAddrsFor([
      { peerId: h1, addrs: [`/ip4/10.0.1.10/tcp/4001/p2p/${h1}`, `${RELAY}/p2p-circuit/p2p/${h1}`] },
      { peerId: h2, addrs: [`/ip4/10.0.1.11/tcp/4001/p2p/${h2}`, `${other}/p2p-circuit`] },
      { peerId: h3, addrs: [`/ip4/10.0.1.12/tcp/4001/p2p/${h3}`] }
    ], { addr: RELAY, reserved: (p) => p === h1 })
    // h1 through the tracker (its registered relayed address is the same one, listed once); h2's own relay,
    // completed with its PeerId; h3 has no relayed path and no reservation.
    assert.deepEqual(out, [`${RELAY}/p2p-circuit/p2p/${h1}`, `${other}/p2p-circuit/p2p/${h2}`])
    assert.deepEqual(relayDestinations(out), [h1, h2])
  })

  it('caps the list', async () => {
    const holders = await Promise.all(Array.from({ length: MAX_RELAY_ADDRS + 5 }, async () => ({ peerId: await newPeerId(), addrs: [] })))
    const out = relayAddrsFor(holders, { addr: RELAY, reserved: () => true })
    assert.equal(out.length, MAX_RELAY_ADDRS)
    assert.deepEqual(relayAddrsFor(holders), [], 'no tracker relay and no registered relayed address: nothing')
  })

  it('grants a client the holders it was offered, for a while, renewed by the next offer', () => {
    let now = 1_000
    const grants = new RelayGrants(() => now)
    assert.equal(grants.allows('client', 'h1'), false)
    grants.grant('client', ['h1'])
    assert.equal(grants.allows('client', 'h1'), true)
    assert.equal(grants.allows('client', 'h2'), false, 'only the holders offered')
    assert.equal(grants.allows('other', 'h1'), false, 'only the client asked')
    now += RELAY_GRANT_TTL_MS - 1
    grants.grant('client', ['h2'])
    now += 2
    assert.deepEqual([grants.allows('client', 'h1'), grants.allows('client', 'h2')], [true, true], 'renewed, both holders')
    now += RELAY_GRANT_TTL_MS
    assert.equal(grants.allows('client', 'h2'), false, 'expired')
  })

  it('keeps at most MAX_RELAY_GRANTS clients, dropping the oldest', () => {
    const grants = new RelayGrants(() => 0)
    for (let i = 0; i <= MAX_RELAY_GRANTS; i++) grants.grant(`c${i}`, ['h'])
    assert.equal(grants.allows('c0', 'h'), false)
    assert.equal(grants.allows('c1', 'h'), true)
    assert.equal(grants.allows(`c${MAX_RELAY_GRANTS}`, 'h'), true)
  })

  it('the gater asks the relay policy for hop connections and reservations', async () => {
    const src = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
    const dst = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
    const denied: string[] = []
    const gater = shoalGater({ mayRelay: (s, d) => s.equals(dst) && d.equals(src), mayReserve: (p) => p.equals(dst), onDenied: (r, who) => denied.push(`${r} ${who}`) })
    assert.equal(await gater.denyOutboundRelayedConnection?.(src, dst), true)
    assert.equal(await gater.denyOutboundRelayedConnection?.(dst, src), false)
    assert.equal(await gater.denyInboundRelayReservation?.(src), true)
    assert.equal(await gater.denyInboundRelayReservation?.(dst), false)
    assert.deepEqual(denied, [`not-relayed ${src.toString()}`, `not-relayed ${src.toString()}`])
    const open = shoalGater()
    assert.equal(await open.denyOutboundRelayedConnection?.(src, dst), false, 'no policy: the relay carries everyone (as before)')
    assert.equal(await open.denyInboundRelayReservation?.(src), false)
  })
})
