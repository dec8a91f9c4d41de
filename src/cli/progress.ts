import { formatBytes } from '../util/units.js'

/** Redraws at most this often: a terminal needs no more, and each redraw costs a write. */
const REDRAW_MS = 100

/** Cells of the bar itself. */
const BAR_WIDTH = 24

export interface ProgressView {
  done: number
  total: number
  rateBps?: number
  etaSeconds?: number
  /** A short word after the numbers, e.g. the phase or "via HTTP". */
  note?: string
}

/**
 * A one-line progress bar with rate and ETA on stderr, redrawn in place. It
 * draws only when stderr is a terminal (and not with --json), so logs and
 * pipes stay clean; otherwise every call is a no-op.
 */
export class ProgressBar {
  readonly #out: NodeJS.WriteStream
  readonly #label: string
  readonly enabled: boolean
  #last = 0
  #drawn = false

  constructor (label: string, options: { json: boolean, out?: NodeJS.WriteStream }) {
    this.#out = options.out ?? process.stderr
    this.#label = label
    this.enabled = !options.json && this.#out.isTTY === true
  }

  update (view: ProgressView, force = false): void {
    if (!this.enabled) return
    const now = Date.now()
    if (!force && now - this.#last < REDRAW_MS) return
    this.#last = now
    const line = renderProgress(this.#label, view)
    const width = this.#out.columns ?? 80
    this.#out.write(`\r${line.slice(0, Math.max(10, width - 1)).padEnd(Math.max(10, width - 1))}`)
    this.#drawn = true
  }

  /** A line of text above the bar (a probe result, a fallback): the bar is redrawn below it at the next update. */
  log (text: string): void {
    if (!this.enabled) return
    const width = this.#out.columns ?? 80
    this.#out.write(`${this.#drawn ? `\r${' '.repeat(Math.max(10, width - 1))}\r` : ''}${text}\n`)
    this.#drawn = false
    this.#last = 0
  }

  /** Ends the line so what follows starts on a fresh one. */
  finish (): void {
    if (this.enabled && this.#drawn) this.#out.write('\n')
    this.#drawn = false
  }
}

/** `label [#####.....]  45%  115.2 MiB/256.0 MiB  35.1 MiB/s  ETA 0:04  note` */
export function renderProgress (label: string, v: ProgressView): string {
  const fraction = v.total > 0 ? Math.min(1, v.done / v.total) : 0
  const filled = Math.round(fraction * BAR_WIDTH)
  const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled)
  const parts = [
    `${label} [${bar}]`,
    `${(fraction * 100).toFixed(0).padStart(3)}%`,
    `${formatBytes(v.done)}/${formatBytes(v.total)}`
  ]
  if (v.rateBps != null && v.rateBps > 0) parts.push(`${formatBytes(Math.round(v.rateBps))}/s`)
  if (v.etaSeconds != null && Number.isFinite(v.etaSeconds)) parts.push(`ETA ${formatDuration(v.etaSeconds)}`)
  if (v.note != null && v.note !== '') parts.push(v.note)
  return parts.join('  ')
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatDuration (seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}
