import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'

/** Debian's Chromium (apt-get install chromium); never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.SHOAL_CHROMIUM ?? '/usr/bin/chromium'

/** Longest Chromium may take to start. */
const LAUNCH_TIMEOUT_MS = 30_000

/**
 * Flags for a headless Chromium that runs as root in a container and never
 * talks to anything but the page's origin (no sandbox: root has none; no QUIC,
 * sync, component updates or background fetches: only loopback traffic).
 */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
]

/** Dashboard colours (src/tracker/dashboard.ts): a chunk cell drawn held. */
const HELD_RGB = [0x33, 0xaa, 0x33] as const

export function chromiumAvailable (): boolean {
  return existsSync(CHROMIUM_PATH)
}

export interface Browser {
  context: BrowserContext
  page: Page
  /** Console errors and uncaught page errors seen so far. */
  errors: string[]
  close(): Promise<void>
}

/** Starts headless Chromium with a fresh, empty profile and opens one page that records its console errors. */
export async function openBrowser (viewport = { width: 1280, height: 900 }): Promise<Browser> {
  // Imported here so that a machine without playwright-core can still load the callers (they skip).
  const { chromium } = await import('playwright-core')
  const profile = await mkdtemp(join(tmpdir(), 'shoal-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    timeout: LAUNCH_TIMEOUT_MS
  })
  const page = context.pages()[0] ?? await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`) })
  page.on('pageerror', (err) => { errors.push(`page error: ${err.message}`) })
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close().catch(() => {})
      await rm(profile, { recursive: true, force: true })
    }
  }
}

export interface ChunkMapCounts {
  /** One entry per server row: cells drawn held, and cells in all. */
  rows: Array<{ held: number, cells: number }>
  held: number
  cells: number
}

/**
 * Counts the chunk map's held cells from the pixels the page drew (each
 * canvas is one pixel per cell), so the test checks what a person sees,
 * not the JSON behind it.
 */
export async function chunkMapCounts (page: Page): Promise<ChunkMapCounts> {
  const rows = await page.$$eval('#chunkmap canvas', (canvases, rgb) => canvases.map((c) => {
    const canvas = c as HTMLCanvasElement
    if (canvas.width === 0) return { held: 0, cells: 0 }
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, 1).data
    let held = 0
    for (let i = 0; i < px.length; i += 4) if (px[i] === rgb[0] && px[i + 1] === rgb[1] && px[i + 2] === rgb[2]) held++
    return { held, cells: canvas.width }
  }), [...HELD_RGB])
  return { rows, held: rows.reduce((a, r) => a + r.held, 0), cells: rows.reduce((a, r) => a + r.cells, 0) }
}

export interface RateView {
  /** Points the rate chart drew (its data-points attribute). */
  chartPoints: number
  /** Rendered height of the chart's line, in pixels: 0 when every point is at 0 (or none is drawn). */
  lineHeight: number
  /** The text above the chart. */
  summary: string
  /** The servers table's rate cells, e.g. "in 1.9 MiB/s, out 0.4 MiB/s". */
  serverRates: string[]
  /** The selected task's progress cell, e.g. "52%, 0/3 servers done". */
  taskProgress: string
}

/** What the page shows of rates: the selected task's rate chart, the servers' rate cells, the task's progress cell. */
export async function rateView (page: Page): Promise<RateView> {
  return await page.evaluate(() => {
    const chart = document.getElementById('ratechart')
    const line = chart?.querySelector('polyline') as SVGPolylineElement | null
    return {
      chartPoints: Number(chart?.dataset.points ?? 0),
      lineHeight: line == null ? 0 : line.getBBox().height,
      summary: document.getElementById('rate-summary')?.textContent ?? '',
      serverRates: [...document.querySelectorAll('#servers td.rate')].map((td) => td.textContent ?? ''),
      taskProgress: document.querySelector('#tasks tr.sel td:nth-child(5)')?.textContent?.trim() ?? ''
    }
  })
}
