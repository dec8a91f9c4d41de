import type { TaskView } from '../../client/client.js'
import { parse } from '../args.js'
import { CLIENT_OPTIONS, withClient } from '../client-call.js'
import { Output } from '../output.js'
import { USAGE } from '../usage.js'
import { wholeNumber } from './tracker.js'

/** `status [TASK_ID] --tracker MA`: one task's state, or the newest tasks. */
export async function runStatus (args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...CLIENT_OPTIONS, max: { type: 'string' } }, 1)
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const max = values.max == null ? undefined : wholeNumber(values.max, '--max', 1, 500)
  return withClient(values, async (client, signal) => {
    if (positionals[0] != null) {
      const t = await client.status(positionals[0], { signal })
      out.event('task', { ...t }, line(t))
      return t.state === 'failed' ? 1 : 0
    }
    const tasks = await client.tasks({ signal, max })
    for (const t of tasks) out.event('task', { ...t }, line(t))
    out.event('tasks', { count: tasks.length }, tasks.length === 0 ? 'no tasks' : undefined)
    return 0
  })
}

function line (t: TaskView): string {
  return `${t.taskId}  ${t.kind.padEnd(9)} ${t.state.padEnd(8)} ${t.serversDone}/${t.serversTotal} done${t.serversFailed > 0 ? `, ${t.serversFailed} failed` : ''}  ${t.fileId}`
}
