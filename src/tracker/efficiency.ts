/**
 * How close a replicate task came to the lower bound on distribution time
 * (the fluid bound for one file, one seed, N downloaders):
 *
 *   T_min = max(F / u_s, F / d_min, N·F / (u_s + Σ u_i))
 *
 * Rates are MEASURED, not configured link capacities (servers report none):
 * - d_i: bytes server i fetched / its fetch duration (its task result);
 * - u_i: bytes server i uploaded to the other servers of the task (their
 *   results' bytesFrom) / the longest fetch among the servers it sent to;
 * - u_s: the same for the sources outside the task (the tracker, and servers
 *   that already held the file), summed, as the seed.
 * A rate achieved is at most the link's capacity, so T_min here is the bound
 * implied by the rates the task actually reached; efficiency = T_min / T_actual
 * with T_actual from the task's creation to its last assignment finishing.
 * Pure: the HTTP API and the tests feed it plain numbers.
 */

/** Which term of the bound is the largest. */
export type BoundTerm = 'seed-upload' | 'slowest-download' | 'total-upload'

export interface EfficiencyServer {
  peerId: string
  /** The server's fetch took this long (task result). */
  durationMs: number
  /** Bytes it fetched, per source peer (task result). */
  bytesFrom: Record<string, number>
}

export interface EfficiencyInput {
  /** File size F, bytes. */
  fileSize: number
  /** Servers of the task with a successful result (N = their number). */
  servers: readonly EfficiencyServer[]
  /** Task creation to its end, ms. */
  actualMs: number
}

export interface Efficiency {
  tMinMs: number
  actualMs: number
  /** T_min / T_actual (1 = as fast as the measured rates allow). */
  efficiency: number
  bound: BoundTerm
  termsMs: Record<BoundTerm, number>
  rates: {
    /** u_s, bytes/s. */
    seedUploadBps: number
    /** d_min, bytes/s. */
    minDownloadBps: number
    /** u_i per task server, bytes/s. */
    uploadBps: Record<string, number>
    /** Sources outside the task counted as the seed. */
    seeds: string[]
  }
}

/** The bound and efficiency, or undefined when there is nothing to measure (no server fetched anything). */
export function efficiencyOf (input: EfficiencyInput): Efficiency | undefined {
  const F = input.fileSize
  const measured = input.servers.filter((s) => s.durationMs > 0 && sum(Object.values(s.bytesFrom)) > 0)
  if (F <= 0 || input.actualMs <= 0 || measured.length === 0) return undefined
  const N = input.servers.length
  const inTask = new Set(input.servers.map((s) => s.peerId))
  const minDownloadBps = Math.min(...measured.map((s) => sum(Object.values(s.bytesFrom)) / (s.durationMs / 1000)))
  // Per source: bytes sent and the longest fetch among the servers it sent to (its sending window).
  const sent = new Map<string, { bytes: number, windowMs: number }>()
  for (const s of measured) {
    for (const [peer, bytes] of Object.entries(s.bytesFrom)) {
      if (bytes <= 0) continue
      const cur = sent.get(peer) ?? { bytes: 0, windowMs: 0 }
      sent.set(peer, { bytes: cur.bytes + bytes, windowMs: Math.max(cur.windowMs, s.durationMs) })
    }
  }
  const rate = (peer: string): number => {
    const x = sent.get(peer)
    return x == null || x.windowMs <= 0 ? 0 : x.bytes / (x.windowMs / 1000)
  }
  const seeds = [...sent.keys()].filter((p) => !inTask.has(p)).sort()
  const seedUploadBps = sum(seeds.map(rate))
  const uploadBps = Object.fromEntries([...inTask].map((p) => [p, rate(p)]))
  const totalUpload = seedUploadBps + sum(Object.values(uploadBps))
  const termsMs: Record<BoundTerm, number> = {
    'seed-upload': seedUploadBps > 0 ? F / seedUploadBps * 1000 : Infinity,
    'slowest-download': F / minDownloadBps * 1000,
    'total-upload': totalUpload > 0 ? N * F / totalUpload * 1000 : Infinity
  }
  let bound: BoundTerm = 'seed-upload'
  for (const t of ['slowest-download', 'total-upload'] as const) if (termsMs[t] > termsMs[bound]) bound = t
  const tMinMs = termsMs[bound]
  return { tMinMs, actualMs: input.actualMs, efficiency: Number.isFinite(tMinMs) ? tMinMs / input.actualMs : 0, bound, termsMs, rates: { seedUploadBps, minDownloadBps, uploadBps, seeds } }
}

function sum (xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0)
}
