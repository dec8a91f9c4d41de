import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { logger } from '@libp2p/logger'
import { TypedEventEmitter, type PeerDiscovery, type PeerDiscoveryEvents } from '@libp2p/interface'
import { peerDiscoverySymbol } from '@libp2p/interface'
import { HolderFinder } from '../../src/lan/holder-finder.js'
import { LanPeers } from '../../src/lan/lan-peers.js'
import { handleLanProtocol, queryHave } from '../../src/lan/lan-protocol.js'
import { LAN_PROTOCOL } from '../../src/lan/constants.js'
import { chunkLength, fileInfo, MIN_CHUNK_SIZE, sha256 } from '../../src/manifest/index.js'
import { LanRequest } from '../../src/pb/lan.js'
import { callRpc } from '../../src/rpc/rpc.js'
import { startPeer, storedSha256, type TestPeer } from './helpers.js'

const CHUNKS = 4
const log = logger('shoal:test:lan')

/** A stand-in for the mDNS service: the test says which peers it "found". */
class FakeDiscovery extends TypedEventEmitter<PeerDiscoveryEvents> implements PeerDiscovery {
  readonly [peerDiscoverySymbol] = this
  readonly [Symbol.toStringTag] = 'fake-mdns'
}

function testFile (): { info: ReturnType<typeof fileInfo>, chunks: Uint8Array[] } {
  const chunks = Array.from({ length: CHUNKS }, () => new Uint8Array(randomBytes(MIN_CHUNK_SIZE)))
  const chunkHashes = new Uint8Array(CHUNKS * 32)
  chunks.forEach((c, i) => chunkHashes.set(sha256(c), i * 32))
  const all = new Uint8Array(CHUNKS * MIN_CHUNK_SIZE)
  chunks.forEach((c, i) => all.set(c, i * MIN_CHUNK_SIZE))
  return { info: fileInfo({ version: 1, name: 'f.bin', size: all.byteLength, chunkSize: MIN_CHUNK_SIZE, chunkHashes, sha256: sha256(all) }), chunks }
}

describe('lan: HAVE_QUERY over real libp2p nodes on 127.0.0.1', function () {
  this.timeout(30_000)
  const peers: TestPeer[] = []
  after(async () => { await Promise.all(peers.map(async (p) => p.stop())) })

  it('answers complete, partial and none; the finder lists holders complete first', async () => {
    const { info, chunks } = testFile()
    const [full, half, none, asker] = await Promise.all([0, 1, 2, 3].map(async () => startPeer()))
    peers.push(full, half, none, asker)
    const fullFile = await full.store.open(info)
    for (let i = 0; i < CHUNKS; i++) await fullFile.write(i, chunks[i])
    const halfFile = await half.store.open(info)
    for (let i = 0; i < CHUNKS / 2; i++) await halfFile.write(i, chunks[i])
    assert.equal(chunkLength(info.manifest, 0), MIN_CHUNK_SIZE)
    for (const p of [full, half, none]) {
      await handleLanProtocol({ node: p.node, store: p.store, log })
      await asker.node.peerStore.merge(p.node.peerId, { multiaddrs: p.node.getMultiaddrs() })
    }

    const a = await queryHave(asker.node, full.node.peerId, info.id)
    assert.equal(a.status, 'complete')
    assert.equal(a.chunks, CHUNKS)
    assert.ok(a.addrs.every((ad) => ad.toString().endsWith(`/p2p/${full.node.peerId.toString()}`)))
    const b = await queryHave(asker.node, half.node.peerId, info.id)
    assert.deepEqual([b.status, b.chunks, b.totalChunks], ['partial', CHUNKS / 2, CHUNKS])
    assert.equal((await queryHave(asker.node, none.node.peerId, info.id)).status, 'none')

    // mDNS (faked) "finds" the three; LanPeers dials them; the finder asks each.
    const mdns = new FakeDiscovery()
    const lan = new LanPeers({ node: asker.node, mdns, log })
    lan.start()
    for (const p of [half, none, full]) mdns.safeDispatchEvent('peer', { detail: { id: p.node.peerId, multiaddrs: p.node.getMultiaddrs().map((m) => m.decapsulateCode(421)) } })
    const finder = new HolderFinder({ node: asker.node, lan, dht: false, log })
    const holders = await finder.find(info.id)
    lan.stop()
    assert.deepEqual(holders.map((h) => [h.peer.toString(), h.source, h.complete]), [
      [full.node.peerId.toString(), 'lan', true],
      [half.node.peerId.toString(), 'lan', false]
    ])
    // A fetch from the holders the finder found completes.
    const result = await asker.swarm.fetch(info.key, { peers: holders.flatMap((h) => h.addrs), signal: AbortSignal.timeout(20_000) })
    assert.equal(await storedSha256(asker, result.fileKey), Buffer.from(info.manifest.sha256).toString('hex'))
  })

  it('a request that is not a valid query aborts the stream', async () => {
    const [server, client] = await Promise.all([startPeer(), startPeer()])
    peers.push(server, client)
    await client.node.peerStore.merge(server.node.peerId, { multiaddrs: server.node.getMultiaddrs() })
    await handleLanProtocol({ node: server.node, store: server.store, log })
    const bad = LanRequest.encode({ type: LanRequest.Type.HAVE_QUERY, haveQuery: { fileId: Uint8Array.of(1, 2, 3) } })
    await assert.rejects(callRpc(client.node, server.node.peerId, LAN_PROTOCOL, bad, { timeoutMs: 5_000, maxResponseBytes: 1024, what: 'bad query' }))
  })
})
