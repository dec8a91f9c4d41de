/** Result records, summary arithmetic and the stdout table of bench/throughput.ts. */
import { formatBytes } from './units.js'

const MIB = 1024 * 1024
const GIB = 1024 * MIB

/** Acceptance target (issue 2): a swarm fetch reaches this share of the raw stream ceiling. */
export const TARGET_RATIO = 0.7
/** Acceptance target (issue 2): peak RSS per process with a 1 GiB file, in MiB. */
export const TARGET_RSS_MIB = 300

export const PHASE_KINDS = ['pump', 'fetch', 'pump-disk', 'pump-store'] as const
export type PhaseKind = typeof PHASE_KINDS[number]

export interface ProcessPhase {
  /** User + system CPU seconds spent during the phase (all threads: libuv's pool does the disk I/O). */
  cpuS: number
  userS: number
  sysS: number
  /** CPU seconds per wall second: 1.0 is one core kept busy. */
  cores: number
  /** Highest sampled RSS during the phase. */
  peakRssMiB: number
  /** Full (mark-compact) GCs during the phase, and their main-thread pause in ms. */
  majorGcs: number
  majorGcMs: number
  /**
   * Minor page faults: fresh memory the process touched (new buffers, heap
   * growth after a trim, page-cache pages it filled). On this VM each costs
   * a trap to the hypervisor as well (bench/README.md, eighth look).
   */
  minorFaults: number
}

/** What a peer process reports of itself (bench/throughput-peer.ts `usage()`); a phase is the difference of two. */
export interface PeerUsage {
  userCpuS: number
  systemCpuS: number
  /** Lifetime peak RSS (resourceUsage), and the sampled RSS now and its peak since the last mark. */
  maxRssMiB: number
  rssMiB: number
  peakRssMiB: number
  /** Full (mark-compact) GCs so far, and their main-thread pause in ms. */
  majorGcs: number
  majorGcMs: number
  /** Minor page faults so far (resourceUsage). */
  minorFaults: number
}

export interface PhaseResult {
  kind: PhaseKind
  /** The file's chunk size this phase belongs to (pump phases run next to those fetches). */
  chunkSize: number
  bytes: number
  /** Wall time seen by the fetcher: stream open to end (pump), swarm.fetch call to return (fetch). */
  seconds: number
  mibps: number
  /**
   * fetch only: the whole-file SHA-256 read back after the fetch (verifyWholeFile,
   * which server.fetch and replication tasks add; its CPU is not in this phase's),
   * and the rate of fetch plus that check.
   */
  checkSeconds?: number
  checkedMibps?: number
  seed: ProcessPhase
  fetcher: ProcessPhase
  /** The fetcher had one connection to the seed, the same before and after the phase. */
  sameConnection: boolean
  /** Machine CPU busy beyond the two processes, in cores (2 cores: 2.0 is all of it); high means a noisy figure. */
  otherCores: number
}

export interface ChunkSizeSummary {
  chunkSize: number
  pumpMibps: number[]
  pumpDiskMibps: number[]
  pumpStoreMibps: number[]
  fetchMibps: number[]
  checkedMibps: number[]
  /** mean fetch / mean pump, both measured in this chunk size's group. */
  ratio: number
  /** mean (fetch + whole-file check) / mean pump. */
  checkedRatio: number
  /** mean fetch / mean pump-disk; 0 when no pump-disk phase ran. */
  diskRatio: number
  /** mean pump-store / mean pump: what verifying and storing leave of the stream, with no chunk protocol; 0 when either did not run. */
  storeRatio: number
  seedPeakRssMiB: number
  fetcherPeakRssMiB: number
  /** CPU seconds per GiB fetched, mean over the fetches. */
  seedCpuSPerGiB: number
  fetcherCpuSPerGiB: number
}

export interface DirectIo { seed: boolean, fetcher: boolean }

export interface ProcessTotals { maxRssMiB: number, cpuS: number }

export interface ThroughputResult {
  startedAt: string
  machine: { cpus: number, cpuModel: string, node: string, platform: string }
  size: number
  order: PhaseKind[]
  /** Extra Node flags the two peer processes ran with (e.g. GC tuning). */
  peerNodeArgs: string[]
  /** Which peers' chunk stores used direct I/O (--direct-io: both; --fetcher-direct-io: the fetcher). */
  directIo: DirectIo
  phases: PhaseResult[]
  summary: ChunkSizeSummary[]
  processes: { seed: ProcessTotals, fetcher: ProcessTotals }
  targets: { ratio: number, rssMiB: number }
  sameConnection: boolean
}

export function mibps (bytes: number, seconds: number): number {
  return seconds > 0 ? bytes / MIB / seconds : 0
}

function mean (xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length
}

export function summarize (phases: PhaseResult[]): ChunkSizeSummary[] {
  const sizes = [...new Set(phases.map((p) => p.chunkSize))]
  return sizes.map((chunkSize) => {
    const group = phases.filter((p) => p.chunkSize === chunkSize)
    const pumps = group.filter((p) => p.kind === 'pump')
    const fetches = group.filter((p) => p.kind === 'fetch')
    const pumpMean = mean(pumps.map((p) => p.mibps))
    const pumpDisks = group.filter((p) => p.kind === 'pump-disk')
    const pumpDiskMean = mean(pumpDisks.map((p) => p.mibps))
    const pumpStores = group.filter((p) => p.kind === 'pump-store')
    const perGiB = (p: PhaseResult, side: 'seed' | 'fetcher'): number => p[side].cpuS / (p.bytes / GIB)
    return {
      chunkSize,
      pumpMibps: pumps.map((p) => p.mibps),
      pumpDiskMibps: pumpDisks.map((p) => p.mibps),
      pumpStoreMibps: pumpStores.map((p) => p.mibps),
      fetchMibps: fetches.map((p) => p.mibps),
      checkedMibps: fetches.map((p) => p.checkedMibps ?? 0),
      ratio: pumpMean > 0 ? mean(fetches.map((p) => p.mibps)) / pumpMean : 0,
      checkedRatio: pumpMean > 0 ? mean(fetches.map((p) => p.checkedMibps ?? 0)) / pumpMean : 0,
      diskRatio: pumpDiskMean > 0 ? mean(fetches.map((p) => p.mibps)) / pumpDiskMean : 0,
      storeRatio: pumpMean > 0 ? mean(pumpStores.map((p) => p.mibps)) / pumpMean : 0,
      seedPeakRssMiB: Math.max(0, ...fetches.map((p) => p.seed.peakRssMiB)),
      fetcherPeakRssMiB: Math.max(0, ...fetches.map((p) => p.fetcher.peakRssMiB)),
      seedCpuSPerGiB: mean(fetches.map((p) => perGiB(p, 'seed'))),
      fetcherCpuSPerGiB: mean(fetches.map((p) => perGiB(p, 'fetcher')))
    }
  })
}

function table (head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const f1 = (n: number): string => n.toFixed(1)
const pct = (n: number): string => `${(n * 100).toFixed(0)}%`
const list = (xs: number[]): string => xs.length === 0 ? '-' : xs.map(f1).join(', ')
const cpuCell = (p: ProcessPhase): string => `${f1(p.userS)}+${f1(p.sysS)} (${p.cores.toFixed(2)})`

function directIoNote ({ seed, fetcher }: DirectIo): string {
  if (seed && fetcher) return '; chunk stores on direct I/O'
  if (fetcher) return '; the fetcher\'s chunk store on direct I/O, the seed\'s buffered'
  return seed ? '; the seed\'s chunk store on direct I/O' : ''
}

export function formatThroughput (r: ThroughputResult): string {
  const phases = table(
    ['#', 'phase', 'chunk', 'MiB/s', '+ SHA-256 MiB/s', 's', 'seed CPU s usr+sys (cores)', 'fetcher CPU s usr+sys (cores)', 'seed RSS MiB', 'fetcher RSS MiB', 'full GCs seed/fetcher', 'page faults k seed/fetcher', 'other load (cores)'],
    r.phases.map((p, i) => [
      String(i + 1), p.kind, p.kind === 'fetch' || p.kind === 'pump-store' ? formatBytes(p.chunkSize) : '-', f1(p.mibps),
      p.checkedMibps != null ? f1(p.checkedMibps) : '-', p.seconds.toFixed(2),
      cpuCell(p.seed), cpuCell(p.fetcher),
      f1(p.seed.peakRssMiB), f1(p.fetcher.peakRssMiB), `${p.seed.majorGcs} / ${p.fetcher.majorGcs}`,
      `${(p.seed.minorFaults / 1000).toFixed(0)} / ${(p.fetcher.minorFaults / 1000).toFixed(0)}`, p.otherCores.toFixed(2)
    ]))
  const summary = table(
    ['chunk', 'pump MiB/s', 'pump-disk MiB/s', 'pump-store MiB/s', 'fetch MiB/s', 'fetch/pump', '+ SHA-256/pump', 'fetch/pump-disk', 'pump-store/pump', 'CPU s/GiB seed', 'CPU s/GiB fetcher', 'peak RSS MiB seed/fetcher'],
    r.summary.map((s) => [
      formatBytes(s.chunkSize), list(s.pumpMibps), list(s.pumpDiskMibps), list(s.pumpStoreMibps), list(s.fetchMibps),
      pct(s.ratio), pct(s.checkedRatio), s.diskRatio > 0 ? pct(s.diskRatio) : '-', s.storeRatio > 0 ? pct(s.storeRatio) : '-',
      f1(s.seedCpuSPerGiB), f1(s.fetcherCpuSPerGiB),
      `${f1(s.seedPeakRssMiB)} / ${f1(s.fetcherPeakRssMiB)}`
    ]))
  const { seed, fetcher } = r.processes
  return [
    `${formatBytes(r.size)} over one Noise+yamux connection on 127.0.0.1 (${r.machine.cpus} cores, ${r.machine.cpuModel}, Node ${r.machine.node})` +
      (r.peerNodeArgs.length > 0 ? `; peers ran with ${r.peerNodeArgs.join(' ')}` : '') +
      directIoNote(r.directIo),
    '',
    phases,
    '',
    summary,
    '',
    `target: fetch >= ${pct(r.targets.ratio)} of pump; peak RSS < ${r.targets.rssMiB} MiB per process`,
    `process maxRSS (lifetime, includes import): seed ${f1(seed.maxRssMiB)} MiB, fetcher ${f1(fetcher.maxRssMiB)} MiB; ` +
      `CPU total: seed ${f1(seed.cpuS)} s, fetcher ${f1(fetcher.cpuS)} s`,
    `every phase on the same connection: ${r.sameConnection ? 'yes' : 'NO'}`
  ].join('\n')
}
