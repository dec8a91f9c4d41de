import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from '@libp2p/interface'
import type { ShoalNode } from '../node/index.js'
import { TaskAck, TaskPush } from '../pb/task.js'
import { CALL_TIMEOUT_MS, LARGE_CALL_TIMEOUT_MS, MAX_TASK_ACK_BYTES, TASK_PROTOCOL } from '../rpc/constants.js'
import { callRpc } from '../rpc/rpc.js'
import type { Catalog } from './catalog.js'
import { DISPATCH_INTERVAL_MS, MAX_CONCURRENT_PUSHES } from './constants.js'
import type { AssignmentRow } from './db.js'
import type { Registry } from './registry.js'
import type { TaskManager } from './task-manager.js'

/** Manifests above this size get the long call timeout. */
const LARGE_MANIFEST_BYTES = 1024 * 1024

export interface DispatcherInit {
  node: ShoalNode
  tasks: TaskManager
  registry: Registry
  catalog: Catalog
  log: Logger
  /** Whether an assignment may be pushed now (network-aware distribution holds some back); default yes. */
  mayPush?(a: AssignmentRow): boolean
}

/**
 * Pushes due assignments to their servers over /shoal/task/1.0.0 and records
 * the answers. Runs on a timer and when kicked; a push in flight is never
 * started twice. The push is idempotent on the server (its journal is keyed
 * by task id), so a push repeated after a tracker crash does no harm.
 */
export class Dispatcher {
  readonly #init: DispatcherInit
  readonly #inflight = new Set<string>()
  readonly #controller = new AbortController()
  #timer?: ReturnType<typeof setInterval>
  #kicked = false

  constructor (init: DispatcherInit) {
    this.#init = init
  }

  start (): void {
    this.#timer = setInterval(() => { this.#tick() }, DISPATCH_INTERVAL_MS)
    this.kick()
  }

  stop (): void {
    clearInterval(this.#timer)
    this.#controller.abort()
  }

  /** Look for work now (coalesced: many kicks in one tick run one pass). */
  kick (): void {
    if (this.#kicked || this.#controller.signal.aborted) return
    this.#kicked = true
    setImmediate(() => { this.#kicked = false; this.#tick() })
  }

  #tick (): void {
    if (this.#controller.signal.aborted) return
    let due: AssignmentRow[]
    try {
      due = this.#init.tasks.due()
    } catch (err: any) {
      this.#init.log.error('listing due tasks failed: %s', err.message)
      return
    }
    for (const a of due) {
      if (this.#inflight.size >= MAX_CONCURRENT_PUSHES) break
      const key = `${a.taskId}/${a.peerId}`
      if (this.#inflight.has(key) || !this.#init.registry.isAlive(a.peerId)) continue
      if (this.#init.mayPush?.(a) === false) continue
      this.#inflight.add(key)
      void this.#push(a).finally(() => this.#inflight.delete(key))
    }
  }

  async #push (a: AssignmentRow): Promise<void> {
    const { tasks, registry, catalog, node, log } = this.#init
    const task = tasks.get(a.taskId)
    const file = task == null ? undefined : catalog.get(task.fileKey)
    const server = registry.get(a.peerId)
    if (task == null || file == null || server == null) return
    const attempt = a.attempts + 1
    try {
      const peer = peerIdFromString(a.peerId)
      await node.peerStore.merge(peer, { multiaddrs: [...server.lanAddrs, ...server.addrs].map((s) => multiaddr(s)) })
      const push = TaskPush.encode({
        taskId: task.id,
        kind: task.kind === 'prefetch' ? TaskPush.Kind.PREFETCH : TaskPush.Kind.REPLICATE,
        fileId: file.info.id.bytes as Uint8Array<ArrayBuffer>,
        manifest: file.info.bytes as Uint8Array<ArrayBuffer>,
        attempt
      })
      const bytes = await callRpc(node, peer, TASK_PROTOCOL, push, {
        timeoutMs: file.info.bytes.byteLength > LARGE_MANIFEST_BYTES ? LARGE_CALL_TIMEOUT_MS : CALL_TIMEOUT_MS,
        maxResponseBytes: MAX_TASK_ACK_BYTES,
        what: `task push to ${a.peerId}`,
        signal: this.#controller.signal
      })
      const ack = TaskAck.decode(bytes)
      if (ack.code === TaskAck.Code.ACCEPTED) {
        tasks.onPushAcked(task.id, a.peerId, attempt, ack.finished)
        log('task %s pushed to %s (attempt %d)', task.id, a.peerId, attempt)
      } else {
        // INTERNAL (say the server's disk is full) may pass; a refusal of the task itself spends an attempt.
        tasks.onPushFailed(task.id, a.peerId, `${ack.code}: ${ack.message}`, ack.code !== TaskAck.Code.INTERNAL)
      }
    } catch (err: any) {
      if (this.#controller.signal.aborted) return
      log('task %s push to %s failed: %s', a.taskId, a.peerId, err.message)
      try {
        tasks.onPushFailed(a.taskId, a.peerId, String(err.message), false)
      } catch (dbErr: any) {
        log.error('recording a failed push failed: %s', dbErr.message)
      }
    }
  }
}
