/**
 * Shoal through the tracker: the origin host runs the tracker (the patent's
 * central server) holding the file; every receiver runs a task server
 * registered with it; one replicate task to all distributes the file. The
 * tracker seeds only until the group holds one copy. Uses only the CLI.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { eventsOf, parseEventLine, parsePeerIdOutput } from '../lib/events.js'
import { sha256File, sizeOrZero } from '../lib/files.js'
import { runToEnd, sleep, type Managed } from '../lib/procs.js'
import type { Host } from '../lib/testbed.js'
import type { Sample } from '../lib/svg.js'
import type { ReceiverOutcome, Scenario, ScenarioContext, ScenarioOutcome } from './types.js'

const PORT = 4001
const CLI = 'dist/peer.js'
const SETUP_TIMEOUT_MS = 120_000
/** Every server must have registered before the task is created. */
const REGISTER_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 10_000
const WAIT_POLL_MS = 200
const STATUS_EVERY_POLLS = 50

interface Watch {
  proc: Managed
  samples: Sample[]
  registered: boolean
  completedMs: number | null
  sha256: string | null
  bytesSent: number | null
  error?: string
}

async function peerIdOf (ctx: ScenarioContext, host: Host, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const out = await runToEnd(ctx.procs, null, `id-${host.name}`, process.execPath, [join(ctx.repoRoot, CLI), 'id', '--data', dir],
    { cwd: ctx.repoRoot, timeoutMs: SETUP_TIMEOUT_MS })
  return parsePeerIdOutput(out)
}

function watchLines (ctx: ScenarioContext, w: Watch, begun: () => boolean): (line: string) => void {
  return (line) => {
    const e = parseEventLine(line)
    if (e == null) return
    if (e.event === 'registered') w.registered = true
    else if (e.event === 'stats') w.bytesSent = e.bytesSent
    else if (e.event === 'tracker-error' || e.event === 'error') w.error = e.message
    else if (!begun()) return
    else if (e.event === 'progress') w.samples.push({ t: ctx.elapsedMs() / 1000, bytes: e.bytes })
    else if (e.event === 'task-done' && e.ok === true && w.completedMs == null) {
      w.completedMs = ctx.elapsedMs()
      w.sha256 = e.sha256 ?? null
      w.samples.push({ t: w.completedMs / 1000, bytes: ctx.file.size })
    }
  }
}

async function run (ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const cli = join(ctx.repoRoot, CLI)
  if (!existsSync(cli)) return { receivers: [], series: [], notes: [], skipped: `${CLI} not found; run "npm run build" first` }
  const { origin, receivers } = ctx.testbed
  const trackerDir = join(ctx.workDir, 'tracker')
  const trackerId = await peerIdOf(ctx, origin, trackerDir)
  const trackerAddr = `/ip4/${origin.ip}/tcp/${PORT}/p2p/${trackerId}`
  const added = eventsOf(await runToEnd(ctx.procs, null, 'add', process.execPath, [cli, 'add', ctx.file.path, '--data', trackerDir, '--json'],
    { cwd: ctx.repoRoot, timeoutMs: SETUP_TIMEOUT_MS }), 'added')[0]
  if (added?.sha256 !== ctx.file.sha256) throw new Error('shoal add did not import the test file')
  const fileId: string = added.fileId

  let trackerBytes: number | null = null
  let trackerReady = false
  const tracker = ctx.procs.spawnIn(origin.ns, 'tracker', process.execPath,
    [cli, 'tracker', '--data', trackerDir, '--listen', `/ip4/${origin.ip}/tcp/${PORT}`, '--json'], {
      cwd: ctx.repoRoot,
      onLine: (line) => {
        const e = parseEventLine(line)
        if (e?.event === 'listening') trackerReady = true
        if (e?.event === 'stats') trackerBytes = e.bytesSent
      }
    })
  let begun = false
  const watches: Watch[] = []
  for (const host of receivers) {
    const dir = join(ctx.workDir, host.name)
    mkdirSync(dir, { recursive: true })
    const w: Watch = { samples: [{ t: 0, bytes: 0 }], registered: false, completedMs: null, sha256: null, bytesSent: null } as any
    w.proc = ctx.procs.spawnIn(host.ns, `server-${host.name}`, process.execPath,
      [cli, 'server', '--data', dir, '--listen', `/ip4/${host.ip}/tcp/${PORT}`, '--tracker', trackerAddr, '--json'],
      { cwd: ctx.repoRoot, onLine: watchLines(ctx, w, () => begun) })
    watches.push(w)
  }
  for (let t = 0; t < REGISTER_TIMEOUT_MS && !(trackerReady && watches.every((w) => w.registered)); t += WAIT_POLL_MS) await sleep(WAIT_POLL_MS)
  if (!watches.every((w) => w.registered)) {
    await ctx.procs.stop([...watches.map((w) => w.proc), tracker], STOP_GRACE_MS)
    throw new Error(`only ${watches.filter((w) => w.registered).length}/${watches.length} servers registered`)
  }

  ctx.begin()
  begun = true
  const replicate = await runToEnd(ctx.procs, origin.ns, 'replicate', process.execPath,
    [cli, 'replicate', fileId, '--tracker', trackerAddr, '--to', 'all', '--json'], { cwd: ctx.repoRoot, timeoutMs: SETUP_TIMEOUT_MS })
  const taskId: string | undefined = eventsOf(replicate, 'task')[0]?.taskId
  const pending = (): Watch[] => watches.filter((w) => w.completedMs == null && w.proc.running())
  for (let poll = 0; poll < Math.ceil(ctx.timeoutMs / WAIT_POLL_MS) && pending().length > 0; poll++) {
    await sleep(WAIT_POLL_MS)
    if (poll % STATUS_EVERY_POLLS === STATUS_EVERY_POLLS - 1) {
      ctx.log(`${watches.length - pending().length}/${watches.length} done`)
    }
  }
  const timedOut = pending().length > 0
  ctx.end()
  await ctx.procs.stop([...watches.map((w) => w.proc), tracker], STOP_GRACE_MS)

  const results: ReceiverOutcome[] = []
  for (const [i, host] of receivers.entries()) {
    const w = watches[i]
    const blob = join(ctx.workDir, host.name, 'blobs', fileId, 'data')
    const verified = w.completedMs != null && w.sha256 === ctx.file.sha256 && await sha256File(blob) === ctx.file.sha256
    results.push({
      name: host.name,
      seconds: w.completedMs == null ? null : w.completedMs / 1000,
      verified,
      bytes: w.completedMs != null ? sizeOrZero(blob) : (w.samples.at(-1)?.bytes ?? 0),
      ...(w.completedMs == null ? { error: w.error ?? 'no task-done event' } : {})
    })
  }
  const appBytesSent: Record<string, number> = {}
  if (trackerBytes != null) appBytesSent.tracker = trackerBytes
  receivers.forEach((h, i) => { if (watches[i].bytesSent != null) appBytesSent[h.name] = watches[i].bytesSent! })
  const notes = [`fileId ${fileId}`, `task ${taskId ?? '?'}`,
    `tracker payload sent: ${trackerBytes == null ? '?' : (trackerBytes / ctx.file.size).toFixed(2)} copies`]
  if (timedOut) notes.push(`time limit of ${ctx.timeoutMs / 1000}s reached`)
  return { receivers: results, series: receivers.map((h, i) => ({ label: h.name, samples: watches[i].samples })), appBytesSent, notes }
}

export const shoalTrackerScenario: Scenario = { name: 'shoal-tracker', run }
