import type { Catalog } from './catalog.js'
import type { AssignmentRow, TrackerDb } from './db.js'
import type { HintAsker, HintCandidate } from './hints.js'
import type { Registry } from './registry.js'
import { isTerminal } from './tasks.js'

/**
 * Verified chunks a network's cross-fetcher must hold before the rest of its
 * network is told to fetch: one chunk means the in-network swarm has something
 * to start from; they then keep pace with what crosses the link.
 */
export const CROSS_HEAD_START_CHUNKS = 1

/** Servers per network that fetch across networks (the rest fetch inside). */
export const DEFAULT_CROSS_FETCHERS = 1

/**
 * Safety valve: if a network's cross-fetchers hold nothing after this long
 * (slow link, stuck peer), the rest of the network is pushed anyway.
 */
export const CROSS_HEAD_START_TIMEOUT_MS = 120_000

/** The plan's view of open assignments is rebuilt at most this often (each dispatcher tick asks per assignment). */
const OPEN_CACHE_MS = 250

export interface NetworkPlanInit {
  db: TrackerDb
  registry: Registry
  catalog: Catalog
  /** The tracker's own network label ("" = unlabelled: it counts as near every network). */
  trackerNetwork: string
  /** True while the tracker still serves the file. */
  seeding(fileKey: string): boolean
  crossFetchers: number
  headStartTimeoutMs: number
  now(): number
}

/** How a server's hints are cut down: only these candidates, and say `restricted` so it ignores others. */
export interface HintScope {
  allow(c: HintCandidate): boolean
  includeTracker: boolean
}

/**
 * Network-aware distribution (the patent's locality across ISPs): for a file
 * wanted in a network (servers' `--network` label) that holds no complete
 * copy, one (or a few) of its servers fetch across networks first; the rest
 * of that network is pushed the task once those hold something and is hinted
 * only holders inside the network (or its own subnet), so about one copy
 * crosses each slow link. A network that holds a complete copy fetches only
 * inside. Unlabelled servers are left alone. The choice is kept in memory and
 * recomputed from holdings after a tracker restart.
 */
export class NetworkPlan {
  readonly #init: NetworkPlanInit
  readonly #chosen = new Map<string, string[]>()
  #open?: { at: number, byFile: Map<string, Array<{ peerId: string, createdAt: number }>> }

  constructor (init: NetworkPlanInit) {
    this.#init = init
  }

  /** True when the network has a live complete copy (or the seeding tracker sits in it). */
  complete (fileKey: string, network: string): boolean {
    const { registry, catalog, trackerNetwork } = this.#init
    if (this.#init.seeding(fileKey) && (trackerNetwork === '' || trackerNetwork === network)) return true
    return catalog.holders(fileKey).some((h) => h.bitfield.full && registry.isAlive(h.peerId) && registry.get(h.peerId)?.network === network)
  }

  /** The servers of `network` that fetch `fileKey` across networks; none when the network holds a copy. */
  crossFetchers (fileKey: string, network: string): string[] {
    if (network === '' || this.complete(fileKey, network)) return []
    const key = `${fileKey}\n${network}`
    const participants = this.#participants(fileKey, network)
    const kept = (this.#chosen.get(key) ?? []).filter((id) => participants.includes(id))
    const chunks = (id: string): number => this.#init.catalog.holdingOf(id, fileKey)?.bitfield.count ?? 0
    const load = (id: string): number => this.#init.registry.get(id)?.load ?? 0
    const more = participants.filter((id) => !kept.includes(id))
      .sort((a, b) => chunks(b) - chunks(a) || load(a) - load(b) || (a < b ? -1 : a > b ? 1 : 0))
    const chosen = [...kept, ...more].slice(0, this.#init.crossFetchers)
    this.#chosen.set(key, chosen)
    return chosen
  }

  /** The cross-fetchers last chosen for the file in the network (kept after it completes, for the task view). */
  chosen (fileKey: string, network: string): string[] {
    return this.#chosen.get(`${fileKey}\n${network}`) ?? []
  }

  /** Whether the dispatcher may push this assignment now (or should let the cross-fetchers start first). */
  mayPush (a: AssignmentRow, fileKey: string, taskCreatedAt: number): boolean {
    const network = this.#init.registry.get(a.peerId)?.network ?? ''
    const cross = this.crossFetchers(fileKey, network)
    if (cross.length === 0 || cross.includes(a.peerId)) return true
    const started = cross.some((id) => (this.#init.catalog.holdingOf(id, fileKey)?.bitfield.count ?? 0) >= CROSS_HEAD_START_CHUNKS)
    return started || this.#init.now() - taskCreatedAt > this.#init.headStartTimeoutMs
  }

  /**
   * How to cut a server's hints, or undefined for no cut. Inside: holders in
   * the asker's network or its subnet (the subnet is nearer still).
   */
  scopeFor (fileKey: string, asker: HintAsker): HintScope | undefined {
    const network = asker.network
    if (network === '' || asker.peerId == null) return undefined
    const inside = (c: HintCandidate): boolean => c.network === network || (asker.subnet !== '' && c.subnet === asker.subnet)
    const trackerInside = this.#init.trackerNetwork === '' || this.#init.trackerNetwork === network
    if (this.complete(fileKey, network)) return { allow: inside, includeTracker: trackerInside }
    const cross = this.crossFetchers(fileKey, network)
    if (cross.length === 0 || cross.includes(asker.peerId)) return undefined
    return { allow: inside, includeTracker: false }
  }

  /**
   * Live servers of `network` with an open assignment for the file: the ones
   * that will fetch it. A server that merely holds part of it is not fetching
   * and would never bring the rest across.
   */
  #participants (fileKey: string, network: string): string[] {
    const { registry } = this.#init
    const ids = new Set((this.#openByFile().get(fileKey) ?? []).map((a) => a.peerId))
    return [...ids].filter((id) => registry.isAlive(id) && registry.get(id)?.network === network)
  }

  #openByFile (): Map<string, Array<{ peerId: string, createdAt: number }>> {
    const now = this.#init.now()
    if (this.#open != null && now - this.#open.at < OPEN_CACHE_MS) return this.#open.byFile
    const byFile = new Map<string, Array<{ peerId: string, createdAt: number }>>()
    const tasks = new Map<string, { fileKey: string, createdAt: number } | undefined>()
    for (const a of this.#init.db.listOpenAssignments()) {
      if (isTerminal(a.state)) continue
      if (!tasks.has(a.taskId)) tasks.set(a.taskId, this.#init.db.getTask(a.taskId))
      const t = tasks.get(a.taskId)
      if (t == null) continue
      const list = byFile.get(t.fileKey) ?? []
      list.push({ peerId: a.peerId, createdAt: t.createdAt })
      byFile.set(t.fileKey, list)
    }
    this.#open = { at: now, byFile }
    return byFile
  }
}
