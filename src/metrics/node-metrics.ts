import { Counter, Gauge, type Registry } from 'prom-client'
import type { ShoalNode } from '../node/index.js'
import type { ChunkStore } from '../store/types.js'
import type { Swarm } from '../swarm/index.js'
import { classifyPeer } from './classify.js'
import {
  BYTES_RECEIVED, BYTES_SENT, CHUNKS_FAILED, CHUNKS_VERIFIED, CONNECTIONS, PEERS_BANNED, STORE_BYTES, STORE_FILES,
  STORE_SCAN_MAX_FILES, type SourceKind
} from './names.js'

export interface NodeMetricsInit {
  registry: Registry
  node: ShoalNode
  swarm: Swarm
  store: ChunkStore
  /** The tracker's peer id, so bytes from it count as `tracker` (a server's view). */
  trackerId?: string
}

/**
 * The metrics every node has (tracker and servers): swarm bytes by source kind,
 * chunks verified and failed, peers banned, connections, store size. Bytes
 * over HTTP are counted by the HTTP server through `httpSent`.
 */
export class NodeMetrics {
  readonly bytesReceived: Counter<'source'>
  readonly bytesSent: Counter<'to'>
  readonly #stopObserving: () => void

  constructor (init: NodeMetricsInit) {
    const { registry, node, swarm, store } = init
    const kind = (peer: string | undefined): SourceKind => {
      if (peer == null) return 'wan_peer'
      const conns = node.getConnections().filter((c) => c.remotePeer.toString() === peer)
      return classifyPeer(peer, init.trackerId, conns)
    }
    this.bytesReceived = new Counter({ name: BYTES_RECEIVED, help: 'Verified payload bytes received, by source kind', labelNames: ['source'], registers: [registry] })
    this.bytesSent = new Counter({ name: BYTES_SENT, help: 'Payload bytes sent, by receiver kind (http = blob endpoint)', labelNames: ['to'], registers: [registry] })
    const verified = new Counter({ name: CHUNKS_VERIFIED, help: 'Chunks received that passed their hash', registers: [registry] })
    const failed = new Counter({ name: CHUNKS_FAILED, help: 'Chunks received that failed their hash', registers: [registry] })
    const banned = new Counter({ name: PEERS_BANNED, help: 'Peers banned for bad chunks (per file)', registers: [registry] })
    // Zero series up front, so every kind shows from the first scrape.
    for (const k of ['lan_peer', 'wan_peer', 'relay', 'tracker', 'http'] as const) { this.bytesReceived.inc({ source: k }, 0); this.bytesSent.inc({ to: k }, 0) }
    this.#stopObserving = swarm.observe({
      received: (_f, peer, bytes) => { this.bytesReceived.inc({ source: kind(peer) }, bytes); verified.inc() },
      sent: (_f, peer, bytes) => { this.bytesSent.inc({ to: kind(peer) }, bytes) },
      failed: () => { failed.inc() },
      banned: () => { banned.inc() }
    })
    new Gauge({ // eslint-disable-line no-new
      name: CONNECTIONS,
      help: 'Open libp2p connections, by direction',
      labelNames: ['direction'],
      registers: [registry],
      collect () {
        const conns = node.getConnections()
        this.set({ direction: 'inbound' }, conns.filter((c) => c.direction === 'inbound').length)
        this.set({ direction: 'outbound' }, conns.filter((c) => c.direction === 'outbound').length)
      }
    })
    const files = new Gauge({ name: STORE_FILES, help: 'Files in the chunk store, by completeness', labelNames: ['complete'], registers: [registry] })
    new Gauge({ // eslint-disable-line no-new
      name: STORE_BYTES,
      help: 'Verified bytes held in the chunk store',
      registers: [registry],
      async collect () {
        const keys = (await store.list().catch(() => [])).slice(0, STORE_SCAN_MAX_FILES)
        let bytes = 0
        let complete = 0
        for (const key of keys) {
          const f = await store.summary(key).catch(() => undefined)
          if (f == null) continue
          bytes += f.verifiedBytes
          if (f.complete) complete++
        }
        this.set(bytes)
        files.set({ complete: 'true' }, complete)
        files.set({ complete: 'false' }, keys.length - complete)
      }
    })
  }

  /** Bytes sent by the HTTP blob endpoint. */
  httpSent (bytes: number): void {
    this.bytesSent.inc({ to: 'http' }, bytes)
  }

  stop (): void {
    this.#stopObserving()
  }
}
