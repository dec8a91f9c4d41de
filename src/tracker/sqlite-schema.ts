/** Bumped on any incompatible schema change; an unknown version is refused rather than misread. */
export const SCHEMA_VERSION = 1

/**
 * The tracker's tables. Results are keyed by (task, server), so recording one
 * twice is impossible; events are an append-only history per task.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS servers (
  peer_id TEXT PRIMARY KEY,
  addrs TEXT NOT NULL,
  lan_addrs TEXT NOT NULL,
  subnet TEXT NOT NULL,
  network TEXT NOT NULL,
  capacity_bytes INTEGER NOT NULL,
  registered_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  rtt_ms REAL,
  load INTEGER NOT NULL,
  ingest INTEGER NOT NULL DEFAULT 0,
  http_url TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS files (
  file_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  chunk_size INTEGER NOT NULL,
  chunks INTEGER NOT NULL,
  manifest BLOB NOT NULL,
  added_at INTEGER NOT NULL,
  bytes_sent INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS holdings (
  peer_id TEXT NOT NULL,
  file_key TEXT NOT NULL,
  bitfield BLOB NOT NULL,
  chunks INTEGER NOT NULL,
  complete INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (peer_id, file_key)
);
CREATE TABLE IF NOT EXISTS tasks (
  task_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  file_key TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_by_created ON tasks (created_at);
CREATE TABLE IF NOT EXISTS assignments (
  task_id TEXT NOT NULL REFERENCES tasks (task_id),
  peer_id TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  push_failures INTEGER NOT NULL,
  last_error TEXT,
  pushed_at INTEGER,
  finished_at INTEGER,
  progress_bytes INTEGER NOT NULL,
  total_bytes INTEGER NOT NULL,
  PRIMARY KEY (task_id, peer_id)
);
CREATE INDEX IF NOT EXISTS assignments_by_state ON assignments (state);
CREATE TABLE IF NOT EXISTS results (
  task_id TEXT NOT NULL REFERENCES tasks (task_id),
  peer_id TEXT NOT NULL,
  ok INTEGER NOT NULL,
  reason TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  resumed_chunks INTEGER NOT NULL,
  fetched_chunks INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  bytes_from TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (task_id, peer_id)
);
CREATE TABLE IF NOT EXISTS task_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id TEXT NOT NULL,
  peer_id TEXT,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS task_events_by_task ON task_events (task_id, id);
`

/**
 * Columns added after SCHEMA_VERSION 1 shipped, with defaults, so a database
 * written by an older tracker is extended in place rather than refused.
 */
export const ADDED_COLUMNS: ReadonlyArray<{ table: string, column: string, definition: string }> = [
  { table: 'servers', column: 'ingest', definition: 'INTEGER NOT NULL DEFAULT 0' },
  { table: 'servers', column: 'http_url', definition: "TEXT NOT NULL DEFAULT ''" }
]
