import { chunkCount } from '../manifest/index.js'
import type { Catalog, Holding } from './catalog.js'
import type { ServerRow } from './db.js'
import { addressesFor, type HintAsker, type HintCandidate, type HintPolicy } from './hints.js'
import type { Registry } from './registry.js'
import type { HintScope } from './network-plan.js'

/** One ranked holder as handed out. */
export interface PeerHintView {
  peerId: string
  addrs: string[]
  chunks: number
  complete: boolean
  subnet: string
  network: string
  /** The tracker itself (seeding). */
  tracker: boolean
}

export interface HintSources {
  registry: Registry
  catalog: Catalog
  policy: HintPolicy
  /** The tracker's own entry, when it still seeds the file. */
  tracker?: { peerId: string, addrs: string[] }
  /** Network-aware distribution: only candidates it allows (network-plan.ts). */
  scope?: HintScope
}

/** A registered server as a hint candidate, holding `chunks` of `totalChunks`. */
export function candidateOf (s: ServerRow, chunks: number, totalChunks: number): HintCandidate {
  return { peerId: s.peerId, addrs: s.addrs, lanAddrs: s.lanAddrs, subnet: s.subnet, network: s.network, rttMs: s.rttMs, load: s.load, chunks, totalChunks }
}

/** The file's holders that are registered and alive (and pass `keep`), as hint candidates. */
export function liveHolderCandidates (src: Pick<HintSources, 'registry' | 'catalog'>, fileKey: string, keep: (s: ServerRow, h: Holding) => boolean = () => true): HintCandidate[] {
  const out: HintCandidate[] = []
  for (const h of src.catalog.holders(fileKey)) {
    const s = src.registry.get(h.peerId)
    if (s == null || !src.registry.isAlive(s.peerId) || !keep(s, h)) continue
    out.push(candidateOf(s, h.bitfield.count, h.bitfield.length))
  }
  return out
}

/**
 * Ranked holders of a file for one asker: live servers holding any of it, in
 * the policy's order, then the tracker last while it seeds. Last, because the
 * tracker's uplink is the scarce one: it should send each chunk about once
 * and let servers spread it.
 */
export function hintsFor (src: HintSources, fileKey: string, asker: HintAsker, max: number): PeerHintView[] {
  const file = src.catalog.get(fileKey)
  if (file == null) return []
  const total = chunkCount(file.info.manifest)
  const candidates = liveHolderCandidates(src, fileKey)
  const allowed = src.scope == null ? candidates : candidates.filter((c) => src.scope!.allow(c))
  const out: PeerHintView[] = src.policy.rank(asker, allowed).slice(0, max).map((c) => ({
    peerId: c.peerId,
    addrs: addressesFor(asker, c),
    chunks: c.chunks,
    complete: c.chunks === total,
    subnet: c.subnet,
    network: c.network,
    tracker: false
  }))
  if (src.tracker != null && src.tracker.peerId !== asker.peerId && src.scope?.includeTracker !== false) {
    out.push({ peerId: src.tracker.peerId, addrs: src.tracker.addrs, chunks: total, complete: true, subnet: '', network: '', tracker: true })
  }
  return out
}
