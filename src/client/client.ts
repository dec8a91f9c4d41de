import { generateKeyPair } from '@libp2p/crypto/keys'
import { logger } from '@libp2p/logger'
import { TypedEventEmitter, type AbortOptions, type Logger } from '@libp2p/interface'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { CID } from 'multiformats/cid'
import { InvalidArgumentError } from '../errors.js'
import { createShoalNode, loadIdentity, loadOrCreateKey, type ShoalNode } from '../node/index.js'
import type { TaskStatus } from '../pb/tracker.js'
import { TrackerClient } from '../server/tracker-client.js'
import { normalizeCidr } from '../util/net.js'
import type { ClientContext } from './context.js'
import { downloadFile, type DownloadOptions } from './download.js'
import { trackerCall } from './tracker-calls.js'
import type { ClientEvents, ClientDownloadResult, UploadResult } from './types.js'
import { uploadFile, type UploadOptions } from './uploader.js'

export interface ClientOptions {
  /** The tracker's multiaddr, ending in /p2p/<tracker id>. */
  tracker: string | Multiaddr
  /** Keeps the client's key (a stable PeerId); without it every run has a fresh one. */
  dataDir?: string
  /** A key file or a folder holding one (loadIdentity): a stable PeerId, e.g. one on the tracker's client list. Wins over `dataDir`. */
  identity?: string
  /** A client token the tracker's operator issued (`tracker token issue`): client calls from a PeerId not on the client list. */
  token?: string
  /** Where the client is, so the tracker ranks servers near it first (CIDR, e.g. 10.1.0.0/24). */
  subnet?: string
  /** Network (ISP, site) label, for the same ranking. */
  network?: string
  /** Addresses to listen on; default none (a client only dials out). */
  listen?: string[]
  log?: Logger
}

/** A task as the tracker reports it. */
export interface TaskView {
  taskId: string
  kind: string
  fileId: string
  state: string
  serversTotal: number
  serversDone: number
  serversFailed: number
  createdAt: Date
  updatedAt: Date
  /** Each server's part (from `status`; empty in `tasks`). */
  servers: TaskServerView[]
}

/** A server's part of a task, as the tracker last heard it (heartbeats every 2 s, results). */
export interface TaskServerView {
  peerId: string
  state: string
  progressBytes: number
  totalBytes: number
  attempts: number
  /** Its fetch time from its result; 0 before it reports. */
  durationMs: number
  lastError: string
}

/** A file in the tracker's catalog. */
export interface FileView {
  fileId: string
  name: string
  size: number
  chunks: number
  holders: number
  completeCopies: number
  addedAt: Date
  sha256: string
}

/**
 * The Shoal client (the patent's 客户端) as a library: upload a file through
 * the best ingest server, download one from every holder at once with an
 * HTTP fallback, query tasks and files. A libp2p node of its own that only
 * dials out. Progress is reported as typed events (`probe`,
 * `upload-target`, `upload-progress`, `download-progress`, `fallback`);
 * every operation takes an AbortSignal and rejects with named errors.
 *
 * @example
 *
 * ```ts
 * const client = await createClient({ tracker: '/ip4/10.0.0.1/tcp/4001/p2p/12D3KooW...' })
 * client.addEventListener('upload-progress', ({ detail }) => console.log(detail.phase, detail.bytes))
 * const { fileId, taskId } = await client.upload('/srv/big.iso', { replicate: { all: true } })
 * await client.download(fileId, '/tmp/big.iso', { signal: AbortSignal.timeout(600_000) })
 * await client.stop()
 * ```
 */
export class ShoalClient extends TypedEventEmitter<ClientEvents> {
  readonly node: ShoalNode
  readonly tracker: TrackerClient
  readonly #addr: string
  readonly #subnet: string
  readonly #network: string
  readonly #log: Logger

  private constructor (node: ShoalNode, tracker: Multiaddr, options: ClientOptions) {
    super()
    this.node = node
    this.tracker = new TrackerClient(node, tracker)
    this.tracker.token = options.token
    this.#addr = tracker.toString()
    this.#subnet = options.subnet == null || options.subnet === '' ? '' : normalizeCidr(options.subnet)
    this.#network = options.network ?? ''
    this.#log = options.log ?? logger('shoal:client')
  }

  static async create (options: ClientOptions): Promise<ShoalClient> {
    let tracker: Multiaddr
    try {
      tracker = multiaddr(options.tracker.toString())
    } catch {
      throw new InvalidArgumentError(`tracker address "${options.tracker.toString()}" is not a multiaddr`)
    }
    if (tracker.getComponents().find((c) => c.name === 'p2p') == null) throw new InvalidArgumentError('the tracker address needs /p2p/<tracker peer id> at the end')
    const privateKey = options.identity != null
      ? await loadIdentity(options.identity)
      : options.dataDir != null ? await loadOrCreateKey(options.dataDir) : await generateKeyPair('Ed25519')
    const node = await createShoalNode({ privateKey, listen: options.listen ?? [] })
    return new ShoalClient(node, tracker, options)
  }

  get peerId (): string { return this.node.peerId.toString() }

  /** Uploads a file (probe, parallel verified streams, commit); resolves with its id and the replicate task. */
  async upload (path: string, options: UploadOptions = {}): Promise<UploadResult> {
    return uploadFile(this.#ctx(), path, options)
  }

  /** Downloads a file to `path` (atomically, resumable), from every holder at once, with an HTTP fallback. */
  async download (fileId: string | CID, path: string, options: DownloadOptions = {}): Promise<ClientDownloadResult> {
    return downloadFile(this.#ctx(), fileId.toString(), path, options)
  }

  /** One task's state. */
  async status (taskId: string, options: AbortOptions = {}): Promise<TaskView> {
    return taskView(await trackerCall(this.#addr, async () => this.tracker.taskStatus(taskId, options), options.signal))
  }

  /** The newest tasks, newest first. */
  async tasks (options: AbortOptions & { max?: number } = {}): Promise<TaskView[]> {
    return (await trackerCall(this.#addr, async () => this.tracker.listTasks(options.max ?? 0, options), options.signal)).map(taskView)
  }

  /** The files the tracker knows, newest first. */
  async files (options: AbortOptions & { max?: number } = {}): Promise<FileView[]> {
    const files = await trackerCall(this.#addr, async () => this.tracker.listFiles(options.max ?? 0, options), options.signal)
    return files.map((f) => ({
      fileId: CID.decode(f.fileId).toString(),
      name: f.name,
      size: Number(f.size),
      chunks: f.chunks,
      holders: f.holders,
      completeCopies: f.completeCopies,
      addedAt: new Date(Number(f.addedAtMs)),
      sha256: Buffer.from(f.sha256).toString('hex')
    }))
  }

  async stop (): Promise<void> {
    await this.node.stop()
  }

  #ctx (): ClientContext {
    return { node: this.node, tracker: this.tracker, trackerAddr: this.#addr, subnet: this.#subnet, network: this.#network, log: this.#log, events: this }
  }
}

function taskView (t: TaskStatus): TaskView {
  return {
    taskId: t.taskId,
    kind: t.kind,
    fileId: t.fileId.byteLength > 0 ? CID.decode(t.fileId).toString() : '',
    state: t.state,
    serversTotal: t.serversTotal,
    serversDone: t.serversDone,
    serversFailed: t.serversFailed,
    createdAt: new Date(Number(t.createdAtMs)),
    updatedAt: new Date(Number(t.updatedAtMs)),
    servers: t.servers.map((s) => ({
      peerId: s.peerId,
      state: s.state,
      progressBytes: Number(s.progressBytes),
      totalBytes: Number(s.totalBytes),
      attempts: s.attempts,
      durationMs: Number(s.durationMs),
      lastError: s.lastError
    }))
  }
}

/** Creates a client (a libp2p node that dials out) for the tracker at `options.tracker`. */
export async function createClient (options: ClientOptions): Promise<ShoalClient> {
  return ShoalClient.create(options)
}
