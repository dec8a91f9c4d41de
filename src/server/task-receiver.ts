import type { Connection, Logger, PeerId, Stream } from '@libp2p/interface'
import { CID } from 'multiformats/cid'
import { fileInfoFromBytes } from '../manifest/index.js'
import type { ShoalNode } from '../node/index.js'
import { TaskAck, TaskPush } from '../pb/task.js'
import { MAX_TASK_PUSH_BYTES, REQUEST_READ_TIMEOUT_MS, RPC_MAX_INBOUND_STREAMS, RPC_MAX_OUTBOUND_STREAMS, TASK_ID_PATTERN, TASK_PROTOCOL } from '../rpc/constants.js'
import { serveRpc } from '../rpc/rpc.js'
import type { Feedback } from './feedback.js'
import type { JournalEntry, TaskJournal } from './task-journal.js'
import type { TaskRunner } from './task-runner.js'

export interface TaskReceiverInit {
  node: ShoalNode
  /** The only peer tasks are taken from. */
  tracker: PeerId
  journal: TaskJournal
  runner: TaskRunner
  feedback: Feedback
  log: Logger
  onReceived(entry: JournalEntry): void
  /** Task streams per connection (limits.ts rpcStreamsIn/Out). */
  streams?: { in: number, out: number }
}

/**
 * Task receiving on /shoal/task/1.0.0. A push is accepted only from the
 * configured tracker (the connection's Noise-authenticated PeerId), checked,
 * written to the journal durably, and only then acknowledged. Pushes are
 * idempotent by task id: a repeat of a finished task gets its result again.
 */
export async function handleTaskProtocol (init: TaskReceiverInit): Promise<void> {
  await init.node.handle(TASK_PROTOCOL, (stream: Stream, connection: Connection) => {
    serveRpc(stream, {
      maxRequestBytes: MAX_TASK_PUSH_BYTES,
      readTimeoutMs: REQUEST_READ_TIMEOUT_MS,
      log: init.log,
      handle: async (bytes) => TaskAck.encode(await receive(init, connection, bytes))
    })
  }, { maxInboundStreams: init.streams?.in ?? RPC_MAX_INBOUND_STREAMS, maxOutboundStreams: init.streams?.out ?? RPC_MAX_OUTBOUND_STREAMS })
}

async function receive (init: TaskReceiverInit, connection: Connection, bytes: Uint8Array): Promise<TaskAck> {
  const { Code } = TaskAck
  if (!connection.remotePeer.equals(init.tracker)) {
    init.log('refused a task from %p: not our tracker', connection.remotePeer)
    return { taskId: '', code: Code.NOT_ALLOWED, message: 'tasks are accepted only from the configured tracker', finished: false }
  }
  let push: TaskPush
  let entry: JournalEntry
  try {
    push = TaskPush.decode(bytes)
    if (!TASK_ID_PATTERN.test(push.taskId)) throw new Error('bad task id')
    if (push.kind !== TaskPush.Kind.REPLICATE && push.kind !== TaskPush.Kind.PREFETCH) throw new Error(`unknown task kind ${String(push.kind)}`)
    const info = fileInfoFromBytes(push.manifest, CID.decode(push.fileId))
    const now = Date.now()
    entry = {
      id: push.taskId,
      kind: push.kind === TaskPush.Kind.PREFETCH ? 'prefetch' : 'replicate',
      fileKey: info.key,
      manifest: Buffer.from(info.bytes).toString('base64'),
      attempt: Math.max(1, push.attempt),
      state: 'accepted',
      reported: false,
      receivedAt: now,
      updatedAt: now
    }
  } catch (err: any) {
    return { taskId: '', code: Code.BAD_REQUEST, message: String(err.message), finished: false }
  }
  try {
    return await accept(init, entry)
  } catch (err: any) {
    init.log.error('journalling task %s failed: %s', entry.id, err.message)
    return { taskId: entry.id, code: Code.INTERNAL, message: `could not journal the task: ${String(err.message)}`, finished: false }
  }
}

/** Journals a new task (or a retry of a failed one) and starts it; a finished one is reported again. */
async function accept (init: TaskReceiverInit, push: JournalEntry): Promise<TaskAck> {
  const existing = init.journal.get(push.id)
  const ack = (finished: boolean): TaskAck => ({ taskId: push.id, code: TaskAck.Code.ACCEPTED, message: '', finished })
  if (existing?.state === 'done' || (existing?.state === 'failed' && push.attempt <= existing.attempt)) {
    // The tracker asks again, so it lacks the result: send it again (it is idempotent there).
    init.feedback.report(existing)
    return ack(true)
  }
  if (existing?.state === 'accepted') {
    if (push.attempt > existing.attempt) await init.journal.put({ ...existing, attempt: push.attempt, updatedAt: Date.now() })
    init.runner.enqueue(init.journal.get(push.id)!)
    return ack(false)
  }
  // New, or a retry of a failure: journal first, ack after.
  await init.journal.put(push)
  init.onReceived(push)
  init.runner.enqueue(push)
  return ack(false)
}
