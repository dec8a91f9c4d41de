/** Turning scenario outcomes into the result record and the stdout table. */
import type { CpuSummary } from './cpu.js'
import type { ReceiverOutcome, ScenarioOutcome } from '../scenarios/types.js'
import { formatBytes, formatRate } from './units.js'
import type { BoundTerm } from './bound.js'
import { ratioToBound } from './bound.js'

export interface ScenarioResult {
  name: string
  skipped?: string
  /** Completion time of the last receiver since scenario start; null if any did not finish. */
  lastSeconds: number | null
  /** lastSeconds / tMinSeconds. */
  ratio: number | null
  /** Bytes on the origin's wire (tx counter of its veth, headers included). */
  originTxBytes: number
  /** originTxBytes in copies of the file. */
  originCopies: number
  /** Every receiver's file matched the source's SHA-256. */
  verified: boolean
  /** Per-receiver completion seconds, in receiver order (null: did not complete). */
  receivers: Array<number | null>
  receiverDetails: ReceiverOutcome[]
  cpu: CpuSummary | null
  appBytesSent?: Record<string, number>
  /** Two-network scenarios: bytes over the link between the LANs (both ways, headers included), and in copies. */
  crossLinkBytes?: number
  crossLinkCopies?: number
  chart?: string
  notes: string[]
}

export interface Links { originUpBps: number, originDownBps: number, receiverUpBps: number, receiverDownBps: number }

export interface BenchResult {
  timestamp: string
  argv: string[]
  machine: { cores: number, kernel: string, node: string }
  receivers: number
  fileBytes: number
  links: Links
  tMinSeconds: number
  tMinBinding: BoundTerm
  clientServerSeconds: number
  timeoutSeconds: number
  scenarios: ScenarioResult[]
}

export function scenarioResult (name: string, outcome: ScenarioOutcome, originTxBytes: number, cpu: CpuSummary | null,
  fileBytes: number, tMinSeconds: number): ScenarioResult {
  const times = outcome.receivers.map(r => r.seconds)
  const finished = times.length > 0 && times.every(t => t != null)
  const lastSeconds = finished ? Math.max(...(times as number[])) : null
  const ratio = ratioToBound(lastSeconds, tMinSeconds)
  return {
    name,
    ...(outcome.skipped != null ? { skipped: outcome.skipped } : {}),
    lastSeconds: round3(lastSeconds),
    ratio: round3(ratio),
    originTxBytes,
    originCopies: round3(originTxBytes / fileBytes),
    verified: outcome.receivers.length > 0 && outcome.receivers.every(r => r.verified),
    receivers: times.map(round3),
    receiverDetails: outcome.receivers.map(r => ({ ...r, seconds: round3(r.seconds) })),
    cpu,
    ...(outcome.appBytesSent != null ? { appBytesSent: outcome.appBytesSent } : {}),
    ...(outcome.crossLinkBytes != null ? { crossLinkBytes: outcome.crossLinkBytes, crossLinkCopies: round3(outcome.crossLinkBytes / fileBytes) } : {}),
    notes: outcome.notes
  }
}

/** Millisecond resolution is all the timing is good for; keeps the JSON readable. */
function round3<T extends number | null> (n: T): T {
  return (n == null ? n : Math.round(n * 1000) / 1000) as T
}

function fixed (n: number | null | undefined, digits: number): string {
  return n == null ? '-' : n.toFixed(digits)
}

function median (xs: number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const COLUMNS = ['scenario', 'first s', 'median s', 'last s', 'x T_min', 'origin sent', 'copies', 'verified', 'CPU avg/peak %']

export function formatTable (r: BenchResult): string {
  const lines: string[] = []
  const l = r.links
  lines.push(`${r.receivers} receivers, file ${formatBytes(r.fileBytes)}; links: origin ${formatRate(l.originUpBps)} up / ` +
    `${formatRate(l.originDownBps)} down, receivers ${formatRate(l.receiverUpBps)} up / ${formatRate(l.receiverDownBps)} down`)
  lines.push(`T_min = ${r.tMinSeconds.toFixed(2)} s (binding: ${r.tMinBinding}); ` +
    `client-server bound N*F/u_s = ${r.clientServerSeconds.toFixed(2)} s`)
  const rows = r.scenarios.map(s => {
    if (s.skipped != null) return [s.name, `skipped: ${s.skipped}`]
    const done = s.receivers.filter((t): t is number => t != null)
    const finished = `${done.length}/${s.receivers.length}`
    return [
      s.name,
      fixed(done.length > 0 ? Math.min(...done) : null, 1),
      fixed(median(done), 1),
      s.lastSeconds == null ? `timeout (${finished})` : fixed(s.lastSeconds, 1),
      fixed(s.ratio, 2),
      formatBytes(s.originTxBytes),
      fixed(s.originCopies, 2),
      s.verified ? 'yes' : `NO (${s.receiverDetails.filter(d => d.verified).length}/${s.receivers.length})`,
      s.cpu == null ? '-' : `${s.cpu.avgPercent.toFixed(0)}/${s.cpu.peakPercent.toFixed(0)}`
    ]
  })
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map(row => row.length > 2 ? (row[i] ?? '').length : 0)))
  const fmt = (row: string[]): string => row.length === 2 && row[1].startsWith('skipped')
    ? `${row[0].padEnd(widths[0])}  ${row[1]}`
    : row.map((cell, i) => i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])).join('  ')
  lines.push('')
  lines.push(fmt(COLUMNS))
  lines.push(widths.map(w => '-'.repeat(w)).join('  '))
  for (const row of rows) lines.push(fmt(row))
  const crossed = r.scenarios.filter(s => s.crossLinkBytes != null)
  if (crossed.length > 0) {
    lines.push('')
    for (const s of crossed) lines.push(`${s.name}: ${formatBytes(s.crossLinkBytes!)} over the link between the LANs = ${fixed(s.crossLinkCopies, 2)} copies`)
  }
  return lines.join('\n')
}
