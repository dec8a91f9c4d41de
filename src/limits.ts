import { InvalidArgumentError } from './errors.js'
import { MAX_CHUNK_SIZE, MAX_CHUNKS } from './manifest/constants.js'
import { MAX_CONNECTIONS, MAX_INCOMING_PENDING_CONNECTIONS, MAX_PENDING_HANDSHAKES_PER_IP } from './node/constants.js'
import { RPC_MAX_INBOUND_STREAMS, RPC_MAX_OUTBOUND_STREAMS } from './rpc/constants.js'
import { INGEST_MAX_INBOUND_STREAMS, INGEST_MAX_OUTBOUND_STREAMS, PROBE_MAX_STREAMS } from './rpc/transfer-constants.js'
import { MAX_INBOUND_STREAMS, MAX_OUTBOUND_STREAMS, MAX_PIECES_IN_FLIGHT_PER_PEER, MAX_QUEUED_REQUESTS } from './swarm/constants.js'

/**
 * The resource limits of a node (server or tracker), as runtime options.
 * Every default is the named constant the code used before they were
 * options, so a node given no limits behaves as it always did. Rates are
 * bytes per second; 0 means "no cap" for rates and the ingest quota.
 *
 * Message and frame sizes are not here on purpose: they follow from the
 * manifest's structure (a bitfield of MAX_CHUNKS bits, a manifest of
 * MAX_CHUNKS hashes), so a smaller value would refuse honest messages about
 * large files, and a larger one cannot be sent by any peer. Bound the files
 * instead (`maxUploadBytes`, `ingestQuotaBytes`).
 */
export interface Limits {
  /** Connections the node keeps; idle ones beyond this are pruned (busy ones never). */
  maxConnections: number
  /** Inbound connections in their handshake at once, all hosts. */
  maxPendingConnections: number
  /** Inbound connections in their handshake at once from one IP address (gater.ts). */
  maxPendingPerIp: number
  /** /shoal/chunk streams per connection, opened by the remote / by us. */
  chunkStreamsIn: number
  chunkStreamsOut: number
  /** /shoal/tracker and /shoal/task streams per connection (each one call). */
  rpcStreamsIn: number
  rpcStreamsOut: number
  /** /shoal/ingest streams per connection (an uploader uses 4 by default). */
  ingestStreamsIn: number
  ingestStreamsOut: number
  /** /shoal/probe streams per connection, each direction. */
  probeStreams: number
  /** Chunk requests queued per serve session; more are answered BUSY. */
  queuedRequestsPerSession: number
  /** Pieces read and being sent to one peer at once, across its sessions (requests in flight per peer). */
  piecesInFlightPerPeer: number
  /** Chunk payload bytes per second served to one remote peer, across its sessions and files; 0 = no cap. */
  serveRatePerPeer: number
  /** Upload (ingest) chunk bytes per second taken from one remote peer; 0 = no cap. */
  ingestRatePerPeer: number
  /** Largest file one upload may be. */
  maxUploadBytes: number
  /** An upload of a new file is refused when the store's files and it would exceed this; 0 = no quota. */
  ingestQuotaBytes: number
}

/** Largest file any manifest can describe (manifest/constants.ts). */
const MAX_FILE_BYTES = MAX_CHUNKS * MAX_CHUNK_SIZE

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxConnections: MAX_CONNECTIONS,
  maxPendingConnections: MAX_INCOMING_PENDING_CONNECTIONS,
  maxPendingPerIp: MAX_PENDING_HANDSHAKES_PER_IP,
  chunkStreamsIn: MAX_INBOUND_STREAMS,
  chunkStreamsOut: MAX_OUTBOUND_STREAMS,
  rpcStreamsIn: RPC_MAX_INBOUND_STREAMS,
  rpcStreamsOut: RPC_MAX_OUTBOUND_STREAMS,
  ingestStreamsIn: INGEST_MAX_INBOUND_STREAMS,
  ingestStreamsOut: INGEST_MAX_OUTBOUND_STREAMS,
  probeStreams: PROBE_MAX_STREAMS,
  queuedRequestsPerSession: MAX_QUEUED_REQUESTS,
  piecesInFlightPerPeer: MAX_PIECES_IN_FLIGHT_PER_PEER,
  serveRatePerPeer: 0,
  ingestRatePerPeer: 0,
  maxUploadBytes: MAX_FILE_BYTES,
  ingestQuotaBytes: 0
})

/**
 * Smallest non-zero rate cap: below this a 1 MiB chunk takes minutes and
 * every request timeout (REQUEST_TIMEOUT_MS) fires; a cap that low is a typo.
 */
export const MIN_RATE_CAP = 64 * 1024

/** Most streams of one protocol per connection we accept as a setting (yamux ids are 32-bit; beyond this is a typo). */
const MAX_STREAMS_SETTING = 65_536

/** Allowed range of each limit: [min, max]; for rates and the quota, 0 is also allowed (off). */
const RANGES: Record<keyof Limits, { min: number, max: number, zeroIsOff?: boolean }> = {
  maxConnections: { min: 1, max: 1_000_000 },
  maxPendingConnections: { min: 1, max: 100_000 },
  maxPendingPerIp: { min: 1, max: 100_000 },
  chunkStreamsIn: { min: 1, max: MAX_STREAMS_SETTING },
  chunkStreamsOut: { min: 1, max: MAX_STREAMS_SETTING },
  rpcStreamsIn: { min: 1, max: MAX_STREAMS_SETTING },
  rpcStreamsOut: { min: 1, max: MAX_STREAMS_SETTING },
  ingestStreamsIn: { min: 1, max: MAX_STREAMS_SETTING },
  ingestStreamsOut: { min: 1, max: MAX_STREAMS_SETTING },
  probeStreams: { min: 1, max: MAX_STREAMS_SETTING },
  queuedRequestsPerSession: { min: 1, max: MAX_STREAMS_SETTING },
  piecesInFlightPerPeer: { min: 1, max: 1024 },
  serveRatePerPeer: { min: MIN_RATE_CAP, max: Number.MAX_SAFE_INTEGER, zeroIsOff: true },
  ingestRatePerPeer: { min: MIN_RATE_CAP, max: Number.MAX_SAFE_INTEGER, zeroIsOff: true },
  maxUploadBytes: { min: 1, max: MAX_FILE_BYTES },
  ingestQuotaBytes: { min: 1, max: Number.MAX_SAFE_INTEGER, zeroIsOff: true }
}

/** The names of every limit, in the order of the README's table. */
export const LIMIT_NAMES = Object.keys(RANGES) as Array<keyof Limits>

/**
 * Fills in defaults and checks every value: a whole number in its range, no
 * unknown names (a misspelt limit must not be silently ignored). Throws
 * InvalidArgumentError naming the limit.
 */
export function resolveLimits (given: Partial<Limits> = {}): Limits {
  for (const name of Object.keys(given)) {
    if (!(name in RANGES)) throw new InvalidArgumentError(`unknown limit "${name}" (known: ${LIMIT_NAMES.join(', ')})`)
  }
  const limits: Limits = { ...DEFAULT_LIMITS }
  for (const name of LIMIT_NAMES) {
    const value = given[name]
    if (value === undefined) continue
    const { min, max, zeroIsOff } = RANGES[name]
    const ok = typeof value === 'number' && Number.isSafeInteger(value) && ((zeroIsOff === true && value === 0) || (value >= min && value <= max))
    if (!ok) {
      throw new InvalidArgumentError(`limit ${name} must be a whole number from ${min} to ${max}${zeroIsOff === true ? ' (or 0 for none)' : ''}, not ${String(value)}`)
    }
    limits[name] = value
  }
  return limits
}
