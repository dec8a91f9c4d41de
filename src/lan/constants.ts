import { MAX_CHUNKS } from '../manifest/constants.js'
import { shoalProtocol } from '../rpc/constants.js'

/** A server asks the peers mDNS found on its LAN about a file id (mDNS itself cannot carry one). */
export const LAN_PROTOCOL = shoalProtocol('lan', '1.0.0')

/** Largest request: a file id (a CID, tens of bytes) and the envelope. */
export const MAX_LAN_REQUEST_BYTES = 4 * 1024

/** Largest response: a full bitfield (MAX_CHUNKS bits) plus a few addresses. */
export const MAX_LAN_RESPONSE_BYTES = MAX_CHUNKS / 8 + 16 * 1024

/** Addresses a responder lists about itself. */
export const MAX_LAN_ADDRS = 8

/** One HAVE_QUERY (dial included): a LAN peer answers in milliseconds; a slow one is not worth waiting for. */
export const LAN_QUERY_TIMEOUT_MS = 5_000

/** Time a handler waits for the request after the stream opens. */
export const LAN_READ_TIMEOUT_MS = 5_000

/** LAN peers asked at once. */
export const LAN_QUERY_CONCURRENCY = 16

/** LAN peers remembered; more are a misconfigured LAN (or not a LAN), not more sources. */
export const MAX_LAN_PEERS = 256

/**
 * A LAN peer not seen again by mDNS for this long is forgotten. mDNS answers
 * carry a 120 s TTL and peers re-answer every query interval.
 */
export const LAN_PEER_TTL_MS = 120_000

/** Streams per connection for the LAN protocol: one short call each. */
export const LAN_MAX_STREAMS = 16

/** A DHT provider lookup: a private swarm answers in milliseconds (LIBP2P.md); bounded all the same. */
export const DHT_FIND_TIMEOUT_MS = 15_000

/** Providers taken from one DHT lookup. */
export const MAX_DHT_PROVIDERS = 20

/** One provide() call: 1-9 s for 5-20 nodes (LIBP2P.md). */
export const DHT_PROVIDE_TIMEOUT_MS = 60_000

/** A provide that reached no peer is tried again after this long (the table may have only dead peers). */
export const DHT_PROVIDE_RETRY_MS = 30_000

/**
 * Held files are provided again when the DHT's routing table changes (a
 * record is stored on the closest peers known at the time), at most this often.
 */
export const DHT_REPROVIDE_MIN_INTERVAL_MS = 5_000

/**
 * A peer joining the routing table triggers a reprovide only while the table
 * is at most one k-bucket (kad-dht's default 20): then a newcomer is likely
 * among the closest peers to every id; in a larger table it rarely is.
 */
export const DHT_REPROVIDE_ON_JOIN_MAX_PEERS = 20

/**
 * And in any case this often, so records outlive the peers that stored them.
 * kad-dht keeps a provider record 48 h; a few times an hour is plenty.
 */
export const DHT_REPROVIDE_INTERVAL_MS = 15 * 60_000

/** Without a tracker: look for holders again this often while a download runs. */
export const FINDER_REFRESH_MS = 3_000

/** Before a download can start, look for a first holder at most this many times... */
export const FIND_FIRST_ATTEMPTS = 30

/** ...this far apart (mDNS answers and DHT records take a moment to appear). */
export const FIND_FIRST_RETRY_MS = 1_000
