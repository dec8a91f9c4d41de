/** Command-line options of bench/run.ts. */
import { parseArgs } from 'node:util'
import { parseRate, parseSize } from './units.js'

export const SCENARIO_NAMES = ['shoal', 'http', 'shoal-tracker', 'shoal-2net', 'http-2net'] as const
export type ScenarioName = typeof SCENARIO_NAMES[number]

const DEFAULTS = { receivers: '8', size: '64MiB', rate: '40mbit', scenarios: 'shoal,http', crossRate: '20mbit' }
/** Generous default time limit: 1.5x the client-server bound plus start-up slack. */
export const DEFAULT_TIMEOUT_FACTOR = 1.5
export const DEFAULT_TIMEOUT_SLACK_S = 60
const MAX_LOSS_PERCENT = 100

export const USAGE = `usage: node --import tsx bench/run.ts [options]   (as root)
  --receivers N        receiving hosts (default ${DEFAULTS.receivers})
  --size F             file size, e.g. 64MiB, 1GiB, 500MB (default ${DEFAULTS.size})
  --rate R             every link's rate, both directions, tc units, e.g. 40mbit (default ${DEFAULTS.rate})
  --origin-rate R      origin's link rate, both directions (default: --rate)
  --delay MS           one-way delay on each host's uplink (needs tc netem)
  --loss P             packet loss percent on each host's uplink (needs tc netem)
  --scenarios LIST     comma-separated, run in this order: ${SCENARIO_NAMES.join(',')} (default ${DEFAULTS.scenarios})
                       *-2net: two LANs (origin + half the receivers in A, half in B) joined by one link
  --cross-rate R       the link between the two LANs of the *-2net scenarios, each way (default ${DEFAULTS.crossRate})
  --timeout SECONDS    time limit per scenario (default ${DEFAULT_TIMEOUT_FACTOR} x N*F/u_s + ${DEFAULT_TIMEOUT_SLACK_S})
  --shoal-full-mesh    give each Shoal receiver every receiver's address, not only the origin's
  --cleanup-stale      delete namespaces left by earlier runs that were killed, then exit
  --help`

export interface BenchOptions {
  receivers: number
  sizeBytes: number
  rateBps: number
  originRateBps: number
  delayMs: number
  lossPercent: number
  scenarios: ScenarioName[]
  /** null: derive from the client-server bound. */
  timeoutSeconds: number | null
  shoalFullMesh: boolean
  /** The link between the LANs of the two-network scenarios, bits per second each way. */
  crossRateBps: number
  cleanupStale: boolean
  help: boolean
}

function nonNegative (text: string, what: string, max = Infinity): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) throw new Error(`invalid ${what}: "${text}"`)
  return n
}

export function parseBenchArgs (argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      receivers: { type: 'string', default: DEFAULTS.receivers },
      size: { type: 'string', default: DEFAULTS.size },
      rate: { type: 'string', default: DEFAULTS.rate },
      'origin-rate': { type: 'string' },
      delay: { type: 'string' },
      loss: { type: 'string' },
      scenarios: { type: 'string', default: DEFAULTS.scenarios },
      timeout: { type: 'string' },
      'shoal-full-mesh': { type: 'boolean', default: false },
      'cross-rate': { type: 'string', default: DEFAULTS.crossRate },
      'cleanup-stale': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  const receivers = Number(values.receivers)
  if (!Number.isInteger(receivers) || receivers < 1) throw new Error(`invalid --receivers: "${values.receivers}"`)
  const scenarios = values.scenarios.split(',').map(s => s.trim()).filter(Boolean)
  for (const s of scenarios) {
    if (!(SCENARIO_NAMES as readonly string[]).includes(s)) throw new Error(`unknown scenario "${s}" (known: ${SCENARIO_NAMES.join(', ')})`)
  }
  if (scenarios.length === 0) throw new Error('--scenarios is empty')
  const rateBps = parseRate(values.rate)
  const timeout = values.timeout == null ? null : nonNegative(values.timeout, '--timeout')
  if (timeout === 0) throw new Error('--timeout must be positive')
  return {
    receivers,
    sizeBytes: parseSize(values.size),
    rateBps,
    originRateBps: values['origin-rate'] == null ? rateBps : parseRate(values['origin-rate']),
    delayMs: values.delay == null ? 0 : nonNegative(values.delay, '--delay'),
    lossPercent: values.loss == null ? 0 : nonNegative(values.loss, '--loss', MAX_LOSS_PERCENT),
    scenarios: scenarios as ScenarioName[],
    timeoutSeconds: timeout,
    shoalFullMesh: values['shoal-full-mesh'],
    crossRateBps: parseRate(values['cross-rate']),
    cleanupStale: values['cleanup-stale'],
    help: values.help
  }
}
