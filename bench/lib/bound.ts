/**
 * Lower bounds on distribution time (Kumar & Ross, "Peer-assisted file
 * distribution: the minimum distribution time", 2006). Pure arithmetic so it can
 * be unit-tested without a testbed.
 */

export interface SwarmLinks {
  /** File size F in bytes. */
  fileBytes: number
  /** Source (origin) upload rate u_s in bits per second. */
  sourceUpBps: number
  /** Upload rate u_i of each receiving peer, bits per second. */
  peerUpBps: number[]
  /** Download rate d_i of each receiving peer, bits per second. */
  peerDownBps: number[]
}

export type BoundTerm = 'source-upload' | 'slowest-download' | 'aggregate-upload'

export interface SwarmBound {
  seconds: number
  /** Which of the three terms is binding; it tells what limits the swarm. */
  binding: BoundTerm
  terms: Record<BoundTerm, number>
}

const BITS_PER_BYTE = 8

function check (links: SwarmLinks): void {
  const n = links.peerUpBps.length
  if (n === 0 || links.peerDownBps.length !== n) {
    throw new Error('need at least one peer and one upload and download rate per peer')
  }
  const all = [links.fileBytes, links.sourceUpBps, ...links.peerUpBps, ...links.peerDownBps]
  if (all.some(v => !Number.isFinite(v) || v <= 0)) throw new Error('sizes and rates must be positive')
}

/** T_min = max(F/u_s, F/d_min, N*F/(u_s + sum u_i)). */
export function swarmLowerBound (links: SwarmLinks): SwarmBound {
  check(links)
  const bits = links.fileBytes * BITS_PER_BYTE
  const n = links.peerUpBps.length
  const sumUp = links.peerUpBps.reduce((a, b) => a + b, 0)
  const terms: Record<BoundTerm, number> = {
    'source-upload': bits / links.sourceUpBps,
    'slowest-download': bits / Math.min(...links.peerDownBps),
    'aggregate-upload': n * bits / (links.sourceUpBps + sumUp)
  }
  let binding: BoundTerm = 'source-upload'
  for (const term of Object.keys(terms) as BoundTerm[]) {
    if (terms[term] > terms[binding]) binding = term
  }
  return { seconds: terms[binding], binding, terms }
}

/**
 * Client-server lower bound: the source alone uploads N copies, and no peer can
 * download faster than its link: max(N*F/u_s, F/d_min).
 */
export function clientServerLowerBound (links: SwarmLinks): number {
  check(links)
  const bits = links.fileBytes * BITS_PER_BYTE
  return Math.max(links.peerUpBps.length * bits / links.sourceUpBps, bits / Math.min(...links.peerDownBps))
}

/** Measured time relative to the bound; null when the run did not finish. */
export function ratioToBound (seconds: number | null, boundSeconds: number): number | null {
  if (seconds == null || !(boundSeconds > 0)) return null
  return seconds / boundSeconds
}
