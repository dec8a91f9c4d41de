/**
 * Every default of the client, with why it is that number. Measured on
 * loopback and in shaped network namespaces (README, "Client").
 */

/**
 * Parallel ingest streams per upload. One stream already fills a link
 * (LIBP2P.md: four streams on one connection are no faster on loopback);
 * several keep the receiver's verify-and-fsync work overlapping and let a
 * stalled stream's chunks move to the others.
 */
export const DEFAULT_UPLOAD_STREAMS = 4

/** Most upload streams a caller may ask for (the receiver accepts 16 per connection). */
export const MAX_UPLOAD_STREAMS = 16

/**
 * Raw bytes sent per probe. At 100 Mbit/s this takes ~0.7 s, long enough to
 * leave TCP slow start; slower links stop at PROBE_MAX_MS instead.
 */
export const PROBE_BYTES = 8 * 1024 * 1024

/** The receiver answers at most this long after the first probe byte: a slow link costs no more. */
export const PROBE_MAX_MS = 2_000

/** Time for the probe's answer after the send budget is spent (data still queued must drain). */
export const PROBE_RESULT_GRACE_MS = 5_000

/** Bytes handed to the stream per send while probing. */
export const PROBE_SEND_SLICE = 64 * 1024

/** A receiver's elapsed time below this is too short to divide by; the client's own clock is used. */
export const PROBE_MIN_ELAPSED_US = 20_000

/** Chunks in a stream's first block, before its rate is known. */
export const INITIAL_BLOCK_CHUNKS = 2

/** Fewest chunks per block. */
export const MIN_BLOCK_CHUNKS = 1

/**
 * A block should take about this long on its stream: short enough that the
 * rate feedback is fresh and that the tail of an upload spreads evenly over
 * the streams, long enough that per-block overhead (a frame, an ack burst)
 * stays negligible.
 */
export const TARGET_BLOCK_SECONDS = 0.5

/** Weight of the newest sample in a stream's rate average. */
export const RATE_EWMA_ALPHA = 0.3

/** A rate sample spans at least this long, so a burst of acks (one group commit) is not taken for a fast link. */
export const RATE_SAMPLE_MIN_MS = 200

/**
 * Blocks a stream may have sent but not fully acknowledged. Two keep the
 * link busy while acks of the previous block come back; more would only put
 * more bytes at risk when the connection drops.
 */
export const MAX_UNACKED_BLOCKS = 2

/** Chunks the receiver may reject (BAD_CHUNK) in one upload before it fails. */
export const MAX_BAD_CHUNKS = 3

/** Times an upload reconnects after every stream failed, before it gives up. */
export const MAX_UPLOAD_RECONNECTS = 5

/** Wait before reconnecting; doubles per attempt. */
export const RECONNECT_BACKOFF_MS = 1_000
export const RECONNECT_BACKOFF_MAX_MS = 10_000

/** An upload stream with chunks outstanding that gets no acknowledgement for this long has failed. */
export const UPLOAD_STALL_MS = 30_000

/** Time for the receiver's answer to OPEN (it may be creating a large sparse file). */
export const OPEN_TIMEOUT_MS = 30_000

/** The client waits this much longer for COMMITTED than the receiver's own commit deadline (commitTimeoutMs). */
export const COMMIT_GRACE_MS = 30_000

/** Progress events at most this often. */
export const PROGRESS_INTERVAL_MS = 250

/**
 * Below this P2P rate (verified bytes per second) for SLOW_FOR_MS, a
 * download asks the tracker for a fallback source. 1 MiB/s: far below any
 * working LAN or datacenter path, so it only fires on a broken or throttled one.
 */
export const DEFAULT_MIN_P2P_RATE = 1024 * 1024

/** How long the P2P rate must stay low before falling back (a dial takes up to 10 s; a slow start a few s). */
export const SLOW_FOR_MS = 5_000

/** How often the download's rate is checked. */
export const RATE_CHECK_MS = 500

/** HTTP range requests a fallback source runs at once. */
export const HTTP_PARALLEL = 4

/** Consecutive chunks asked for in one HTTP range request. */
export const HTTP_RUN_CHUNKS = 8

/** An HTTP response that delivers no byte for this long is abandoned (its chunks are asked again). */
export const HTTP_IDLE_TIMEOUT_MS = 30_000

/** Chunks from one HTTP source that may fail their hash before the source is dropped. */
export const HTTP_MAX_BAD_CHUNKS = 3

/** Failed requests to one HTTP source before it is dropped. */
export const HTTP_MAX_FAILURES = 5

/**
 * A download that gains no verified byte for this long, with every source
 * tried, fails: better one clear error than waiting forever.
 */
export const DOWNLOAD_STALL_MS = 120_000

/** Suffix of the folder beside the output path that holds a download in progress. */
export const PARTIAL_SUFFIX = '.shoal-partial'

/** Peers asked for per DOWNLOAD. */
export const DOWNLOAD_HINTS = 16

/** One attempt to open a relayed connection to a holder (relay hop + the holder's Noise handshake). */
export const RELAY_DIAL_TIMEOUT_MS = 15_000

/**
 * Attempts per holder to open a relayed connection: a direct dial to the same
 * holder still running (a black-holed address waits for the dial timeout)
 * makes libp2p join it, so the first attempt can fail for that reason alone.
 */
export const RELAY_DIAL_ATTEMPTS = 3

/** Pause between relayed dial attempts. */
export const RELAY_DIAL_BACKOFF_MS = 1_000

/**
 * Most ingest targets one upload is split across. Each extra target is
 * another path from the client, and its part must be fetched by the primary
 * before the commit; three cover "one link cannot carry it" without turning
 * the commit into a swarm download.
 */
export const MAX_SPLIT_TARGETS = 3

/**
 * A candidate joins a split only if its probed rate is at least this share of
 * the best one: a much slower link would hold chunks the others could have
 * sent sooner, and costs the primary a fetch for little gain. So a 100 and a
 * 20 Mbit/s link are not split; two equal links are.
 */
export const SPLIT_MIN_FRACTION = 0.5

/**
 * No split when the best target alone would take less than this: the
 * confirming probe (up to PROBE_MAX_MS) and the primary's fetch of the other
 * parts cost about what a split would save on a short upload.
 */
export const SPLIT_MIN_SECONDS = 8

/**
 * The probes run in parallel, so links that share one bottleneck (the
 * client's own uplink, or its CPU on loopback) each read a share of it and
 * look alike. Before splitting, the best candidate is probed again alone:
 * when it alone gets at least this share of what the parallel probes got
 * together, the links share the bottleneck and a split would gain nothing.
 * Independent links: alone ~ its own parallel rate, e.g. 0.5 of the sum of
 * two equal ones; shared: alone ~ the sum.
 */
export const SPLIT_SHARED_FRACTION = 0.8
