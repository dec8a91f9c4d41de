/**
 * Baseline: the traditional way. The origin serves the file over plain HTTP and
 * every receiver downloads it at the same time with a standard client.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { sha256File, sizeOrZero } from '../lib/files.js'
import { parseJsonObject } from '../lib/events.js'
import { sleep, type Managed } from '../lib/procs.js'
import { commandExists } from '../lib/testbed.js'
import type { Sample } from '../lib/svg.js'
import type { ReceiverOutcome, Scenario, ScenarioContext, ScenarioOutcome } from './types.js'

const HTTP_PORT = 8080
/** How often file sizes are polled for the progress chart. */
const POLL_INTERVAL_MS = 250
const ORIGIN_READY_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 3_000
/** A line on stderr now and then, so a long run visibly lives. */
const STATUS_EVERY_POLLS = 40

async function startOrigin (ctx: ScenarioContext): Promise<Managed> {
  const { origin } = ctx.testbed
  let onReady: () => void = () => {}
  const ready = new Promise<void>(resolve => { onReady = resolve })
  const proc = ctx.procs.spawnIn(origin.ns, 'http-origin', process.execPath, [
    '--import', 'tsx', join(ctx.repoRoot, 'bench/http-origin.ts'),
    '--file', ctx.file.path, '--host', origin.ip, '--port', String(HTTP_PORT)
  ], { cwd: ctx.repoRoot, onLine: line => { if (parseJsonObject(line)?.event === 'listening') onReady() } })
  const timeout = sleep(ORIGIN_READY_TIMEOUT_MS).then(() => 'timeout' as const)
  const result = await Promise.race([ready.then(() => 'ready' as const), proc.exited.then(() => 'exited' as const), timeout])
  if (result !== 'ready') {
    await ctx.procs.stop([proc], STOP_GRACE_MS)
    throw new Error(`http origin did not start (${result}): ${proc.stderrTail()}`)
  }
  return proc
}

function clientCommand (ctx: ScenarioContext, url: string, out: string, useCurl: boolean): [string, string[]] {
  const maxSeconds = String(Math.ceil(ctx.timeoutMs / 1000))
  if (useCurl) return ['curl', ['--silent', '--show-error', '--fail', '--max-time', maxSeconds, '--output', out, url]]
  return [process.execPath, ['--import', 'tsx', join(ctx.repoRoot, 'bench/http-fetch.ts'), url, out]]
}

async function run (ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const dir = ctx.workDir
  const useCurl = commandExists('curl')
  const notes = [`client: ${useCurl ? 'curl' : 'node http-fetch'}`]
  const origin = await startOrigin(ctx)
  const url = `http://${ctx.testbed.origin.ip}:${HTTP_PORT}/file`
  const receivers = ctx.testbed.receivers
  const outs = receivers.map(r => join(dir, `${r.name}.bin`))
  const samples: Sample[][] = receivers.map(() => [{ t: 0, bytes: 0 }])
  const doneAt: Array<number | null> = receivers.map(() => null)
  const codes: Array<number | null> = receivers.map(() => null)

  ctx.begin()
  const clients = receivers.map((r, i) => {
    const [cmd, args] = clientCommand(ctx, url, outs[i], useCurl)
    const p = ctx.procs.spawnIn(r.ns, `http-${r.name}`, cmd, args, { cwd: ctx.repoRoot })
    void p.exited.then(code => {
      codes[i] = code
      if (code === 0) doneAt[i] = ctx.elapsedMs()
    })
    return p
  })
  const maxPolls = Math.ceil(ctx.timeoutMs / POLL_INTERVAL_MS)
  for (let poll = 0; poll < maxPolls && clients.some(c => c.running()); poll++) {
    await sleep(POLL_INTERVAL_MS)
    const t = ctx.elapsedMs() / 1000
    outs.forEach((out, i) => { if (doneAt[i] == null) samples[i].push({ t, bytes: sizeOrZero(out) }) })
    if (poll % STATUS_EVERY_POLLS === STATUS_EVERY_POLLS - 1) {
      const got = samples.reduce((sum, s) => sum + s[s.length - 1].bytes, 0)
      ctx.log(`${doneAt.filter(d => d != null).length}/${receivers.length} done, ${(100 * got / (ctx.file.size * receivers.length)).toFixed(0)}% of all bytes`)
    }
  }
  const timedOut = clients.some(c => c.running())
  await ctx.procs.stop(clients, STOP_GRACE_MS)
  ctx.end()
  await ctx.procs.stop([origin], STOP_GRACE_MS)
  if (timedOut) notes.push(`time limit of ${ctx.timeoutMs / 1000}s reached`)

  const results: ReceiverOutcome[] = []
  for (const [i, r] of receivers.entries()) {
    const bytes = sizeOrZero(outs[i])
    const done = doneAt[i]
    if (done != null) samples[i].push({ t: done / 1000, bytes })
    const verified = done != null && bytes === ctx.file.size && await sha256File(outs[i]) === ctx.file.sha256
    results.push({
      name: r.name,
      seconds: done == null ? null : done / 1000,
      verified,
      bytes,
      ...(done == null ? { error: `client exit ${String(codes[i])}: ${clients[i].stderrTail().slice(-200)}` } : {})
    })
    rmSync(outs[i], { force: true }) // keeps disk use at one copy per receiver at a time
  }
  return {
    receivers: results,
    series: receivers.map((r, i) => ({ label: r.name, samples: samples[i] })),
    notes
  }
}

export const httpScenario: Scenario = { name: 'http', run }
