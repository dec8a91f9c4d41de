import { join } from 'node:path'
import { TypedEventEmitter, type Logger } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { ShoalNode } from '../node/index.js'
import { TASK_PROTOCOL } from '../rpc/constants.js'
import type { ChunkStore } from '../store/types.js'
import type { Swarm } from '../swarm/index.js'
import { isOnLan, type HolderFinder } from '../lan/index.js'
import { localSubnet, normalizeCidr } from '../util/net.js'
import { JOURNAL_PRUNE_INTERVAL_MS, TASKS_DIR } from './constants.js'
import { Feedback } from './feedback.js'
import { HoldingsAnnouncer } from './holdings-announcer.js'
import { handleTaskProtocol } from './task-receiver.js'
import { TaskJournal, type JournalEntry } from './task-journal.js'
import { TaskRunner, type HintSummary } from './task-runner.js'
import { TrackerClient } from './tracker-client.js'
import { TrackerLink } from './tracker-link.js'

export interface TaskServiceOptions {
  /** The tracker's multiaddr, ending in /p2p/<tracker id>: the only peer tasks are taken from. */
  tracker: Multiaddr
  /** Network (ISP, site) label. */
  network?: string
  /** LAN subnet in CIDR form; default the subnet of the interface the node listens on. */
  subnet?: string
  /** Addresses inside the LAN, handed to peers in the same subnet. */
  lanAddrs?: string[]
  /** Storage offered, in bytes. */
  capacityBytes?: number
  /** Tell the tracker this server accepts uploads (it runs the ingest endpoint). */
  ingest?: boolean
  /** Base URL of this server's HTTP blob endpoint, told to the tracker for fallbacks. */
  httpUrl?: string
  /** /shoal/task streams per connection (limits.ts rpcStreamsIn/Out); default the constants. */
  rpcStreams?: { in: number, out: number }
}

export interface TaskServiceEvents {
  registered: CustomEvent<{ tracker: string }>
  'task-received': CustomEvent<{ taskId: string, fileId: string, kind: string, attempt: number }>
  hints: CustomEvent<{ taskId: string, fileId: string, peers: HintSummary[] }>
  'task-progress': CustomEvent<{ taskId: string, fileId: string, bytes: number, totalBytes: number, chunks: number, totalChunks: number }>
  'task-done': CustomEvent<JournalEntry>
  'task-reported': CustomEvent<{ taskId: string, duplicate: boolean }>
  'tracker-error': CustomEvent<{ what: string, error: string, message: string }>
}

export interface TaskServiceInit extends TaskServiceOptions {
  node: ShoalNode
  store: ChunkStore
  swarm: Swarm
  dataDir: string
  log: Logger
  /** Finds holders over the LAN and the DHT when the tracker cannot be reached. */
  finder?: HolderFinder
}

/**
 * A server's work for its tracker, wired together: registration and
 * heartbeats (TrackerLink), holdings announcements, task receiving (journal
 * before ack), processing (TaskRunner) and feedback. On start, journalled
 * tasks left unfinished by a crash are resumed and unreported results resent.
 */
export class TaskService extends TypedEventEmitter<TaskServiceEvents> {
  readonly client: TrackerClient
  readonly journal: TaskJournal
  readonly #init: TaskServiceInit
  readonly #announcer: HoldingsAnnouncer
  readonly #feedback: Feedback
  readonly #runner: TaskRunner
  readonly #link: TrackerLink
  #pruneTimer?: ReturnType<typeof setInterval>

  constructor (init: TaskServiceInit) {
    super()
    this.#init = init
    const { node, store, swarm, log } = init
    this.client = new TrackerClient(node, init.tracker)
    this.journal = new TaskJournal(join(init.dataDir, TASKS_DIR), log)
    const onError = (what: string, err: Error): void => {
      this.safeDispatchEvent('tracker-error', { detail: { what, error: err.name, message: err.message } })
    }
    this.#announcer = new HoldingsAnnouncer(this.client, store, log)
    this.#feedback = new Feedback({
      client: this.client,
      journal: this.journal,
      log,
      onError,
      onReported: (taskId, duplicate) => this.safeDispatchEvent('task-reported', { detail: { taskId, duplicate } })
    })
    this.#runner = new TaskRunner({
      swarm,
      finder: init.finder,
      isOnLan: async (peer) => isOnLan(node, peer),
      store,
      journal: this.journal,
      client: this.client,
      feedback: this.#feedback,
      announcer: this.#announcer,
      log,
      onHints: (taskId, fileId, peers) => this.safeDispatchEvent('hints', { detail: { taskId, fileId, peers } }),
      onProgress: (taskId, fileId, bytes, totalBytes, chunks, totalChunks) => {
        this.safeDispatchEvent('task-progress', { detail: { taskId, fileId, bytes, totalBytes, chunks, totalChunks } })
      },
      onDone: (entry) => this.safeDispatchEvent('task-done', { detail: entry })
    })
    const subnet = init.subnet == null ? undefined : normalizeCidr(init.subnet)
    this.#link = new TrackerLink({
      client: this.client,
      log,
      onError,
      registration: () => ({
        addrs: node.getMultiaddrs().map((a) => a.toString()),
        lanAddrs: init.lanAddrs ?? [],
        subnet: subnet ?? localSubnet(firstIp(node)),
        network: init.network ?? '',
        capacityBytes: BigInt(init.capacityBytes ?? 0),
        ingest: init.ingest ?? false,
        httpUrl: init.httpUrl ?? ''
      }),
      heartbeat: () => {
        const { bytesSent, bytesReceived } = swarm.stats()
        return { load: this.#runner.load, tasks: this.#runner.progress(), bytesSent: BigInt(bytesSent), bytesReceived: BigInt(bytesReceived) }
      },
      onRegistered: () => {
        this.#announcer.announceAll()
        this.safeDispatchEvent('registered', { detail: { tracker: init.tracker.toString() } })
      }
    })
  }

  /** Bounds the journal; a failure is logged, never fatal (the entries are only history). */
  async #prune (): Promise<void> {
    try {
      const gone = await this.journal.prune()
      if (gone.length > 0) this.#init.log('pruned %d finished tasks from the journal', gone.length)
    } catch (err: any) {
      this.#init.log.error('pruning the task journal failed: %s', err.message)
    }
  }

  get trackerPeerId (): string { return this.client.peerId.toString() }

  /** A file's holding changed outside a task (e.g. a --fetch download): tell the tracker. */
  holdingChanged (fileKey: string): void {
    this.#announcer.changed(fileKey)
  }

  async start (): Promise<void> {
    await this.journal.open()
    await this.#prune()
    this.#pruneTimer = setInterval(() => { void this.#prune() }, JOURNAL_PRUNE_INTERVAL_MS)
    this.#pruneTimer.unref()
    await handleTaskProtocol({
      node: this.#init.node,
      tracker: this.client.peerId,
      journal: this.journal,
      runner: this.#runner,
      feedback: this.#feedback,
      log: this.#init.log,
      streams: this.#init.rpcStreams,
      onReceived: (e) => this.safeDispatchEvent('task-received', { detail: { taskId: e.id, fileId: e.fileKey, kind: e.kind, attempt: e.attempt } })
    })
    for (const entry of this.journal.unfinished()) this.#runner.enqueue(entry)
    for (const entry of this.journal.unreported()) this.#feedback.report(entry)
    this.#link.start()
  }

  async stop (): Promise<void> {
    clearInterval(this.#pruneTimer)
    this.#announcer.stop()
    await this.#link.stop()
    await this.#runner.stop()
    await this.#feedback.stop()
    await this.#init.node.unhandle(TASK_PROTOCOL)
  }
}

function firstIp (node: ShoalNode): string | undefined {
  for (const ma of node.getMultiaddrs()) {
    const ip = ma.getComponents().find((c) => c.name === 'ip4')?.value
    if (ip != null) return ip
  }
  return undefined
}
