import { MAX_CHUNKS, MAX_CHUNK_SIZE } from '../manifest/constants.js'
import { shoalProtocol } from './constants.js'

/** Client -> ingest server: a timed throughput probe (probe.proto, probe.md). */
export const PROBE_PROTOCOL = shoalProtocol('probe', '1.0.0')

/** Client -> ingest server: a chunked, verified, resumable upload (ingest.proto, ingest.md). */
export const INGEST_PROTOCOL = shoalProtocol('ingest', '1.0.0')

/** Largest probe header or result: a few varints. */
export const MAX_PROBE_MESSAGE_BYTES = 64

/**
 * Most raw bytes a receiver accepts in one probe: at 1 Gbit/s this is a
 * quarter of a second, enough to leave TCP slow start; more only wastes the
 * link that the upload is about to use.
 */
export const MAX_PROBE_BYTES = 32 * 1024 * 1024

/** Longest a receiver lets one probe run after its first byte, whatever the client asks. */
export const MAX_PROBE_MS = 10_000

/** Time a probe receiver waits for the request after the stream opens. */
export const PROBE_REQUEST_TIMEOUT_MS = 10_000

/** Largest ingest frame (protobuf): a full bitfield of MAX_CHUNKS bits plus the other fields. */
export const MAX_INGEST_FRAME_BYTES = MAX_CHUNKS / 8 + 4096

/**
 * Most chunks in one BLOCK. With 1 MiB chunks, 64 MiB is several seconds of a
 * fast link: a longer block would only delay the rate feedback that sizes it.
 */
export const MAX_BLOCK_CHUNKS = 64

/** Largest chunk a BLOCK may carry (the manifest limit). */
export const MAX_INGEST_CHUNK_BYTES = MAX_CHUNK_SIZE

/** Ingest streams per connection a receiver accepts: a client needs a handful. */
export const INGEST_MAX_INBOUND_STREAMS = 16
export const INGEST_MAX_OUTBOUND_STREAMS = 16

/** Probes one connection may run at once, each direction: a client probes each candidate once. */
export const PROBE_MAX_STREAMS = 4

/**
 * A receiver pauses reading a stream while this many bytes wait unread (or
 * are being written), and resumes below half: memory per stream stays
 * bounded whatever the sender does.
 */
export const BULK_READ_HIGH_WATER = 4 * 1024 * 1024

/** An ingest session that receives nothing for this long is cut off (yamux does not time out idle streams). */
export const INGEST_IDLE_TIMEOUT_MS = 60_000

/** Time for a receiver to commit a file besides hashing it: the tracker call, with room to spare. */
export const INGEST_COMMIT_TIMEOUT_MS = 120_000

/** Slowest whole-file hashing a commit allows for (a busy disk): 50 MiB/s. */
export const COMMIT_HASH_BYTES_PER_SECOND = 50 * 1024 * 1024

/** Deadline of a COMMIT for a file of `size` bytes: the receiver re-hashes it all, then calls the tracker. */
export function commitTimeoutMs (size: number): number {
  return INGEST_COMMIT_TIMEOUT_MS + Math.ceil(size / COMMIT_HASH_BYTES_PER_SECOND * 1000)
}

/** Most addresses a split upload's COMMIT may name (the client splits across at most 3 targets, a few addresses each). */
export const MAX_COMMIT_SOURCES = 32

/**
 * Slowest fetch of the rest of a split upload from its other targets that a
 * commit allows for: 1 MiB/s (the targets are chosen for fast links, so this
 * only bounds a broken one).
 */
export const GATHER_BYTES_PER_SECOND = 1024 * 1024

/** Deadline of the fetch a split upload's COMMIT starts: a fixed allowance plus the file at GATHER_BYTES_PER_SECOND. */
export function gatherTimeoutMs (size: number): number {
  return INGEST_COMMIT_TIMEOUT_MS + Math.ceil(size / GATHER_BYTES_PER_SECOND * 1000)
}
