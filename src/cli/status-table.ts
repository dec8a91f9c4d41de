import type { TaskView } from '../client/client.js'
import { formatBytes } from '../util/units.js'
import { formatDuration } from './progress.js'

/** Cells of each server's bar. */
const BAR_WIDTH = 20

/** A PeerId this long or longer is shown as its head and tail (as the dashboard does). */
const SHORT_ID_OVER = 16

/** Task states after which nothing changes. */
export const FINAL_TASK_STATES: ReadonlySet<string> = new Set(['done', 'failed'])

/**
 * `status TASK_ID` for a person: a header line for the task, then one row
 * per server with a progress bar, bytes and its fetch time (or its last
 * error). Pure, so it is unit-tested; `width` cuts every line to the
 * terminal's width so an in-place redraw never wraps.
 */
export function renderTaskTable (t: TaskView, options: { now: number, width?: number }): string[] {
  const final = FINAL_TASK_STATES.has(t.state)
  const elapsedS = ((final ? t.updatedAt.getTime() : options.now) - t.createdAt.getTime()) / 1000
  const failed = t.serversFailed > 0 ? `, ${t.serversFailed} failed` : ''
  const lines = [
    `task ${t.taskId}  ${t.kind}  ${t.state}  ${t.serversDone}/${t.serversTotal} done${failed}  ${formatDuration(elapsedS)}${final ? '' : ' elapsed'}  file ${t.fileId}`
  ]
  if (t.servers.length > 0) {
    const rows = t.servers.map((s) => {
      const fraction = s.state === 'done' ? 1 : s.totalBytes > 0 ? Math.min(1, s.progressBytes / s.totalBytes) : 0
      const bytes = s.totalBytes > 0 ? `${formatBytes(s.state === 'done' ? s.totalBytes : s.progressBytes)}/${formatBytes(s.totalBytes)}` : '-'
      const note = s.durationMs > 0 ? `${(s.durationMs / 1000).toFixed(1)} s` : s.lastError !== '' ? s.lastError : ''
      return [shortId(s.peerId), s.state, `${bar(fraction)} ${percent(fraction)}`, bytes, s.attempts > 1 ? `${note} (attempt ${s.attempts})`.trim() : note]
    })
    const header = ['server', 'state', 'progress', 'bytes', 'time']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
    for (const r of [header, ...rows]) lines.push(r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i])).join('  ').trimEnd())
  }
  return options.width == null ? lines : lines.map((l) => l.length > options.width! ? l.slice(0, Math.max(1, options.width! - 1)) + '…' : l)
}

/** Terminal codes that move the cursor back over `lines` lines drawn before and clear below, so the next draw replaces them. */
export function redrawPrefix (lines: number): string {
  return lines > 0 ? `\x1b[${lines}F\x1b[J` : ''
}

function shortId (id: string): string {
  return id.length >= SHORT_ID_OVER ? `${id.slice(0, 8)}…${id.slice(-6)}` : id
}

function bar (fraction: number): string {
  const filled = Math.floor(fraction * BAR_WIDTH)
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`
}

function percent (fraction: number): string {
  return `${Math.floor(fraction * 100)}%`.padStart(4)
}
