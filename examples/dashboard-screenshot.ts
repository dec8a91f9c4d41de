/**
 * A real run for the README: a tracker and N task servers as real processes
 * on 127.0.0.1, one replicate task to all of them, the dashboard open in
 * headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
 * Saves a screenshot when the chunk map is about `--at` full, waits for the
 * task to finish and prints its efficiency against the bound
 * (T_min / T_actual and the binding term) as the last stdout line (JSON).
 *
 *   npm run screenshot:dashboard -- [--servers 4] [--size 64MiB] [--seed-rate 2MiB] [--at 0.5] [--out docs/dashboard.png]
 *
 * `--seed-rate` slows the tracker's serving (the test-only SHOAL_FAULT
 * slow-served, per chunk read) so the map can be watched filling; `0` runs
 * at full speed (use that for an efficiency figure of the real thing).
 */
import { parseArgs } from 'node:util'
import { parseSize, formatBytes } from '../src/util/units.js'
import { TrackerCluster } from '../test/e2e/tracker-cluster.js'
import { chromiumAvailable, chunkMapCounts, CHROMIUM_PATH, openBrowser, type Browser } from './lib/dashboard-browser.js'

/** Longest the run may take. */
const RUN_TIMEOUT_MS = 10 * 60_000
/** How often the chunk map is read off the page. */
const SAMPLE_MS = 200

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '4' },
    size: { type: 'string', default: '64MiB' },
    'seed-rate': { type: 'string', default: '2MiB' },
    at: { type: 'string', default: '0.5' },
    out: { type: 'string', default: 'docs/dashboard.png' }
  }
})
const servers = Number(values.servers)
const at = Number(values.at)
if (!Number.isInteger(servers) || servers < 1 || servers > 32 || !(at >= 0 && at <= 1)) {
  process.stderr.write('--servers must be 1..32 and --at 0..1\n')
  process.exit(2)
}
if (!chromiumAvailable()) {
  process.stderr.write(`${CHROMIUM_PATH} not found: apt-get install -y --no-install-recommends chromium\n`)
  process.exit(1)
}
const size = parseSize(values.size)
const seedRate = values['seed-rate'] === '0' ? 0 : parseSize(values['seed-rate'])

const cluster = await TrackerCluster.create('shoal-screenshot-')
let browser: Browser | undefined
const cleanup = async (): Promise<void> => { await browser?.close(); await cluster.close() }
process.once('SIGINT', () => { void cleanup().finally(() => process.exit(130)) })

try {
  const file = await cluster.addFile(size)
  await cluster.startTracker([], seedRate > 0 ? { SHOAL_FAULT: `slow-served:${seedRate}` } : undefined)
  for (let i = 0; i < servers; i++) await cluster.startServer(`s${i}`)
  await cluster.waitForServers(servers, 30_000)
  browser = await openBrowser({ width: 820, height: 400 })
  await browser.page.goto(`${cluster.http}/`, { waitUntil: 'load' })
  const taskId = await cluster.replicate(file.fileId)
  process.stdout.write(`${servers} servers, ${formatBytes(size)}, seed rate ${seedRate > 0 ? formatBytes(seedRate) + '/s per read' : 'full'}; task ${taskId}\n`)

  let shot = false
  let task: any
  const deadline = Date.now() + RUN_TIMEOUT_MS
  while (Date.now() < deadline) {
    const counts = await chunkMapCounts(browser.page)
    if (!shot && counts.cells > 0 && counts.held >= at * counts.cells && (at === 1 || counts.held < counts.cells)) {
      await browser.page.screenshot({ path: values.out, fullPage: true })
      process.stdout.write(`screenshot ${values.out} at ${counts.held}/${counts.cells} cells held\n`)
      shot = true
    }
    task = await cluster.api(`/api/tasks/${taskId}`)
    if (task.state === 'done' || task.state === 'failed') break
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS))
  }
  if (!shot) {
    // The task ended between two samples (a fast run): the picture shows it finished.
    await browser.page.screenshot({ path: values.out, fullPage: true })
    process.stdout.write(`screenshot ${values.out} after the task ended (it never showed ${at} of the map; a lower --seed-rate slows it)\n`)
  }
  if (browser.errors.length > 0) throw new Error(`console errors: ${browser.errors.join(' | ')}`)
  const e = task.efficiency
  if (e != null) {
    process.stdout.write(`task ${task.state}: T_min ${(e.tMinMs / 1000).toFixed(2)} s / T_actual ${(e.actualMs / 1000).toFixed(2)} s = ${(100 * e.efficiency).toFixed(0)}%, bound: ${e.bound}\n`)
  }
  process.stdout.write(JSON.stringify({ taskId, state: task.state, servers, fileBytes: size, seedRateBps: seedRate, efficiency: e }) + '\n')
} finally {
  await cleanup()
}
