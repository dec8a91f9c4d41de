/**
 * Whole-machine CPU use from /proc/stat. All hosts of the testbed share this
 * machine's cores, so CPU saturation would distort the timings; the figure tells
 * whether a result is network-bound (trustworthy) or CPU-bound.
 */
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

/** Linux reports /proc/stat in USER_HZ ticks, which is 100 on every mainstream ABI. */
const USER_HZ = 100
const SAMPLE_INTERVAL_MS = 1000

export interface CpuTimes { busy: number, total: number }

export interface CpuSummary {
  /** Mean share of all cores that was busy over the run, 0..100. */
  avgPercent: number
  /** Busiest sampling interval, 0..100. */
  peakPercent: number
  /** CPU time spent, in core-seconds (2 cores fully busy for 10 s = 20). */
  busyCoreSeconds: number
  cores: number
}

/** Parse the aggregate "cpu" line: user nice system idle iowait irq softirq steal ... */
export function parseProcStat (text: string): CpuTimes {
  const line = text.split('\n').find(l => l.startsWith('cpu '))
  if (line == null) throw new Error('no aggregate cpu line in /proc/stat')
  // guest/guest_nice (fields 9, 10) are already counted in user/nice.
  const f = line.trim().split(/\s+/).slice(1, 9).map(Number)
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = f
  const busy = user + nice + system + irq + softirq + steal
  return { busy, total: busy + idle + iowait }
}

export function busyPercent (a: CpuTimes, b: CpuTimes): number {
  const total = b.total - a.total
  return total > 0 ? 100 * (b.busy - a.busy) / total : 0
}

function readStat (): CpuTimes {
  return parseProcStat(readFileSync('/proc/stat', 'utf8'))
}

export class CpuSampler {
  private first: CpuTimes | null = null
  private last: CpuTimes | null = null
  private peak = 0
  private timer: NodeJS.Timeout | null = null

  start (): void {
    this.first = this.last = readStat()
    this.peak = 0
    this.timer = setInterval(() => { this.sample() }, SAMPLE_INTERVAL_MS)
    this.timer.unref()
  }

  private sample (): CpuTimes {
    const now = readStat()
    if (this.last != null) this.peak = Math.max(this.peak, busyPercent(this.last, now))
    this.last = now
    return now
  }

  stop (): CpuSummary {
    if (this.timer != null) clearInterval(this.timer)
    this.timer = null
    const first = this.first
    if (first == null) throw new Error('CpuSampler.stop() before start()')
    const end = this.sample()
    const avg = busyPercent(first, end)
    return {
      avgPercent: round1(avg),
      // A run shorter than one interval has no full sample; its mean is its peak.
      peakPercent: round1(Math.max(this.peak, avg)),
      busyCoreSeconds: round1((end.busy - first.busy) / USER_HZ),
      cores: cpus().length
    }
  }
}

function round1 (n: number): number {
  return Math.round(n * 10) / 10
}
