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
 * Super-seeding: each chunk is sent once; later requests for it are told to get
 * it ELSEWHERE, from the peer that got it (which announces it as soon as it is
 * stored). The origin then sends about one copy and the swarm spreads it. A
 * requester that has been turned away and sees no other holder says `urgent`
 * and is served, so a chunk whose first receiver vanished is not lost.
 */
export const preferOthers: ServePolicy = {
  name: 'prefer-others',
  decide (ctx) {
    if (ctx.urgent || ctx.timesSent === 0) return undefined
    return ChunkFrame.RejectReason.ELSEWHERE
  }
}

export const SERVE_POLICIES: Record<string, ServePolicy> = {
  [serveAll.name]: serveAll,
  [preferOthers.name]: preferOthers
}
