import { InvalidArgumentError } from '../errors.js'

/** Where the peer asking for hints is. Empty strings mean "not known". */
export interface HintAsker {
  readonly peerId?: string
  readonly subnet: string
  readonly network: string
}

/** A server that holds some of the file, as the tracker sees it. */
export interface HintCandidate {
  readonly peerId: string
  readonly addrs: readonly string[]
  readonly lanAddrs: readonly string[]
  readonly subnet: string
  readonly network: string
  /** Measured round trip in ms; undefined when not measured yet. */
  readonly rttMs?: number
  /** Tasks and downloads running on the server. */
  readonly load: number
  /** Verified chunks held, and of how many. */
  readonly chunks: number
  readonly totalChunks: number
}

/**
 * Orders candidate holders for one asker, best first. Policies are small and
 * named so a benchmark can compare them (`--hint-policy NAME`).
 */
export interface HintPolicy {
  readonly name: string
  rank(asker: HintAsker, candidates: readonly HintCandidate[]): HintCandidate[]
}

type Compare = (a: HintCandidate, b: HintCandidate) => number

/** Both sides know the value and it is the same. An unknown subnet or label matches nothing. */
function same (a: string, b: string): boolean {
  return a !== '' && a === b
}

const byFlag = (f: (c: HintCandidate) => boolean): Compare => (a, b) => Number(f(b)) - Number(f(a))

/** Unmeasured RTTs sort after every measured one. */
const byRtt: Compare = (a, b) => (a.rttMs ?? Infinity) - (b.rttMs ?? Infinity)

const byLoad: Compare = (a, b) => a.load - b.load

const byCompleteness: Compare = (a, b) => b.chunks / Math.max(1, b.totalChunks) - a.chunks / Math.max(1, a.totalChunks)

/** Ties end in PeerId order, so a ranking is deterministic (tests and benchmarks can repeat it). */
const byId: Compare = (a, b) => a.peerId < b.peerId ? -1 : a.peerId > b.peerId ? 1 : 0

function ranked (name: string, keys: (asker: HintAsker) => Compare[]): HintPolicy {
  return {
    name,
    rank (asker, candidates) {
      const order = [...keys(asker), byId]
      return candidates.filter((c) => c.peerId !== asker.peerId).sort((a, b) => {
        for (const cmp of order) {
          const d = cmp(a, b)
          if (d !== 0 && !Number.isNaN(d)) return d
        }
        return 0
      })
    }
  }
}

/**
 * The patent's locality order: same LAN subnet first (LAN bandwidth is free
 * and fast), then the same network label (stays inside one ISP), then the
 * lowest measured RTT, then the least loaded, then the most complete.
 */
export const locality: HintPolicy = ranked('locality', (asker) => [
  byFlag((c) => same(c.subnet, asker.subnet)),
  byFlag((c) => same(c.network, asker.network)),
  byRtt,
  byLoad,
  byCompleteness
])

/** Most complete holders first, locality ignored: a baseline to measure locality against. */
export const mostComplete: HintPolicy = ranked('most-complete', () => [byCompleteness, byLoad])

export const HINT_POLICIES: Readonly<Record<string, HintPolicy>> = {
  [locality.name]: locality,
  [mostComplete.name]: mostComplete
}

/** The policy registered under `name`; InvalidArgumentError listing the names otherwise. */
export function hintPolicy (name: string): HintPolicy {
  const policy = HINT_POLICIES[name]
  if (policy == null) throw new InvalidArgumentError(`unknown hint policy "${name}" (one of: ${Object.keys(HINT_POLICIES).join(', ')})`)
  return policy
}

/**
 * The addresses to give the asker for one candidate: its LAN addresses first
 * when both sit in the same subnet (LIBP2P/DESIGN: prefer the LAN path), and
 * only its public ones otherwise, since LAN addresses do not route across.
 */
export function addressesFor (asker: HintAsker, c: HintCandidate): string[] {
  return same(c.subnet, asker.subnet) ? [...c.lanAddrs, ...c.addrs] : [...c.addrs]
}
