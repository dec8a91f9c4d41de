import { MAX_MANIFEST_BYTES } from '../manifest/constants.js'

/** `/shoal/<name>/<version>`: every Shoal protocol id is built here, so they cannot drift apart. */
export function shoalProtocol (name: string, version: string): string {
  return `/shoal/${name}/${version}`
}

/** Server or client -> tracker: register, heartbeat, announce, hints, results, operator calls. */
export const TRACKER_PROTOCOL = shoalProtocol('tracker', '1.0.0')

/** Tracker -> task server: push one task, get the server's ack once it is journalled. */
export const TASK_PROTOCOL = shoalProtocol('task', '1.0.0')

/** Room for every field besides a manifest: ids, addresses, hints. */
const ENVELOPE_BYTES = 1024 * 1024

/**
 * Largest tracker request. The biggest is an ANNOUNCE: a partial holding of a
 * file with the most chunks (2^20) costs 128 KiB, so 4 MiB carries about 30 of
 * those or thousands of ordinary ones; complete files cost only their id.
 * Announcers split larger sets across calls (MAX_ANNOUNCE_BITFIELD_BYTES).
 */
export const MAX_TRACKER_REQUEST_BYTES = 4 * 1024 * 1024

/** Bitfield bytes put in one ANNOUNCE before it is split, leaving room for ids under MAX_TRACKER_REQUEST_BYTES. */
export const MAX_ANNOUNCE_BITFIELD_BYTES = 3 * 1024 * 1024

/** Largest tracker response: a GET_PEERS answer carrying the largest manifest plus the hints. */
export const MAX_TRACKER_RESPONSE_BYTES = MAX_MANIFEST_BYTES + ENVELOPE_BYTES

/** Largest task push: the largest manifest plus the task's fields. */
export const MAX_TASK_PUSH_BYTES = MAX_MANIFEST_BYTES + 64 * 1024

/** Largest task ack: an id, a code and a one-line message. */
export const MAX_TASK_ACK_BYTES = 16 * 1024

/**
 * Time for one small call (request out, response back). Generous next to a
 * loopback or LAN round trip, short enough that a dead tracker is noticed
 * before the next heartbeat is due.
 */
export const CALL_TIMEOUT_MS = 10_000

/** Time for a call that may carry a full-size manifest (32 MiB) either way. */
export const LARGE_CALL_TIMEOUT_MS = 60_000

/** Time a handler waits for the request after a stream opens; a silent opener is cut off. */
export const REQUEST_READ_TIMEOUT_MS = 10_000

/**
 * Inbound streams per connection for the tracker and task protocols. Calls
 * are short; more than this many at once from one peer is a bug or abuse.
 */
export const RPC_MAX_INBOUND_STREAMS = 32
export const RPC_MAX_OUTBOUND_STREAMS = 32

/** Task ids name journal files on servers: letters, digits and dashes only, bounded length. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/
