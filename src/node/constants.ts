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

/** Largest window yamux may grow a stream's receive window to, as it measures the link. */
export const YAMUX_MAX_STREAM_WINDOW = YAMUX_STREAM_WINDOW * 4

/**
 * Bytes a paused stream may buffer before it is reset. A reader lets in up to
 * one whole frame while it reads it (a chunk of at most 16 MiB), and a paused
 * yamux stream stops granting window, so at most one more window can arrive:
 * room for both, twice over for frames already on the wire.
 */
export const STREAM_MAX_READ_BUFFER = 16 * 1024 * 1024 + 2 * YAMUX_MAX_STREAM_WINDOW

/**
 * mDNS service name Shoal nodes ask and answer for. Not libp2p's shared
 * `_p2p._udp.local`: Shoal servers should find each other, not every IPFS
 * node on the LAN (and not answer theirs).
 */
export const MDNS_SERVICE_TAG = '_shoal._udp.local'

/**
 * Seconds between mDNS queries. Every node also queries once at start and
 * answers others' queries at once, so a new server is found in well under a
 * second; the interval only catches peers whose answer was lost.
 */
export const MDNS_INTERVAL_MS = 10_000

/** Protocol of the swarm's private kad-dht: never mixes with the public IPFS DHT. */
export const DHT_PROTOCOL = '/shoal/kad/1.0.0'

/**
 * Reservations a relay keeps: one per server that cannot be dialled directly.
 * A bound on what a relay lends out; each reservation is one connection.
 */
export const RELAY_MAX_RESERVATIONS = 128

/** Relayed connections a relay carries at once (HOP streams), in and out. */
export const RELAY_MAX_HOP_STREAMS = 256

/**
 * Inbound handshakes (TCP accepted, Noise and yamux not yet done) one remote
 * IP may have at once. Honest peers need one or two; a host that opens
 * connections and stalls the handshake is refused beyond this instead of
 * filling MAX_INCOMING_PENDING_CONNECTIONS for everyone (gater.ts).
 */
export const MAX_PENDING_HANDSHAKES_PER_IP = 16

/**
 * Time an inbound connection has to finish Noise and yamux. A handshake is a
 * few round trips; libp2p's default (10 s) lets a slow-handshake flood hold
 * its slots twice as long.
 */
export const INBOUND_UPGRADE_TIMEOUT_MS = 5_000

/**
 * Ping streams per connection and direction. Three parts of a node ping on the
 * same connection, on their own schedules: libp2p's connection monitor (every
 * 10 s; a failed ping aborts the connection), kad-dht (before it adds a peer to
 * its routing table; a failed ping leaves the peer out for good) and the
 * tracker's RTT probe. @libp2p/ping allows 1 outbound and 2 inbound streams, so
 * two of them at once failed with TooManyOutboundProtocolStreamsError: a
 * tracker's routing table stayed empty of the servers it probed on registration.
 */
export const PING_MAX_STREAMS = 4

/**
 * Least time libp2p's connection monitor waits for its ping (every 10 s)
 * before it aborts the whole connection; its default is 5 s. A ping queues
 * behind the bulk data already written to the same TCP connection: on a
 * saturated 50 Mbit/s path (a split upload whose other target died, so one
 * path carried the rest) it took over 5 s, and the monitor cut a healthy
 * upload (client-split e2e). 30 s, like UPLOAD_STALL_MS, still finds a
 * vanished peer within 40 s.
 */
export const CONNECTION_PING_MIN_TIMEOUT_MS = 30_000
