import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { sleep } from '../../src/util/sleep.js'
import { createShoalNode, PING_MAX_STREAMS, type ShoalNode } from '../../src/node/index.js'

/**
 * The connection monitor, kad-dht's new-contact check and the tracker's RTT
 * probe all ping over one connection on their own schedules. With
 * @libp2p/ping's default of one outbound stream the second failed, which left
 * servers out of the tracker's DHT routing table (and could abort a
 * connection when it was the monitor's ping).
 */
describe('node: concurrent pings on one connection', function () {
  this.timeout(30_000)
  const nodes: ShoalNode[] = []
  afterEach(async () => { await Promise.all(nodes.splice(0).map(async (n) => n.stop())) })

  it(`${PING_MAX_STREAMS} pings at once in each direction all succeed and the connection stays`, async () => {
    for (let i = 0; i < 2; i++) {
      nodes.push(await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: ['/ip4/127.0.0.1/tcp/0'] }))
    }
    const [a, b] = nodes
    const conn = await a.dial(b.getMultiaddrs()[0], { signal: AbortSignal.timeout(10_000) })
    // b registers the inbound connection a moment after a's dial resolves; until then b would dial a.
    for (let i = 0; i < 100 && b.getConnections(a.peerId).length === 0; i++) await sleep(50)
    const pings = (from: ShoalNode, to: ShoalNode): Array<Promise<number>> =>
      Array.from({ length: PING_MAX_STREAMS }, async () => from.services.ping.ping(to.peerId, { signal: AbortSignal.timeout(10_000) }))
    const rtts = await Promise.all([...pings(a, b), ...pings(b, a)])
    assert.equal(rtts.length, 2 * PING_MAX_STREAMS)
    for (const rtt of rtts) assert.ok(Number.isFinite(rtt) && rtt >= 0, `rtt ${rtt}`)
    assert.equal(conn.status, 'open')
    assert.equal(a.getConnections(b.peerId).length, 1, 'one connection, not a redial per ping')
  })
})
