import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { EventRow } from '../tracker/db.js'
import type { Registry as ServerRegistry } from '../tracker/registry.js'
import type { TaskManager } from '../tracker/task-manager.js'
import { DURATION_BUCKETS_S, SERVER_FETCH_DURATION, SERVERS_ALIVE, TASK_BYTES_BY_SOURCE, TASK_DURATION, TASKS } from './names.js'

/** Tasks looked at for the by-state gauge (the newest ones). */
export const TASKS_COUNTED = 10_000

export interface TrackerMetricsInit {
  registry: Registry
  tasks: TaskManager
  servers: ServerRegistry
  trackerPeerId: string
}

/**
 * The tracker's own metrics: tasks by state, task and per-server fetch
 * durations, the bytes servers report having fetched (from the tracker or
 * from peers), live servers. Fed by the task manager's events (`onEvent`).
 */
export class TrackerMetrics {
  readonly #init: TrackerMetricsInit
  readonly #taskDuration: Histogram<'kind' | 'outcome'>
  readonly #fetchDuration: Histogram<'outcome'>
  readonly #taskBytes: Counter<'source'>

  constructor (init: TrackerMetricsInit) {
    this.#init = init
    const { registry, tasks, servers } = init
    new Gauge({ // eslint-disable-line no-new
      name: TASKS,
      help: 'Tasks by state (newest tasks)',
      labelNames: ['state'],
      registers: [registry],
      collect () {
        const counts: Record<string, number> = { pending: 0, assigned: 0, running: 0, retried: 0, done: 0, failed: 0 }
        for (const t of tasks.list(TASKS_COUNTED)) counts[t.state] = (counts[t.state] ?? 0) + 1
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n)
      }
    })
    new Gauge({ // eslint-disable-line no-new
      name: SERVERS_ALIVE,
      help: 'Registered servers, by liveness',
      labelNames: ['alive'],
      registers: [registry],
      collect () {
        const list = servers.list()
        const alive = list.filter((s) => servers.isAlive(s.peerId)).length
        this.set({ alive: 'true' }, alive)
        this.set({ alive: 'false' }, list.length - alive)
      }
    })
    this.#taskDuration = new Histogram({ name: TASK_DURATION, help: 'Task duration from creation to done/failed', labelNames: ['kind', 'outcome'], buckets: DURATION_BUCKETS_S, registers: [registry] })
    this.#fetchDuration = new Histogram({ name: SERVER_FETCH_DURATION, help: 'One server\'s fetch for a task, as it reported', labelNames: ['outcome'], buckets: DURATION_BUCKETS_S, registers: [registry] })
    this.#taskBytes = new Counter({ name: TASK_BYTES_BY_SOURCE, help: 'Bytes servers fetched for tasks, by source (tracker or peer), from their results', labelNames: ['source'], registers: [registry] })
    this.#taskBytes.inc({ source: 'tracker' }, 0)
    this.#taskBytes.inc({ source: 'peer' }, 0)
  }

  /** A task event was recorded. */
  onEvent (e: EventRow): void {
    const tasks = this.#init.tasks
    if (e.type === 'task-done' || e.type === 'task-failed') {
      const t = tasks.get(e.taskId)
      if (t != null) this.#taskDuration.observe({ kind: t.kind, outcome: e.type.slice('task-'.length) }, Math.max(0, e.at - t.createdAt) / 1000)
      return
    }
    if ((e.type === 'done' || e.type === 'failed') && e.peerId != null) {
      const r = tasks.results(e.taskId).filter((x) => x.peerId === e.peerId).at(-1)
      if (r == null) return
      if (r.durationMs > 0) this.#fetchDuration.observe({ outcome: e.type }, r.durationMs / 1000)
      for (const [peer, bytes] of Object.entries(r.bytesFrom)) this.#taskBytes.inc({ source: peer === this.#init.trackerPeerId ? 'tracker' : 'peer' }, bytes)
    }
  }
}
