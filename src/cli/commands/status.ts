import type { ShoalClient, TaskView } from '../../client/client.js'
import { TimeoutError } from '../../errors.js'
import { sleep } from '../../util/sleep.js'
import { parse } from '../args.js'
import { CLIENT_OPTIONS, withClient } from '../client-call.js'
import { Output } from '../output.js'
import { FINAL_TASK_STATES, redrawPrefix, renderTaskTable } from '../status-table.js'
import { USAGE } from '../usage.js'
import { wholeNumber } from './tracker.js'

/** Default seconds between refreshes with --watch (the servers' heartbeats come every 2 s). */
const DEFAULT_WATCH_INTERVAL_S = 1

/** Default longest --watch, in seconds. */
const DEFAULT_WATCH_TIMEOUT_S = 3600

/**
 * `status [TASK_ID] --tracker MA`: one task with a row per server, or the
 * newest tasks. `--watch` refreshes a task until it is done or failed
 * (redrawn in place on a terminal; the last table only when stdout is not
 * one; one `task` event per refresh with --json), bounded by `--timeout`
 * and by Ctrl-C.
 */
export async function runStatus (args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...CLIENT_OPTIONS,
    max: { type: 'string' },
    watch: { type: 'boolean', default: false },
    interval: { type: 'string' },
    timeout: { type: 'string' }
  }, 1)
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const max = values.max == null ? undefined : wholeNumber(values.max, '--max', 1, 500)
  const intervalS = values.interval == null ? DEFAULT_WATCH_INTERVAL_S : wholeNumber(values.interval, '--interval', 1, 3600)
  const timeoutS = values.timeout == null ? DEFAULT_WATCH_TIMEOUT_S : wholeNumber(values.timeout, '--timeout', 1, 7 * 24 * 3600)
  return withClient(values, async (client, signal) => {
    if (positionals[0] != null) {
      const t = values.watch
        ? await watchTask(client, positionals[0], out, { intervalMs: intervalS * 1000, timeoutMs: timeoutS * 1000, signal })
        : await client.status(positionals[0], { signal })
      if (!values.watch || !canRedraw(out)) out.event('task', { ...t }, renderTaskTable(t, { now: Date.now() }).join('\n'))
      return t.state === 'failed' ? 1 : 0
    }
    const tasks = await client.tasks({ signal, max })
    for (const t of tasks) out.event('task', { ...t }, line(t))
    out.event('tasks', { count: tasks.length }, tasks.length === 0 ? 'no tasks' : undefined)
    return 0
  })
}

/** Polls a task until it is final; draws it in place on a terminal, or emits each view as JSON. Returns the last view. */
async function watchTask (client: ShoalClient, taskId: string, out: Output, o: { intervalMs: number, timeoutMs: number, signal: AbortSignal }): Promise<TaskView> {
  const deadline = Date.now() + o.timeoutMs
  let drawn = 0
  for (;;) {
    const t = await client.status(taskId, { signal: o.signal })
    const final = FINAL_TASK_STATES.has(t.state)
    if (out.json && !final) out.event('task', { ...t })
    if (canRedraw(out)) {
      // A pseudo-terminal may report 0 columns: then lines are not cut.
      const lines = renderTaskTable(t, { now: Date.now(), width: process.stdout.columns > 0 ? process.stdout.columns : undefined })
      process.stdout.write(redrawPrefix(drawn) + lines.join('\n') + '\n')
      drawn = lines.length
    }
    if (final) return t
    if (Date.now() + o.intervalMs > deadline) throw new TimeoutError(`task ${taskId} still ${t.state} after ${Math.round(o.timeoutMs / 1000)} s`)
    await sleep(o.intervalMs, o.signal)
  }
}

/** In-place redraws only for a person at a terminal. */
function canRedraw (out: Output): boolean {
  return !out.json && process.stdout.isTTY === true
}

function line (t: TaskView): string {
  return `${t.taskId}  ${t.kind.padEnd(9)} ${t.state.padEnd(8)} ${t.serversDone}/${t.serversTotal} done${t.serversFailed > 0 ? `, ${t.serversFailed} failed` : ''}  ${t.fileId}`
}
