import { logger } from '@libp2p/logger'
import type { AbortOptions } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { createShoalNode, loadOrCreateKey, type ShoalNode } from '../node/index.js'
import { FsChunkStore } from '../store/fs.js'
import type { ChunkStore } from '../store/types.js'
import { Swarm, type PiecePicker, type ServePolicy } from '../swarm/index.js'

export interface ServerOptions {
  /** Holds the node key (peer.key), the chunk store (blobs/) and (later) the task journal. */
  dataDir: string
  listen?: string[]
  announce?: string[]
  servePolicy?: ServePolicy
  picker?: PiecePicker
}

/**
 * A task server: a libp2p node with a chunk store and the swarm on top. It
 * serves every stored file and fetches files on request.
 */
export class ShoalServer {
  readonly node: ShoalNode
  readonly store: ChunkStore
  readonly swarm: Swarm

  private constructor (node: ShoalNode, store: ChunkStore, swarm: Swarm) {
    this.node = node
    this.store = store
    this.swarm = swarm
  }

  static async create (options: ServerOptions): Promise<ShoalServer> {
    const privateKey = await loadOrCreateKey(options.dataDir)
    const node = await createShoalNode({ privateKey, listen: options.listen, announce: options.announce })
    const store = new FsChunkStore(options.dataDir)
    const swarm = new Swarm({ node, store, servePolicy: options.servePolicy, picker: options.picker, log: logger('shoal:server') })
    await swarm.start()
    return new ShoalServer(node, store, swarm)
  }

  get peerId (): string { return this.node.peerId.toString() }

  /** Listening addresses, each ending in /p2p/<peerId>. */
  multiaddrs (): Multiaddr[] {
    return this.node.getMultiaddrs()
  }

  async stop (_options?: AbortOptions): Promise<void> {
    await this.swarm.stop()
    await this.node.stop()
    await this.store.close()
  }
}

export async function createServer (options: ServerOptions): Promise<ShoalServer> {
  return ShoalServer.create(options)
}
