/** One candidate's probe outcome. */
export interface ProbeOutcome {
  peerId: string
  /** The tracker itself (not a task server). */
  tracker: boolean
  /** Position in the tracker's ranking (0 = best by its hints). */
  rank: number
  ok: boolean
  /** Measured upload rate to it, bytes per second (0 when the probe failed). */
  rateBps: number
  /** Probe bytes the receiver counted and over how long. */
  bytes: number
  elapsedMs: number
  /** Why the probe failed. */
  error?: string
  /** Bytes of this very file it already holds (an interrupted earlier upload). */
  heldBytes: number
}

/**
 * Orders the candidates that answered, best first, by the time the rest of
 * the upload would take there: (size - held) / rate. So the fastest link wins,
 * unless a slower one already holds enough of the file to finish sooner (a
 * resumed upload goes back where it stopped). Ties keep the tracker's order.
 */
export function rankIngest (outcomes: readonly ProbeOutcome[], size: number): ProbeOutcome[] {
  const seconds = (o: ProbeOutcome): number => Math.max(0, size - o.heldBytes) / o.rateBps
  return outcomes
    .filter((o) => o.ok && o.rateBps > 0)
    .sort((a, b) => (seconds(a) - seconds(b)) || (a.rank - b.rank))
}

/** The candidate to upload to, or undefined when no probe succeeded. */
export function chooseIngest (outcomes: readonly ProbeOutcome[], size: number): ProbeOutcome | undefined {
  return rankIngest(outcomes, size)[0]
}

/** A probe's rate from the receiver's clock (the first arrival only starts it), or the sender's when that is too short to use. */
export function probeRate (r: { bytes: number, firstBytes: number, elapsedUs: number }, clientMs: number, minElapsedUs: number): number {
  if (r.elapsedUs >= minElapsedUs && r.bytes > r.firstBytes) return (r.bytes - r.firstBytes) / (r.elapsedUs / 1e6)
  return clientMs > 0 ? r.bytes / (clientMs / 1000) : 0
}

/** When and how widely an upload is split across ingest targets (constants.ts). */
export interface SplitPolicy {
  maxTargets: number
  minFraction: number
  minSeconds: number
}

/**
 * The ingest targets of an upload, primary first (it gets the COMMIT and
 * fetches the other parts): the candidate that finishes soonest alone
 * (rankIngest), plus up to `maxTargets - 1` other task servers whose probed
 * rate is at least `minFraction` of the best task server's, when the best
 * alone would need at least `minSeconds` and the set finishes sooner (what
 * they hold together left, over their rates summed). The tracker never
 * joins a split (its link is the scarce one, and it does not fetch parts).
 * One clearly fastest candidate, or a short upload, keeps a single target.
 */
export function chooseTargets (outcomes: readonly ProbeOutcome[], size: number, policy: SplitPolicy): ProbeOutcome[] {
  const ranked = rankIngest(outcomes, size)
  const primary = ranked[0]
  if (primary == null) return []
  if (primary.tracker || policy.maxTargets < 2) return [primary]
  const alone = Math.max(0, size - primary.heldBytes) / primary.rateBps
  if (alone < policy.minSeconds) return [primary]
  const servers = ranked.filter((o) => !o.tracker)
  const best = Math.max(...servers.map((o) => o.rateBps))
  const others = servers
    .filter((o) => o !== primary && o.rateBps >= policy.minFraction * best)
    .sort((a, b) => (b.rateBps - a.rateBps) || (a.rank - b.rank))
    .slice(0, policy.maxTargets - 1)
  if (others.length === 0) return [primary]
  const set = [primary, ...others]
  const left = Math.max(0, size - set.reduce((n, o) => n + o.heldBytes, 0))
  const together = left / set.reduce((n, o) => n + o.rateBps, 0)
  return together < alone ? set : [primary]
}

/**
 * Whether the split targets' links share one bottleneck: the best one,
 * probed again alone, gets at least `fraction` of what all of them got
 * together in the parallel probes (SPLIT_SHARED_FRACTION).
 */
export function sharedBottleneck (aloneBps: number, parallelBps: readonly number[], fraction: number): boolean {
  const together = parallelBps.reduce((n, r) => n + r, 0)
  return together <= 0 || aloneBps >= fraction * together
}

