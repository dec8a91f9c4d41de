import { ProtocolError } from '../../errors.js'
import { MAX_TASKS_LISTED } from '../constants.js'
import type { Handler } from '../context.js'
import { taskStatusOf } from './task-status.js'

/** Tasks listed when the caller does not say how many. */
const DEFAULT_TASKS = 50

/** LIST_TASKS: the newest tasks with their states. */
export const handleListTasks: Handler = (ctx, _caller, req) => {
  const l = req.listTasks
  if (l == null) throw new ProtocolError('LIST_TASKS without a listTasks body')
  const max = Math.min(MAX_TASKS_LISTED, l.max === 0 ? DEFAULT_TASKS : l.max)
  return { tasks: { tasks: ctx.tasks.list(max).map((t) => taskStatusOf(ctx, t)) } }
}
