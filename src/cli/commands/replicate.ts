import { InvalidArgumentError, TimeoutError } from '../../errors.js'
import { parseFileId } from '../../manifest/index.js'
import { sleep } from '../../util/sleep.js'
import { parse, required } from '../args.js'
import { Output } from '../output.js'
import { withTracker } from '../tracker-call.js'
import { tokenFromArgs } from '../client-call.js'
import { USAGE } from '../usage.js'
import { wholeNumber } from './tracker.js'

/** How often `--wait` asks for the task's state. */
const POLL_INTERVAL_MS = 1_000

/** Default longest `--wait`, in seconds. */
const DEFAULT_WAIT_SECONDS = 3600

/**
 * `replicate FILE_ID --tracker MA --to all|PEERID...`: creates a replicate task
 * and prints its id; with --wait, also waits for it to finish.
 */
export async function runReplicate (args: string[]): Promise<number> {
  return runTaskCommand('replicate', args)
}

/** `prefetch FILE_ID --tracker MA --to PEERID`: a prefetch task for one server. */
export async function runPrefetch (args: string[]): Promise<number> {
  return runTaskCommand('prefetch', args)
}

async function runTaskCommand (kind: 'replicate' | 'prefetch', args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    tracker: { type: 'string' },
    to: { type: 'string', multiple: true },
    wait: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    identity: { type: 'string' },
    token: { type: 'string' },
    'token-file': { type: 'string' }
  }, Number.MAX_SAFE_INTEGER)
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const fileId = parseFileId(required(positionals[0], 'FILE_ID'))
  // `--to all`, `--to A --to B`, `--to A,B` and `--to A B` all work.
  const to = [...(values.to ?? []), ...positionals.slice(1)].flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '')
  if (to.length === 0) throw new InvalidArgumentError('--to is required: all, or one or more server PeerIds')
  if (to.includes('all') && to.length > 1) throw new InvalidArgumentError('--to all cannot be combined with PeerIds')
  if (kind === 'prefetch' && (to.length !== 1 || to[0] === 'all')) throw new InvalidArgumentError('prefetch takes exactly one server: --to PEERID')
  const waitSeconds = values.timeout == null ? DEFAULT_WAIT_SECONDS : wholeNumber(values.timeout, '--timeout', 1, 7 * 24 * 3600)

  return withTracker(required(values.tracker, 'tracker'), async (client) => {
    const { taskId, servers } = kind === 'prefetch'
      ? await client.prefetch(fileId, to[0])
      : await client.replicate(fileId, to.includes('all') ? [] : to)
    out.event('task', { taskId, fileId: fileId.toString(), servers }, taskId)
    if (!values.wait) return 0
    const deadline = Date.now() + waitSeconds * 1000
    for (;;) {
      const s = await client.taskStatus(taskId)
      if (s.state === 'done' || s.state === 'failed' || Date.now() > deadline) {
        // Plain fields only: the wire message holds bigints and bytes, which JSON cannot carry.
        out.event('task-status', { taskId, kind: s.kind, state: s.state, serversTotal: s.serversTotal, serversDone: s.serversDone, serversFailed: s.serversFailed }, `task ${taskId} ${s.state}: ${s.serversDone}/${s.serversTotal} done, ${s.serversFailed} failed`)
        if (s.state === 'done') return 0
        if (s.state === 'failed') return 1
        throw new TimeoutError(`task ${taskId} still ${s.state} after ${waitSeconds} s`)
      }
      await sleep(POLL_INTERVAL_MS)
    }
  }, values.identity, await tokenFromArgs(values))
}
