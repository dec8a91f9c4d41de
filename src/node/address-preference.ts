import { networkInterfaces } from 'node:os'
import { circuitRelayAddressesLast, loopbackAddressLast, publicAddressesFirst, reliableTransportsFirst } from '@libp2p/utils'
import type { Address, AddressSorter } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { cidrContains } from '../util/net.js'

/**
 * Interfaces change rarely, and a dial sorts many addresses: re-read them at
 * most this often.
 */
const LOCAL_SUBNETS_TTL_MS = 10_000

let cached: { at: number, subnets: string[] } | undefined

/** CIDRs of this host's non-loopback IPv4 interfaces (in a namespace: the namespace's). */
export function localSubnets (now = Date.now()): string[] {
  if (cached != null && now - cached.at < LOCAL_SUBNETS_TTL_MS) return cached.subnets
  const subnets = Object.values(networkInterfaces()).flat()
    .filter((i) => i != null && i.family === 'IPv4' && !i.internal && i.cidr != null)
    .map((i) => i!.cidr!)
  cached = { at: now, subnets }
  return subnets
}

/** True when the address is IPv4 and lies in one of `subnets`. */
export function inSubnets (ma: Multiaddr, subnets: readonly string[]): boolean {
  const ip = ma.getComponents().find((c) => c.name === 'ip4')?.value
  if (ip == null || ma.getComponents().some((c) => c.name === 'p2p-circuit')) return false
  return subnets.some((cidr) => cidrContains(cidr, ip))
}

function certifiedFirst (a: Address, b: Address): -1 | 0 | 1 {
  return a.isCertified === b.isCertified ? 0 : a.isCertified ? -1 : 1
}

/**
 * libp2p dials a peer's addresses one after another, public ones first. A peer
 * in one of our own subnets is nearer by its LAN address (no NAT hairpin, no
 * ISP link), so those go first; then libp2p's own order (loopback last,
 * public before private, relayed last, certified, reliable transports).
 */
export function sameSubnetFirst (subnets: () => readonly string[] = localSubnets): AddressSorter {
  return (a, b) => {
    const local = subnets()
    const near = Number(inSubnets(b.multiaddr, local)) - Number(inSubnets(a.multiaddr, local))
    if (near !== 0) return near < 0 ? -1 : 1
    return loopbackAddressLast(a.multiaddr, b.multiaddr) ||
      publicAddressesFirst(a.multiaddr, b.multiaddr) ||
      circuitRelayAddressesLast(a.multiaddr, b.multiaddr) ||
      certifiedFirst(a, b) ||
      reliableTransportsFirst(a.multiaddr, b.multiaddr)
  }
}
