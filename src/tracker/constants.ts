/** SQLite database file in the tracker's data directory. */
export const DB_FILE = 'tracker.db'

/**
 * How often servers heartbeat. Short, because a task waits on a dead server's
 * detection and tests run whole swarms in seconds; a heartbeat is one small call.
 */
export const HEARTBEAT_INTERVAL_MS = 2_000

/** A server silent this long is dead: 5 missed heartbeats, so one slow call never kills it. */
export const HEARTBEAT_TIMEOUT_MS = HEARTBEAT_INTERVAL_MS * 5

/** Copies of a new file the group must hold before the tracker stops serving it. */
export const DEFAULT_SEED_COPIES = 1

/** Name of the default hint ranking policy. */
export const DEFAULT_HINT_POLICY = 'locality'

/** Peers in one hint answer at most: enough to saturate a downloader, small enough to send often. */
export const MAX_HINTS = 32

/** Fewest peers per hint answer when the caller asks for fewer (0 = default). */
export const DEFAULT_HINTS = 16

/** How often the dispatcher looks for tasks to push. */
export const DISPATCH_INTERVAL_MS = 500

/** Pushes in flight at once; each is one small stream. */
export const MAX_CONCURRENT_PUSHES = 16

/** Wait before pushing again to a server that could not be reached; doubles up to the max. */
export const PUSH_RETRY_MS = 1_000
export const PUSH_RETRY_MAX_MS = 30_000

/** Accepted pushes of one task to one server before its failures are final. */
export const MAX_TASK_ATTEMPTS = 4

/** Wait before re-pushing a task a server reported failed; doubles per attempt. */
export const TASK_RETRY_MS = 2_000

/**
 * A pushed task that the server's heartbeat does not list after this long was
 * lost by the server (e.g. its data directory was wiped): push it again. Longer
 * than a heartbeat interval, so a push racing a heartbeat is not taken for lost.
 */
export const TASK_LOST_GRACE_MS = HEARTBEAT_INTERVAL_MS * 3

/** How often the tracker re-measures its RTT to a live server (libp2p ping). */
export const RTT_REFRESH_MS = 30_000

/** How long one ping may take. */
export const PING_TIMEOUT_MS = 5_000

/** How often per-file egress is written to the database and reported. */
export const STATS_INTERVAL_MS = 2_000

/** Default HTTP bind address: loopback, so the status API is not exposed by accident. */
export const DEFAULT_HTTP_HOST = '127.0.0.1'

/** Default HTTP port: 0 lets the OS choose; the listening event reports it. */
export const DEFAULT_HTTP_PORT = 0

/** Task events returned by GET /api/tasks/:id, newest last. */
export const MAX_EVENTS_IN_STATUS = 200

/** Tasks listed by GET /api/tasks, newest first. */
export const MAX_TASKS_LISTED = 500

/** Relayed addresses in one FALLBACK answer (a handful of holders, one or two paths each). */
export const MAX_RELAY_ADDRS = 16

/**
 * How long a FALLBACK answer lets its client open relayed connections
 * through the tracker's relay to the holders it named. A connection opened
 * within it stays up; a client that needs a new one later asks again.
 */
export const RELAY_GRANT_TTL_MS = 15 * 60_000

/** Clients holding a relay grant at once (memory bound; the oldest is dropped). */
export const MAX_RELAY_GRANTS = 4_096
