import { TypedEventEmitter, type AbortOptions, type Connection, type Logger, type PeerId, type Stream } from '@libp2p/interface'
import { NotAllowedError, QuotaExceededError } from '../errors.js'
import type { FileInfo } from '../manifest/index.js'
import type { ShoalNode } from '../node/index.js'
import { INGEST_PROTOCOL } from '../rpc/transfer-constants.js'
import { resolveLimits, type Limits } from '../limits.js'
import { PeerRateLimiter } from '../util/peer-rate.js'
import { formatBytes } from '../util/units.js'
import type { ChunkStore, StoredFile } from '../store/types.js'
import { IngestSession } from './ingest-session.js'
import { handleProbe } from './probe.js'
import { PROBE_PROTOCOL } from '../rpc/transfer-constants.js'

/** Where a client asked the file to be replicated once it is committed. */
export interface ReplicateSpec {
  /** Server PeerIds. */
  to: string[]
  /** Live servers with this network label. */
  network: string
  /** Every live server. */
  all: boolean
}

/** What the tracker answered to a commit. */
export interface IngestCommitResult {
  known: boolean
  /** "" when no replication was asked for (or no server matched). */
  taskId: string
  servers: string[]
}

/** Upload counters per file, for reports and tests. */
export interface IngestFileStats {
  /** Chunk payload bytes received, whole or partial. */
  bytesReceived: number
  chunksStored: number
  /** Chunks received that were already held (a sender that resent them). */
  duplicateChunks: number
  /** Bytes of chunks cut off by a stream's end (what an interrupted sender must send again). */
  discardedBytes: number
  badChunks: number
  sessions: number
}

export interface IngestEvents {
  'ingest-open': CustomEvent<{ fileId: string, chunksHeld: number, totalChunks: number }>
  'ingest-committed': CustomEvent<{ fileId: string, taskId: string, servers: string[], stats: IngestFileStats }>
  'ingest-error': CustomEvent<{ fileId: string, error: string, message: string }>
}

export interface IngestServiceInit {
  node: ShoalNode
  store: ChunkStore
  log: Logger
  /** Records the complete, verified file with the tracker and creates the replicate task. */
  commit(info: FileInfo, spec: ReplicateSpec, options: AbortOptions): Promise<IngestCommitResult>
  /**
   * Fetches the rest of a split upload from its other targets (the swarm;
   * IngestSessionInit.gather). Absent on the tracker: it is never one of a
   * split's targets, so a COMMIT naming sources is refused there.
   */
  gather?(info: FileInfo, sources: string[], options: AbortOptions & { signal: AbortSignal }): Promise<void>
  /** Whether a peer may upload (authorised clients, README, "Guarantees"); default every peer. */
  authorize?(peer: PeerId): boolean
  /** Streams, upload size, quota and rate per uploader (limits.ts); defaults from the constants. */
  limits?: Partial<Pick<Limits, IngestLimit>>
}

/** The limits the ingest endpoint applies. */
export type IngestLimit = 'ingestStreamsIn' | 'ingestStreamsOut' | 'probeStreams' | 'maxUploadBytes' | 'ingestQuotaBytes' | 'ingestRatePerPeer'

/**
 * The ingest endpoint (the patent's upload server), on servers started with
 * --ingest and on the tracker: /shoal/probe/1.0.0 answers throughput probes
 * and /shoal/ingest/1.0.0 takes verified chunks into the chunk store (one
 * IngestSession per stream), then commits the file to the tracker.
 */
export class IngestService extends TypedEventEmitter<IngestEvents> {
  readonly #init: IngestServiceInit
  readonly #stats = new Map<string, IngestFileStats>()
  readonly #sessions = new Set<IngestSession>()
  readonly #limits: Pick<Limits, IngestLimit>
  readonly #rate: PeerRateLimiter
  /** Admission checks run one at a time, so two new uploads cannot both fit the quota's last gap. */
  #admitting: Promise<unknown> = Promise.resolve()

  constructor (init: IngestServiceInit) {
    super()
    this.#init = init
    this.#limits = resolveLimits(init.limits)
    this.#rate = new PeerRateLimiter(this.#limits.ingestRatePerPeer)
  }

  async start (): Promise<void> {
    await handleProbe(this.#init.node, this.#init.log, this.#limits.probeStreams)
    await this.#init.node.handle(INGEST_PROTOCOL, (stream: Stream, connection: Connection) => {
      // Refused before a byte is read: an unauthorised client uploads nothing.
      if (this.#init.authorize?.(connection.remotePeer) === false) { stream.abort(new NotAllowedError('uploads are accepted only from authorised clients')); return }
      this.#onStream(stream, connection.remotePeer)
    }, {
      maxInboundStreams: this.#limits.ingestStreamsIn,
      maxOutboundStreams: this.#limits.ingestStreamsOut
    })
  }

  async stop (): Promise<void> {
    await this.#init.node.unhandle(INGEST_PROTOCOL)
    await this.#init.node.unhandle(PROBE_PROTOCOL)
    for (const s of this.#sessions) s.abort()
    await Promise.allSettled([...this.#sessions].map(async (s) => s.finished))
  }

  /** Counters of one file's uploads to this node. */
  stats (fileKey: string): IngestFileStats | undefined {
    const s = this.#stats.get(fileKey)
    return s == null ? undefined : { ...s }
  }

  #statsOf (fileKey: string): IngestFileStats {
    let s = this.#stats.get(fileKey)
    if (s == null) this.#stats.set(fileKey, s = { bytesReceived: 0, chunksStored: 0, duplicateChunks: 0, discardedBytes: 0, badChunks: 0, sessions: 0 })
    return s
  }

  /**
   * Opens the blob of an uploaded file if it may be stored here: no larger
   * than maxUploadBytes, and the store's files plus it within
   * ingestQuotaBytes. A file already in the store (a resumed upload) is
   * counted already and always admitted. Otherwise QuotaExceededError, and
   * nothing is created. Checks and opens run one at a time, so two new
   * uploads cannot both fit the quota's last gap.
   */
  async #openUpload (info: FileInfo): Promise<StoredFile> {
    const run = this.#admitting.then(async () => {
      const { maxUploadBytes, ingestQuotaBytes } = this.#limits
      const { store } = this.#init
      const size = info.manifest.size
      const keys = await store.list()
      if (!keys.includes(info.key)) {
        if (size > maxUploadBytes) throw new QuotaExceededError(`the file is ${formatBytes(size)}, more than the ${formatBytes(maxUploadBytes)} one upload may be here`)
        if (ingestQuotaBytes > 0) {
          let used = 0
          for (const key of keys) used += (await store.get(key).catch(() => undefined))?.info.manifest.size ?? 0
          if (used + size > ingestQuotaBytes) throw new QuotaExceededError(`the file (${formatBytes(size)}) would take the store to ${formatBytes(used + size)}, past its ${formatBytes(ingestQuotaBytes)} ingest quota`)
        }
      }
      return store.open(info)
    })
    this.#admitting = run.catch(() => {})
    return run
  }

  #onStream (stream: Stream, peer: PeerId): void {
    const session = new IngestSession(stream, {
      openUpload: async (info) => this.#openUpload(info),
      throttle: this.#rate.enabled ? async (bytes, signal) => this.#rate.take(peer.toString(), bytes, signal) : undefined,
      gather: this.#init.gather,
      store: this.#init.store,
      log: this.#init.log,
      stats: (fileKey) => this.#statsOf(fileKey),
      onOpen: (fileId, held, total) => this.safeDispatchEvent('ingest-open', { detail: { fileId, chunksHeld: held, totalChunks: total } }),
      commit: async (info, spec, options) => {
        const result = await this.#init.commit(info, spec, options)
        this.safeDispatchEvent('ingest-committed', { detail: { fileId: info.key, taskId: result.taskId, servers: result.servers, stats: this.#statsOf(info.key) } })
        return result
      },
      onError: (fileId, err) => this.safeDispatchEvent('ingest-error', { detail: { fileId, error: err.name, message: err.message } })
    })
    this.#sessions.add(session)
    void session.finished.finally(() => this.#sessions.delete(session))
  }
}
