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
