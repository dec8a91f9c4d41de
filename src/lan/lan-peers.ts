import type { Logger, PeerDiscovery, PeerId, PeerInfo } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { isLoopback } from '@libp2p/utils'
import { inSubnets, localSubnets } from '../node/address-preference.js'
import { DIAL_TIMEOUT_MS } from '../node/constants.js'
import type { ShoalNode } from '../node/index.js'
import { LAN_PEER_TTL_MS, MAX_LAN_PEERS } from './constants.js'

interface Seen { peer: PeerId, addrs: Multiaddr[], at: number }

export interface LanPeersInit {
  node: ShoalNode
  /** The node's mDNS service (node.services.mdns). */
  mdns: PeerDiscovery
  log: Logger
  now?(): number
}

/**
 * The Shoal servers mDNS finds on this LAN. libp2p 3 does not dial
 * discovered peers (LIBP2P.md), so each new one is dialled here: the
 * connection puts it in the DHT's routing table too, which is how a server
 * without a tracker joins the DHT. mDNS cannot carry a file id; who holds what
 * is asked over /shoal/lan/1.0.0 (lan-protocol.ts).
 */
export class LanPeers {
  readonly #init: LanPeersInit
  readonly #now: () => number
  readonly #seen = new Map<string, Seen>()
  readonly #dialing = new Set<string>()
  readonly #controller = new AbortController()
  readonly #onPeer = (evt: CustomEvent<PeerInfo>): void => { this.#found(evt.detail) }

  constructor (init: LanPeersInit) {
    this.#init = init
    this.#now = init.now ?? Date.now
  }

  start (): void {
    this.#init.mdns.addEventListener('peer', this.#onPeer)
  }

  stop (): void {
    this.#init.mdns.removeEventListener('peer', this.#onPeer)
    this.#controller.abort()
  }

  /** LAN peers seen within the TTL, most recently seen first. */
  peers (): PeerId[] {
    const now = this.#now()
    for (const [key, s] of this.#seen) if (now - s.at > LAN_PEER_TTL_MS) this.#seen.delete(key)
    return [...this.#seen.values()].sort((a, b) => b.at - a.at).map((s) => s.peer)
  }

  #found (info: PeerInfo): void {
    if (info.id.equals(this.#init.node.peerId)) return
    const key = info.id.toString()
    // A loopback address of another host leads back to ourselves; keep it only when it is all there is (one host).
    const remote = info.multiaddrs.filter((a) => !isLoopback(a))
    const addrs = (remote.length > 0 ? remote : info.multiaddrs).map((a) => a.encapsulate(`/p2p/${key}`))
    const known = this.#seen.get(key)
    this.#seen.delete(key)
    this.#seen.set(key, { peer: info.id, addrs, at: this.#now() })
    if (this.#seen.size > MAX_LAN_PEERS) this.#seen.delete(this.#seen.keys().next().value!)
    if (known == null) this.#init.log('LAN peer %p at %s', info.id, addrs.map(String).join(' '))
    // LAN queries dial by PeerId: make sure the peer store has the addresses (libp2p merges mDNS finds too, later).
    this.#init.node.peerStore.merge(info.id, { multiaddrs: addrs })
      .catch((err) => { this.#init.log('remembering LAN peer %p failed: %s', info.id, err.message) })
    this.#dial(info.id, addrs)
  }

  #dial (peer: PeerId, addrs: Multiaddr[]): void {
    const key = peer.toString()
    if (this.#dialing.has(key) || this.#init.node.getConnections(peer).length > 0 || addrs.length === 0) return
    this.#dialing.add(key)
    const signal = AbortSignal.any([this.#controller.signal, AbortSignal.timeout(DIAL_TIMEOUT_MS)])
    this.#init.node.dial(addrs, { signal })
      .catch((err) => { this.#init.log('dialling LAN peer %p failed: %s', peer, err.message) })
      .finally(() => this.#dialing.delete(key))
  }
}

/** True when we reach `peer` (or know an address of it) inside one of our own subnets. */
export async function isOnLan (node: ShoalNode, peer: PeerId): Promise<boolean> {
  const subnets = localSubnets()
  if (node.getConnections(peer).some((c) => inSubnets(c.remoteAddr, subnets))) return true
  const record = await node.peerStore.get(peer).catch(() => undefined)
  return record?.addresses.some((a) => inSubnets(a.multiaddr, subnets)) ?? false
}
