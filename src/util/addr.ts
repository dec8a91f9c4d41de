import type { Multiaddr } from '@multiformats/multiaddr'

/**
 * The peer an address leads to: its last /p2p/ component. A relayed address
 * (`/ip4/../p2p/<relay>/p2p-circuit/p2p/<peer>`) names the relay first, so
 * the first /p2p/ would credit the relay with the peer's address.
 */
export function addrPeerId (ma: Multiaddr): string | undefined {
  return ma.getComponents().findLast((c) => c.name === 'p2p')?.value
}

/** True when the address ends in /p2p/<id> (a relayed address stored without its destination does not). */
export function endsWithPeerId (ma: Multiaddr): boolean {
  return ma.getComponents().at(-1)?.name === 'p2p'
}

/** True for a relayed (circuit-relay-v2) address. */
export function isRelayedAddr (addr: string): boolean {
  return addr.includes('/p2p-circuit')
}
