import type { ResultRow } from './db.js'
import type { NetworkPlan } from './network-plan.js'

/** What the task view needs to count bytes by network. */
export interface NetworkViewSources {
  /** A peer's network label: a server's `--network`, the tracker's own; "" when unknown. */
  networkOf(peerId: string): string
  plan?: NetworkPlan
}

export interface CrossNetworkView {
  /** Verified bytes servers got from sources in another network (labels differ). */
  crossNetworkBytes: number
  /** The same in copies of the file. */
  crossNetworkCopies: number
  /** By "<source network> -> <receiving network>" ("?" for an unlabelled side). */
  bytesByNetworkPath: Record<string, number>
  /** Per network of the task's servers: its servers, its cross-fetchers (last chosen), whether it holds a complete copy now. */
  networks: Record<string, { servers: number, crossFetchers: string[], complete: boolean }>
}

/**
 * Cross-network bytes of one task, from the servers' own results (bytes by
 * the PeerId that sent them) and the network labels the tracker knows.
 * Reported per task so a run across a slow link shows what crossed it.
 */
export function crossNetworkView (src: NetworkViewSources, fileKey: string, fileSize: number, servers: readonly string[], results: readonly ResultRow[]): CrossNetworkView {
  const label = (n: string): string => n === '' ? '?' : n
  let crossNetworkBytes = 0
  const bytesByNetworkPath: Record<string, number> = {}
  for (const r of results) {
    const to = src.networkOf(r.peerId)
    for (const [from, bytes] of Object.entries(r.bytesFrom)) {
      const fromNet = src.networkOf(from)
      const path = `${label(fromNet)} -> ${label(to)}`
      bytesByNetworkPath[path] = (bytesByNetworkPath[path] ?? 0) + bytes
      if (fromNet !== to) crossNetworkBytes += bytes
    }
  }
  const networks: CrossNetworkView['networks'] = {}
  for (const id of servers) {
    const n = src.networkOf(id)
    const entry = networks[label(n)] ??= {
      servers: 0,
      crossFetchers: n === '' ? [] : src.plan?.chosen(fileKey, n) ?? [],
      complete: n === '' ? false : src.plan?.complete(fileKey, n) ?? false
    }
    entry.servers++
  }
  return { crossNetworkBytes, crossNetworkCopies: fileSize === 0 ? 0 : crossNetworkBytes / fileSize, bytesByNetworkPath, networks }
}
