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
