import { chunkCount } from '../manifest/index.js'
import type { Catalog } from './catalog.js'
import type { AssignmentRow } from './db.js'
import { MAX_EVENTS_IN_STATUS } from './constants.js'
import type { Registry } from './registry.js'
import type { TaskManager } from './task-manager.js'
import { crossNetworkView, type NetworkViewSources } from './network-view.js'
import { efficiencyOf } from './efficiency.js'
import { RATE_SAMPLE_MS, RATE_WINDOW_MS } from './task-rates.js'

/**
 * The JSON shapes of the HTTP status API (documented in README, "Tracker and task servers").
 * Plain functions of the tracker's state, so the API stays a thin router.
 */
export interface ViewSources {
  registry: Registry
  catalog: Catalog
  tasks: TaskManager
  trackerPeerId: string
  seeding(fileKey: string): boolean
  now(): number
  /** Network labels (and the plan), for cross-network bytes per task. */
  network?: NetworkViewSources
}

export function serversView (src: ViewSources): object[] {
  return src.registry.list().map((s) => ({
    peerId: s.peerId,
    alive: src.registry.isAlive(s.peerId),
    addrs: s.addrs,
    lanAddrs: s.lanAddrs,
    subnet: s.subnet,
    network: s.network,
    capacityBytes: s.capacityBytes,
    load: s.load,
    rttMs: s.rttMs ?? null,
    // From the chunk byte counters in its heartbeats (server-rates.ts), or from the growth of its
    // tasks' progress (task-rates.ts; this also counts bytes a task took over HTTP): the larger. 0 when idle or stale.
    inBytesPerSec: Math.round(Math.max(src.registry.rate(s.peerId).receivedBps, src.tasks.rates.serverRate(s.peerId))),
    outBytesPerSec: Math.round(src.registry.rate(s.peerId).sentBps),
    ingest: s.ingest === true,
    httpUrl: s.httpUrl ?? '',
    registeredAt: iso(s.registeredAt),
    lastSeenMsAgo: src.now() - s.lastSeen,
    holdings: Object.fromEntries(src.catalog.list().flatMap((f) => {
      const h = src.catalog.holdingOf(s.peerId, f.info.key)
      return h == null ? [] : [[f.info.key, { chunks: h.bitfield.count, complete: h.bitfield.full }]]
    }))
  }))
}

export function filesView (src: ViewSources): object[] {
  const alive = (id: string): boolean => src.registry.isAlive(id)
  return src.catalog.list().map((f) => {
    const m = f.info.manifest
    return {
      fileId: f.info.key,
      name: m.name,
      size: m.size,
      chunkSize: m.chunkSize,
      chunks: chunkCount(m),
      sha256: Buffer.from(m.sha256).toString('hex'),
      addedAt: iso(f.addedAt),
      holders: src.catalog.holders(f.info.key).length,
      completeCopies: src.catalog.completeCopies(f.info.key, alive),
      trackerSeeding: src.seeding(f.info.key),
      trackerBytesSent: f.bytesSent,
      trackerCopiesSent: m.size === 0 ? 0 : f.bytesSent / m.size
    }
  })
}

/**
 * A task's progress by bytes over all its servers, so a half-fetched task does
 * not read 0 until a server finishes. Before any server reports a size, done
 * only when every server is.
 */
function byteProgress (assignments: AssignmentRow[]): { bytes: number, totalBytes: number, fraction: number } {
  const bytes = assignments.reduce((sum, a) => sum + a.progressBytes, 0)
  const totalBytes = assignments.reduce((sum, a) => sum + a.totalBytes, 0)
  const fraction = totalBytes === 0 ? (assignments.every((a) => a.state === 'done') ? 1 : 0) : bytes / totalBytes
  return { bytes, totalBytes, fraction }
}

export function tasksView (src: ViewSources, limit: number): object[] {
  return src.tasks.list(limit).map((t) => {
    const assignments = src.tasks.assignments(t.id)
    const states = assignments.map((a) => a.state)
    return {
      taskId: t.id,
      kind: t.kind,
      fileId: t.fileKey,
      state: t.state,
      createdAt: iso(t.createdAt),
      updatedAt: iso(t.updatedAt),
      servers: states.length,
      serversDone: states.filter((s) => s === 'done').length,
      serversFailed: states.filter((s) => s === 'failed').length,
      ...byteProgress(assignments)
    }
  })
}

/** One task in full: state, progress, per-server results, bytes by source, history. */
export function taskView (src: ViewSources, taskId: string): object | undefined {
  const t = src.tasks.get(taskId)
  if (t == null) return undefined
  const assignments = src.tasks.assignments(taskId)
  const results = new Map(src.tasks.results(taskId).map((r) => [r.peerId, r]))
  const bytesBySource: Record<string, number> = {}
  for (const r of results.values()) {
    for (const [peer, bytes] of Object.entries(r.bytesFrom)) bytesBySource[peer] = (bytesBySource[peer] ?? 0) + bytes
  }
  return {
    taskId: t.id,
    kind: t.kind,
    fileId: t.fileKey,
    state: t.state,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    progress: {
      servers: assignments.length,
      done: assignments.filter((a) => a.state === 'done').length,
      failed: assignments.filter((a) => a.state === 'failed').length,
      ...byteProgress(assignments)
    },
    servers: assignments.map((a) => {
      const r = results.get(a.peerId)
      return {
        peerId: a.peerId,
        state: a.state,
        attempts: a.attempts,
        lastError: a.lastError ?? null,
        progressBytes: a.progressBytes,
        totalBytes: a.totalBytes,
        result: r == null
          ? null
          : {
              ok: r.ok,
              reason: r.reason,
              attempt: r.attempt,
              durationMs: r.durationMs,
              resumedChunks: r.resumedChunks,
              fetchedChunks: r.fetchedChunks,
              sha256: r.sha256,
              bytesFrom: r.bytesFrom,
              recordedAt: iso(r.recordedAt)
            }
      }
    }),
    bytesBySource,
    trackerPeerId: src.trackerPeerId,
    trackerBytes: bytesBySource[src.trackerPeerId] ?? 0,
    rate: rateView(src, t.id, t.createdAt),
    ...(src.network != null ? crossNetworkView(src.network, t.fileKey, src.catalog.get(t.fileKey)?.info.manifest.size ?? 0, assignments.map((a) => a.peerId), [...results.values()]) : {}),
    // T_min / T_actual from measured rates (efficiency.ts) for a replicate task. Finished: creation to
    // the last result (final). Running: the servers finished so far against the time elapsed so far,
    // so a person sees early whether it is on course (null until one server has finished).
    efficiency: t.kind === 'replicate' && t.state !== 'failed'
      ? withFinal(efficiencyOf({
        fileSize: src.catalog.get(t.fileKey)?.info.manifest.size ?? 0,
        actualMs: t.state === 'done' ? t.updatedAt - t.createdAt : src.now() - t.createdAt,
        servers: [...results.values()].filter((r) => r.ok).map((r) => ({ peerId: r.peerId, durationMs: r.durationMs, bytesFrom: r.bytesFrom }))
      }), t.state === 'done')
      : null,
    events: src.tasks.events(taskId, MAX_EVENTS_IN_STATUS).map((e) => ({ at: iso(e.at), type: e.type, peerId: e.peerId ?? null, ...(e.detail != null ? { detail: e.detail } : {}) }))
  }
}

/**
 * The task's receive rate over time (task-rates.ts): one point per second at
 * most, `ms` since the task was created, `bytesPerSec` averaged over `windowMs`.
 * In the tracker's memory only: empty after a tracker restart or long after the task ended.
 */
function rateView (src: ViewSources, taskId: string, createdAt: number): object {
  const points = src.tasks.rates.history(taskId)
  return {
    sampleMs: RATE_SAMPLE_MS,
    windowMs: RATE_WINDOW_MS,
    points: points.map((p) => ({ ms: p.at - createdAt, bytes: p.bytes, bytesPerSec: Math.round(p.bytesPerSec) }))
  }
}

/** The efficiency with `final` (false while the task runs), or null. */
function withFinal<T extends object> (e: T | undefined, final: boolean): (T & { final: boolean }) | null {
  return e == null ? null : { ...e, final }
}

function iso (ms: number): string {
  return new Date(ms).toISOString()
}

/**
 * Which server holds which chunk of a task's file, as the tracker last heard
 * (holdings announcements): one string per server, '1' held, '0' not, for
 * the dashboard's chunk map. The tracker's own copy is listed first.
 */
export function taskChunksView (src: ViewSources, taskId: string): object | undefined {
  const t = src.tasks.get(taskId)
  if (t == null) return undefined
  const file = src.catalog.get(t.fileKey)
  const chunks = file == null ? 0 : chunkCount(file.info.manifest)
  const row = (peerId: string): string => {
    const h = src.catalog.holdingOf(peerId, t.fileKey)
    let out = ''
    for (let i = 0; i < chunks; i++) out += h?.bitfield.has(i) === true ? '1' : '0'
    return out
  }
  return {
    taskId: t.id,
    fileId: t.fileKey,
    state: t.state,
    chunks,
    tracker: { peerId: src.trackerPeerId, seeding: src.seeding(t.fileKey) },
    servers: src.tasks.assignments(taskId).map((a) => ({ peerId: a.peerId, state: a.state, progressBytes: a.progressBytes, totalBytes: a.totalBytes, have: a.state === 'done' ? '1'.repeat(chunks) : row(a.peerId) }))
  }
}
