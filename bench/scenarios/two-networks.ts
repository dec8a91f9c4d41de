/**
 * Two networks: LAN A holds the origin and half the receivers, LAN B the
 * other half; one router joins them with a slow link (--cross-rate), while
 * every host's own link runs at --rate. These scenarios build that network
 * themselves (bench/lib/netlab.ts) and report the bytes over the slow link.
 *
 * - http-2net: every receiver downloads from the origin over HTTP, so each
 *   LAN-B receiver pulls its own copy across the link.
 * - shoal-2net: the origin runs the tracker (holding the file, --network a);
 *   receivers are task servers labelled with their LAN; one replicate task.
 *   Network-aware distribution sends about one copy across.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { onTeardown } from '../lib/cleanup.js'
import { eventsOf, parseJsonObject } from '../lib/events.js'
import { sha256File, sizeOrZero } from '../lib/files.js'
import { NetLab, type Host, type Lan } from '../lib/netlab.js'
import { runToEnd, sleep, type Managed } from '../lib/procs.js'
import type { Sample } from '../lib/svg.js'
import type { ReceiverOutcome, Scenario, ScenarioContext, ScenarioOutcome } from './types.js'

const CLI = 'dist/peer.js'
const PORT = 4001
const HTTP_PORT = 8080
const LAN_A = '10.78.1'
const LAN_B = '10.78.2'
const ORIGIN_OCTET = 1
const FIRST_RECEIVER_OCTET = 10
const ROUTER_OCTET = 254
/** Key creation and hashing a large file take seconds, not minutes. */
const SETUP_TIMEOUT_MS = 120_000
const READY_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 10_000
const POLL_MS = 250

interface TwoNetworks { lab: NetLab, a: Lan, b: Lan, gw: Host, origin: Host, receivers: Array<{ name: string, host: Host, net: 'a' | 'b' }> }

/** Builds the two LANs; deleted by the harness's teardown whatever happens. */
function build (ctx: ScenarioContext, tag: string): TwoNetworks {
  const lab = NetLab.create(tag)
  onTeardown(`delete two-network lab ${lab.prefix}`, () => { lab.close() })
  const a = lab.addLan('a', LAN_A)
  const b = lab.addLan('b', LAN_B)
  const gw = lab.addHost('gw', [{ lan: a, octet: ROUTER_OCTET }, { lan: b, octet: ROUTER_OCTET }], { forward: true })
  lab.shape(gw, a, ctx.crossRateBps)
  lab.shape(gw, b, ctx.crossRateBps)
  const origin = lab.addHost('o', [{ lan: a, octet: ORIGIN_OCTET }])
  lab.shape(origin, a, ctx.testbed.origin.upBps)
  lab.route(origin, b.cidr, gw.ips.a)
  const inA = Math.floor(ctx.testbed.receivers.length / 2)
  const receivers = ctx.testbed.receivers.map((r, i) => {
    const net = i < inA ? 'a' as const : 'b' as const
    const lan = net === 'a' ? a : b
    const host = lab.addHost(r.name, [{ lan, octet: FIRST_RECEIVER_OCTET + i }])
    lab.shape(host, lan, r.upBps)
    lab.route(host, (net === 'a' ? b : a).cidr, gw.ips[net])
    return { name: r.name, host, net }
  })
  return { lab, a, b, gw, origin, receivers }
}

function crossBytes (n: TwoNetworks): number {
  return n.lab.txBytes(n.gw, n.a) + n.lab.txBytes(n.gw, n.b)
}

function ns (host: Host): string { return host.ns }

async function waitFor (test: () => boolean, proc: Managed, timeoutMs: number, what: string): Promise<void> {
  for (let waited = 0; waited < timeoutMs; waited += POLL_MS) {
    if (test()) return
    if (!proc.running()) throw new Error(`${what}: ${proc.name} exited: ${proc.stderrTail().slice(-300)}`)
    await sleep(POLL_MS)
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000}s`)
}

async function runHttp (ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const net = build(ctx, 'h')
  let ready = false
  const origin = ctx.procs.spawnIn(ns(net.origin), 'http-origin-2net', process.execPath, [
    '--import', 'tsx', join(ctx.repoRoot, 'bench/http-origin.ts'), '--file', ctx.file.path, '--host', net.origin.ips.a, '--port', String(HTTP_PORT)
  ], { cwd: ctx.repoRoot, onLine: (line) => { if (parseJsonObject(line)?.event === 'listening') ready = true } })
  await waitFor(() => ready, origin, READY_TIMEOUT_MS, 'http origin')
  const url = `http://${net.origin.ips.a}:${HTTP_PORT}/file`
  const outs = net.receivers.map((r) => join(ctx.workDir, `${r.name}.bin`))
  const doneAt: Array<number | null> = net.receivers.map(() => null)
  const before = { cross: crossBytes(net), origin: net.lab.txBytes(net.origin, net.a) }
  ctx.begin()
  const clients = net.receivers.map((r, i) => {
    const p = ctx.procs.spawnIn(ns(r.host), `curl-${r.name}`, 'curl', ['--silent', '--show-error', '--fail', '--max-time', String(Math.ceil(ctx.timeoutMs / 1000)), '--output', outs[i], url])
    void p.exited.then((code) => { if (code === 0) doneAt[i] = ctx.elapsedMs() })
    return p
  })
  const samples: Sample[][] = net.receivers.map(() => [{ t: 0, bytes: 0 }])
  for (let waited = 0; waited < ctx.timeoutMs && clients.some((c) => c.running()); waited += POLL_MS) {
    await sleep(POLL_MS)
    outs.forEach((o, i) => { if (doneAt[i] == null) samples[i].push({ t: ctx.elapsedMs() / 1000, bytes: sizeOrZero(o) }) })
  }
  await ctx.procs.stop(clients, STOP_GRACE_MS)
  ctx.end()
  const after = { cross: crossBytes(net), origin: net.lab.txBytes(net.origin, net.a) }
  await ctx.procs.stop([origin], STOP_GRACE_MS)
  const receivers: ReceiverOutcome[] = []
  for (const [i, r] of net.receivers.entries()) {
    const done = doneAt[i]
    const verified = done != null && await sha256File(outs[i]) === ctx.file.sha256
    receivers.push({ name: r.name, seconds: done == null ? null : done / 1000, verified, bytes: sizeOrZero(outs[i]) })
  }
  net.lab.close()
  return {
    receivers,
    series: net.receivers.map((r, i) => ({ label: `${r.name} (${r.net})`, samples: samples[i] })),
    originTxBytes: after.origin - before.origin,
    crossLinkBytes: after.cross - before.cross,
    notes: [`LAN A: origin + ${net.receivers.filter((r) => r.net === 'a').length} receivers; LAN B: ${net.receivers.filter((r) => r.net === 'b').length}`]
  }
}

async function runShoal (ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const cli = join(ctx.repoRoot, CLI)
  if (!existsSync(cli)) return { receivers: [], series: [], notes: [], skipped: `${CLI} not found; run "npm run build" first` }
  const net = build(ctx, 's')
  const trackerDir = join(ctx.workDir, 'tracker')
  mkdirSync(trackerDir, { recursive: true })
  const added = eventsOf(await runToEnd(ctx.procs, null, 'add-2net', process.execPath, [cli, 'add', ctx.file.path, '--data', trackerDir, '--json'],
    { cwd: ctx.repoRoot, timeoutMs: SETUP_TIMEOUT_MS }), 'added')[0]
  if (added == null) throw new Error('shoal add printed no "added" event')
  let trackerAddr = ''
  const tracker = ctx.procs.spawnIn(ns(net.origin), 'shoal-tracker-2net', process.execPath, [
    cli, 'tracker', '--data', trackerDir, '--listen', `/ip4/${net.origin.ips.a}/tcp/${PORT}`, '--network', 'a', '--json'
  ], { cwd: ctx.repoRoot, onLine: (line) => { const e = parseJsonObject(line); if (e?.event === 'listening') trackerAddr = (e.addrs as string[])[0] } })
  await waitFor(() => trackerAddr !== '', tracker, READY_TIMEOUT_MS, 'tracker')
  const state = net.receivers.map(() => ({ registered: false, doneAt: null as number | null, sha: '', samples: [{ t: 0, bytes: 0 }] as Sample[] }))
  let begun = false
  const servers = net.receivers.map((r, i) => ctx.procs.spawnIn(ns(r.host), `shoal-${r.name}-2net`, process.execPath, [
    cli, 'server', '--data', join(ctx.workDir, r.name), '--listen', `/ip4/${Object.values(r.host.ips)[0]}/tcp/${PORT}`,
    '--tracker', trackerAddr, '--network', r.net, '--json'
  ], {
    cwd: ctx.repoRoot,
    onLine: (line) => {
      const e = parseJsonObject(line)
      if (e?.event === 'registered') state[i].registered = true
      else if (begun && e?.event === 'progress' && typeof e.bytes === 'number') state[i].samples.push({ t: ctx.elapsedMs() / 1000, bytes: e.bytes })
      else if (begun && e?.event === 'task-done' && e.ok === true && state[i].doneAt == null) {
        state[i].doneAt = ctx.elapsedMs()
        state[i].sha = String(e.sha256)
        state[i].samples.push({ t: state[i].doneAt / 1000, bytes: ctx.file.size })
      }
    }
  }))
  for (const [i, s] of servers.entries()) await waitFor(() => state[i].registered, s, READY_TIMEOUT_MS, `${net.receivers[i].name} registering`)
  const before = { cross: crossBytes(net), origin: net.lab.txBytes(net.origin, net.a) }
  ctx.begin()
  begun = true
  await runToEnd(ctx.procs, ns(net.origin), 'replicate-2net', process.execPath, [cli, 'replicate', added.fileId, '--tracker', trackerAddr, '--to', 'all', '--json'],
    { cwd: ctx.repoRoot, timeoutMs: SETUP_TIMEOUT_MS })
  for (let waited = 0; waited < ctx.timeoutMs && state.some((s) => s.doneAt == null); waited += POLL_MS) await sleep(POLL_MS)
  ctx.end()
  const after = { cross: crossBytes(net), origin: net.lab.txBytes(net.origin, net.a) }
  await ctx.procs.stop([...servers, tracker], STOP_GRACE_MS)
  const receivers: ReceiverOutcome[] = []
  for (const [i, r] of net.receivers.entries()) {
    const s = state[i]
    const blob = join(ctx.workDir, r.name, 'blobs', added.fileId, 'data')
    const verified = s.doneAt != null && s.sha === ctx.file.sha256 && await sha256File(blob) === ctx.file.sha256
    receivers.push({ name: r.name, seconds: s.doneAt == null ? null : s.doneAt / 1000, verified, bytes: s.doneAt != null ? ctx.file.size : (s.samples.at(-1)?.bytes ?? 0) })
  }
  net.lab.close()
  return {
    receivers,
    series: net.receivers.map((r, i) => ({ label: `${r.name} (${r.net})`, samples: state[i].samples })),
    originTxBytes: after.origin - before.origin,
    crossLinkBytes: after.cross - before.cross,
    notes: [`fileId ${added.fileId}`, 'tracker on the origin (--network a); receivers are task servers labelled a/b; one replicate task']
  }
}

export const http2netScenario: Scenario = { name: 'http-2net', run: runHttp }
export const shoal2netScenario: Scenario = { name: 'shoal-2net', run: runShoal }
