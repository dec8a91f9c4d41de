import { randomUUID } from 'node:crypto'
import { NotAllowedError, UnknownTaskError } from '../errors.js'
import type { AssignmentRow, EventRow, ResultRow, TaskRow, TrackerDb } from './db.js'
import { PUSH_RETRY_MAX_MS, PUSH_RETRY_MS, TASK_LOST_GRACE_MS, TASK_RETRY_MS } from './constants.js'
import { backoff } from '../util/sleep.js'
import { decideResult, isDue, taskStateOf, transition, type AssignmentState, type TaskKind } from './tasks.js'
import { TaskRates } from './task-rates.js'

export interface TaskManagerInit {
  db: TrackerDb
  now(): number
  maxAttempts: number
  /** Called after every recorded event (the CLI prints them). */
  onEvent?(e: EventRow): void
}

/** A server's result for one task, as reported over TASK_RESULT (a result row without who and when). */
export type TaskResultReport = Omit<ResultRow, 'peerId' | 'recordedAt'>

export interface TaskProgressReport {
  taskId: string
  bytes: number
  totalBytes: number
}

/**
 * Tasks and their assignments, persisted: every change is one database
 * transaction together with its event, so after a crash the history matches
 * the state. The rules themselves are the pure functions of tasks.ts.
 */
export class TaskManager {
  readonly #db: TrackerDb
  readonly #now: () => number
  readonly #maxAttempts: number
  readonly #onEvent?: (e: EventRow) => void
  /** Events of the running transaction, reported once it commits. */
  #uncommitted: EventRow[] = []
  /** Receive rates derived from the progress reports below (in memory; the dashboard's rate chart and server rates). */
  readonly rates: TaskRates

  constructor (init: TaskManagerInit) {
    this.#db = init.db
    this.#now = init.now
    this.#maxAttempts = init.maxAttempts
    this.#onEvent = init.onEvent
    this.rates = new TaskRates(init.now)
  }

  /** A new task for the given servers, all pending. */
  create (kind: TaskKind, fileKey: string, peerIds: readonly string[], totalBytes: number): TaskRow {
    const now = this.#now()
    const task: TaskRow = { id: randomUUID(), kind, fileKey, state: taskStateOf(peerIds.map(() => 'pending')), createdAt: now, updatedAt: now }
    this.#tx(() => {
      this.#db.insertTask(task)
      for (const peerId of new Set(peerIds)) {
        this.#db.putAssignment({ taskId: task.id, peerId, state: 'pending', attempts: 0, nextAttemptAt: now, pushFailures: 0, progressBytes: 0, totalBytes })
      }
      this.#event({ taskId: task.id, at: now, type: 'created', detail: { kind, fileId: fileKey, servers: [...new Set(peerIds)] } })
    })
    this.rates.onTaskBytes(task.id, 0)
    return task
  }

  get (taskId: string): TaskRow | undefined {
    return this.#db.getTask(taskId)
  }

  /** Newest first. */
  list (limit: number): TaskRow[] {
    return this.#db.listTasks(limit)
  }

  results (taskId: string): ResultRow[] {
    return this.#db.listResults(taskId)
  }

  /** The task's history, oldest first (the last `limit` events). */
  events (taskId: string, limit: number): EventRow[] {
    return this.#db.listEvents(taskId, limit)
  }

  assignments (taskId: string): AssignmentRow[] {
    return this.#db.listAssignments(taskId)
  }

  /** Assignments to push now (the caller checks the servers are alive). */
  due (): AssignmentRow[] {
    const now = this.#now()
    return this.#db.listOpenAssignments().filter((a) => isDue(a, now))
  }

  /** The server journalled push `attempt` (or had finished the task already). */
  onPushAcked (taskId: string, peerId: string, attempt: number, finished: boolean): void {
    this.#update(taskId, peerId, (a, now) => {
      if (a.state !== 'pending' && a.state !== 'retried') return undefined
      this.#event({ taskId, peerId, at: now, type: 'acked', detail: { attempt, finished } })
      return { ...a, state: transition(a.state, 'assigned'), attempts: Math.max(a.attempts, attempt), pushedAt: now, pushFailures: 0, lastError: undefined }
    })
  }

  /**
   * A push that did not get through. Unreachable servers are retried with
   * backoff without spending an attempt; a server that refused the task
   * (`refused`) spends one, like a failed result.
   */
  onPushFailed (taskId: string, peerId: string, error: string, refused: boolean): void {
    this.#update(taskId, peerId, (a, now) => {
      if (a.state !== 'pending' && a.state !== 'retried') return undefined
      this.#event({ taskId, peerId, at: now, type: 'push-failed', detail: { error, refused } })
      if (refused) {
        const attempts = a.attempts + 1
        const next = transition(a.state, attempts >= this.#maxAttempts ? 'failed' : 'retried')
        this.#event({ taskId, peerId, at: now, type: next, detail: { attempt: attempts, reason: error } })
        // A final refusal is the server's result too, so the task shows why it failed there.
        if (next === 'failed') this.#db.insertResult(resultRow(peerId, { taskId, ok: false, reason: error, attempt: attempts, durationMs: 0, resumedChunks: 0, fetchedChunks: 0, sha256: '', bytesFrom: {} }, now))
        return { ...a, state: next, attempts, lastError: error, nextAttemptAt: now + backoff(attempts, TASK_RETRY_MS, PUSH_RETRY_MAX_MS), finishedAt: next === 'failed' ? now : undefined }
      }
      const pushFailures = a.pushFailures + 1
      return { ...a, pushFailures, lastError: error, nextAttemptAt: now + backoff(pushFailures, PUSH_RETRY_MS, PUSH_RETRY_MAX_MS) }
    })
  }

  /**
   * A heartbeat's task list: listed tasks are running (with their progress);
   * tasks pushed to this server a while ago and not listed were lost by it and
   * go back to pending, to be pushed again.
   */
  onProgress (peerId: string, progress: readonly TaskProgressReport[]): void {
    const now = this.#now()
    const listed = new Map(progress.map((p) => [p.taskId, p]))
    this.rates.onServerProgress(peerId, progress)
    for (const a of this.#db.listOpenAssignments()) {
      if (a.peerId !== peerId) continue
      const p = listed.get(a.taskId)
      if (p != null) {
        this.#update(a.taskId, peerId, (cur) => {
          const moving = cur.state === 'pending' || cur.state === 'assigned'
          if (!moving && cur.progressBytes === p.bytes) return undefined
          if (moving) this.#event({ taskId: a.taskId, peerId, at: now, type: 'running' })
          return { ...cur, state: moving ? transition(cur.state, 'running') : cur.state, progressBytes: p.bytes, totalBytes: p.totalBytes || cur.totalBytes }
        })
        // Sampled even when nothing moved, so a stalled task charts as 0 rather than as a gap.
        this.#sampleBytes(a.taskId)
      } else if ((a.state === 'assigned' || a.state === 'running') && now - (a.pushedAt ?? 0) > TASK_LOST_GRACE_MS) {
        this.#update(a.taskId, peerId, (cur) => {
          this.#event({ taskId: a.taskId, peerId, at: now, type: 'lost' })
          return { ...cur, state: transition(cur.state, 'pending'), nextAttemptAt: now }
        })
      }
    }
  }

  /**
   * A server's result. Idempotent by (task, server): the first final result is
   * recorded; any later one is a duplicate and changes nothing.
   */
  onResult (peerId: string, r: TaskResultReport): { duplicate: boolean } {
    if (this.#db.getTask(r.taskId) == null) throw new UnknownTaskError(`no task ${r.taskId}`)
    if (this.#db.getAssignment(r.taskId, peerId) == null) throw new NotAllowedError(`task ${r.taskId} was not given to ${peerId}`)
    let duplicate = false
    this.#update(r.taskId, peerId, (a, now) => {
      const decision = decideResult(a, r, this.#maxAttempts)
      if (decision.kind !== 'apply') {
        duplicate = true
        this.#event({ taskId: r.taskId, peerId, at: now, type: `${decision.kind}-result`, detail: { ok: r.ok, attempt: r.attempt } })
        return undefined
      }
      const attempts = Math.max(a.attempts, r.attempt)
      if (decision.final) this.#db.insertResult(resultRow(peerId, r, now))
      this.#event({ taskId: r.taskId, peerId, at: now, type: decision.next, detail: { ok: r.ok, attempt: r.attempt, reason: r.reason || undefined } })
      return {
        ...a,
        state: transition(a.state, decision.next),
        attempts,
        lastError: r.ok ? undefined : r.reason,
        finishedAt: decision.final ? now : undefined,
        nextAttemptAt: now + backoff(attempts, TASK_RETRY_MS, PUSH_RETRY_MAX_MS),
        progressBytes: r.ok ? a.totalBytes : a.progressBytes
      }
    })
    if (!duplicate) this.#sampleBytes(r.taskId)
    return { duplicate }
  }

  /** Feeds the rate history the bytes the task's servers hold together. */
  #sampleBytes (taskId: string): void {
    this.rates.onTaskBytes(taskId, this.#db.listAssignments(taskId).reduce((sum, a) => sum + a.progressBytes, 0))
  }

  /** Reads and rewrites one assignment in a transaction, then refreshes its task's state. */
  #update (taskId: string, peerId: string, change: (a: AssignmentRow, now: number) => AssignmentRow | undefined): void {
    this.#tx(() => {
      const a = this.#db.getAssignment(taskId, peerId)
      if (a == null) return
      const now = this.#now()
      const next = change(a, now)
      if (next == null) return
      this.#db.putAssignment(next)
      const task = this.#db.getTask(taskId)
      const state = taskStateOf(this.#db.listAssignments(taskId).map((x) => x.state))
      if (task != null && task.state !== state) {
        this.#db.updateTaskState(taskId, state, now)
        this.#event({ taskId, at: now, type: `task-${state}` })
      }
    })
  }

  #tx (fn: () => void): void {
    this.#uncommitted = []
    try {
      this.#db.transaction(fn)
    } catch (err) {
      this.#uncommitted = []
      throw err
    }
    const events = this.#uncommitted
    this.#uncommitted = []
    for (const e of events) this.#onEvent?.(e)
  }

  #event (e: EventRow): void {
    this.#db.addEvent(e)
    this.#uncommitted.push(e)
  }
}

function resultRow (peerId: string, r: TaskResultReport, now: number): ResultRow {
  return { ...r, peerId, recordedAt: now }
}

export type { AssignmentState }
