import { MAX_CHUNK_SIZE, MAX_CHUNKS, MAX_MANIFEST_BYTES } from '../manifest/constants.js'

/** Protocol id of the chunk exchange; an incompatible change gets a new version. */
export const CHUNK_PROTOCOL = '/shoal/chunk/1.0.0'

/** Largest protobuf frame: a full bitfield (MAX_CHUNKS bits) plus the other fields. */
export const MAX_FRAME_BYTES = MAX_CHUNKS / 8 + 4096

/** Largest raw payload after a PIECE header: one whole chunk. */
export const MAX_PIECE_BYTES = MAX_CHUNK_SIZE

/** Largest raw payload after a MANIFEST header. */
export const MAX_MANIFEST_PAYLOAD = MAX_MANIFEST_BYTES

/** Peers listed in one PEERS frame (each may carry a few addresses). */
export const MAX_PEX_ADDRS = 64

/** Time for the remote to answer HELLO with BITFIELD (or a reject). */
export const HELLO_TIMEOUT_MS = 10_000

/** Time to fetch a manifest from a peer. */
export const MANIFEST_TIMEOUT_MS = 30_000

/**
 * A session with requests outstanding that delivers no byte for this long is
 * stalled: its requests move to other peers.
 */
export const STALL_TIMEOUT_MS = 10_000

/** Hard limit for one request, however busy the link. */
export const REQUEST_TIMEOUT_MS = 120_000

/** Requests in flight per peer at the start, before its rate is known. */
export const INITIAL_PIPELINE = 4

/**
 * Fewest and most requests in flight per peer. The depth itself is the
 * path's bandwidth-delay product plus one chunk (pipeline-depth.ts): 2 on a
 * LAN, 3 on loopback (see HOLDER_SERVICE_MS), more on a long fat path. 2 at
 * least, so the holder already has the next request when it finishes a piece;
 * 32 at most (32 MiB of 1 MiB chunks: 1 Gbit/s x 250 ms), since every request
 * in flight is lost when the process dies and the server queues at most
 * MAX_QUEUED_REQUESTS.
 */
export const MIN_PIPELINE = 2
export const MAX_PIPELINE = 32

/**
 * Received chunks being verified, written and fsynced per download before no
 * more are requested. Without a bound, a link faster than the disk piles up
 * received chunks in memory, and a process killed then loses all of them
 * (they were sent but are not durable). 8 lets one group commit cover several
 * chunks while the next ones are hashed (at 4 the requests stopped at times
 * while a commit ran).
 */
export const MAX_WRITES_IN_FLIGHT = 8

/**
 * Time a holder needs to make a requested piece ready (a disk read: about
 * 1.5 ms per MiB with direct I/O on this project's machine, plus event-loop
 * delays), counted into the round trip when sizing the pipeline. The least
 * RTT seen is from pieces the holder had already read, so it leaves this out;
 * on loopback, where a chunk crosses in about a millisecond, that kept 2 in
 * flight, the holder had no request queued to read ahead, and its read sat
 * between pieces (290 MiB/s, bench/README.md). On a slow link it adds nothing
 * (a 1 MiB chunk takes 200 ms at 40 Mbit/s), where a floor of 3 measured
 * slower in an 8-server swarm (79.0-79.7 s against 77.0-77.9 s).
 */
export const HOLDER_SERVICE_MS = 4

/** Weight of the newest piece in a session's smoothed delivery rate (bytes and time averaged apart). */
export const PIECE_RATE_ALPHA = 1 / 4

/** Requests queued by the serving side per session; more are rejected BUSY. */
export const MAX_QUEUED_REQUESTS = 64

/** Hash failures after which a peer gets no more requests for the file. */
export const BAN_AFTER_FAILURES = 3

/** Copies of one chunk requested at once in endgame. */
export const ENDGAME_DUPLICATES = 2

/** After an ELSEWHERE reject, do not ask that peer for that chunk for this long. */
export const REJECT_BACKOFF_MS = 2_000

/** ELSEWHERE rejects of one chunk after which the request is marked urgent. */
export const URGENT_AFTER_REJECTS = 2

/** Progress events per file at most this often. */
export const PROGRESS_INTERVAL_MS = 250

/** Wait between attempts to dial a peer that failed. */
export const REDIAL_BACKOFF_MS = 2_000

/** Dial attempts per peer and file before giving up on it. */
export const MAX_DIAL_ATTEMPTS = 10

/** Inbound/outbound chunk streams per connection. */
export const MAX_INBOUND_STREAMS = 256
export const MAX_OUTBOUND_STREAMS = 256

/** A reader pauses the stream when this many bytes wait unread, resumes below half. */
export const READ_HIGH_WATER = 4 * 1024 * 1024

/**
 * Received-piece buffers kept for reuse between pieces, per process (fetch-session.ts):
 * a download's writes in flight (MAX_WRITES_IN_FLIGHT x 1 MiB) several times over.
 */
export const PIECE_BUFFERS_FREE_BYTES = 32 * 1024 * 1024

/**
 * A chunk sent to a connected peer counts as on its way to a holder for this
 * long: time to arrive, be verified and stored, and be announced on a slow link.
 * After that, a peer that never announced it is presumed stalled or gone.
 */
export const SENT_CREDIT_MS = 10_000

/** Holders named in an ELSEWHERE reject, so the requester can ask them directly. */
export const MAX_HOLDER_HINTS = 2

/**
 * Pieces read and being sent to one peer at once, whatever number of
 * sessions it opened (peer-limits.ts). A fetcher keeps one session per file
 * and up to MAX_PIPELINE requests queued in it, served one at a time, so 4
 * never slows an honest peer; it bounds what a flooding one costs to 4
 * chunk buffers and 4 queued disk reads.
 */
export const MAX_PIECES_IN_FLIGHT_PER_PEER = 4

/**
 * Pieces a serve session reads ahead of the one it sends, when that many are
 * asked for (serve-session.ts). Disk reads then overlap each other and the
 * sends; MAX_PIECES_IN_FLIGHT_PER_PEER still bounds what one peer holds.
 */
export const SERVE_READ_AHEAD = 3
