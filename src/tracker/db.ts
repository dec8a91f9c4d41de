import type { AssignmentState, TaskKind, TaskState } from './tasks.js'

/**
 * The tracker's persistent state behind a small interface: SQLite now
 * (sqlite-db.ts); a networked database could replace it. Every method is
 * synchronous and durable when it returns (or when the enclosing
 * `transaction` returns), so a SIGKILL loses nothing acknowledged.
 */
export interface TrackerDb {
  /** Runs `fn` atomically; nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T

  putServer(s: ServerRow): void
  listServers(): ServerRow[]

  putFile(f: FileRow): void
  listFiles(): FileRow[]
  addBytesSent(fileKey: string, bytes: number): void

  putHolding(h: HoldingRow): void
  deleteHolding(peerId: string, fileKey: string): void
  listHoldings(): HoldingRow[]

  insertTask(t: TaskRow): void
  updateTaskState(id: string, state: TaskState, updatedAt: number): void
  getTask(id: string): TaskRow | undefined
  /** Newest first. */
  listTasks(limit: number): TaskRow[]

  putAssignment(a: AssignmentRow): void
  getAssignment(taskId: string, peerId: string): AssignmentRow | undefined
  listAssignments(taskId: string): AssignmentRow[]
  /** Assignments not yet done or failed, across tasks. */
  listOpenAssignments(): AssignmentRow[]

  /** Records a final result; false (and nothing written) when (task, server) already has one. */
  insertResult(r: ResultRow): boolean
  listResults(taskId: string): ResultRow[]

  addEvent(e: EventRow): void
  /** Oldest first, the last `limit`. */
  listEvents(taskId: string, limit: number): EventRow[]

  close(): void
}

export interface ServerRow {
  peerId: string
  addrs: string[]
  lanAddrs: string[]
  subnet: string
  network: string
  capacityBytes: number
  registeredAt: number
  lastSeen: number
  /** The tracker's last measured round trip to the server (libp2p ping). */
  rttMs?: number
  load: number
  /** The server accepts uploads from clients. */
  ingest?: boolean
  /** Base URL of the server's HTTP blob endpoint; empty or absent when it has none. */
  httpUrl?: string
}

export interface FileRow {
  key: string
  name: string
  size: number
  chunkSize: number
  chunks: number
  /** Canonical manifest bytes. */
  manifest: Uint8Array
  addedAt: number
  /** Payload bytes the tracker has sent of this file (its egress). */
  bytesSent: number
}

export interface HoldingRow {
  peerId: string
  fileKey: string
  /** Empty when complete. */
  bitfield: Uint8Array
  chunks: number
  complete: boolean
  updatedAt: number
}

export interface TaskRow {
  id: string
  kind: TaskKind
  fileKey: string
  state: TaskState
  createdAt: number
  updatedAt: number
}

export interface AssignmentRow {
  taskId: string
  peerId: string
  state: AssignmentState
  /** Pushes the server acknowledged. */
  attempts: number
  /** Not pushed before this time (backoff after a failure or an unreachable server). */
  nextAttemptAt: number
  /** Consecutive pushes that did not reach the server (they do not count as attempts). */
  pushFailures: number
  lastError?: string
  pushedAt?: number
  finishedAt?: number
  progressBytes: number
  totalBytes: number
}

export interface ResultRow {
  taskId: string
  peerId: string
  ok: boolean
  reason: string
  attempt: number
  durationMs: number
  resumedChunks: number
  fetchedChunks: number
  /** Hex SHA-256 of the stored file, empty on failure. */
  sha256: string
  /** Verified payload bytes by the PeerId that sent them. */
  bytesFrom: Record<string, number>
  recordedAt: number
}

export interface EventRow {
  taskId: string
  peerId?: string
  at: number
  /** created, pushed, push-failed, acked, running, lost, result, done, failed, retried, duplicate-result, stale-result */
  type: string
  detail?: Record<string, unknown>
}
