import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumAvailable, chunkMapCounts, CHROMIUM_PATH, openBrowser, rateView, type Browser, type ChunkMapCounts, type RateView } from '../../examples/lib/dashboard-browser.js'
import { PeerProcess } from '../../examples/lib/peer-process.js'
import { DASHBOARD_POLL_MS } from '../../src/tracker/dashboard.js'
import { TrackerCluster } from './tracker-cluster.js'

const MiB = 1024 * 1024
const SERVERS = 3
const FILE_BYTES = 32 * MiB
/**
 * The tracker serves each chunk as if at this rate (SHOAL_FAULT=slow-served,
 * per read): slow enough that the chunk map is seen filling, fast enough
 * that the whole test stays well under a minute.
 */
const SEED_RATE_BPS = 2 * MiB
/** How often the test reads the chunk map off the page. */
const SAMPLE_MS = 250
const STEP_MS = 45_000
/** Polls of the page to wait for it to draw what the API already says (it polls every DASHBOARD_POLL_MS). */
const SUMMARY_WAIT_POLLS = 3
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Where the screenshot goes (SHOAL_DASHBOARD_SCREENSHOT to keep it elsewhere). */
const SCREENSHOT = process.env.SHOAL_DASHBOARD_SCREENSHOT ?? join(tmpdir(), 'shoal-dashboard-test.png')

describe('dashboard in headless Chromium against a live tracker and servers', function () {
  this.timeout(3 * STEP_MS)
  let cluster: TrackerCluster | undefined
  let browser: Browser | undefined

  before(function () {
    if (chromiumAvailable()) return
    const why = `${CHROMIUM_PATH} not found (apt-get install -y --no-install-recommends chromium)`
    if (process.env.SHOAL_REQUIRE_BROWSER === '1') throw new Error(`SHOAL_REQUIRE_BROWSER=1 but ${why}`)
    console.log(`    skipped: ${why}`)
    this.skip()
  })

  after(async () => {
    await browser?.close()
    await cluster?.close()
  })

  it('shows the servers and the task, and the chunk map fills up as the task runs', async () => {
    cluster = await TrackerCluster.create('shoal-dashboard-')
    const file = await cluster.addFile(FILE_BYTES)
    await cluster.startTracker([], { SHOAL_FAULT: `slow-served:${SEED_RATE_BPS}` })
    for (let i = 0; i < SERVERS; i++) await cluster.startServer(`s${i}`)
    const servers = await cluster.waitForServers(SERVERS, STEP_MS)

    browser = await openBrowser()
    const { page } = browser
    await page.goto(`${cluster.http}/`, { waitUntil: 'load', timeout: STEP_MS })
    assert.equal(await page.title(), 'Shoal tracker')
    // Every live server is listed (the page shortens PeerIds to their first 8 characters).
    await page.waitForFunction((n) => document.querySelectorAll('#servers tbody tr').length >= n, SERVERS, { timeout: STEP_MS })
    const serverRows = await page.$$eval('#servers tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''))
    for (const s of servers) assert.ok(serverRows.some((r) => r.startsWith(s.peerId.slice(0, 8)) && r.includes('yes')), `server ${s.peerId} listed alive: ${serverRows.join(' | ')}`)

    const taskId = await cluster.replicate(file.fileId)
    // The terminal's view of the same task, refreshed until it ends (`status --watch --json`: one event per refresh).
    const watch = new PeerProcess(['status', taskId, '--tracker', cluster.trackerAddr, '--watch', '--timeout', String(STEP_MS / 1000)])
    // The page picks the running task by itself and draws one chunk-map row per server.
    await page.waitForFunction((id) => document.getElementById('task-id')?.textContent === id, taskId, { timeout: STEP_MS })
    await page.waitForFunction((n) => document.querySelectorAll('#chunkmap canvas').length === n, SERVERS, { timeout: STEP_MS })
    const taskRows = await page.$$eval('#tasks tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''))
    assert.ok(taskRows.some((r) => r.startsWith(taskId.slice(0, 8)) && r.includes('replicate')), `task listed: ${taskRows.join(' | ')}`)

    // Sample the drawn chunk map until the task is done and the map is full.
    const samples: ChunkMapCounts[] = []
    let screenshotTaken = false
    const deadline = Date.now() + STEP_MS
    let state = ''
    // Efficiency while the task runs (once a server has finished): marked not final.
    const runningEfficiency: any[] = []
    // The rate chart, the servers' rate cells and the task's progress cell, as drawn while the task runs.
    const runningRates: RateView[] = []
    while (Date.now() < deadline) {
      const counts = await chunkMapCounts(page)
      samples.push(counts)
      const drawn = await rateView(page)
      if (!screenshotTaken && counts.held > 0 && counts.held < counts.cells) {
        await page.screenshot({ path: SCREENSHOT, fullPage: true })
        screenshotTaken = true
      }
      const task = await cluster.api(`/api/tasks/${taskId}`)
      state = task.state
      if (state !== 'done' && task.efficiency != null) runningEfficiency.push(task.efficiency)
      if (state !== 'done') runningRates.push(drawn)
      if (state === 'done' && counts.cells > 0 && counts.held === counts.cells) break
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS))
    }
    const held = samples.map((s) => s.held)
    const cells = SERVERS * file.chunks
    console.log(`    held cells over time (of ${cells}): ${compress(held).join(' ')}`)
    assert.equal(state, 'done')
    for (const s of samples) assert.equal(s.cells, cells, 'one cell per chunk per server')
    for (let i = 1; i < held.length; i++) assert.ok(held[i] >= held[i - 1], `held cells went down: ${held.join(',')}`)
    assert.ok(held[0] < cells, 'the map was not already full when the task started')
    assert.ok(held.some((h) => h > 0 && h < cells), 'a partly filled map was seen')
    assert.ok(new Set(held.filter((h) => h > 0 && h < cells)).size >= 2, `the map grew in more than one step: ${compress(held).join(' ')}`)
    assert.equal(held.at(-1), cells, 'the map ends full')
    for (const row of samples.at(-1)!.rows) assert.equal(row.held, file.chunks)
    // The loop above reads the task's state from the API; the page draws it on its next poll, up to one period later.
    const summaryDone = /done.*efficiency \d+%/
    await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('task-summary')?.textContent ?? ''), summaryDone.source, { timeout: SUMMARY_WAIT_POLLS * DASHBOARD_POLL_MS }).catch(() => {})
    assert.match(await page.textContent('#task-summary') ?? '', summaryDone)
    for (const e of runningEfficiency) assert.ok(e.final === false && e.efficiency > 0, JSON.stringify(e))
    const eff = (await cluster.api(`/api/tasks/${taskId}`)).efficiency
    assert.ok(eff.final === true && eff.efficiency > 0 && eff.efficiency <= 1, JSON.stringify(eff))
    console.log(`    efficiency ${(100 * eff.efficiency).toFixed(0)}% (T_min ${eff.tMinMs} ms / T_actual ${eff.actualMs} ms, bound ${eff.bound}); ${runningEfficiency.length} running samples had one`)

    // Rate chart: drawn from more than one point with a rate above 0 while the task ran (the line rises off the axis).
    const charted = runningRates.filter((r) => r.chartPoints > 1 && r.lineHeight > 0)
    assert.ok(charted.length > 0, `a rate chart with points was drawn while the task ran: ${JSON.stringify(runningRates.at(-1))}`)
    assert.ok(charted.some((r) => /receive rate, all servers: \d+\.\d MiB\/s/.test(r.summary)), charted.at(-1)?.summary)
    const finalChart = await rateView(page)
    assert.ok(finalChart.chartPoints >= Math.max(...runningRates.map((r) => r.chartPoints)), 'the history is kept after the task ends')
    // Servers table: one rate cell per server; some server seen receiving, and (they swarm) some seen sending, above 0.
    for (const r of runningRates) assert.ok(r.serverRates.length >= SERVERS && r.serverRates.every((t) => /^in \d+\.\d MiB\/s, out \d+\.\d MiB\/s$/.test(t)), r.serverRates.join(' | '))
    assert.ok(runningRates.some((r) => r.serverRates.some((t) => !t.startsWith('in 0.0 MiB/s'))), 'a server shown receiving')
    assert.ok(runningRates.some((r) => r.serverRates.some((t) => !t.endsWith('out 0.0 MiB/s'))), 'a server shown sending to its peers')
    // Task progress by bytes: part-way while no server had finished yet, not 0%.
    const progressCells = runningRates.map((r) => r.taskProgress)
    assert.ok(progressCells.some((t) => new RegExp(`^[1-9]\\d?%, 0/${SERVERS} servers done$`).test(t)), `byte progress before any server finished: ${[...new Set(progressCells)].join(' | ')}`)
    assert.match(await page.$eval('#tasks tr.sel td:nth-child(5)', (td) => td.textContent?.trim() ?? ''), new RegExp(`^100%, ${SERVERS}/${SERVERS} servers done$`))
    console.log(`    rate chart: ${finalChart.chartPoints} points at the end, ${charted.length} of ${runningRates.length} running samples drawn; ${finalChart.summary}`)

    assert.equal(await watch.exited, 0, `status --watch: ${watch.stderr.join(' | ')}`)
    const views = watch.events.filter((e) => e.event === 'task')
    assert.equal(views.at(-1)?.state, 'done')
    for (const v of views) assert.equal(v.servers.length, SERVERS)
    for (const s of views.at(-1)!.servers) assert.ok(s.state === 'done' && s.totalBytes === FILE_BYTES && s.durationMs > 0, JSON.stringify(s))
    const partial = views.filter((v) => v.servers.some((s: any) => s.progressBytes > 0 && s.progressBytes < FILE_BYTES))
    console.log(`    status --watch: ${views.length} refreshes, ${partial.length} with a server part-way`)

    if (!screenshotTaken) await page.screenshot({ path: SCREENSHOT, fullPage: true })
    const png = await readFile(SCREENSHOT)
    assert.ok(png.byteLength > 10_000 && png.subarray(0, 8).equals(PNG_MAGIC), `a PNG at ${SCREENSHOT}`)
    console.log(`    screenshot: ${SCREENSHOT} (${png.byteLength} bytes)`)
    assert.deepEqual(browser.errors, [], 'no console errors')
  })
})

/** Runs of equal values as `value×count`, for a readable log line. */
function compress (xs: number[]): string[] {
  const out: string[] = []
  for (let i = 0; i < xs.length;) {
    let j = i
    while (j < xs.length && xs[j] === xs[i]) j++
    out.push(j - i > 1 ? `${xs[i]}x${j - i}` : String(xs[i]))
    i = j
  }
  return out
}
