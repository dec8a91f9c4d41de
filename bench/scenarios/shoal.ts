/**
 * Shoal: the origin seeds the file, every receiver runs a Shoal server that
 * fetches it, and receivers serve each other while downloading. Uses only the
 * CLI contract of dist/peer.js (id, add, server --json).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { eventsOf, parseEventLine, parsePeerIdOutput } from '../lib/events.js'
import { sha256File, sizeOrZero } from '../lib/files.js'
import { runToEnd, sleep, type Managed } from '../lib/procs.js'
import type { Host } from '../lib/testbed.js'
import type { Sample } from '../lib/svg.js'
import type { ReceiverOutcome, Scenario, ScenarioContext, ScenarioOutcome } from './types.js'

const SHOAL_PORT = 4001
const CLI = 'dist/peer.js'
/** Key creation and importing (hashing) a large file take seconds, not minutes. */
const SETUP_TIMEOUT_MS = 120_000
const ORIGIN_READY_TIMEOUT_MS = 60_000
/** A clean exit flushes the final stats event; give it time before SIGKILL. */
const STOP_GRACE_MS = 10_000
const WAIT_POLL_MS = 200
/** A line on stderr now and then, so a long run visibly lives. */
const STATUS_EVERY_POLLS = 50

interface Peer { host: Host, dir: string, peerId: string, addr: string }

interface Watch {
  proc: Managed
  samples: Sample[]
  completedMs: number | null
  completeSha: string | null
  bytesSent: number | null
  error?: string
}

function cli (ctx: ScenarioContext): string {
  return join(ctx.repoRoot, CLI)
}

async function preparePeer (ctx: ScenarioContext, host: Host): Promise<Peer> {
  const dir = join(ctx.workDir, host.name)
  mkdirSync(dir, { recursive: true })
  const out = await runToEnd(ctx.procs, null, `id-${host.name}`, process.execPath, [cli(ctx), 'id', '--data', dir],
    { cwd: ctx.repoRoot, timeoutMs: SETUP_TIMEOUT_MS })
  const peerId = parsePeerIdOutput(out)
  return { host, dir, peerId, addr: `/ip4/${host.ip}/tcp/${SHOAL_PORT}/p2p/${peerId}` }
}

function startServer (ctx: ScenarioContext, peer: Peer, extra: string[], watch: Partial<Watch>, begun: () => boolean,
  onListening?: () => void): Managed {
  return ctx.procs.spawnIn(peer.host.ns, `shoal-${peer.host.name}`, process.execPath, [
    cli(ctx), 'server', '--data', peer.dir, '--listen', `/ip4/${peer.host.ip}/tcp/${SHOAL_PORT}`, '--json', ...extra
  ], {
    cwd: ctx.repoRoot,
    onLine: line => {
      const e = parseEventLine(line)
      if (e == null) return
      if (e.event === 'listening') onListening?.()
      else if (e.event === 'stats') watch.bytesSent = e.bytesSent
      else if (e.event === 'error') watch.error = e.message
      else if (!begun()) return
      else if (e.event === 'progress') watch.samples?.push({ t: ctx.elapsedMs() / 1000, bytes: e.bytes })
      else if (e.event === 'complete' && watch.completedMs == null) {
        watch.completedMs = ctx.elapsedMs()
        watch.completeSha = e.sha256
        watch.samples?.push({ t: watch.completedMs / 1000, bytes: ctx.file.size })
      }
    }
  })
}

async function run (ctx: ScenarioContext): Promise<ScenarioOutcome> {
  if (!existsSync(cli(ctx))) {
    return { receivers: [], series: [], notes: [], skipped: `${CLI} not found; run "npm run build" first` }
  }
  const { testbed } = ctx
  const peers = await Promise.all([testbed.origin, ...testbed.receivers].map(async h => await preparePeer(ctx, h)))
  const [origin, ...receivers] = peers
  const addOut = await runToEnd(ctx.procs, null, 'add', process.execPath,
    [cli(ctx), 'add', ctx.file.path, '--data', origin.dir, '--json'], { cwd: ctx.repoRoot, timeoutMs: SETUP_TIMEOUT_MS })
  const added = eventsOf(addOut, 'added')[0]
  if (added == null) throw new Error(`shoal add printed no "added" event: ${addOut.slice(0, 300)}`)
  if (added.sha256 !== ctx.file.sha256) throw new Error('shoal add reports a different sha256 than the source file')
  const fileId = added.fileId
  const notes = [`fileId ${fileId}`, `peers given to receivers: ${ctx.shoalFullMesh ? 'origin + all receivers' : 'origin only'}`]

  let begun = false
  const originWatch: Partial<Watch> = {}
  let onReady: () => void = () => {}
  const ready = new Promise<void>(resolve => { onReady = resolve })
  const originProc = startServer(ctx, origin, [], originWatch, () => begun, onReady)
  const readyResult = await Promise.race([ready.then(() => 'ready' as const), originProc.exited.then(() => 'exited' as const),
    sleep(ORIGIN_READY_TIMEOUT_MS).then(() => 'timeout' as const)])
  if (readyResult !== 'ready') {
    await ctx.procs.stop([originProc], STOP_GRACE_MS)
    throw new Error(`shoal origin did not start (${readyResult}): ${originProc.stderrTail().slice(-500)}`)
  }

  ctx.begin()
  begun = true
  const watches: Watch[] = receivers.map(peer => {
    const others = ctx.shoalFullMesh ? receivers.filter(p => p !== peer).map(p => p.addr) : []
    const peerArgs = [origin.addr, ...others].flatMap(a => ['--peer', a])
    const w: Partial<Watch> = { samples: [{ t: 0, bytes: 0 }], completedMs: null, completeSha: null, bytesSent: null }
    w.proc = startServer(ctx, peer, [...peerArgs, '--fetch', fileId], w, () => begun)
    return w as Watch
  })
  // Receivers stay up after completing, to serve the others; stop when all are done or dead.
  const pending = (): Watch[] => watches.filter(w => w.completedMs == null && w.proc.running())
  const maxPolls = Math.ceil(ctx.timeoutMs / WAIT_POLL_MS)
  for (let poll = 0; poll < maxPolls && pending().length > 0; poll++) {
    await sleep(WAIT_POLL_MS)
    if (poll % STATUS_EVERY_POLLS === STATUS_EVERY_POLLS - 1) {
      const got = watches.reduce((sum, w) => sum + (w.samples.at(-1)?.bytes ?? 0), 0)
      ctx.log(`${watches.filter(w => w.completedMs != null).length}/${watches.length} done, ${(100 * got / (ctx.file.size * watches.length)).toFixed(0)}% of all bytes`)
    }
  }
  const timedOut = pending().length > 0
  ctx.end()
  await ctx.procs.stop([...watches.map(w => w.proc), originProc], STOP_GRACE_MS)
  if (timedOut) notes.push(`time limit of ${ctx.timeoutMs / 1000}s reached`)

  const results: ReceiverOutcome[] = []
  for (const [i, peer] of receivers.entries()) {
    const w = watches[i]
    const blob = join(peer.dir, 'blobs', fileId, 'data')
    // The store preallocates the blob, so its size says nothing until completion.
    const bytes = w.completedMs != null ? sizeOrZero(blob) : (w.samples.at(-1)?.bytes ?? 0)
    const verified = w.completedMs != null && bytes === ctx.file.size && w.completeSha === ctx.file.sha256 &&
      await sha256File(blob) === ctx.file.sha256
    results.push({
      name: peer.host.name,
      seconds: w.completedMs == null ? null : w.completedMs / 1000,
      verified,
      bytes,
      ...(w.completedMs == null ? { error: w.error ?? `no complete event: ${w.proc.stderrTail().slice(-200)}` } : {})
    })
  }
  const appBytesSent: Record<string, number> = {}
  if (originWatch.bytesSent != null) appBytesSent.origin = originWatch.bytesSent
  receivers.forEach((p, i) => { if (watches[i].bytesSent != null) appBytesSent[p.host.name] = watches[i].bytesSent })
  return {
    receivers: results,
    series: receivers.map((p, i) => ({ label: p.host.name, samples: watches[i].samples })),
    appBytesSent,
    notes
  }
}

export const shoalScenario: Scenario = { name: 'shoal', run }
