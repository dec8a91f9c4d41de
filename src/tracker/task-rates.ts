import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS } from './constants.js'

/** Points kept per task's rate history (a ring): at one a second, the last 5 minutes. */
export const RATE_HISTORY_POINTS = 300

/** Samples falling in the same slot of this length update one point, so a swarm's many heartbeats make one point a second. */
export const RATE_SAMPLE_MS = 1_000

/**
 * A point's rate is averaged over this window. Servers heartbeat at different
 * moments, so between two close samples only some have reported: a window of
 * two heartbeat intervals sees each server at least once and the chart is not a saw-tooth.
 */
export const RATE_WINDOW_MS = HEARTBEAT_INTERVAL_MS * 2

/** A task's history is dropped this long after its last sample (it finished, or the tracker lost track of it). */
export const RATE_HISTORY_RETAIN_MS = 10 * 60_000

/** Task histories kept at most; the least recently sampled goes first. */
export const MAX_RATE_HISTORIES = 256

/** A server's rate is reported as 0 once its last heartbeat is this old (it is not alive either). */
export const SERVER_RATE_STALE_MS = HEARTBEAT_TIMEOUT_MS

/** One point of a task's history: its received bytes at `at`, and the rate over the window before it. */
export interface RatePoint {
  at: number
  bytes: number
  bytesPerSec: number
}

interface ServerSample {
  at: number
  /** Progress bytes per task in the server's last heartbeat. */
  bytes: Map<string, number>
  bytesPerSec: number
}

/**
 * Receive rates derived from heartbeats, kept in memory only (they are a view,
 * not state): per server, the growth of its tasks' progress bytes between two
 * heartbeats; per task, a bounded history of the bytes all its servers hold,
 * sampled at each heartbeat that lists it, for the dashboard's rate chart.
 * Heartbeats do not carry byte counters, so bytes a server receives outside
 * tasks (a `--fetch`, seeding others) are not counted, and neither is a
 * task's last stretch between a server's last heartbeat and its result.
 */
export class TaskRates {
  readonly #now: () => number
  /** Insertion order is sampling order (a sampled task moves to the end), so the first is the stalest. */
  readonly #tasks = new Map<string, RatePoint[]>()
  readonly #servers = new Map<string, ServerSample>()

  constructor (now: () => number) {
    this.#now = now
  }

  /**
   * One server's heartbeat: its receive rate is the growth of the tasks it
   * listed last time too (a task new to it starts from its resumed bytes,
   * which it did not just receive), over the time between the heartbeats.
   */
  onServerProgress (peerId: string, progress: ReadonlyArray<{ taskId: string, bytes: number }>): void {
    const now = this.#now()
    const bytes = new Map(progress.map((p) => [p.taskId, p.bytes]))
    const prev = this.#servers.get(peerId)
    let bytesPerSec = 0
    if (prev != null && now > prev.at) {
      let grown = 0
      for (const [taskId, b] of bytes) grown += Math.max(0, b - (prev.bytes.get(taskId) ?? b))
      bytesPerSec = grown * 1000 / (now - prev.at)
    } else if (prev != null) {
      bytesPerSec = prev.bytesPerSec
    }
    this.#servers.set(peerId, { at: now, bytes, bytesPerSec })
  }

  /** A server's receive rate in bytes/s as of its last heartbeat (0 when unknown or stale). */
  serverRate (peerId: string): number {
    const s = this.#servers.get(peerId)
    return s == null || this.#now() - s.at > SERVER_RATE_STALE_MS ? 0 : s.bytesPerSec
  }

  /** The bytes a task's servers hold together, as of now (every heartbeat listing it, and each result). */
  onTaskBytes (taskId: string, bytes: number): void {
    const now = this.#now()
    this.#prune(now)
    let points = this.#tasks.get(taskId)
    if (points == null) {
      points = []
    } else {
      this.#tasks.delete(taskId)
    }
    this.#tasks.set(taskId, points)
    const last = points.at(-1)
    const sameSlot = last != null && Math.floor(last.at / RATE_SAMPLE_MS) === Math.floor(now / RATE_SAMPLE_MS)
    if (sameSlot) points.pop()
    points.push({ at: now, bytes, bytesPerSec: rateOver(points, now, bytes) })
    if (points.length > RATE_HISTORY_POINTS) points.splice(0, points.length - RATE_HISTORY_POINTS)
    while (this.#tasks.size > MAX_RATE_HISTORIES) this.#tasks.delete(this.#tasks.keys().next().value as string)
  }

  /** A task's history, oldest first (empty when it has none). */
  history (taskId: string): RatePoint[] {
    this.#prune(this.#now())
    return [...(this.#tasks.get(taskId) ?? [])]
  }

  #prune (now: number): void {
    for (const [taskId, points] of this.#tasks) {
      if (now - (points.at(-1)?.at ?? 0) <= RATE_HISTORY_RETAIN_MS) break
      this.#tasks.delete(taskId)
    }
  }
}

/**
 * Bytes/s from the oldest point inside the window before `now` to (now, bytes);
 * when none is inside (a pause in heartbeats), from the newest before it.
 * 0 for a first point; never negative (a server that restarted reports less).
 */
function rateOver (points: readonly RatePoint[], now: number, bytes: number): number {
  const base = points.find((p) => p.at >= now - RATE_WINDOW_MS && p.at < now) ?? points.findLast((p) => p.at < now)
  if (base == null) return 0
  return Math.max(0, (bytes - base.bytes) * 1000 / (now - base.at))
}
