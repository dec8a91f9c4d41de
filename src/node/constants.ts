/** File in a data directory holding the node's private key (protobuf, Ed25519). */
export const KEY_FILE = 'peer.key'

/**
 * Yamux stream window. Must be identical on every peer: a mismatch with a paused
 * reader ends in ReceiveWindowExceededError and a GoAway for the whole
 * connection (LIBP2P.md). 1 MiB lets one chunk be in flight per round trip.
 */
export const YAMUX_STREAM_WINDOW = 1024 * 1024

/** Streams a peer may open right after connecting: chunk sessions for many files open at once. */
export const YAMUX_MAX_EARLY_STREAMS = 64

/** New inbound connections per second per IP; the default 5 breaks local multi-peer swarms on one IP. */
export const INBOUND_CONNECTION_THRESHOLD = 1000

/** Connections being upgraded at once. */
export const MAX_INCOMING_PENDING_CONNECTIONS = 64

/** Total connections a node keeps. */
export const MAX_CONNECTIONS = 300

/** How long a dial may take before it fails. */
export const DIAL_TIMEOUT_MS = 10_000

/** Default listen address: any IPv4 interface, a port chosen by the OS. */
export const DEFAULT_LISTEN = '/ip4/0.0.0.0/tcp/0'

/**
 * Bytes a paused stream may buffer before it is reset. A paused yamux stream
 * stops granting window, so the remote can have at most one window in flight;
 * 4 windows leaves room for frames that were already on the wire.
 */
export const STREAM_MAX_READ_BUFFER = YAMUX_STREAM_WINDOW * 4
