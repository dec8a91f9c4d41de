import type { Logger } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import type { ShoalNode } from '../node/index.js'
import { addrPeerId, isRelayedAddr } from '../util/addr.js'
import { sleep } from '../util/sleep.js'
import { RELAY_DIAL_ATTEMPTS, RELAY_DIAL_BACKOFF_MS, RELAY_DIAL_TIMEOUT_MS } from './constants.js'

/** True when every open connection to `peer` is relayed (so its bytes count as `relay`). */
export function reachedByRelay (node: ShoalNode, peer: Parameters<ShoalNode['getConnections']>[0]): boolean {
  const conns = node.getConnections(peer)
  return conns.length > 0 && conns.every((c) => isRelayedAddr(c.remoteAddr.toString()))
}

/**
 * Opens relayed connections to the holders named in `addrs` (the FALLBACK
 * answer's `relays`, best first), all holders at once, each holder's
 * addresses in order, RELAY_DIAL_ATTEMPTS rounds at most. Opening them here,
 * rather than leaving it to the swarm's dial of the PeerId, matters: libp2p
 * tries a peer's addresses one after another, relayed ones last, so a
 * black-holed direct address would use up the whole dial timeout first.
 * The swarm's dials then reuse these connections. Returns the addresses that
 * connected (one per holder reached).
 */
export async function openRelayed (node: ShoalNode, addrs: string[], signal: AbortSignal, log: Logger): Promise<string[]> {
  const byHolder = new Map<string, string[]>()
  for (const a of addrs) {
    const id = addrPeerId(multiaddr(a))
    if (id == null || id === node.peerId.toString()) continue
    byHolder.set(id, [...(byHolder.get(id) ?? []), a])
  }
  const reached = await Promise.all([...byHolder.values()].map(async (list) => {
    for (let attempt = 1; attempt <= RELAY_DIAL_ATTEMPTS; attempt++) {
      for (const a of list) {
        signal.throwIfAborted()
        try {
          await node.dial(multiaddr(a), { signal: AbortSignal.any([signal, AbortSignal.timeout(RELAY_DIAL_TIMEOUT_MS)]) })
          return a
        } catch (err: any) {
          signal.throwIfAborted()
          log('relayed dial %s failed (attempt %d): %s', a, attempt, err.message)
        }
      }
      if (attempt < RELAY_DIAL_ATTEMPTS) await sleep(RELAY_DIAL_BACKOFF_MS, signal)
    }
    return undefined
  }))
  return reached.filter((a): a is string => a != null)
}
