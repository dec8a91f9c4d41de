import type { Bitfield } from '../store/bitfield.js'

/** What a picker sees when choosing the next chunk to ask one peer for. */
export interface PickContext {
  /** Chunks still missing, in no particular order. */
  readonly missing: readonly number[]
  /** What the peer being asked holds. */
  readonly remote: Bitfield
  /** Peers (among our sessions) holding each chunk. */
  readonly availability: Uint32Array
  /** False for chunks already requested, being written, or to be avoided with this peer. */
  eligible(index: number): boolean
}

/**
 * Chooses which chunk to request next from a peer. Strategies are small and
 * named, so a benchmark can compare them.
 */
export interface PiecePicker {
  readonly name: string
  pick(ctx: PickContext): number | undefined
}

/**
 * Rarest first, ties broken by a random starting point: spreads distinct chunks
 * across the swarm early, so peers have something to trade and the origin's
 * chunks are the ones no one else has yet.
 */
export const rarestFirst: PiecePicker = {
  name: 'rarest-first',
  pick ({ missing, remote, availability, eligible }) {
    const n = missing.length
    if (n === 0) return undefined
    const start = Math.floor(Math.random() * n)
    let best: number | undefined
    let bestAvail = Infinity
    for (let k = 0; k < n; k++) {
      const index = missing[(start + k) % n]
      if (!remote.has(index) || !eligible(index)) continue
      const avail = availability[index]
      if (avail < bestAvail) {
        best = index
        bestAvail = avail
        if (avail <= 1) break // no chunk the peer holds can be rarer
      }
    }
    return best
  }
}

/** Lowest index first: for streaming a file front to back. */
export const sequential: PiecePicker = {
  name: 'sequential',
  pick ({ missing, remote, eligible }) {
    let best: number | undefined
    for (const index of missing) {
      if (remote.has(index) && eligible(index) && (best === undefined || index < best)) best = index
    }
    return best
  }
}

export const PIECE_PICKERS: Record<string, PiecePicker> = {
  [rarestFirst.name]: rarestFirst,
  [sequential.name]: sequential
}
