import { createHash } from 'node:crypto'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { MemoryChunkStore } from '../../src/store/index.js'
import { Swarm, type SwarmInit } from '../../src/swarm/index.js'
import type { ChunkStore } from '../../src/store/types.js'

export interface TestPeer {
  node: ShoalNode
  store: ChunkStore
  swarm: Swarm
  addr: string
  stop(): Promise<void>
}

/** A real libp2p node on 127.0.0.1 with a swarm over the given (default in-memory) store. */
export async function startPeer (options: { store?: ChunkStore } & Partial<Omit<SwarmInit, 'node' | 'store'>> = {}): Promise<TestPeer> {
  const node = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: ['/ip4/127.0.0.1/tcp/0'] })
  const store = options.store ?? new MemoryChunkStore()
  const swarm = new Swarm({ node, store, servePolicy: options.servePolicy, picker: options.picker })
  await swarm.start()
  return {
    node,
    store,
    swarm,
    addr: node.getMultiaddrs()[0].toString(),
    stop: async () => {
      await swarm.stop()
      await node.stop()
      await store.close()
    }
  }
}

export function hex (bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

/**
 * SHA-256 (hex) of a stored file, from its chunks read one by one: what the
 * peer holds, hashed here rather than taken from the code under test.
 */
export async function storedSha256 (peer: { store: ChunkStore }, fileKey: string): Promise<string> {
  const stored = await peer.store.get(fileKey)
  if (stored == null) throw new Error(`${fileKey} is not in the store`)
  const hash = createHash('sha256')
  for (let i = 0; i < stored.bitfield.length; i++) hash.update(await stored.read(i))
  return hash.digest('hex')
}
