import { join } from 'node:path'
import { TypedEventEmitter } from '@libp2p/interface'
import { logger } from '@libp2p/logger'
import type { Logger, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { InvalidArgumentError } from '../errors.js'
import { createShoalNode, loadOrCreateKey, type ShoalNode } from '../node/index.js'
import { TRACKER_PROTOCOL } from '../rpc/constants.js'
import { FsChunkStore } from '../store/fs.js'
import { withFaults } from '../store/faults.js'
import { Swarm } from '../swarm/index.js'
import { Catalog } from './catalog.js'
import { EgressRecorder } from './egress.js'
import {
  DB_FILE, DEFAULT_HINT_POLICY, DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, DEFAULT_SEED_COPIES,
  HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS, MAX_HINTS, MAX_TASK_ATTEMPTS, STATS_INTERVAL_MS
} from './constants.js'
import type { TrackerContext } from './context.js'
import { Dispatcher } from './dispatcher.js'
import { trackerEntry } from './handlers/get-peers.js'
import { hintPolicy as policyNamed } from './hints.js'
import { HttpApi } from './http-api.js'
import { recordUpload } from './ingest-commit.js'
import { IngestService } from '../server/ingest.js'
import { handleBlobRequest } from '../server/http-blobs.js'
import { hintsFor } from './peer-hints.js'
import { handleTrackerProtocol } from './protocol.js'
import { Registry } from './registry.js'
import { RttProber } from './rtt-prober.js'
import { isSeeding, seedUntilCopies } from './seeding.js'
import { SqliteTrackerDb } from './sqlite-db.js'
import { CROSS_HEAD_START_TIMEOUT_MS, DEFAULT_CROSS_FETCHERS, NetworkPlan } from './network-plan.js'
import { TaskManager } from './task-manager.js'
import { TrackerAccess } from './access.js'
import { handleHttpAction, replicateVia } from './http-actions.js'
import { httpAuthorize } from './http-auth.js'
import { closeDisallowed } from '../node/gater.js'
import { Rescues } from './rescue.js'
import { RelayGrants } from './relay-offer.js'
import type { Registry as MetricsRegistry } from 'prom-client'
import { createRegistry, handleMetricsRequest } from '../metrics/registry.js'
import { NodeMetrics } from '../metrics/node-metrics.js'
import { TrackerMetrics } from '../metrics/tracker-metrics.js'
import { resolveLimits, type Limits } from '../limits.js'
import type { TrackerEvents, TrackerOptions } from './options.js'

export type { TrackerEvents, TrackerOptions }

/**
 * The tracker (the patent's central server): a libp2p peer with a registry of
 * task servers, a catalog of files and holdings, a persisted task manager, a
 * hint policy, its own swarm that seeds new files until the group holds
 * enough copies, and an HTTP status API. This file only wires those parts.
 */
export class Tracker extends TypedEventEmitter<TrackerEvents> {
  readonly node: ShoalNode
  readonly store: FsChunkStore
  readonly swarm: Swarm
  readonly db: SqliteTrackerDb
  readonly registry: Registry
  /** Clients FALLBACK offered relays to (relay-offer.ts); the relay gate reads it. */
  readonly relayGrants: RelayGrants
  readonly catalog: Catalog
  readonly tasks: TaskManager
  readonly http: HttpApi
  /** Who fetches across networks and whose hints stay inside (network-plan.ts). */
  readonly networkPlan: NetworkPlan
  /** The tracker takes uploads itself too (it is always an ingest candidate, ranked last). */
  readonly ingest: IngestService
  readonly #dispatcher: Dispatcher
  /** The tracker's Prometheus metrics (GET /metrics on the HTTP API). */
  readonly metrics: MetricsRegistry
  readonly #nodeMetrics: NodeMetrics
  #trackerMetrics?: TrackerMetrics
  readonly #prober: RttProber
  readonly #log: Logger
  #statsTimer?: ReturnType<typeof setInterval>
  readonly #egress: EgressRecorder

  static async create (options: TrackerOptions): Promise<Tracker> {
    const seedCopies = options.seedCopies ?? DEFAULT_SEED_COPIES
    if (!Number.isInteger(seedCopies) || seedCopies < 1) throw new InvalidArgumentError('seed copies must be a whole number >= 1')
    const policy = policyNamed(options.hintPolicy ?? DEFAULT_HINT_POLICY)
    // Checked before anything is created: a bad limit stops us with its name.
    const limits = resolveLimits(options.limits)
    const privateKey = await loadOrCreateKey(options.dataDir)
    const access = await TrackerAccess.open(options.access ?? {}, options.log ?? logger('shoal:tracker'), options.dataDir)
    const db = new SqliteTrackerDb(join(options.dataDir, DB_FILE))
    // Bound once the registry exists; until then (start-up) the relay carries no one.
    const relayGate: { mayRelay: (source: PeerId, destination: PeerId) => boolean } = { mayRelay: () => false }
    let node: ShoalNode
    try {
      node = await createShoalNode({
        privateKey,
        listen: options.listen,
        announce: options.announce,
        allow: access.allow,
        services: { relay: options.relay === true, dht: options.dht === true },
        limits,
        // The relay (--relay) carries registered servers, and clients to the holders a FALLBACK answer named (relay-offer.ts).
        relayGate: {
          mayRelay: (source, destination) => relayGate.mayRelay(source, destination),
          mayReserve: (peer) => access.auth.hasRole(peer, 'server')
        }
      })
    } catch (err) {
      db.close()
      access.stop()
      throw err
    }
    const allow = access.allow
    // A peer taken off a list loses its open connections too, not only future ones.
    if (allow != null) access.onChange = () => { closeDisallowed(node, allow) }
    const tracker = new Tracker(node, db, options, seedCopies, policy, access, limits)
    relayGate.mayRelay = (source, destination) => tracker.registry.get(source.toString()) != null || tracker.relayGrants.allows(source, destination)
    try {
      await tracker.#start()
    } catch (err) {
      // Say the HTTP port is taken: undo what did start, so nothing is left listening.
      await tracker.stop().catch(() => {})
      throw err
    }
    return tracker
  }

  readonly #ctx: TrackerContext
  readonly #access: TrackerAccess
  readonly #limits: Limits

  private constructor (node: ShoalNode, db: SqliteTrackerDb, options: TrackerOptions, seedCopies: number, policy: ReturnType<typeof policyNamed>, access: TrackerAccess, limits: Limits) {
    super()
    this.#access = access
    this.#limits = limits
    const now = options.now ?? Date.now
    this.#log = options.log ?? logger('shoal:tracker')
    this.node = node
    this.db = db
    this.store = new FsChunkStore(options.dataDir)
    this.registry = new Registry({ db, now, heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS })
    this.relayGrants = new RelayGrants(now)
    this.catalog = new Catalog({ db, now })
    this.tasks = new TaskManager({
      db,
      now,
      maxAttempts: MAX_TASK_ATTEMPTS,
      onEvent: (e) => { this.#trackerMetrics?.onEvent(e); this.safeDispatchEvent('task-event', { detail: e }) }
    })
    const liveCopies = (fileKey: string): number => this.catalog.completeCopies(fileKey, (id) => this.registry.isAlive(id))
    const rescues = new Rescues(now)
    // withFaults is inert unless the test-only SHOAL_FAULT variable is set (store/faults.ts); it slows or corrupts serving only.
    this.swarm = new Swarm({ node, store: withFaults(this.store), servePolicy: seedUntilCopies({ copies: seedCopies, completeCopies: liveCopies, rescued: (f, p) => rescues.has(f, p) }), log: this.#log, limits: this.#limits })
    this.#egress = new EgressRecorder(this.swarm, this.catalog, this.#log)
    this.metrics = createRegistry('tracker')
    this.#nodeMetrics = new NodeMetrics({ registry: this.metrics, node, swarm: this.swarm, store: this.store })
    this.#trackerMetrics = new TrackerMetrics({ registry: this.metrics, tasks: this.tasks, servers: this.registry, trackerPeerId: node.peerId.toString() })
    this.networkPlan = new NetworkPlan({
      db,
      registry: this.registry,
      catalog: this.catalog,
      trackerNetwork: options.network ?? '',
      seeding: (fileKey) => this.#ctx.seeding(fileKey),
      crossFetchers: options.crossFetchers ?? DEFAULT_CROSS_FETCHERS,
      headStartTimeoutMs: CROSS_HEAD_START_TIMEOUT_MS,
      now
    })
    this.#dispatcher = new Dispatcher({
      node,
      tasks: this.tasks,
      registry: this.registry,
      catalog: this.catalog,
      log: this.#log,
      mayPush: (a) => {
        const task = this.tasks.get(a.taskId)
        return task == null || this.networkPlan.mayPush(a, task.fileKey, task.createdAt)
      }
    })
    this.#prober = new RttProber(node, this.registry, this.#log)
    this.#ctx = {
      node,
      store: this.store,
      swarm: this.swarm,
      registry: this.registry,
      catalog: this.catalog,
      tasks: this.tasks,
      hintPolicy: policy,
      seedCopies,
      heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
      heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
      log: this.#log,
      seeding: (fileKey) => isSeeding(seedCopies, liveCopies(fileKey)),
      onRegistered: (peer) => { this.#prober.probe(peer); this.#dispatcher.kick() },
      kick: () => { this.#dispatcher.kick() },
      onFileAdded: (fileKey) => { void this.swarm.serve(fileKey) },
      networkPlan: this.networkPlan,
      httpUrl: () => this.http.url,
      auth: access.auth,
      rescues,
      relayGrants: this.relayGrants
    }
    this.ingest = new IngestService({
      node,
      store: this.store,
      log: this.#log,
      authorize: (peer) => access.auth.hasRole(peer, 'client'),
      limits: this.#limits,
      commit: async (info, spec) => recordUpload(this.#ctx, undefined, info, spec)
    })
    this.http = new HttpApi({
      host: options.httpHost ?? DEFAULT_HTTP_HOST,
      port: options.httpPort ?? DEFAULT_HTTP_PORT,
      log: this.#log,
      registry: this.registry,
      catalog: this.catalog,
      tasks: this.tasks,
      trackerPeerId: node.peerId.toString(),
      seeding: this.#ctx.seeding,
      now,
      beforeRead: () => { this.#egress.record() },
      authorize: (req) => httpAuthorize(access.http, req),
      extraRoute: (req, res) => handleHttpAction({ log: this.#log, replicate: replicateVia(this.#ctx) }, req, res) ||
        handleBlobRequest(this.store, req, res, this.#log, (n) => { this.#nodeMetrics.httpSent(n) }) ||
        handleMetricsRequest(this.metrics, req, res),
      network: {
        networkOf: (id) => id === node.peerId.toString() ? options.network ?? '' : this.registry.get(id)?.network ?? '',
        plan: this.networkPlan
      },
      hints: (fileKey, asker) => this.catalog.get(fileKey) == null
        ? undefined
        : hintsFor({
          registry: this.registry,
          catalog: this.catalog,
          policy,
          tracker: trackerEntry(this.#ctx, fileKey),
          // As GET_PEERS would cut them for that registered server (network-aware distribution).
          scope: asker.peerId != null && this.registry.get(asker.peerId) != null ? this.networkPlan.scopeFor(fileKey, asker) : undefined
        }, fileKey, asker, MAX_HINTS)
    })
  }

  async #start (): Promise<void> {
    await this.#scanStore()
    await this.swarm.start()
    await handleTrackerProtocol(this.#ctx, { in: this.#limits.rpcStreamsIn, out: this.#limits.rpcStreamsOut })
    await this.ingest.start()
    await this.http.start()
    this.#dispatcher.start()
    this.#prober.start()
    this.#statsTimer = setInterval(() => { this.#egress.record() }, STATS_INTERVAL_MS)
  }

  /** Every complete file in the store joins the catalog: files imported while the tracker was down are picked up at start. */
  async #scanStore (): Promise<void> {
    for (const key of await this.store.list()) {
      const stored = await this.store.get(key).catch((err) => { this.#log.error('store entry %s unreadable: %s', key, err.message) })
      if (stored?.complete !== true) continue
      this.catalog.addFile(stored.info)
    }
  }

  get peerId (): string { return this.node.peerId.toString() }

  multiaddrs (): Multiaddr[] {
    return this.node.getMultiaddrs()
  }

  /** Payload bytes sent per file, across restarts (the database's count plus what is not yet written). */
  egress (): Record<string, number> {
    this.#egress.record()
    return Object.fromEntries(this.catalog.list().map((f) => [f.info.key, f.bytesSent]))
  }

  async stop (): Promise<void> {
    clearInterval(this.#statsTimer)
    this.#dispatcher.stop()
    this.#prober.stop()
    this.#egress.record()
    await this.http.stop()
    this.#nodeMetrics.stop()
    await this.node.unhandle(TRACKER_PROTOCOL)
    await this.ingest.stop()
    await this.swarm.stop()
    await this.node.stop()
    await this.store.close()
    this.#access.stop()
    this.db.close()
  }
}

export async function createTracker (options: TrackerOptions): Promise<Tracker> {
  return Tracker.create(options)
}
