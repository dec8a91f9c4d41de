import { ChunkFrame } from '../pb/chunk.js'
import { preferOthers, type ServePolicy } from '../swarm/serve-policy.js'

export interface SeedingInit {
  /** Complete copies the group must hold before the tracker stops serving a file. */
  copies: number
  /** Complete copies live servers hold of a file now. */
  completeCopies(fileKey: string): number
  /** How to serve while still seeding; default prefer-others (each chunk about once). */
  inner?: ServePolicy
  /** Whether a peer reported a liar for this file (rescue.ts): it is served whatever the copies. */
  rescued?(fileKey: string, peer: string): boolean
}

/**
 * The tracker's serve policy: it seeds a file only until the group holds
 * `copies` complete copies, then rejects every request NOT_SERVING, so its
 * uplink carries about one copy whatever the group size. Until then it
 * super-seeds (prefer-others), leaving chunks that others have to them. If the
 * holders die, the count drops and it serves again.
 */
export function seedUntilCopies (init: SeedingInit): (fileKey: string) => ServePolicy {
  const inner = init.inner ?? preferOthers
  const policy: ServePolicy = {
    name: `seed-until-${init.copies}-copies`,
    decide (ctx) {
      if (init.rescued?.(ctx.fileKey, ctx.peer.toString()) === true) return undefined
      if (init.completeCopies(ctx.fileKey) >= init.copies) return ChunkFrame.RejectReason.NOT_SERVING
      return inner.decide(ctx)
    }
  }
  return () => policy
}

/** True while the tracker still serves a file. */
export function isSeeding (copies: number, completeCopies: number): boolean {
  return completeCopies < copies
}
