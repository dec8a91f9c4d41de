import { createRequire } from 'node:module'
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite'
import { ShoalError } from '../errors.js'
import type { AssignmentRow, EventRow, FileRow, HoldingRow, ResultRow, ServerRow, TaskRow, TrackerDb } from './db.js'
import { ADDED_COLUMNS, SCHEMA, SCHEMA_VERSION } from './sqlite-schema.js'

type Row = Record<string, SQLOutputValue>

/**
 * TrackerDb on `node:sqlite` (built into Node 22: no native build). WAL with
 * synchronous=FULL: a commit is on disk when it returns, so neither a SIGKILL
 * nor a power cut loses an acknowledged task or result; WAL keeps readers
 * (the HTTP API) from blocking the writer.
 */
export class SqliteTrackerDb implements TrackerDb {
  readonly #db: DatabaseSync
  readonly #stmts = new Map<string, StatementSync>()
  #depth = 0

  constructor (path: string) {
    const { DatabaseSync } = loadSqlite()
    this.#db = new DatabaseSync(path)
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;')
    this.#db.exec(SCHEMA)
    this.#addColumns()
    const version = this.#q('SELECT value FROM meta WHERE key = \'schema\'').get()?.value
    if (version == null) this.#q('INSERT INTO meta (key, value) VALUES (\'schema\', ?)').run(String(SCHEMA_VERSION))
    else if (Number(version) !== SCHEMA_VERSION) throw new ShoalError(`${path}: schema version ${String(version)}, this tracker reads ${SCHEMA_VERSION}`)
  }

  /** Adds the columns an older database lacks (ADDED_COLUMNS). */
  #addColumns (): void {
    for (const { table, column, definition } of ADDED_COLUMNS) {
      const has = this.#db.prepare(`PRAGMA table_info(${table})`).all().some((c) => c.name === column)
      if (!has) this.#db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`)
    }
  }

  transaction<T>(fn: () => T): T {
    if (this.#depth > 0) return fn()
    this.#db.exec('BEGIN IMMEDIATE')
    this.#depth++
    try {
      const out = fn()
      this.#db.exec('COMMIT')
      return out
    } catch (err) {
      this.#db.exec('ROLLBACK')
      throw err
    } finally {
      this.#depth--
    }
  }

  putServer (s: ServerRow): void {
    this.#q(`INSERT INTO servers (peer_id, addrs, lan_addrs, subnet, network, capacity_bytes, registered_at, last_seen, rtt_ms, load, ingest, http_url)
      VALUES ($peerId, $addrs, $lanAddrs, $subnet, $network, $capacityBytes, $registeredAt, $lastSeen, $rttMs, $load, $ingest, $httpUrl)
      ON CONFLICT (peer_id) DO UPDATE SET addrs = $addrs, lan_addrs = $lanAddrs, subnet = $subnet, network = $network,
        capacity_bytes = $capacityBytes, registered_at = $registeredAt, last_seen = $lastSeen, rtt_ms = $rttMs, load = $load,
        ingest = $ingest, http_url = $httpUrl`).run({
      ...s, addrs: JSON.stringify(s.addrs), lanAddrs: JSON.stringify(s.lanAddrs), rttMs: s.rttMs ?? null, ingest: s.ingest === true ? 1 : 0, httpUrl: s.httpUrl ?? ''
    })
  }

  listServers (): ServerRow[] {
    return this.#q('SELECT * FROM servers ORDER BY peer_id').all().map((r) => ({
      peerId: str(r.peer_id),
      addrs: JSON.parse(str(r.addrs)),
      lanAddrs: JSON.parse(str(r.lan_addrs)),
      subnet: str(r.subnet),
      network: str(r.network),
      capacityBytes: num(r.capacity_bytes),
      registeredAt: num(r.registered_at),
      lastSeen: num(r.last_seen),
      rttMs: r.rtt_ms == null ? undefined : num(r.rtt_ms),
      load: num(r.load),
      ingest: num(r.ingest) === 1,
      httpUrl: str(r.http_url)
    }))
  }

  putFile (f: FileRow): void {
    this.#q(`INSERT INTO files (file_key, name, size, chunk_size, chunks, manifest, added_at, bytes_sent)
      VALUES ($key, $name, $size, $chunkSize, $chunks, $manifest, $addedAt, $bytesSent)
      ON CONFLICT (file_key) DO NOTHING`).run({ ...f })
  }

  listFiles (): FileRow[] {
    return this.#q('SELECT * FROM files ORDER BY added_at, file_key').all().map((r) => ({
      key: str(r.file_key),
      name: str(r.name),
      size: num(r.size),
      chunkSize: num(r.chunk_size),
      chunks: num(r.chunks),
      manifest: r.manifest as Uint8Array,
      addedAt: num(r.added_at),
      bytesSent: num(r.bytes_sent)
    }))
  }

  addBytesSent (fileKey: string, bytes: number): void {
    this.#q('UPDATE files SET bytes_sent = bytes_sent + ? WHERE file_key = ?').run(bytes, fileKey)
  }

  putHolding (h: HoldingRow): void {
    this.#q(`INSERT INTO holdings (peer_id, file_key, bitfield, chunks, complete, updated_at)
      VALUES ($peerId, $fileKey, $bitfield, $chunks, $complete, $updatedAt)
      ON CONFLICT (peer_id, file_key) DO UPDATE SET bitfield = $bitfield, chunks = $chunks, complete = $complete, updated_at = $updatedAt`)
      .run({ ...h, complete: h.complete ? 1 : 0 })
  }

  deleteHolding (peerId: string, fileKey: string): void {
    this.#q('DELETE FROM holdings WHERE peer_id = ? AND file_key = ?').run(peerId, fileKey)
  }

  listHoldings (): HoldingRow[] {
    return this.#q('SELECT * FROM holdings').all().map((r) => ({
      peerId: str(r.peer_id),
      fileKey: str(r.file_key),
      bitfield: r.bitfield as Uint8Array,
      chunks: num(r.chunks),
      complete: r.complete === 1,
      updatedAt: num(r.updated_at)
    }))
  }

  insertTask (t: TaskRow): void {
    this.#q(`INSERT INTO tasks (task_id, kind, file_key, state, created_at, updated_at)
      VALUES ($id, $kind, $fileKey, $state, $createdAt, $updatedAt)`).run({ ...t })
  }

  updateTaskState (id: string, state: string, updatedAt: number): void {
    this.#q('UPDATE tasks SET state = ?, updated_at = ? WHERE task_id = ?').run(state, updatedAt, id)
  }

  getTask (id: string): TaskRow | undefined {
    const r = this.#q('SELECT * FROM tasks WHERE task_id = ?').get(id)
    return r == null ? undefined : taskRow(r)
  }

  listTasks (limit: number): TaskRow[] {
    return this.#q('SELECT * FROM tasks ORDER BY created_at DESC, task_id LIMIT ?').all(limit).map(taskRow)
  }

  putAssignment (a: AssignmentRow): void {
    this.#q(`INSERT INTO assignments (task_id, peer_id, state, attempts, next_attempt_at, push_failures, last_error, pushed_at, finished_at, progress_bytes, total_bytes)
      VALUES ($taskId, $peerId, $state, $attempts, $nextAttemptAt, $pushFailures, $lastError, $pushedAt, $finishedAt, $progressBytes, $totalBytes)
      ON CONFLICT (task_id, peer_id) DO UPDATE SET state = $state, attempts = $attempts, next_attempt_at = $nextAttemptAt,
        push_failures = $pushFailures, last_error = $lastError, pushed_at = $pushedAt, finished_at = $finishedAt,
        progress_bytes = $progressBytes, total_bytes = $totalBytes`).run({
      ...a, lastError: a.lastError ?? null, pushedAt: a.pushedAt ?? null, finishedAt: a.finishedAt ?? null
    })
  }

  getAssignment (taskId: string, peerId: string): AssignmentRow | undefined {
    const r = this.#q('SELECT * FROM assignments WHERE task_id = ? AND peer_id = ?').get(taskId, peerId)
    return r == null ? undefined : assignmentRow(r)
  }

  listAssignments (taskId: string): AssignmentRow[] {
    return this.#q('SELECT * FROM assignments WHERE task_id = ? ORDER BY peer_id').all(taskId).map(assignmentRow)
  }

  listOpenAssignments (): AssignmentRow[] {
    return this.#q('SELECT * FROM assignments WHERE state NOT IN (\'done\', \'failed\')').all().map(assignmentRow)
  }

  insertResult (r: ResultRow): boolean {
    const { changes } = this.#q(`INSERT INTO results (task_id, peer_id, ok, reason, attempt, duration_ms, resumed_chunks, fetched_chunks, sha256, bytes_from, recorded_at)
      VALUES ($taskId, $peerId, $ok, $reason, $attempt, $durationMs, $resumedChunks, $fetchedChunks, $sha256, $bytesFrom, $recordedAt)
      ON CONFLICT (task_id, peer_id) DO NOTHING`).run({ ...r, ok: r.ok ? 1 : 0, bytesFrom: JSON.stringify(r.bytesFrom) })
    return Number(changes) === 1
  }

  listResults (taskId: string): ResultRow[] {
    return this.#q('SELECT * FROM results WHERE task_id = ? ORDER BY peer_id').all(taskId).map((r) => ({
      taskId: str(r.task_id),
      peerId: str(r.peer_id),
      ok: r.ok === 1,
      reason: str(r.reason),
      attempt: num(r.attempt),
      durationMs: num(r.duration_ms),
      resumedChunks: num(r.resumed_chunks),
      fetchedChunks: num(r.fetched_chunks),
      sha256: str(r.sha256),
      bytesFrom: JSON.parse(str(r.bytes_from)),
      recordedAt: num(r.recorded_at)
    }))
  }

  addEvent (e: EventRow): void {
    this.#q('INSERT INTO task_events (task_id, peer_id, at, type, detail) VALUES (?, ?, ?, ?, ?)')
      .run(e.taskId, e.peerId ?? null, e.at, e.type, e.detail == null ? null : JSON.stringify(e.detail))
  }

  listEvents (taskId: string, limit: number): EventRow[] {
    return this.#q('SELECT * FROM (SELECT * FROM task_events WHERE task_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id').all(taskId, limit).map((r) => ({
      taskId: str(r.task_id),
      peerId: r.peer_id == null ? undefined : str(r.peer_id),
      at: num(r.at),
      type: str(r.type),
      detail: r.detail == null ? undefined : JSON.parse(str(r.detail))
    }))
  }

  close (): void {
    if (this.#db.isOpen) this.#db.close()
  }

  /** Prepared statements are cached by their text. */
  #q (sql: string): StatementSync {
    let stmt = this.#stmts.get(sql)
    if (stmt == null) this.#stmts.set(sql, stmt = this.#db.prepare(sql))
    return stmt
  }
}

function taskRow (r: Row): TaskRow {
  return { id: str(r.task_id), kind: str(r.kind) as TaskRow['kind'], fileKey: str(r.file_key), state: str(r.state) as TaskRow['state'], createdAt: num(r.created_at), updatedAt: num(r.updated_at) }
}

function assignmentRow (r: Row): AssignmentRow {
  return {
    taskId: str(r.task_id),
    peerId: str(r.peer_id),
    state: str(r.state) as AssignmentRow['state'],
    attempts: num(r.attempts),
    nextAttemptAt: num(r.next_attempt_at),
    pushFailures: num(r.push_failures),
    lastError: r.last_error == null ? undefined : str(r.last_error),
    pushedAt: r.pushed_at == null ? undefined : num(r.pushed_at),
    finishedAt: r.finished_at == null ? undefined : num(r.finished_at),
    progressBytes: num(r.progress_bytes),
    totalBytes: num(r.total_bytes)
  }
}

function str (v: SQLOutputValue): string { return String(v) }
function num (v: SQLOutputValue): number { return Number(v) }

/**
 * Loads node:sqlite without its one-time ExperimentalWarning, which would
 * otherwise be the first thing the tracker prints (on stderr) every start.
 * Loaded on first use, so importing this module costs nothing.
 */
function loadSqlite (): typeof import('node:sqlite') {
  const emit = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: any[]) => {
    if (String(warning).includes('SQLite')) return
    emit.call(process, warning, ...rest)
  }) as typeof process.emitWarning
  try {
    return createRequire(import.meta.url)('node:sqlite')
  } finally {
    process.emitWarning = emit
  }
}
