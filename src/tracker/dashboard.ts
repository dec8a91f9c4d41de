/** Milliseconds between the dashboard's polls of the JSON API. */
export const DASHBOARD_POLL_MS = 1000

/** Widest chunk map drawn, in chunks; larger files are drawn in groups (a group is held when all its chunks are). */
export const DASHBOARD_MAX_CELLS = 512

/** Size of the rate chart's drawing area (SVG user units = CSS pixels), margins for the axis labels included. */
export const DASHBOARD_CHART = { width: 640, height: 180, left: 56, right: 12, top: 10, bottom: 34 } as const

/**
 * The tracker's dashboard (GET / and /dashboard): one self-contained page,
 * no build step, no CDN. It polls /api/servers, /api/files, /api/tasks and,
 * for the selected task, /api/tasks/:id and /api/tasks/:id/chunks. The rate
 * chart is inline SVG drawn from the task's `rate.points` (the tracker keeps
 * that history, so a reload does not lose it); `data-points` on it says how
 * many points it drew, for tests. Text from the API goes in with textContent
 * only (never innerHTML).
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shoal tracker</title>
<style>
body{font:14px system-ui,sans-serif;margin:1em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.2em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
tr.sel{background:#eef}tbody tr{cursor:default}#tasks tbody tr{cursor:pointer}
.bar{display:inline-block;width:120px;height:10px;background:#ddd;vertical-align:middle}
.bar>span{display:block;height:100%;background:#3a3}
.mono{font-family:monospace}
canvas{border:1px solid #ccc;image-rendering:pixelated}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
#err{color:#b00}
#ratechart{border:1px solid #ccc;display:block;margin-top:4px}
#ratechart text{font:11px system-ui,sans-serif;fill:#444}
#ratechart .axis{stroke:#888;stroke-width:1}#ratechart .grid{stroke:#eee;stroke-width:1}
#ratechart polyline{fill:none;stroke:#36c;stroke-width:2}
</style></head><body>
<h1>Shoal tracker</h1><div id="err"></div>
<h2>Servers</h2><table id="servers"><thead><tr><th>peer</th><th>alive</th><th>network</th><th>subnet</th><th>files</th><th>rate</th><th>last seen</th></tr></thead><tbody></tbody></table>
<h2>Files</h2><table id="files"><thead><tr><th>file</th><th>name</th><th>size</th><th>chunks</th><th>holders</th><th>complete copies</th><th>tracker seeding</th></tr></thead><tbody></tbody></table>
<h2>Tasks</h2><table id="tasks"><thead><tr><th>task</th><th>kind</th><th>state</th><th>servers</th><th>progress</th><th>created</th></tr></thead><tbody></tbody></table>
<div id="task" hidden><h2>Task <span id="task-id" class="mono"></span></h2>
<div id="task-summary"></div>
<div id="rate-summary"></div>
<svg id="ratechart" width="${DASHBOARD_CHART.width}" height="${DASHBOARD_CHART.height}" viewBox="0 0 ${DASHBOARD_CHART.width} ${DASHBOARD_CHART.height}" data-points="0" role="img" aria-label="receive rate over time"></svg>
<div class="legend">chunk map:<span style="background:#3a3"></span>held<span style="background:#ccc"></span>missing<span style="background:#d33"></span>server failed</div>
<table id="chunkmap"><tbody></tbody></table></div>
<script>
const POLL_MS = ${DASHBOARD_POLL_MS}
const MAX_CELLS = ${DASHBOARD_MAX_CELLS}
const CHART = ${JSON.stringify(DASHBOARD_CHART)}
const SVG_NS = 'http://www.w3.org/2000/svg'
let selected = new URLSearchParams(location.hash.slice(1)).get('task')
const short = (s) => s.length > 16 ? s.slice(0, 8) + '…' + s.slice(-6) : s
const mib = (n) => (n / 1048576).toFixed(1) + ' MiB'
const rate = (n) => (n / 1048576).toFixed(1) + ' MiB/s'
async function get (path) { const r = await fetch(path, { cache: 'no-store' }); if (!r.ok) throw new Error(path + ': ' + r.status); return r.json() }
function cell (tr, text, cls) { const td = document.createElement('td'); td.textContent = String(text); td.title = String(text); if (cls) td.className = cls; tr.appendChild(td); return td }
function bar (tr, fraction, note) { const td = document.createElement('td'); const b = document.createElement('span'); b.className = 'bar'; const f = document.createElement('span'); f.style.width = Math.round(100 * Math.min(1, Math.max(0, fraction))) + '%'; b.appendChild(f); td.appendChild(b); td.append(' ' + Math.round(100 * fraction) + '%' + (note ? ', ' + note : '')); tr.appendChild(td) }
function fill (id, rows, render) { const tb = document.querySelector('#' + id + ' tbody'); tb.replaceChildren(...rows.map((r) => { const tr = document.createElement('tr'); render(tr, r); return tr })) }
function drawRow (canvas, have, failed) {
  const n = have.length, cells = Math.min(n, MAX_CELLS), per = n / cells
  canvas.width = cells; canvas.height = 1; canvas.style.width = Math.max(cells * 2, 200) + 'px'; canvas.style.height = '14px'
  const ctx = canvas.getContext('2d')
  for (let c = 0; c < cells; c++) {
    const part = have.slice(Math.floor(c * per), Math.max(Math.floor((c + 1) * per), Math.floor(c * per) + 1))
    ctx.fillStyle = !part.includes('0') ? '#3a3' : failed ? '#d33' : '#ccc'
    ctx.fillRect(c, 0, 1, 1)
  }
}
function svg (parent, tag, attrs, text) { const e = document.createElementNS(SVG_NS, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v)); if (text != null) e.textContent = text; parent.appendChild(e); return e }
/** Receive rate over time: MiB/s up, seconds since the task started across; axes with their ends and middles labelled. */
function drawChart (points) {
  const chart = document.getElementById('ratechart')
  chart.replaceChildren()
  chart.dataset.points = String(points.length)
  const x0 = CHART.left, x1 = CHART.width - CHART.right, y0 = CHART.height - CHART.bottom, y1 = CHART.top
  const t0 = points.length ? points[0].ms : 0, t1 = Math.max(t0 + 1000, points.length ? points[points.length - 1].ms : 0)
  const peak = Math.max(0, ...points.map((p) => p.bytesPerSec)) / 1048576
  const top = peak <= 0 ? 1 : Math.pow(10, Math.floor(Math.log10(peak))) * [1, 2, 2.5, 5, 10].find((m) => m * Math.pow(10, Math.floor(Math.log10(peak))) >= peak)
  const px = (ms) => x0 + (x1 - x0) * (ms - t0) / (t1 - t0), py = (v) => y0 - (y0 - y1) * v / top
  for (const f of [0, 0.5, 1]) {
    const y = py(top * f)
    svg(chart, 'line', { x1: x0, x2: x1, y1: y, y2: y, class: f === 0 ? 'axis' : 'grid' })
    svg(chart, 'text', { x: x0 - 4, y: y + 4, 'text-anchor': 'end' }, (top * f).toFixed(top >= 10 ? 0 : 1))
    const t = t0 + (t1 - t0) * f
    svg(chart, 'text', { x: px(t), y: y0 + 14, 'text-anchor': f === 0 ? 'start' : f === 1 ? 'end' : 'middle' }, (t / 1000).toFixed(0))
  }
  svg(chart, 'line', { x1: x0, x2: x0, y1: y0, y2: y1, class: 'axis' })
  svg(chart, 'text', { x: 14, y: (y0 + y1) / 2, 'text-anchor': 'middle', transform: 'rotate(-90 14 ' + (y0 + y1) / 2 + ')' }, 'MiB/s')
  svg(chart, 'text', { x: (x0 + x1) / 2, y: CHART.height - 4, 'text-anchor': 'middle' }, 'seconds since the task started')
  if (points.length > 0) svg(chart, 'polyline', { points: points.map((p) => px(p.ms).toFixed(1) + ',' + py(p.bytesPerSec / 1048576).toFixed(1)).join(' ') })
  const last = points[points.length - 1]
  document.getElementById('rate-summary').textContent = points.length === 0
    ? 'receive rate: no samples (the tracker keeps them in memory for a while after the task ends)'
    : 'receive rate, all servers: ' + rate(last.bytesPerSec) + ' at ' + (last.ms / 1000).toFixed(0) + ' s, peak ' + peak.toFixed(1) + ' MiB/s'
}
async function pollTask () {
  const box = document.getElementById('task')
  if (selected == null) { box.hidden = true; return }
  const [t, map] = await Promise.all([get('/api/tasks/' + encodeURIComponent(selected)), get('/api/tasks/' + encodeURIComponent(selected) + '/chunks')])
  box.hidden = false
  document.getElementById('task-id').textContent = t.taskId
  const eff = t.efficiency
  document.getElementById('task-summary').textContent = t.kind + ', ' + t.state + ', ' + mib(t.progress.bytes) + ' of ' + mib(t.progress.totalBytes) +
    ', ' + map.chunks + ' chunks, from the tracker ' + mib(t.trackerBytes) + (t.state === 'running' ? ' (in results so far)' : '') +
    (eff ? ' — efficiency ' + (eff.final ? '' : 'so far ') + (100 * eff.efficiency).toFixed(0) + '% (T_min ' + (eff.tMinMs / 1000).toFixed(2) + ' s of ' + (eff.actualMs / 1000).toFixed(2) + ' s' + (eff.final ? '' : ' elapsed') + ', bound: ' + eff.bound + ')' : '')
  drawChart(t.rate?.points ?? [])
  fill('chunkmap', map.servers, (tr, s) => {
    cell(tr, short(s.peerId), 'mono'); cell(tr, s.state)
    const td = document.createElement('td'); const c = document.createElement('canvas'); td.appendChild(c); tr.appendChild(td)
    drawRow(c, s.have, s.state === 'failed')
  })
}
async function poll () {
  try {
    const [servers, files, tasks] = await Promise.all([get('/api/servers'), get('/api/files'), get('/api/tasks')])
    fill('servers', servers, (tr, s) => { cell(tr, short(s.peerId), 'mono'); cell(tr, s.alive ? 'yes' : 'no'); cell(tr, s.network || '-'); cell(tr, s.subnet || '-'); cell(tr, Object.keys(s.holdings).length); cell(tr, 'in ' + rate(s.inBytesPerSec ?? 0) + ', out ' + rate(s.outBytesPerSec ?? 0), 'rate'); cell(tr, (s.lastSeenMsAgo / 1000).toFixed(1) + ' s ago') })
    fill('files', files, (tr, f) => { cell(tr, short(f.fileId), 'mono'); cell(tr, f.name); cell(tr, mib(f.size)); cell(tr, f.chunks); cell(tr, f.holders); cell(tr, f.completeCopies); cell(tr, f.trackerSeeding ? 'yes' : 'no') })
    if (selected == null) selected = (tasks.find((t) => t.state !== 'done' && t.state !== 'failed') ?? tasks[0])?.taskId ?? null
    fill('tasks', tasks, (tr, t) => {
      if (t.taskId === selected) tr.className = 'sel'
      tr.onclick = () => { selected = t.taskId; location.hash = 'task=' + encodeURIComponent(t.taskId); void poll() }
      cell(tr, short(t.taskId), 'mono'); cell(tr, t.kind); cell(tr, t.state); cell(tr, t.servers)
      bar(tr, t.fraction ?? 0, t.serversDone + '/' + t.servers + ' servers done'); cell(tr, new Date(t.createdAt).toLocaleTimeString())
    })
    await pollTask()
    document.getElementById('err').textContent = ''
  } catch (err) {
    document.getElementById('err').textContent = 'poll failed: ' + err.message
  }
}
void poll(); setInterval(() => { void poll() }, POLL_MS)
</script></body></html>
`
