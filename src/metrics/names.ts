/** Metric names (Prometheus), in one place. Every name starts with METRIC_PREFIX. */
export const METRIC_PREFIX = 'shoal_'

/** Path of the Prometheus text endpoint on the tracker's and the servers' HTTP servers. */
export const METRICS_PATH = '/metrics'

export const BYTES_RECEIVED = `${METRIC_PREFIX}bytes_received_total`
export const BYTES_SENT = `${METRIC_PREFIX}bytes_sent_total`
export const CHUNKS_VERIFIED = `${METRIC_PREFIX}chunks_verified_total`
export const CHUNKS_FAILED = `${METRIC_PREFIX}chunks_failed_total`
export const PEERS_BANNED = `${METRIC_PREFIX}peers_banned_total`
export const CONNECTIONS = `${METRIC_PREFIX}connections`
export const STORE_FILES = `${METRIC_PREFIX}store_files`
export const STORE_BYTES = `${METRIC_PREFIX}store_bytes`
export const TASKS = `${METRIC_PREFIX}tasks`
export const TASK_DURATION = `${METRIC_PREFIX}task_duration_seconds`
export const SERVER_FETCH_DURATION = `${METRIC_PREFIX}server_fetch_duration_seconds`
export const TASK_BYTES_BY_SOURCE = `${METRIC_PREFIX}task_bytes_total`
export const SERVERS_ALIVE = `${METRIC_PREFIX}servers_alive`

/** Where bytes came from or went to (label `source` / `to`). */
export type SourceKind = 'lan_peer' | 'wan_peer' | 'relay' | 'tracker' | 'http'

/** Task duration buckets, seconds. */
export const DURATION_BUCKETS_S = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600]

/** Longest store scan for the store gauges; past it the last values stay. */
export const STORE_SCAN_MAX_FILES = 10_000
