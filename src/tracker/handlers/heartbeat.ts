import { ProtocolError } from '../../errors.js'
import type { Handler } from '../context.js'

/** Tasks listed in one heartbeat at most; a server runs a few at a time. */
const MAX_TASKS_PER_HEARTBEAT = 1024

/** HEARTBEAT: liveness, load, and the progress of the caller's journalled tasks. */
export const handleHeartbeat: Handler = (ctx, caller, req) => {
  const h = req.heartbeat
  if (h == null) throw new ProtocolError('HEARTBEAT without a heartbeat body')
  if (h.tasks.length > MAX_TASKS_PER_HEARTBEAT) throw new ProtocolError(`more than ${MAX_TASKS_PER_HEARTBEAT} tasks in a heartbeat`)
  if (!ctx.registry.heartbeat(caller.toString(), h.load, { sent: Number(h.bytesSent), received: Number(h.bytesReceived) })) return { heartbeat: { reregister: true } }
  ctx.tasks.onProgress(caller.toString(), h.tasks.map((t) => ({ taskId: t.taskId, bytes: Number(t.bytes), totalBytes: Number(t.totalBytes) })))
  return { heartbeat: { reregister: false } }
}
