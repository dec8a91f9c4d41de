import { ProtocolError, UnknownTaskError } from '../../errors.js'
import type { Handler } from '../context.js'

/** TASK_STATUS: the state of a task and how many of its servers are done. */
export const handleTaskStatus: Handler = (ctx, _caller, req) => {
  const q = req.taskStatus
  if (q == null) throw new ProtocolError('TASK_STATUS without a taskStatus body')
  const task = ctx.tasks.get(q.taskId)
  if (task == null) throw new UnknownTaskError(`no task ${q.taskId}`)
  const states = ctx.tasks.assignments(task.id).map((a) => a.state)
  return {
    taskStatus: {
      taskId: task.id,
      state: task.state,
      serversTotal: states.length,
      serversDone: states.filter((s) => s === 'done').length,
      serversFailed: states.filter((s) => s === 'failed').length
    }
  }
}
