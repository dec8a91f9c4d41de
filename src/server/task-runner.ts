import type { Logger, PeerId } from '@libp2p/interface'
import type { HolderFinder, HolderSource } from '../lan/index.js'
import { TaskFailedError } from '../errors.js'
import { fileInfoFromBytes, type FileInfo } from '../manifest/index.js'
import type { TaskProgress } from '../pb/tracker.js'
import type { ChunkStore } from '../store/types.js'
import { verifyWholeFile } from '../store/util.js'
import type { FetchResult, Swarm } from '../swarm/index.js'
import { backoff, sleep } from '../util/sleep.js'
import { FETCH_RETRY_MAX_MS, FETCH_RETRY_MS, HINT_REFRESH_MS, HINTS_PER_REQUEST, MAX_CONCURRENT_TASKS, MAX_FETCH_ATTEMPTS, TASK_STALL_MS } from './constants.js'
import type { Feedback } from './feedback.js'
import type { HoldingsAnnouncer } from './holdings-announcer.js'
import type { JournalEntry, TaskJournal, TaskOutcome } from './task-journal.js'
import type { TrackerClient } from './tracker-client.js'
import { PeerScope } from './peer-scope.js'

/** How often a running fetch is checked for a stall. */
const STALL_CHECK_MS = 1_000

export interface HintSummary {
  peerId: string
  tracker: boolean
  subnet: string
  network: string
  chunks: number
  /** Where the hint came from: the tracker (default), or LAN/DHT when the tracker was unreachable. */
  source?: HolderSource
}

export interface TaskRunnerInit {
  swarm: Swarm
  /** Holders over the LAN and the DHT, asked when the tracker cannot be reached. */
  finder?: HolderFinder
  /** Whether a peer is on our LAN (fetching from it keeps traffic inside the network). */
  isOnLan?(peer: PeerId): Promise<boolean>
  store: ChunkStore
  journal: TaskJournal
  client: TrackerClient
  feedback: Feedback
  announcer: HoldingsAnnouncer
  log: Logger
  onHints(taskId: string, fileKey: string, peers: HintSummary[]): void
  onProgress(taskId: string, fileKey: string, bytes: number, totalBytes: number, chunks: number, totalChunks: number): void
  onDone(entry: JournalEntry): void
}

interface Running { entry: JournalEntry, bytes: number, totalBytes: number }

/**
 * Task processing: runs journalled tasks (a few at a time), each a swarm
 * fetch from the peers the tracker hints, with hints refreshed while it runs.
 * A fetch that fails or stalls is retried with fresh hints; the store keeps
 * every verified chunk, so no retry (or restart) fetches a chunk twice. The
 * outcome is journalled before it is reported.
 */
export class TaskRunner {
  readonly #init: TaskRunnerInit
  readonly #queue: JournalEntry[] = []
  readonly #running = new Map<string, Running>()
  readonly #controller = new AbortController()
  readonly #active = new Set<Promise<void>>()

  constructor (init: TaskRunnerInit) {
    this.#init = init
  }

  /** Tasks running now: the heartbeat's load. */
  get load (): number { return this.#running.size }

  /** Queues a journalled task unless it is queued or running already. */
  enqueue (entry: JournalEntry): void {
    if (this.#running.has(entry.id) || this.#queue.some((e) => e.id === entry.id)) return
    this.#queue.push(entry)
    this.#pump()
  }

  /** Journalled tasks not yet acknowledged by the tracker, with progress, for the heartbeat. */
  progress (): TaskProgress[] {
    return this.#init.journal.entries().filter((e) => !e.reported).map((e) => {
      const r = this.#running.get(e.id)
      const total = r?.totalBytes ?? 0
      return { taskId: e.id, bytes: BigInt(e.state === 'done' ? total : r?.bytes ?? 0), totalBytes: BigInt(total) }
    })
  }

  async stop (): Promise<void> {
    this.#controller.abort()
    this.#queue.length = 0
    await Promise.allSettled(this.#active)
  }

  #pump (): void {
    while (this.#running.size < MAX_CONCURRENT_TASKS && this.#queue.length > 0 && !this.#controller.signal.aborted) {
      const entry = this.#queue.shift()!
      this.#running.set(entry.id, { entry, bytes: 0, totalBytes: 0 })
      const run = this.#run(entry)
        .catch((err) => { this.#init.log.error('task %s: %s', entry.id, err.stack ?? err.message) })
        .finally(() => { this.#running.delete(entry.id); this.#active.delete(run); this.#pump() })
      this.#active.add(run)
    }
  }

  async #run (entry: JournalEntry): Promise<void> {
    const signal = this.#controller.signal
    const info = fileInfoFromBytes(Buffer.from(entry.manifest, 'base64'), entry.fileKey)
    const started = Date.now()
    const stored = await this.#init.store.open(info, { signal })
    const resumedChunks = stored.bitfield.count
    const running = this.#running.get(entry.id)!
    running.totalBytes = info.manifest.size
    running.bytes = stored.verifiedBytes
    let result: FetchResult | undefined
    let lastError: Error | undefined
    let attempts = 0
    while (attempts < MAX_FETCH_ATTEMPTS && result == null) {
      attempts++
      try {
        result = await this.#fetchOnce(entry, info, running, signal)
      } catch (err: any) {
        if (signal.aborted) return // stopping: the entry stays accepted and resumes at the next start
        lastError = err
        this.#init.log('task %s fetch attempt %d failed: %s', entry.id, attempts, err.message)
        if (attempts < MAX_FETCH_ATTEMPTS) await sleep(backoff(attempts, FETCH_RETRY_MS, FETCH_RETRY_MAX_MS), signal).catch(() => {})
      }
    }
    if (signal.aborted) return
    const finalStored = await this.#init.store.get(info.key)
    let sha256: Uint8Array | undefined
    if (result != null) {
      // Every chunk matched the manifest; the report's SHA-256 is the file read back, not the manifest's word.
      try {
        sha256 = await verifyWholeFile(finalStored ?? stored, { signal })
      } catch (err: any) {
        if (signal.aborted) return
        lastError = err
      }
    }
    const outcome: TaskOutcome = {
      ok: sha256 != null,
      reason: sha256 != null ? '' : `${lastError?.name ?? 'Error'}: ${lastError?.message ?? 'unknown'}`,
      durationMs: Date.now() - started,
      resumedChunks,
      fetchedChunks: (finalStored?.bitfield.count ?? resumedChunks) - resumedChunks,
      requestedChunks: result?.requestedChunks ?? 0,
      sha256: sha256 != null ? Buffer.from(sha256).toString('hex') : '',
      bytesFrom: result?.bytesFrom ?? {},
      fetchAttempts: attempts
    }
    const done: JournalEntry = { ...entry, ...this.#init.journal.get(entry.id), state: outcome.ok ? 'done' : 'failed', outcome, reported: false, updatedAt: Date.now() }
    await this.#init.journal.put(done)
    this.#init.announcer.changed(info.key)
    this.#init.onDone(done)
    this.#init.feedback.report(done)
  }

  /**
   * One swarm fetch with the tracker's hints, refreshed while it runs; aborted
   * when it stalls. When the tracker cannot be reached, holders come from the
   * LAN and the DHT instead (the finder), so a tracker outage does not stop
   * running distribution.
   */
  async #fetchOnce (entry: JournalEntry, info: FileInfo, running: Running, outer: AbortSignal): Promise<FetchResult> {
    const { swarm, client, finder, log } = this.#init
    const stall = new AbortController()
    const signal = AbortSignal.any([outer, stall.signal])
    const scope = new PeerScope(this.#init.isOnLan)
    // Peers we banned for bad chunks go with every hint request: the tracker drops them for us and serves us itself (rescue.ts).
    const hints = await client.getPeers(info.id, { max: HINTS_PER_REQUEST, banned: swarm.banned(info.key) }, { signal }).catch((err) => {
      log('hints for %s failed: %s', info.key, err.message)
      return undefined
    })
    let peers: string[] = []
    if (hints != null) {
      scope.fromHints(hints.peers, hints.restricted === true)
      peers = hints.peers.flatMap((p) => p.addrs)
      this.#init.onHints(entry.id, info.key, hints.peers.map((p) => ({ peerId: p.peerId, tracker: p.tracker, subnet: p.subnet, network: p.network, chunks: p.chunks })))
    } else if (finder?.enabled === true) {
      const found = await finder.find(info.id, { signal, sources: ['lan', 'dht'] })
      peers = found.flatMap((h) => h.addrs.map(String))
      this.#init.onHints(entry.id, info.key, found.map((h) => ({ peerId: h.peer.toString(), tracker: false, subnet: '', network: '', chunks: h.chunks ?? 0, source: h.source })))
    }
    let lastProgress = Date.now()
    const watchdog = setInterval(() => {
      if (Date.now() - lastProgress > TASK_STALL_MS) stall.abort(new TaskFailedError(`no chunk arrived for ${TASK_STALL_MS / 1000} s`))
    }, STALL_CHECK_MS)
    let refreshing = false
    const refresher = setInterval(() => {
      if (refreshing) return
      refreshing = true
      client.getPeers(info.id, { max: HINTS_PER_REQUEST, banned: swarm.banned(info.key) }, { signal })
        .then(async (fresh) => {
          scope.fromHints(fresh.peers, fresh.restricted === true)
          await swarm.addPeers(info.key, fresh.peers.flatMap((p) => p.addrs))
        }, async (err) => {
          log('hint refresh for %s failed: %s', info.key, err.message)
          if (finder?.enabled !== true) return
          scope.open()
          const found = await finder.find(info.id, { signal, sources: ['lan', 'dht'] })
          await swarm.addPeers(info.key, found.flatMap((h) => h.addrs))
        })
        .catch((err) => { log('finding holders of %s failed: %s', info.key, err.message) })
        .finally(() => { refreshing = false })
    }, HINT_REFRESH_MS)
    try {
      return await swarm.fetch(info, {
        peers,
        signal,
        admit: scope.admit,
        onProgress: (p) => {
          if (p.bytes > running.bytes) lastProgress = Date.now()
          running.bytes = p.bytes
          this.#init.announcer.changed(info.key)
          this.#init.onProgress(entry.id, info.key, p.bytes, p.totalBytes, p.chunks, p.totalChunks)
        }
      })
    } finally {
      clearInterval(watchdog)
      clearInterval(refresher)
    }
  }
}
