import type { PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { addrPeerId, isRelayedAddr } from '../util/addr.js'
import { MAX_RELAY_ADDRS, MAX_RELAY_GRANTS, RELAY_GRANT_TTL_MS } from './constants.js'

export interface RelayHolder {
  peerId: string
  /** The addresses it registered (its `--relay-via` ones end in `/p2p-circuit/p2p/<it>`). */
  addrs: readonly string[]
}

export interface OwnRelay {
  /** An address of the tracker (with /p2p/<tracker id>) to reach its relay by. */
  addr: string
  /** Whether `peer` holds a reservation on the tracker's relay now. */
  reserved(peer: string): boolean
}

/**
 * FALLBACK's `relays`: relayed addresses of the holders, in the holders'
 * rank order; per holder the tracker's own relay first when the holder has
 * a reservation on it (the tracker knows that path is live), then the
 * relayed addresses the holder registered. At most MAX_RELAY_ADDRS.
 */
export function relayAddrsFor (holders: RelayHolder[], own?: OwnRelay): string[] {
  const out = new Set<string>()
  for (const h of holders) {
    if (own?.reserved(h.peerId) === true) out.add(`${own.addr}/p2p-circuit/p2p/${h.peerId}`)
    for (const a of h.addrs) {
      if (!isRelayedAddr(a)) continue
      out.add(addrPeerId(multiaddr(a)) === h.peerId ? a : `${a}/p2p/${h.peerId}`)
    }
    if (out.size >= MAX_RELAY_ADDRS) break
  }
  return [...out].slice(0, MAX_RELAY_ADDRS)
}

/**
 * Who the tracker's relay carries besides registered servers: each client a
 * FALLBACK answer offered relays to, to the holders it named, for
 * RELAY_GRANT_TTL_MS (a new FALLBACK renews it). Checked when a relayed
 * connection is opened; one that is open stays open. In memory, at most
 * MAX_RELAY_GRANTS clients (the oldest grant goes first).
 */
export class RelayGrants {
  readonly #grants = new Map<string, { until: number, to: Set<string> }>()
  readonly #now: () => number

  constructor (now: () => number = Date.now) {
    this.#now = now
  }

  grant (client: string, holders: string[]): void {
    const old = this.#grants.get(client)
    const to = new Set(old != null && old.until > this.#now() ? old.to : [])
    for (const h of holders) to.add(h)
    this.#grants.delete(client)
    this.#grants.set(client, { until: this.#now() + RELAY_GRANT_TTL_MS, to })
    if (this.#grants.size > MAX_RELAY_GRANTS) this.#grants.delete(this.#grants.keys().next().value!)
  }

  allows (source: PeerId | string, destination: PeerId | string): boolean {
    const g = this.#grants.get(source.toString())
    if (g == null) return false
    if (g.until <= this.#now()) {
      this.#grants.delete(source.toString())
      return false
    }
    return g.to.has(destination.toString())
  }
}

/** The holder PeerIds named in relayed addresses (the last /p2p/ of each). */
export function relayDestinations (addrs: string[]): string[] {
  return [...new Set(addrs.map((a) => addrPeerId(multiaddr(a))).filter((id): id is string => id != null))]
}

/** Parses a PeerId string, or undefined. */
export function tryPeerId (id: string): PeerId | undefined {
  try { return peerIdFromString(id) } catch { return undefined }
}
