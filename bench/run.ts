/**
 * Shoal benchmark harness: builds an emulated network of namespaces with shaped
 * links, runs distribution scenarios one after another on it, and reports time
 * against the Kumar-Ross lower bound, origin load, CPU and integrity.
 *
 *   sudo node --import tsx bench/run.ts --receivers 8 --size 64MiB --rate 40mbit --scenarios shoal,http
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, release, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_TIMEOUT_FACTOR, DEFAULT_TIMEOUT_SLACK_S, parseBenchArgs, USAGE, type BenchOptions, type ScenarioName } from './lib/args.js'
import { clientServerLowerBound, swarmLowerBound } from './lib/bound.js'
import { installTeardownHandlers, onTeardown, teardownAll } from './lib/cleanup.js'
import { CpuSampler, type CpuSummary } from './lib/cpu.js'
import { createRandomFile, sha256File } from './lib/files.js'
import { ProcessGroup, sleep } from './lib/procs.js'
import { formatTable, scenarioResult, type BenchResult, type Links, type ScenarioResult } from './lib/report.js'
import { renderChart } from './lib/svg.js'
import { commandExists, createTestbed, deleteNamespace, MAX_RECEIVERS, staleNamespaces, txBytes, type Testbed } from './lib/testbed.js'
import { formatBytes, formatRate } from './lib/units.js'
import { httpScenario } from './scenarios/http.js'
import { shoalScenario } from './scenarios/shoal.js'
import { shoalTrackerScenario } from './scenarios/shoal-tracker.js'
import { http2netScenario, shoal2netScenario } from './scenarios/two-networks.js'
import type { Scenario, ScenarioContext, ScenarioOutcome, SourceFile } from './scenarios/types.js'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results')
const SCENARIOS: Record<ScenarioName, Scenario> = { shoal: shoalScenario, http: httpScenario, 'shoal-tracker': shoalTrackerScenario, 'shoal-2net': shoal2netScenario, 'http-2net': http2netScenario }
/** Let killed processes of a failed scenario release ports before the next one starts. */
const AFTER_FAILURE_PAUSE_MS = 1000
const EXIT_USAGE = 2
const EXIT_FAILED_RECEIVERS = 3

const started = performance.now()
function log (msg: string): void {
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${msg}`)
}

interface Run { opts: BenchOptions, testbed: Testbed, file: SourceFile, tmp: string, procs: ProcessGroup, timeoutMs: number, tMinSeconds: number }

async function runScenario (run: Run, scenario: Scenario): Promise<{ outcome: ScenarioOutcome, txBytes: number, cpu: CpuSummary | null }> {
  const workDir = join(run.tmp, scenario.name)
  mkdirSync(workDir, { recursive: true })
  const cpu = new CpuSampler()
  let txBefore: number | null = null
  let txAfter: number | null = null
  let cpuSummary: CpuSummary | null = null
  let t0 = performance.now()
  const end = (): void => {
    if (txBefore == null || txAfter != null) return
    cpuSummary = cpu.stop()
    txAfter = txBytes(run.testbed.origin)
  }
  const ctx: ScenarioContext = {
    repoRoot: REPO_ROOT,
    testbed: run.testbed,
    file: run.file,
    workDir,
    timeoutMs: run.timeoutMs,
    procs: run.procs,
    begin: () => {
      txBefore = txBytes(run.testbed.origin)
      cpu.start()
      t0 = performance.now()
      log(`${scenario.name}: receivers starting (time limit ${run.timeoutMs / 1000}s)`)
    },
    end,
    elapsedMs: () => performance.now() - t0,
    log: msg => { log(`${scenario.name}: ${msg}`) },
    shoalFullMesh: run.opts.shoalFullMesh,
    crossRateBps: run.opts.crossRateBps
  }
  let outcome: ScenarioOutcome
  try {
    outcome = await scenario.run(ctx)
  } catch (err) {
    // A broken scenario is a result too; record it and let the next one run.
    const msg = (err as Error).message
    log(`${scenario.name}: FAILED: ${msg}`)
    run.procs.killAll()
    await sleep(AFTER_FAILURE_PAUSE_MS)
    outcome = {
      receivers: run.testbed.receivers.map(r => ({ name: r.name, seconds: null, verified: false, bytes: 0, error: msg })),
      series: [],
      notes: [`error: ${msg}`]
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
  end()
  const sent = outcome.originTxBytes ?? (txBefore != null && txAfter != null ? txAfter - txBefore : 0)
  return { outcome, txBytes: sent, cpu: cpuSummary }
}

/**
 * Claim <timestamp>.json now (exclusive create), so two runs started in the same
 * second cannot overwrite each other's results; the loser appends its pid.
 */
function reserveResultName (): string {
  const base = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')
  for (const name of [base, `${base}-${process.pid}`]) {
    try {
      writeFileSync(join(RESULTS_DIR, `${name}.json`), '', { flag: 'wx' })
      return name
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
  throw new Error(`results for ${base} exist already`)
}

function checkEnvironment (opts: BenchOptions): string | null {
  if (process.getuid?.() !== 0) {
    return 'needs root: it creates network namespaces, veth pairs and tc qdiscs (run it with sudo)'
  }
  for (const cmd of ['ip', 'tc']) if (!commandExists(cmd)) return `"${cmd}" (iproute2) is not installed`
  if (opts.receivers > MAX_RECEIVERS) return `at most ${MAX_RECEIVERS} receivers (one /24 subnet)`
  return null
}

async function main (): Promise<number> {
  let opts: BenchOptions
  try {
    opts = parseBenchArgs(process.argv.slice(2))
  } catch (err) {
    console.error(`bench: ${(err as Error).message}\n${USAGE}`)
    return EXIT_USAGE
  }
  if (opts.help) {
    console.log(USAGE)
    return 0
  }
  const problem = checkEnvironment(opts)
  if (problem != null) {
    console.error(`bench: ${problem}`)
    return 1
  }
  if (opts.cleanupStale) {
    const stale = staleNamespaces()
    for (const ns of stale) deleteNamespace(ns)
    console.log(stale.length === 0 ? 'no stale namespaces' : `deleted ${stale.join(' ')}`)
    return 0
  }
  installTeardownHandlers()

  const links: Links = {
    originUpBps: opts.originRateBps,
    originDownBps: opts.originRateBps,
    receiverUpBps: opts.rateBps,
    receiverDownBps: opts.rateBps
  }
  const swarm = {
    fileBytes: opts.sizeBytes,
    sourceUpBps: links.originUpBps,
    peerUpBps: Array(opts.receivers).fill(links.receiverUpBps) as number[],
    peerDownBps: Array(opts.receivers).fill(links.receiverDownBps) as number[]
  }
  const bound = swarmLowerBound(swarm)
  const clientServer = clientServerLowerBound(swarm)
  const timeoutSeconds = opts.timeoutSeconds ?? Math.ceil(DEFAULT_TIMEOUT_FACTOR * clientServer + DEFAULT_TIMEOUT_SLACK_S)

  const prefix = `shb${process.pid}`
  log(`testbed ${prefix}: origin + ${opts.receivers} receivers, origin ${formatRate(opts.originRateBps)}, receivers ${formatRate(opts.rateBps)}`)
  const testbed = createTestbed({
    prefix,
    receivers: opts.receivers,
    originUpBps: links.originUpBps,
    originDownBps: links.originDownBps,
    receiverUpBps: links.receiverUpBps,
    receiverDownBps: links.receiverDownBps,
    impairment: { delayMs: opts.delayMs, lossPercent: opts.lossPercent }
  })
  const tmp = mkdtempSync(join(tmpdir(), `shoal-bench-${process.pid}-`))
  onTeardown(`remove ${tmp}`, () => { rmSync(tmp, { recursive: true, force: true }) })
  const path = join(tmp, 'source.bin')
  log(`writing ${formatBytes(opts.sizeBytes)} random test file`)
  createRandomFile(path, opts.sizeBytes)
  const file: SourceFile = { path, size: opts.sizeBytes, sha256: await sha256File(path) }

  mkdirSync(RESULTS_DIR, { recursive: true })
  const timestamp = reserveResultName()
  const jsonPath = join(RESULTS_DIR, `${timestamp}.json`)
  let finished = false
  onTeardown('remove unfinished result', () => { if (!finished) rmSync(jsonPath, { force: true }) })
  const run: Run = { opts, testbed, file, tmp, procs: new ProcessGroup(), timeoutMs: timeoutSeconds * 1000, tMinSeconds: bound.seconds }
  const results: ScenarioResult[] = []
  for (const name of opts.scenarios) {
    const scenario = SCENARIOS[name]
    const { outcome, txBytes: sent, cpu } = await runScenario(run, scenario)
    const result = scenarioResult(name, outcome, sent, cpu, file.size, bound.seconds)
    if (outcome.skipped != null) log(`${name}: skipped: ${outcome.skipped}`)
    else {
      const chart = `${timestamp}-${name}.svg`
      writeFileSync(join(RESULTS_DIR, chart), renderChart(outcome.series, {
        title: `${name}: ${opts.receivers} receivers, ${formatBytes(file.size)}, ${formatRate(opts.rateBps)} links`,
        totalBytes: file.size,
        tMinSeconds: bound.seconds
      }))
      result.chart = chart
      log(`${name}: last receiver ${result.lastSeconds?.toFixed(1) ?? 'did not finish'}, verified ${String(result.verified)}`)
    }
    results.push(result)
  }

  const report: BenchResult = {
    timestamp,
    argv: process.argv.slice(2),
    machine: { cores: cpus().length, kernel: release(), node: process.version },
    receivers: opts.receivers,
    fileBytes: file.size,
    links,
    tMinSeconds: bound.seconds,
    tMinBinding: bound.binding,
    clientServerSeconds: clientServer,
    timeoutSeconds,
    scenarios: results
  }
  writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n')
  finished = true
  console.log(formatTable(report))
  console.log(`\nresults: ${jsonPath}`)
  const failed = results.some(r => r.skipped == null && !r.verified)
  return failed ? EXIT_FAILED_RECEIVERS : 0
}

main().then(code => {
  teardownAll()
  process.exit(code)
}, (err: Error) => {
  console.error(`bench: ${err.message}`)
  teardownAll()
  process.exit(1)
})
