import type { PeerId } from '@libp2p/interface'
import { ChunkFrame } from '../pb/chunk.js'

/** What a serve policy knows when it decides on one request. */
export interface ServeContext {
  readonly fileKey: string
  readonly index: number
  readonly peer: PeerId
  /** The requester says no one else can give it this chunk. */
  readonly urgent: boolean
  /** How many times this node has already sent this chunk (to anyone). */
  readonly timesSent: number
  /** Other peers (not the requester) known to hold this chunk. */
  readonly holdersElsewhere: number
}

/**
 * Decides whether to serve a request. Returns undefined to serve, or the reason
 * to reject. Policies are small and named so benchmarks can compare them.
 */
export interface ServePolicy {
  readonly name: string
  decide(ctx: ServeContext): ChunkFrame.RejectReason | undefined
}

/** Serve every request for a chunk we hold. */
export const serveAll: ServePolicy = {
  name: 'serve-all',
  decide: () => undefined
}

/**
 * Super-seeding: a chunk this node already sent once, and that another peer now
 * holds, is left to that peer. The origin then sends each chunk about once and
 * the swarm spreads it; a requester that has no other source says `urgent`.
 */
export const preferOthers: ServePolicy = {
  name: 'prefer-others',
  decide (ctx) {
    if (ctx.urgent || ctx.timesSent === 0 || ctx.holdersElsewhere === 0) return undefined
    return ChunkFrame.RejectReason.ELSEWHERE
  }
}

export const SERVE_POLICIES: Record<string, ServePolicy> = {
  [serveAll.name]: serveAll,
  [preferOthers.name]: preferOthers
}
