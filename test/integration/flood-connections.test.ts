import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { MemoryChunkStore } from '../../src/store/index.js'
import { serveAll, Swarm } from '../../src/swarm/index.js'
import { makeTestFile } from '../unit/store/fixtures.js'
import { hex, startPeer, storedSha256, type TestPeer } from './helpers.js'

const MiB = 1024 * 1024
/** The victim's connection limit, low so the flood is quick; the default is MAX_CONNECTIONS (300). */
const LIMIT = 16
const ATTACKERS = 48

describe('flood: many peers connect to a node at its connection limit', function () {
  this.timeout(120_000)
  const nodes: ShoalNode[] = []
  const peers: TestPeer[] = []
  after(async () => { await Promise.allSettled([...nodes.map(async (n) => n.stop()), ...peers.map(async (p) => p.stop())]) })

  it(`${ATTACKERS} idle connections against a limit of ${LIMIT}: the excess is refused or pruned, a download in progress finishes`, async () => {
    const file = makeTestFile(48 * MiB, MiB)
    const store = new MemoryChunkStore()
    const stored = await store.open(file.info)
    for (let i = 0; i < file.chunks; i++) await stored.write(i, file.chunk(i))
    const victim = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: ['/ip4/127.0.0.1/tcp/0'], maxConnections: LIMIT })
    nodes.push(victim)
    const swarm = new Swarm({ node: victim, store, servePolicy: serveAll })
    await swarm.start()
    const addr = victim.getMultiaddrs()[0]

    const honest = await startPeer()
    peers.push(honest)
    const download = honest.swarm.fetch(file.info, { peers: [addr.toString()], signal: AbortSignal.timeout(90_000) })

    const attackers = await Promise.all(Array.from({ length: ATTACKERS }, async () => createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: [] })))
    nodes.push(...attackers)
    const dials = await Promise.allSettled(attackers.map(async (a) => a.dial(addr, { signal: AbortSignal.timeout(20_000) })))
    const result = await download
    assert.equal(await storedSha256(honest, result.fileKey), hex(file.info.manifest.sha256))
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const open = victim.getConnections().length
    const accepted = dials.filter((d) => d.status === 'fulfilled').length
    console.log(`      ${accepted}/${ATTACKERS} attacker dials got through the upgrade; the victim holds ${open} connections (limit ${LIMIT}); the download finished`)
    assert.ok(open <= LIMIT + 1, `${open} connections open`)
  })
})
