import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Stream } from '@libp2p/interface'
import { fileInfo } from '../../src/manifest/index.js'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { ChunkFrame } from '../../src/pb/chunk.js'
import { Bitfield } from '../../src/store/bitfield.js'
import { CHUNK_PROTOCOL } from '../../src/swarm/index.js'
import { encodeFrame, FrameReader } from '../../src/swarm/framing.js'
import { makeTestFile } from '../unit/store/fixtures.js'
import { startPeer, type TestPeer } from './helpers.js'

const { Type } = ChunkFrame

/** A peer that answers GET_MANIFEST with `manifest` (whatever the id asked) and counts the REQUESTs it gets. */
async function manifestLiar (manifest: Uint8Array, chunks: number): Promise<{ node: ShoalNode, addr: string, requests: () => number }> {
  const node = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: ['/ip4/127.0.0.1/tcp/0'] })
  let requests = 0
  const all = new Bitfield(chunks)
  for (let i = 0; i < chunks; i++) all.set(i)
  await node.handle(CHUNK_PROTOCOL, (stream: Stream) => {
    const reader = new FrameReader(stream)
    void (async () => {
      try {
        for (let f = await reader.next(); f != null; f = await reader.next()) {
          if (f.type === Type.HELLO) stream.send(encodeFrame({ type: Type.BITFIELD, bitfield: all.bytes as Uint8Array<ArrayBuffer> }))
          if (f.type === Type.GET_MANIFEST) { stream.send(encodeFrame({ type: Type.MANIFEST, length: manifest.byteLength })); stream.send(manifest) }
          if (f.type === Type.REQUEST) requests++
        }
      } catch {}
    })()
  })
  return { node, addr: node.getMultiaddrs()[0].toString(), requests: () => requests }
}

describe('a manifest that does not match its id', function () {
  this.timeout(30_000)
  const nodes: ShoalNode[] = []
  const peers: TestPeer[] = []
  after(async () => { await Promise.allSettled([...nodes.map(async (n) => n.stop()), ...peers.map(async (p) => p.stop())]) })

  it('is rejected before any chunk is requested, and nothing is stored under the id', async () => {
    const file = makeTestFile(8 * 16 * 1024, 16 * 1024)
    // A real, valid manifest, of another file (same chunks, another name): it hashes to another id.
    const other = fileInfo({ ...file.info.manifest, name: 'other.bin' })
    const damaged = Uint8Array.from(file.info.bytes)
    damaged[damaged.byteLength - 1] ^= 1
    const liars = [await manifestLiar(other.bytes, file.chunks), await manifestLiar(damaged, file.chunks)]
    nodes.push(...liars.map((l) => l.node))
    const fetcher = await startPeer()
    peers.push(fetcher)
    await assert.rejects(fetcher.swarm.fetch(file.info.key, { peers: liars.map((l) => l.addr), signal: AbortSignal.timeout(20_000) }), { name: 'NoSourcesError' })
    assert.deepEqual(liars.map((l) => l.requests()), [0, 0], 'no chunk was requested')
    assert.equal(await fetcher.store.get(file.info.key), undefined, 'nothing stored under the id')
    assert.deepEqual(await fetcher.store.list(), [])
  })
})
