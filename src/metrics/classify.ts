import type { SourceKind } from './names.js'

/** The parts of a connection classification needs (a libp2p Connection fits). */
export interface ConnectionLike {
  remoteAddr: { toString(): string }
  limits?: unknown
}

/**
 * What kind of source a peer is, from its open connections: the tracker by id;
 * a relayed connection (p2p-circuit) is `relay`; a private, loopback or
 * link-local address is `lan_peer`; anything else `wan_peer`. No connection
 * left (it closed): `wan_peer`, the conservative guess.
 */
export function classifyPeer (peer: string, trackerId: string | undefined, connections: readonly ConnectionLike[]): SourceKind {
  if (trackerId != null && peer === trackerId) return 'tracker'
  if (connections.length === 0) return 'wan_peer'
  const addrs = connections.map((c) => c.remoteAddr.toString())
  if (addrs.every((a) => a.includes('/p2p-circuit'))) return 'relay'
  return addrs.some((a) => isPrivateAddr(a)) ? 'lan_peer' : 'wan_peer'
}

/** Whether a multiaddr's IP is private (RFC 1918, loopback, link-local, ULA). */
export function isPrivateAddr (ma: string): boolean {
  const v4 = /\/ip4\/(\d+)\.(\d+)\.\d+\.\d+/.exec(ma)
  if (v4 != null) {
    const a = Number(v4[1])
    const b = Number(v4[2])
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
  }
  const v6 = /\/ip6\/([0-9a-f:]+)/i.exec(ma)
  if (v6 != null) {
    const ip = v6[1].toLowerCase()
    return ip === '::1' || ip.startsWith('fe80') || ip.startsWith('fc') || ip.startsWith('fd')
  }
  return false
}
