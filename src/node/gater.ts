import type { ConnectionGater, MultiaddrConnection, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { MAX_PENDING_HANDSHAKES_PER_IP } from './constants.js'

export interface GaterInit {
  /**
   * Private swarm: whether a peer may connect at all (both directions).
   * Undefined = every peer. Checked on the PeerId that Noise has just
   * authenticated, so it cannot be spoofed, and before the connection is
   * multiplexed: a refused peer never opens a stream, so no protocol handler
   * runs and no chunk byte is sent.
   */
  allow?: (peer: PeerId) => boolean
  /** Inbound handshakes one IP address may have in progress at once. */
  maxPendingPerIp?: number
  /** Called when a connection is refused, for logs and tests. */
  onDenied?(reason: DenyReason, who: string): void
  /**
   * A relay server on this node (circuit-relay-v2): whether `source` may be
   * relayed to `destination`. Undefined = anyone to anyone that holds a
   * reservation. The tracker's relay admits registered servers and the
   * clients its FALLBACK answers named a relay to (tracker/relay-offer.ts).
   */
  mayRelay?: (source: PeerId, destination: PeerId) => boolean
  /** A relay server on this node: whether `peer` may make a reservation (listen through us). Undefined = anyone. */
  mayReserve?: (peer: PeerId) => boolean
}

/**
 * Why the gater refused: `not-allowed` = a peer off the list finished Noise
 * (inbound or outbound) and was cut before multiplexing; `not-dialled` = we
 * were about to dial a peer off the list (peer exchange, mDNS) and did not;
 * `too-many-handshakes` = one IP had too many handshakes in progress;
 * `not-relayed` = our relay refused to carry a peer's connection (or to take
 * its reservation).
 */
export type DenyReason = 'not-allowed' | 'not-dialled' | 'too-many-handshakes' | 'not-relayed'

/**
 * The connection gater of every Shoal node.
 *
 * - The allowlist (private swarm) is checked after Noise, in both
 *   directions, and before we even dial: peer exchange cannot lead us to a
 *   stranger either.
 * - Inbound handshakes in progress are capped per remote IP. libp2p caps them
 *   only globally (maxIncomingPendingConnections), so without this one host
 *   that opens TCP connections and never finishes the handshake (a slow
 *   handshake flood) fills every slot until the upgrade timeout and locks
 *   every other peer out; with it, that host only locks itself out.
 */
export function shoalGater (init: GaterInit = {}): ConnectionGater {
  const maxPending = init.maxPendingPerIp ?? MAX_PENDING_HANDSHAKES_PER_IP
  const pending = new Map<string, number>()
  /** Connections counted in `pending`, each released exactly once. */
  const counted = new WeakSet<MultiaddrConnection>()
  const release = (maConn: MultiaddrConnection, ip: string): void => {
    if (!counted.has(maConn)) return
    counted.delete(maConn)
    const n = (pending.get(ip) ?? 1) - 1
    if (n <= 0) pending.delete(ip)
    else pending.set(ip, n)
  }
  const denied = (peer: PeerId): boolean => {
    if (init.allow == null || init.allow(peer)) return false
    init.onDenied?.('not-allowed', peer.toString())
    return true
  }
  return {
    denyDialPeer: (peer) => {
      if (init.allow == null || init.allow(peer)) return false
      init.onDenied?.('not-dialled', peer.toString())
      return true
    },
    denyInboundConnection: (maConn) => {
      const ip = ipOf(maConn.remoteAddr)
      if (ip == null) return false
      const n = pending.get(ip) ?? 0
      if (n >= maxPending) {
        init.onDenied?.('too-many-handshakes', ip)
        return true
      }
      pending.set(ip, n + 1)
      counted.add(maConn)
      // Released when the handshake is done (below) or the connection ends, whichever comes first.
      maConn.addEventListener('close', () => { release(maConn, ip) }, { once: true })
      return false
    },
    denyInboundEncryptedConnection: (peer, maConn) => {
      const ip = ipOf(maConn.remoteAddr)
      if (ip != null) release(maConn, ip)
      return denied(peer)
    },
    denyOutboundEncryptedConnection: (peer) => denied(peer),
    // Asked by the relay server (circuit-relay-v2) only; a node without one never calls these.
    denyOutboundRelayedConnection: (source, destination) => {
      if (init.mayRelay == null || init.mayRelay(source, destination)) return false
      init.onDenied?.('not-relayed', source.toString())
      return true
    },
    denyInboundRelayReservation: (peer) => {
      if (init.mayReserve == null || init.mayReserve(peer)) return false
      init.onDenied?.('not-relayed', peer.toString())
      return true
    }
  }
}

function ipOf (ma: Multiaddr): string | undefined {
  return ma.getComponents().find((c) => c.name === 'ip4' || c.name === 'ip6')?.value
}

/**
 * Closes every open connection to a peer that `allow` no longer accepts:
 * after an allowlist edit removes a peer, it loses its connections too, not
 * only future ones.
 */
export function closeDisallowed (node: { getConnections(): Array<{ remotePeer: PeerId, close(): Promise<void>, abort(err: Error): void }> }, allow: (peer: PeerId) => boolean): number {
  let closed = 0
  for (const conn of node.getConnections()) {
    if (allow(conn.remotePeer)) continue
    closed++
    conn.close().catch((err: Error) => { conn.abort(err) })
  }
  return closed
}
