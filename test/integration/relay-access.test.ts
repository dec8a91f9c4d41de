import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { PrivateKey } from '@libp2p/interface'
import { InvalidArgumentError } from '../../src/errors.js'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { createServer, type ShoalServer } from '../../src/server/server.js'
import { LOCAL_ALLOWLIST_RELOAD_MS } from '../../src/server/membership.js'
import { waitUntil } from './access-helpers.js'

const LOOPBACK = '/ip4/127.0.0.1/tcp/0'
/** A reservation, a refusal or a dial on loopback: well under this. */
const STEP_MS = 10_000
/** An edit of the allowlist is seen within one reload, with slack. */
const RELOAD_WAIT_MS = LOCAL_ALLOWLIST_RELOAD_MS + 5_000

/**
 * A server's relay carries connections, without a data or time limit, to the
 * peers that hold a reservation on it: so it takes reservations only from
 * the peers its --relay-allow file lists (server/relay-access.ts).
 */
describe('a server\'s relay: who may listen through it', function () {
  this.timeout(60_000)
  let dir: string
  const keys: Record<string, PrivateKey> = {}
  const id = (name: string): string => peerIdFromPrivateKey(keys[name]).toString()
  const nodes: ShoalNode[] = []
  const servers: ShoalServer[] = []

  async function node (name: string, listen: string[] = [LOOPBACK]): Promise<ShoalNode> {
    const n = await createShoalNode({ privateKey: keys[name], listen })
    nodes.push(n)
    return n
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-relay-access-'))
    for (const name of ['listed', 'stranger', 'dialer', 'later']) keys[name] = await generateKeyPair('Ed25519')
  })

  after(async () => {
    await Promise.allSettled(nodes.map(async (n) => n.stop()))
    await Promise.allSettled(servers.map(async (s) => s.stop()))
    await rm(dir, { recursive: true, force: true })
  })

  it('refuses to start a relay on a public server without an allowlist', async () => {
    await assert.rejects(createServer({ dataDir: join(dir, 'open'), listen: [LOOPBACK], locality: { relay: true } }),
      (err: Error) => err instanceof InvalidArgumentError && /--relay-allow/.test(err.message))
    await assert.rejects(createServer({ dataDir: join(dir, 'no-relay'), listen: [LOOPBACK], locality: { relayAllowFile: join(dir, 'none') } }),
      (err: Error) => err instanceof InvalidArgumentError && /needs the relay/.test(err.message))
  })

  it('takes the listed peer\'s reservation, refuses a stranger\'s, and drops it once the peer leaves the list', async () => {
    const allowFile = join(dir, 'relay.allow')
    await writeFile(allowFile, `${id('listed')}  a server behind NAT\n`)
    const refused: string[] = []
    const relay = await createServer({
      dataDir: join(dir, 'relay'),
      listen: [LOOPBACK],
      locality: { relay: true, relayAllowFile: allowFile },
      onRefused: (reason, who) => { if (reason === 'not-relayed') refused.push(who) }
    })
    servers.push(relay)
    await relay.start()
    const relayAddr = relay.multiaddrs()[0].toString()
    const circuitTo = (name: string): string => `${relayAddr}/p2p-circuit/p2p/${id(name)}`

    const listed = await node('listed', [LOOPBACK, `${relayAddr}/p2p-circuit`])
    await waitUntil(() => listed.getMultiaddrs().some((a) => a.toString().includes('/p2p-circuit')), STEP_MS, 'the listed peer\'s relayed address')

    // libp2p fails the start of a node whose configured relay refuses its reservation.
    await assert.rejects(node('stranger', [`${relayAddr}/p2p-circuit`]), /PERMISSION_DENIED/)
    // (A set: libp2p may ask the gater more than once for one reservation attempt.)
    assert.deepEqual([...new Set(refused)], [id('stranger')], 'the relay refused the stranger, and only the stranger')

    // Another peer reaches the listed one through the relay.
    const dialer = await node('dialer')
    const conn = await dialer.dial(multiaddr(circuitTo('listed')), { signal: AbortSignal.timeout(STEP_MS) })
    assert.equal(conn.remotePeer.toString(), id('listed'))
    assert.ok(conn.remoteAddr.toString().includes('/p2p-circuit'), `relayed: ${conn.remoteAddr.toString()}`)
    await conn.close()

    // Taken off the list: the reservation is dropped, and no new connection reaches it through the relay.
    await writeFile(allowFile, '# nobody for now\n')
    const reservations = relay.node.services.relay!.reservations
    await waitUntil(() => !reservations.has(peerIdFromPrivateKey(keys.listed)), RELOAD_WAIT_MS, 'the reservation dropped')
    // A peer that never learnt the listed peer's direct addresses, so only the relay could reach it.
    const later = await node('later')
    await assert.rejects(later.dial(multiaddr(circuitTo('listed')), { signal: AbortSignal.timeout(STEP_MS) }))
  })
})
