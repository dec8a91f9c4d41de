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
  /**
   * This node sent the chunk to another peer that is still connected, so recently
   * that its HAVE may not have arrived yet: it is about to become a holder.
   */
  readonly inFlightElsewhere: boolean
  /** This node holds the whole file and is not downloading it: it is a seed. */
  readonly seeding: boolean
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
 * Super-seeding, for seeds only: a chunk that another peer holds, or has just been sent and is
 * about to announce, is left to that peer (ELSEWHERE). The origin then sends
 * about one copy and the swarm spreads it. A requester that has been turned
 * away and sees no other holder says `urgent` and is served, and a chunk whose
 * receiver vanished or stalled is served again, so nothing is lost. Peers
 * that are still downloading serve everything they hold: if they turned
 * requests away too, holders could all send each other elsewhere.
 */
export const preferOthers: ServePolicy = {
  name: 'prefer-others',
  decide (ctx) {
    if (!ctx.seeding) return undefined
    // On its way to another peer: even an urgent requester can wait for that peer's HAVE.
    if (ctx.inFlightElsewhere) return ChunkFrame.RejectReason.ELSEWHERE
    if (ctx.holdersElsewhere > 0 && !ctx.urgent) return ChunkFrame.RejectReason.ELSEWHERE
    return undefined
  }
}

export const SERVE_POLICIES: Record<string, ServePolicy> = {
  [serveAll.name]: serveAll,
  [preferOthers.name]: preferOthers
}
