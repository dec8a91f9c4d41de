/**
 * Hand-written SVG line chart: received bytes over time, one line per receiver.
 * No dependencies, so the harness runs on a bare checkout.
 */

export interface Sample { t: number, bytes: number }
export interface Series { label: string, samples: Sample[] }

export interface ChartOptions {
  title: string
  totalBytes: number
  /** Drawn as a dashed vertical line: the theoretical best finishing time. */
  tMinSeconds: number
}

const WIDTH = 900
const HEIGHT = 480
const MARGIN = { left: 70, right: 150, top: 40, bottom: 50 }
const TICKS = 6
const MIB = 1024 * 1024
/** Distinct hues that stay readable when many receivers overlap. */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf']
/** Past this many receivers the legend would overflow the chart. */
const MAX_LEGEND_ENTRIES = 20

function esc (s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** A "nice" axis step (1, 2 or 5 times a power of ten) giving about TICKS ticks. */
export function niceStep (max: number): number {
  if (!(max > 0)) return 1
  const raw = max / TICKS
  const pow = 10 ** Math.floor(Math.log10(raw))
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow
  return 10 * pow
}

export function renderChart (series: Series[], opts: ChartOptions): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom
  const lastT = Math.max(opts.tMinSeconds, ...series.flatMap(s => s.samples.map(p => p.t)))
  const xStep = niceStep(lastT)
  const xMax = Math.max(xStep, Math.ceil(lastT / xStep) * xStep)
  const yMaxMiB = opts.totalBytes / MIB
  const yStep = niceStep(yMaxMiB)
  const yTop = Math.max(yStep, Math.ceil(yMaxMiB / yStep) * yStep)
  const x = (t: number): number => MARGIN.left + plotW * t / xMax
  const y = (bytes: number): number => MARGIN.top + plotH * (1 - bytes / MIB / yTop)
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`)
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`)
  out.push(`<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${esc(opts.title)}</text>`)
  for (let t = 0; t <= xMax + 1e-9; t += xStep) {
    const px = x(t).toFixed(1)
    out.push(`<line x1="${px}" y1="${MARGIN.top}" x2="${px}" y2="${MARGIN.top + plotH}" stroke="#eee"/>`)
    out.push(`<text x="${px}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${Number(t.toFixed(3))}</text>`)
  }
  for (let v = 0; v <= yTop + 1e-9; v += yStep) {
    const py = y(v * MIB).toFixed(1)
    out.push(`<line x1="${MARGIN.left}" y1="${py}" x2="${MARGIN.left + plotW}" y2="${py}" stroke="#eee"/>`)
    out.push(`<text x="${MARGIN.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${Number(v.toFixed(3))}</text>`)
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`)
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">seconds since scenario start</text>`)
  out.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">MiB received</text>`)
  const tx = x(opts.tMinSeconds).toFixed(1)
  out.push(`<line x1="${tx}" y1="${MARGIN.top}" x2="${tx}" y2="${MARGIN.top + plotH}" stroke="#000" stroke-dasharray="6 4"/>`)
  out.push(`<text x="${tx}" y="${MARGIN.top - 4}" text-anchor="middle">T_min</text>`)
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length]
    const pts = s.samples.map(p => `${x(p.t).toFixed(1)},${y(p.bytes).toFixed(1)}`).join(' ')
    if (pts !== '') out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${pts}"/>`)
    if (i < MAX_LEGEND_ENTRIES) {
      const ly = MARGIN.top + 10 + i * 18
      const lx = MARGIN.left + plotW + 15
      out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 20}" y2="${ly}" stroke="${color}" stroke-width="3"/>`)
      out.push(`<text x="${lx + 26}" y="${ly}" dominant-baseline="middle">${esc(s.label)}</text>`)
    }
  })
  out.push('</svg>')
  return out.join('\n') + '\n'
}
