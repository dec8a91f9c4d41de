import { ProtocolError } from '../../errors.js'
import { TASK_ID_PATTERN } from '../../rpc/constants.js'
import type { Handler } from '../context.js'

/** Sources listed in one result at most. */
const MAX_SOURCES = 1024

/** Longest failure reason kept, in characters. */
const MAX_REASON = 1024

/** TASK_RESULT: a server's outcome for one of its tasks; idempotent by (task, caller). */
export const handleTaskResult: Handler = (ctx, caller, req) => {
  const r = req.taskResult
  if (r == null) throw new ProtocolError('TASK_RESULT without a taskResult body')
  if (!TASK_ID_PATTERN.test(r.taskId)) throw new ProtocolError('bad task id')
  if (r.bytesFrom.length > MAX_SOURCES) throw new ProtocolError(`more than ${MAX_SOURCES} sources`)
  ctx.registry.touch(caller.toString())
  const bytesFrom: Record<string, number> = {}
  for (const s of r.bytesFrom) bytesFrom[s.peerId] = (bytesFrom[s.peerId] ?? 0) + Number(s.bytes)
  const { duplicate } = ctx.tasks.onResult(caller.toString(), {
    taskId: r.taskId,
    ok: r.ok,
    reason: r.reason.slice(0, MAX_REASON),
    attempt: r.attempt,
    durationMs: r.durationMs,
    resumedChunks: r.resumedChunks,
    fetchedChunks: r.fetchedChunks,
    sha256: Buffer.from(r.sha256).toString('hex'),
    bytesFrom
  })
  const task = ctx.tasks.get(r.taskId)
  // A verified success means a complete copy, whether or not the holdings announcement has arrived yet.
  if (r.ok && !duplicate && task != null) ctx.catalog.applyAnnounce(caller.toString(), [{ fileKey: task.fileKey, complete: true }], false)
  ctx.kick()
  return { taskResult: { duplicate } }
}
