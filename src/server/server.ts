import { logger } from '@libp2p/logger'
import type { AbortOptions } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { createShoalNode, loadOrCreateKey, type ShoalNode } from '../node/index.js'
import { FsChunkStore, type FsChunkStoreOptions } from '../store/fs.js'
import type { ChunkStore } from '../store/types.js'
import { Swarm, type PiecePicker, type ServePolicy } from '../swarm/index.js'
import { TaskService, type TaskServiceOptions } from './task-service.js'
import { BlobHttpServer } from './http-blobs.js'
import { IngestService } from './ingest.js'
import { ChunkNotHeldError, InvalidArgumentError } from '../errors.js'
import { checkRelayGate, RelayAccess } from './relay-access.js'
import { fetchWithFinder, Locality, localityServices, type FinderFetchOptions, type Holder, type LocalityOptions } from '../lan/index.js'
import { parseFileId } from '../manifest/index.js'
import type { FetchResult } from '../swarm/index.js'
import type { CID } from 'multiformats/cid'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { openServerAccess, type ServerAccessOptions } from './membership.js'
import { faultsFromEnv, withFaults } from '../store/faults.js'
import { verifyWholeFile } from '../store/util.js'
import { closeDisallowed, type DenyReason } from '../node/gater.js'
import { addrPeerId } from '../util/addr.js'
import type { Registry as MetricsRegistry } from 'prom-client'
import { createRegistry, handleMetricsRequest } from '../metrics/registry.js'
import { NodeMetrics } from '../metrics/node-metrics.js'
import { resolveLimits, type Limits } from '../limits.js'

/** A server's fetch: the swarm's result, and the whole file read back and checked against the manifest's SHA-256. */
export interface ServerFetchResult extends FetchResult {
  readonly sha256: Uint8Array
}

export interface ServerOptions {
  /** Holds the node key (peer.key), the chunk store (blobs/) and the task journal (tasks/). */
  dataDir: string
  listen?: string[]
  announce?: string[]
  servePolicy?: ServePolicy
  picker?: PiecePicker
  /** Work for a tracker: register, heartbeat, take its tasks, report results. */
  tracker?: TaskServiceOptions
  /** Accept uploads from clients (probe + ingest endpoints); needs `tracker`, which records them. */
  ingest?: boolean
  /** Serve complete files over HTTP (GET /blobs/<file id>, with Range) for clients' fallback. */
  http?: { port: number, host?: string }
  /** Chunk store settings (`directIo: false` keeps chunk data in the page cache). */
  store?: FsChunkStoreOptions
  /** mDNS + LAN queries, the private DHT, relaying for others, bootstrap peers (README, "Locality"). */
  locality?: LocalityOptions
  /** Private swarm: who may connect (membership.ts, README, "Guarantees"). Default: everyone. */
  access?: ServerAccessOptions
  /** Resource limits (limits.ts, README, "Limits"): connections, streams, per-peer rates, upload size and quota. */
  limits?: Partial<Limits>
  /** Told of every connection the gater refuses (a stranger in a private swarm, a handshake flood); the CLI prints `refused` events. */
  onRefused?(reason: DenyReason, who: string): void
}

/** HTTP blob endpoint bind address by default: loopback, so files are not exposed unless asked. */
const DEFAULT_HTTP_HOST = '127.0.0.1'

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
  /** Present with `ingest`. */
  readonly ingest?: IngestService
  /** Present with `http`. */
  readonly http?: BlobHttpServer
  /** Present with `locality`: finds holders over the LAN and the DHT. */
  readonly locality?: Locality
  readonly #stopAccess?: () => void
  /** This server's Prometheus metrics (served at GET /metrics with `http`). */
  readonly metrics: MetricsRegistry
  readonly #nodeMetrics: NodeMetrics

  private constructor (node: ShoalNode, store: ChunkStore, swarm: Swarm, parts: { tasks?: TaskService, ingest?: IngestService, http?: BlobHttpServer, locality?: Locality, stopAccess?: () => void, metrics: MetricsRegistry, nodeMetrics: NodeMetrics }) {
    this.node = node
    this.store = store
    this.swarm = swarm
    this.tasks = parts.tasks
    this.ingest = parts.ingest
    this.http = parts.http
    this.locality = parts.locality
    this.#stopAccess = parts.stopAccess
    this.metrics = parts.metrics
    this.#nodeMetrics = parts.nodeMetrics
  }

  static async create (options: ServerOptions): Promise<ShoalServer> {
    if (options.ingest === true && options.tracker == null) throw new InvalidArgumentError('accepting uploads (ingest) needs a tracker to commit them to')
    checkRelayGate({ relay: options.locality?.relay, allowFile: options.locality?.relayAllowFile, isPrivate: options.access?.private === true })
    // Checked before anything is created: a bad limit stops us with its name, not halfway through.
    const limits = resolveLimits(options.limits)
    // Test-only fault injection (store/faults.ts): read first, so a bad SHOAL_FAULT stops us before anything listens.
    const faults = faultsFromEnv()
    const privateKey = await loadOrCreateKey(options.dataDir)
    const trackerId = options.tracker == null ? undefined : addrPeerId(options.tracker.tracker)
    const isPrivate = options.access?.private === true
    // Everything started is stopped again, last first, if a later step fails (a taken HTTP port, say).
    const started: Array<{ stop: () => unknown }> = []
    try {
      // The tracker's member list is kept whenever there is a tracker: it says who may upload (ingest), and in a private swarm who may connect.
      const access = isPrivate || trackerId != null
        ? await openServerAccess(options.access ?? {}, options.dataDir, trackerId == null ? undefined : peerIdFromString(trackerId), logger('shoal:server'))
        : undefined
      if (access != null) started.push(access)
      const relayAccess = options.locality?.relay === true
        ? await RelayAccess.open({ allowFile: options.locality.relayAllowFile, members: isPrivate ? access?.membership : undefined, log: logger('shoal:server') })
        : undefined
      if (relayAccess != null) started.push(relayAccess)
      const node = await createShoalNode({
        privateKey,
        allow: isPrivate ? access?.membership.allow : undefined,
        relayGate: relayAccess == null ? undefined : { mayReserve: relayAccess.mayReserve },
        listen: options.listen,
        announce: options.announce,
        appendAnnounce: options.locality?.appendAnnounce,
        services: localityServices(options.locality),
        limits,
        onDenied: options.onRefused
      })
      started.push(node)
      if (relayAccess != null) relayAccess.relay = node.services.relay
      return await ShoalServer.#assemble({ ...options, limits }, node, { access, relayAccess }, faults, started)
    } catch (err) {
      for (const part of started.reverse()) await Promise.resolve(part.stop()).catch(() => {})
      throw err
    }
  }

  static async #assemble (options: ServerOptions, node: ShoalNode, gates: { access?: Awaited<ReturnType<typeof openServerAccess>>, relayAccess?: RelayAccess },
    faults: ReturnType<typeof faultsFromEnv>, started: Array<{ stop: () => unknown }>): Promise<ShoalServer> {
    const { access, relayAccess } = gates
    const isPrivate = options.access?.private === true
    const trackerId = options.tracker == null ? undefined : addrPeerId(options.tracker.tracker)
    if (access != null && isPrivate) {
      const { membership } = access
      // A peer taken off the list loses its open connections too, and its relay reservation here.
      membership.onChange = () => { closeDisallowed(node, membership.allow); relayAccess?.revoke() }
    }
    // withFaults is inert unless the test-only SHOAL_FAULT variable is set (store/faults.ts).
    const store = withFaults(new FsChunkStore(options.dataDir, options.store), faults)
    started.push({ stop: async () => store.close() })
    const log = logger('shoal:server')
    const limits = resolveLimits(options.limits)
    const swarm = new Swarm({ node, store, servePolicy: options.servePolicy, picker: options.picker, log, limits })
    await swarm.start()
    const metrics = createRegistry('server')
    const nodeMetrics = new NodeMetrics({ registry: metrics, node, swarm, store, trackerId })
    let http: BlobHttpServer | undefined
    if (options.http != null) {
      http = new BlobHttpServer({
        store,
        host: options.http.host ?? DEFAULT_HTTP_HOST,
        port: options.http.port,
        log,
        publicHost: () => firstIp4(node),
        extraRoute: (req, res) => handleMetricsRequest(metrics, req, res),
        onSent: (n) => { nodeMetrics.httpSent(n) }
      })
      started.push(http)
      await http.start()
    }
    let tasks: TaskService | undefined
    const locality = options.locality == null
      ? undefined
      : new Locality({ node, store, log, bootstrap: options.locality.bootstrap, tracker: async (id, opts) => trackerHolders(tasks, id, opts) })
    // Created here, started by the caller once it listens to the events (start()).
    tasks = options.tracker == null
      ? undefined
      : new TaskService({ ...options.tracker, ingest: options.ingest === true, httpUrl: http?.url, rpcStreams: { in: limits.rpcStreamsIn, out: limits.rpcStreamsOut }, node, store, swarm, dataDir: options.dataDir, log, finder: locality?.finder })
    if (tasks != null && access != null) tasks.client.members = access.membership
    let ingest: IngestService | undefined
    if (options.ingest === true && tasks != null) {
      ingest = new IngestService({
        node,
        store,
        log,
        limits,
        // Uploads only from the tracker's authorised clients, when it keeps a client list (membership.ts).
        authorize: access?.membership.mayUpload,
        // A split upload's other targets serve their part over /shoal/chunk (partial holders serve what they hold).
        gather: async (info, sources, opts) => { await swarm.fetch(info, { peers: sources, signal: opts.signal }) },
        commit: async (info, spec, opts) => {
          const r = await tasks.client.ingestCommit({ manifest: info.bytes as Uint8Array<ArrayBuffer>, replicateTo: spec.to, replicateNetwork: spec.network, replicateAll: spec.all }, opts)
          tasks.holdingChanged(info.key)
          return { known: r.known, taskId: r.taskId, servers: r.servers }
        }
      })
      started.push(ingest)
      await ingest.start()
    }
    return new ShoalServer(node, store, swarm, { tasks, ingest, http, locality, stopAccess: () => { access?.stop(); relayAccess?.stop() }, metrics, nodeMetrics })
  }

  get peerId (): string { return this.node.peerId.toString() }

  /** Listening addresses, each ending in /p2p/<peerId>. */
  multiaddrs (): Multiaddr[] {
    return this.node.getMultiaddrs()
  }

  /** Starts the tracker work (resumes journalled tasks, registers); a no-op without a tracker. */
  async start (): Promise<void> {
    await this.locality?.start()
    this.tasks?.addEventListener('task-done', (e) => { this.locality?.fileChanged(e.detail.fileKey) })
    await this.tasks?.start()
  }

  /**
   * Downloads a file from `peers` and, with `locality`, from holders found by
   * the tracker's hints, LAN queries and the DHT (so it works with the tracker
   * down and no peer given). The tracker hears of the progress.
   */
  async fetch (file: CID | string, options: FinderFetchOptions = {}): Promise<ServerFetchResult> {
    const id = typeof file === 'string' ? parseFileId(file) : file
    const finder = this.locality?.finder
    const result = finder?.enabled === true
      ? await fetchWithFinder(this.swarm, finder, id, options)
      : await this.swarm.fetch(id, options)
    this.locality?.fileChanged(id.toString())
    this.tasks?.holdingChanged(id.toString())
    const stored = await this.store.get(result.fileKey, { signal: options.signal })
    if (stored == null) throw new ChunkNotHeldError(`${result.fileKey} was deleted as its fetch ended`)
    return { ...result, sha256: await verifyWholeFile(stored, { signal: options.signal }) }
  }

  async stop (_options?: AbortOptions): Promise<void> {
    await this.ingest?.stop()
    await this.http?.stop()
    await this.tasks?.stop()
    await this.locality?.stop()
    this.#nodeMetrics.stop()
    await this.swarm.stop()
    await this.node.stop()
    await this.store.close()
    this.#stopAccess?.()
  }
}

export async function createServer (options: ServerOptions): Promise<ShoalServer> {
  return ShoalServer.create(options)
}

/** The tracker's hints as holders; none when the server works for no tracker. */
async function trackerHolders (tasks: TaskService | undefined, id: CID, options: AbortOptions): Promise<Holder[]> {
  if (tasks == null) return []
  const { peers } = await tasks.client.getPeers(id, {}, options)
  return peers.map((p) => ({
    peer: peerIdFromString(p.peerId),
    addrs: p.addrs.map((a) => multiaddr(a)),
    source: 'tracker' as const,
    complete: p.complete,
    chunks: p.chunks
  }))
}

/** The first non-loopback IPv4 address the node listens on: what to put in a wildcard HTTP URL. */
function firstIp4 (node: ShoalNode): string | undefined {
  for (const ma of node.getMultiaddrs()) {
    const ip = ma.getComponents().find((c) => c.name === 'ip4')?.value
    if (ip != null && ip !== '0.0.0.0' && !ip.startsWith('127.')) return ip
  }
  return undefined
}
