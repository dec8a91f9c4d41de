import assert from 'node:assert/strict'
import { TrackerCluster } from './tracker-cluster.js'

const MiB = 1024 * 1024
const STEP_MS = 120_000

/** Prometheus text: the sum of every sample of `name` whose labels contain `labels` (e.g. 'source="tracker"'). */
function sample (text: string, name: string, labels = ''): number {
  let sum = 0
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{') && !line.startsWith(name + ' ')) continue
    if (labels !== '' && !line.includes(labels)) continue
    sum += Number(line.slice(line.lastIndexOf(' ') + 1))
  }
  return sum
}

async function scrape (base: string): Promise<string> {
  const res = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(5_000) })
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type') ?? '', /text\/plain/)
  return res.text()
}

describe('metrics: GET /metrics on a tracker and a server of real processes', function () {
  this.timeout(3 * STEP_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create('shoal-metrics-') })
  after(async () => { await cluster.close() })

  it('counters move while a task runs and after an HTTP download', async () => {
    const file = await cluster.addFile(32 * MiB)
    await cluster.startTracker()
    const a = await cluster.startServer('a', { args: ['--http-port', '0'] })
    await cluster.startServer('b', { args: ['--http-port', '0'] })
    const aHttp = (await a.waitFor((e) => e.event === 'listening', 5_000)).http as string
    await cluster.waitForServers(2, STEP_MS)

    const trackerBefore = await scrape(cluster.http)
    const serverBefore = await scrape(aHttp)
    for (const text of [trackerBefore, serverBefore]) {
      assert.match(text, /^shoal_process_resident_memory_bytes/m)
      assert.match(text, /^shoal_connections\{/m)
      assert.match(text, /^shoal_store_bytes/m)
    }
    assert.equal(sample(serverBefore, 'shoal_bytes_received_total'), 0)
    assert.equal(sample(trackerBefore, 'shoal_tasks', 'state="done"'), 0)

    const taskId = await cluster.replicate(file.fileId)
    // Scrape during the task: the server's received bytes never go down.
    const seen: number[] = []
    const deadline = Date.now() + STEP_MS
    let task: any
    while (Date.now() < deadline) {
      seen.push(sample(await scrape(aHttp), 'shoal_bytes_received_total'))
      task = await cluster.api(`/api/tasks/${taskId}`)
      if (task.state === 'done' || task.state === 'failed') break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.equal(task.state, 'done')
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `received bytes went down: ${seen.join(',')}`)

    const serverAfter = await scrape(aHttp)
    assert.equal(sample(serverAfter, 'shoal_bytes_received_total'), 32 * MiB)
    assert.equal(sample(serverAfter, 'shoal_chunks_verified_total'), file.chunks)
    assert.equal(sample(serverAfter, 'shoal_chunks_failed_total'), 0)
    assert.ok(sample(serverAfter, 'shoal_store_bytes') >= 32 * MiB)

    const trackerAfter = await scrape(cluster.http)
    assert.ok(sample(trackerAfter, 'shoal_bytes_sent_total') > 0)
    assert.equal(sample(trackerAfter, 'shoal_tasks', 'state="done"'), 1)
    assert.equal(sample(trackerAfter, 'shoal_task_duration_seconds_count'), 1)
    // Both servers reported 32 MiB each, from the tracker or from each other.
    assert.equal(sample(trackerAfter, 'shoal_task_bytes_total'), 2 * 32 * MiB)

    // The finished task shows its efficiency against the bound.
    const eff = (await cluster.api(`/api/tasks/${taskId}`)).efficiency
    assert.ok(eff != null, 'efficiency present')
    assert.equal(eff.final, true, 'a done task has its final figure')
    assert.ok(eff.tMinMs > 0 && eff.efficiency > 0 && eff.efficiency <= 1, JSON.stringify(eff))
    assert.ok(['seed-upload', 'slowest-download', 'total-upload'].includes(eff.bound))

    // The dashboard and its chunk map.
    const page = await fetch(`${cluster.http}/`)
    assert.match(page.headers.get('content-type') ?? '', /text\/html/)
    assert.match(await page.text(), /<title>Shoal tracker<\/title>/)
    const map = await cluster.api(`/api/tasks/${taskId}/chunks`)
    assert.equal(map.chunks, file.chunks)
    assert.equal(map.servers.length, 2)
    for (const s of map.servers) assert.equal(s.have, '1'.repeat(file.chunks))

    // The blob endpoint's bytes show as sent to http.
    const blob = await fetch(`${aHttp}/blobs/${file.fileId}`, { headers: { range: 'bytes=0-1048575' } })
    assert.equal((await blob.arrayBuffer()).byteLength, MiB)
    assert.equal(sample(await scrape(aHttp), 'shoal_bytes_sent_total', 'to="http"'), MiB)
  })
})
