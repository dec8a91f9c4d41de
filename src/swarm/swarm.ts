import { logger } from '@libp2p/logger'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import type { AbortOptions, Logger, PeerId, Stream, Connection } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'
import { NoSourcesError } from '../errors.js'
import { fileInfoFromBytes, parseFileId, type FileInfo } from '../manifest/index.js'
import type { ShoalNode } from '../node/index.js'
import type { ChunkStore } from '../store/types.js'
import { addrPeerId, endsWithPeerId } from '../util/addr.js'
import { BAN_AFTER_FAILURES, CHUNK_PROTOCOL } from './constants.js'
import { resolveLimits, type Limits } from '../limits.js'
import { PeerRateLimiter } from '../util/peer-rate.js'
import { Downloader, type DownloadProgress, type DownloadResult } from './downloader.js'
import { FetchSession } from './fetch-session.js'
import type { PiecePicker } from './picker.js'
import { preferOthers, type ServePolicy } from './serve-policy.js'
import { ServeSession } from './serve-session.js'
import { PeerSlots } from './peer-limits.js'
import { SwarmFile } from './swarm-file.js'

/** Addresses of one peer handed out in peer exchange. */
const PEX_ADDRS_PER_PEER = 4

export interface SwarmInit {
  node: ShoalNode
  store: ChunkStore
  /** Which requests to serve; default prefer-others (super-seeding). */
  servePolicy?: ServePolicy | ((fileKey: string) => ServePolicy)
  picker?: PiecePicker
  log?: Logger
  /** Chunk streams, queued requests, pieces in flight and the serve rate per peer (limits.ts); defaults from the constants. */
  limits?: Partial<Pick<Limits, SwarmLimit>>
}

/** The limits the chunk exchange applies. */
export type SwarmLimit = 'chunkStreamsIn' | 'chunkStreamsOut' | 'queuedRequestsPerSession' | 'piecesInFlightPerPeer' | 'serveRatePerPeer'

export interface FetchOptions extends AbortOptions {
  /** Peers to start from (multiaddrs with /p2p/<id>); more are learnt by peer exchange. */
  peers?: Array<Multiaddr | string>
  onProgress?(progress: DownloadProgress): void
  /**
   * Whether the download may fetch from a peer (default: every peer). Peers
   * also arrive by peer exchange and by fetching from us; a caller that keeps
   * traffic inside its network (tracker's network-aware hints) refuses the rest.
   */
  admit?(peer: PeerId): boolean | Promise<boolean>
}

/**
 * Every chunk was verified against the manifest before it was stored. The
 * whole-file SHA-256 is not read back here (that is a second pass over the
 * file, from disk): callers that report it use verifyWholeFile (store/).
 */
export interface FetchResult extends DownloadResult {
  readonly info: FileInfo
}

export interface SwarmStats {
  /** Payload bytes this node sent in pieces. */
  bytesSent: number
  bytesSentByFile: Record<string, number>
  /** Payload bytes of verified chunks this node received and stored. */
  bytesReceived: number
  /** Peers that sent chunks failing their hash, by file. */
  blamed: Record<string, Record<string, number>>
  /** Chunk streams peers opened to us (each one ran the protocol handler): 0 means no peer got that far. */
  servedSessions: number
}

/** Listens to the chunk exchange as it happens (metrics: src/metrics/). Every hook is optional. */
export interface SwarmObserver {
  /** Payload bytes of a piece sent to `peer`. */
  sent?(fileKey: string, peer: string | undefined, bytes: number): void
  /** A chunk from `peer` passed its hash and was stored. */
  received?(fileKey: string, peer: string, bytes: number): void
  /** A chunk from `peer` failed its hash. */
  failed?(fileKey: string, peer: string): void
  /** `peer` reached the ban threshold for `fileKey`. */
  banned?(fileKey: string, peer: string): void
}

/**
 * The chunk exchange on one node: serves every file in the store to peers that
 * ask (subject to the serve policy) and downloads files from peers. Knows
 * nothing of trackers or tasks.
 */
export class Swarm {
  readonly #node: ShoalNode
  readonly #store: ChunkStore
  readonly #policy: (fileKey: string) => ServePolicy
  readonly #picker?: PiecePicker
  readonly #log: Logger
  readonly #files = new Map<string, Promise<SwarmFile | undefined>>()
  readonly #downloads = new Map<string, Promise<FetchResult>>()
  readonly #stats: SwarmStats = { bytesSent: 0, bytesSentByFile: {}, bytesReceived: 0, blamed: {}, servedSessions: 0 }
  /** Pieces in flight per requesting peer, across its sessions (peer-limits.ts). */
  readonly #slots: PeerSlots
  /** Serve byte rate per requesting peer, across its sessions and files (0 = no cap). */
  readonly #rate: PeerRateLimiter
  readonly #limits: Pick<Limits, SwarmLimit>
  readonly #observers = new Set<SwarmObserver>()

  constructor (init: SwarmInit) {
    this.#node = init.node
    this.#store = init.store
    const policy = init.servePolicy ?? preferOthers
    this.#policy = typeof policy === 'function' ? policy : () => policy
    this.#picker = init.picker
    this.#log = init.log ?? logger('shoal:swarm')
    this.#limits = resolveLimits(init.limits)
    this.#slots = new PeerSlots(this.#limits.piecesInFlightPerPeer)
    this.#rate = new PeerRateLimiter(this.#limits.serveRatePerPeer)
  }

  async start (): Promise<void> {
    await this.#node.handle(CHUNK_PROTOCOL, (stream, connection) => this.#onStream(stream, connection), {
      maxInboundStreams: this.#limits.chunkStreamsIn,
      maxOutboundStreams: this.#limits.chunkStreamsOut,
      // A peer behind NAT is reached through a relay; a relay with limits marks the connection limited.
      runOnLimitedConnection: true
    })
  }

  async stop (): Promise<void> {
    await this.#node.unhandle(CHUNK_PROTOCOL)
  }

  /** Adds a listener to the exchange (metrics); returns a function that removes it. */
  observe (observer: SwarmObserver): () => void {
    this.#observers.add(observer)
    return () => { this.#observers.delete(observer) }
  }

  stats (): SwarmStats {
    return structuredClone(this.#stats)
  }

  /** Peers banned for sending bad chunks of a file: a later fetch of it (a retry) does not ask them again either. */
  banned (fileKey: string): string[] {
    return Object.entries(this.#stats.blamed[fileKey] ?? {}).filter(([, n]) => n >= BAN_AFTER_FAILURES).map(([peer]) => peer)
  }

  /**
   * Downloads a file (resuming what the store already holds) from the given
   * peers and any they lead to. Given only an id, the manifest is fetched from
   * a peer first and checked against the id.
   */
  async fetch (file: FileInfo | CID | string, options: FetchOptions = {}): Promise<FetchResult> {
    const key = typeof file === 'string' ? file : 'key' in file ? file.key : file.toString()
    let running = this.#downloads.get(key)
    if (running == null) {
      running = this.#fetch(file, options).finally(() => this.#downloads.delete(key))
      this.#downloads.set(key, running)
    }
    return running
  }

  /** More peers for a running download (hints from a tracker, LAN or DHT). */
  async addPeers (fileKey: string, addrs: Array<Multiaddr | string>): Promise<void> {
    const peers = await this.#learn(addrs.map((a) => multiaddr(a.toString())))
    const file = await this.#files.get(fileKey)
    for (const peer of peers) file?.downloader?.addPeer(peer)
  }

  /** Makes a stored file ready to serve (e.g. right after adding it). */
  async serve (fileKey: string): Promise<SwarmFile | undefined> {
    return this.#lookup(fileKey)
  }

  async #fetch (file: FileInfo | CID | string, options: FetchOptions): Promise<FetchResult> {
    const addrs = (options.peers ?? []).map((a) => multiaddr(a.toString()))
    const peers = await this.#learn(addrs)
    const info = typeof file === 'object' && 'manifest' in file
      ? file
      : await this.#manifestFor(typeof file === 'string' ? parseFileId(file) : file, peers, options)
    const stored = await this.#store.open(info, { signal: options.signal })
    let swarmFile = (await this.#fileFor(info.key, () => new SwarmFile(info, stored, this.#fileHost())))!
    if (swarmFile.stored !== stored) {
      // The store handed out a new blob (the old one was deleted or closed): start afresh.
      swarmFile = new SwarmFile(info, stored, this.#fileHost())
      this.#files.set(info.key, Promise.resolve(swarmFile))
    }
    const downloader = new Downloader({
      file: swarmFile,
      dial: async (peer, opts) => this.#node.dialProtocol(peer, CHUNK_PROTOCOL, { signal: opts.signal, runOnLimitedConnection: true }),
      picker: this.#picker,
      log: this.#log,
      onProgress: options.onProgress,
      // A peer banned by an earlier attempt stays banned: a retry must not hand a liar three more chances.
      admit: async (peer) => !this.banned(info.key).includes(peer.toString()) && await (options.admit?.(peer) ?? true)
    })
    swarmFile.downloader = downloader
    try {
      for (const peer of [...peers, ...swarmFile.fetchingPeers()]) downloader.addPeer(peer)
      const result = await downloader.run({ signal: options.signal })
      return { ...result, info }
    } finally {
      swarmFile.downloader = undefined
    }
  }

  async #manifestFor (id: CID, peers: PeerId[], options: AbortOptions): Promise<FileInfo> {
    const stored = await this.#store.get(id.toString(), { signal: options.signal })
    if (stored != null) return stored.info
    for (const peer of peers) {
      try {
        const stream = await this.#node.dialProtocol(peer, CHUNK_PROTOCOL, { signal: options.signal, runOnLimitedConnection: true })
        return fileInfoFromBytes(await FetchSession.fetchManifest(stream, id, { signal: options.signal }), id)
      } catch (err: any) {
        options.signal?.throwIfAborted()
        this.#log('manifest of %s from %p failed: %s', id, peer, err.message)
      }
    }
    throw new NoSourcesError(`no peer gave the manifest of ${id.toString()}`)
  }

  #onStream (stream: Stream, connection: Connection): void {
    this.#stats.servedSessions++
    const session = new ServeSession(stream, connection.remotePeer, {
      lookup: async (key) => this.#lookup(key),
      log: this.#log,
      slot: async (peer) => this.#slots.acquire(peer),
      maxQueued: this.#limits.queuedRequestsPerSession,
      throttle: this.#rate.enabled ? async (peer, bytes, signal) => this.#rate.take(peer.toString(), bytes, signal) : undefined
    })
    void session.run()
  }

  async #lookup (fileKey: string): Promise<SwarmFile | undefined> {
    return this.#fileFor(fileKey, async () => {
      const stored = await this.#store.get(fileKey).catch(() => undefined)
      return stored == null ? undefined : new SwarmFile(stored.info, stored, this.#fileHost())
    })
  }

  async #fileFor (fileKey: string, create: () => SwarmFile | undefined | Promise<SwarmFile | undefined>): Promise<SwarmFile | undefined> {
    let file = this.#files.get(fileKey)
    if (file == null || (await file) == null) {
      file = Promise.resolve(create())
      this.#files.set(fileKey, file)
    }
    return file
  }

  #fileHost (): ConstructorParameters<typeof SwarmFile>[2] {
    return {
      servePolicy: this.#policy,
      addressesOf: async (peers) => this.#addressesOf(peers),
      learn: async (addrs) => this.#learn(addrs),
      blamed: (fileKey, peer) => {
        const byPeer = this.#stats.blamed[fileKey] ??= {}
        byPeer[peer.toString()] = (byPeer[peer.toString()] ?? 0) + 1
        for (const o of this.#observers) {
          o.failed?.(fileKey, peer.toString())
          if (byPeer[peer.toString()] === BAN_AFTER_FAILURES) o.banned?.(fileKey, peer.toString())
        }
      },
      onSent: (fileKey, bytes, peer) => {
        this.#stats.bytesSent += bytes
        this.#stats.bytesSentByFile[fileKey] = (this.#stats.bytesSentByFile[fileKey] ?? 0) + bytes
        for (const o of this.#observers) o.sent?.(fileKey, peer?.toString(), bytes)
      },
      onReceived: (fileKey, peer, bytes) => {
        this.#stats.bytesReceived += bytes
        for (const o of this.#observers) o.received?.(fileKey, peer, bytes)
      }
    }
  }

  async #addressesOf (peers: PeerId[]): Promise<Multiaddr[]> {
    const out: Multiaddr[] = []
    for (const peer of peers) {
      const record = await this.#node.peerStore.get(peer).catch(() => undefined)
      for (const { multiaddr: ma } of (record?.addresses ?? []).slice(0, PEX_ADDRS_PER_PEER)) {
        out.push(endsWithPeerId(ma) ? ma : ma.encapsulate(`/p2p/${peer.toString()}`))
      }
    }
    return out
  }

  async #learn (addrs: Multiaddr[]): Promise<PeerId[]> {
    const byPeer = new Map<string, Multiaddr[]>()
    for (const ma of addrs) {
      const id = addrPeerId(ma)
      if (id == null || id === this.#node.peerId.toString()) continue
      byPeer.set(id, [...(byPeer.get(id) ?? []), ma])
    }
    const peers: PeerId[] = []
    for (const [id, multiaddrs] of byPeer) {
      const peer = peerIdFromString(id)
      await this.#node.peerStore.merge(peer, { multiaddrs })
      peers.push(peer)
    }
    return peers
  }
}
