/** Folder under the data directory holding one journal file per task: `tasks/<task id>.json`. */
export const TASKS_DIR = 'tasks'

/**
 * A finished task the tracker has acknowledged stays in the journal this long
 * (for an operator looking at what the server did), then it is pruned.
 */
export const JOURNAL_RETENTION_MS = 7 * 24 * 3600_000

/** At most this many finished, acknowledged tasks stay in the journal (the newest). */
export const JOURNAL_KEEP_FINISHED = 1_000

/** How often a running server prunes its task journal. */
export const JOURNAL_PRUNE_INTERVAL_MS = 3600_000

/**
 * Holdings changes are batched this long before one ANNOUNCE: a download
 * stores several chunks a second, and the tracker needs the picture, not every
 * chunk. Short enough that a completed copy ends the tracker's seeding quickly.
 */
export const ANNOUNCE_DEBOUNCE_MS = 500

/** While a task runs, ask the tracker for fresh hints this often and add new peers to the download. */
export const HINT_REFRESH_MS = 2_000

/**
 * A fetch that gains no chunk for this long is abandoned and started again
 * with fresh hints (its verified chunks stay). Longer than the swarm's own
 * stall handling, which moves requests between peers first.
 */
export const TASK_STALL_MS = 30_000

/** Fetches per task before the server reports failure (the tracker may push it again). */
export const MAX_FETCH_ATTEMPTS = 5

/** Wait before the next fetch attempt; doubles per attempt. */
export const FETCH_RETRY_MS = 1_000
export const FETCH_RETRY_MAX_MS = 15_000

/** Tasks run at once: each is a multi-peer download; more would only split the same link. */
export const MAX_CONCURRENT_TASKS = 2

/** Wait before re-sending an unacknowledged result; doubles up to the max. */
export const REPORT_RETRY_MS = 1_000
export const REPORT_RETRY_MAX_MS = 30_000

/** Result sends per process before giving up until the next start (hours at the max backoff). */
export const MAX_REPORT_ATTEMPTS = 1_000

/** Wait before registering again after a failure; doubles up to the max. */
export const REGISTER_RETRY_MS = 1_000
export const REGISTER_RETRY_MAX_MS = 15_000

/** Heartbeat interval until the tracker says otherwise (its RegisterResponse wins). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 2_000

/** Hints asked for per GET_PEERS. */
export const HINTS_PER_REQUEST = 16
