import { CID } from 'multiformats/cid'
import { ProtocolError, UnknownTaskError } from '../../errors.js'
import type { TaskServerStatus, TaskStatus } from '../../pb/tracker.js'
import type { TaskRow } from '../db.js'
import type { Handler, TrackerContext } from '../context.js'

/** TASK_STATUS: the state of a task, how many of its servers are done, and each server's progress. */
export const handleTaskStatus: Handler = (ctx, _caller, req) => {
  const q = req.taskStatus
  if (q == null) throw new ProtocolError('TASK_STATUS without a taskStatus body')
  const task = ctx.tasks.get(q.taskId)
  if (task == null) throw new UnknownTaskError(`no task ${q.taskId}`)
  return { taskStatus: { ...taskStatusOf(ctx, task), servers: taskServersOf(ctx, task) } }
}

/** Each server's part of a task (TASK_STATUS only: a list of tasks stays small). */
export function taskServersOf (ctx: TrackerContext, task: TaskRow): TaskServerStatus[] {
  const results = new Map(ctx.tasks.results(task.id).map((r) => [r.peerId, r]))
  return ctx.tasks.assignments(task.id).map((a) => ({
    peerId: a.peerId,
    state: a.state,
    progressBytes: BigInt(a.progressBytes),
    totalBytes: BigInt(a.totalBytes),
    attempts: a.attempts,
    durationMs: BigInt(Math.max(0, Math.round(results.get(a.peerId)?.durationMs ?? 0))),
    lastError: a.lastError ?? ''
  }))
}

/** A task's summary as sent on the wire (TASK_STATUS, LIST_TASKS). */
export function taskStatusOf (ctx: TrackerContext, task: TaskRow): TaskStatus {
  const states = ctx.tasks.assignments(task.id).map((a) => a.state)
  return {
    taskId: task.id,
    state: task.state,
    serversTotal: states.length,
    serversDone: states.filter((s) => s === 'done').length,
    serversFailed: states.filter((s) => s === 'failed').length,
    fileId: CID.parse(task.fileKey).bytes as Uint8Array<ArrayBuffer>,
    kind: task.kind,
    createdAtMs: BigInt(task.createdAt),
    updatedAtMs: BigInt(task.updatedAt),
    servers: []
  }
}
