import { logger } from '@libp2p/logger'
import type { AbortOptions } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { createShoalNode, loadOrCreateKey, type ShoalNode } from '../node/index.js'
import { FsChunkStore } from '../store/fs.js'
import type { ChunkStore } from '../store/types.js'
import { Swarm, type PiecePicker, type ServePolicy } from '../swarm/index.js'
import { TaskService, type TaskServiceOptions } from './task-service.js'

export interface ServerOptions {
  /** Holds the node key (peer.key), the chunk store (blobs/) and the task journal (tasks/). */
  dataDir: string
  listen?: string[]
  announce?: string[]
  servePolicy?: ServePolicy
  picker?: PiecePicker
  /** Work for a tracker: register, heartbeat, take its tasks, report results. */
  tracker?: TaskServiceOptions
}

/**
 * A task server: a libp2p node with a chunk store and the swarm on top. It
 * serves every stored file and fetches files on request.
 */
export class ShoalServer {
  readonly node: ShoalNode
  readonly store: ChunkStore
  readonly swarm: Swarm
  /** Present when the server works for a tracker. */
  readonly tasks?: TaskService

  private constructor (node: ShoalNode, store: ChunkStore, swarm: Swarm, tasks?: TaskService) {
    this.node = node
    this.store = store
    this.swarm = swarm
    this.tasks = tasks
  }

  static async create (options: ServerOptions): Promise<ShoalServer> {
    const privateKey = await loadOrCreateKey(options.dataDir)
    const node = await createShoalNode({ privateKey, listen: options.listen, announce: options.announce })
    const store = new FsChunkStore(options.dataDir)
    const log = logger('shoal:server')
    const swarm = new Swarm({ node, store, servePolicy: options.servePolicy, picker: options.picker, log })
    await swarm.start()
    // Created here, started by the caller once it listens to the events (start()).
    const tasks = options.tracker == null ? undefined : new TaskService({ ...options.tracker, node, store, swarm, dataDir: options.dataDir, log })
    return new ShoalServer(node, store, swarm, tasks)
  }

  get peerId (): string { return this.node.peerId.toString() }

  /** Listening addresses, each ending in /p2p/<peerId>. */
  multiaddrs (): Multiaddr[] {
    return this.node.getMultiaddrs()
  }

  /** Starts the tracker work (resumes journalled tasks, registers); a no-op without a tracker. */
  async start (): Promise<void> {
    await this.tasks?.start()
  }

  async stop (_options?: AbortOptions): Promise<void> {
    await this.tasks?.stop()
    await this.swarm.stop()
    await this.node.stop()
    await this.store.close()
  }
}

export async function createServer (options: ServerOptions): Promise<ShoalServer> {
  return ShoalServer.create(options)
}
