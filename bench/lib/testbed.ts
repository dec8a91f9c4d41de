/**
 * The emulated network: one origin host and N receiver hosts, each in its own
 * network namespace, each joined by a veth pair to a bridge that lives in a
 * separate "hub" namespace, so nothing touches the machine's real interfaces.
 *
 *   [shb<pid>-o  eth0 10.77.0.1] --veth-- vo  \
 *   [shb<pid>-r0 eth0 10.77.0.2] --veth-- vr0 -- br0 (in shb<pid>-hub)
 *   [shb<pid>-r1 eth0 10.77.0.3] --veth-- vr1 /
 *
 * Each link is shaped in both directions with an htb class: egress of the
 * host's eth0 is the host's upload, egress of the hub-side end its download.
 */
import { execFileSync } from 'node:child_process'
import { onTeardown } from './cleanup.js'
import { tcRate } from './units.js'

/** Private subnet used only inside this run's namespaces (each run has its own hub). */
export const SUBNET_PREFIX = '10.77.0.'
const SUBNET_BITS = 24
const ORIGIN_HOST_OCTET = 1
const FIRST_RECEIVER_OCTET = 2
/** Leaves .255 for broadcast. */
export const MAX_RECEIVERS = 250
const BRIDGE = 'br0'
const HOST_IF = 'eth0'
/** Every ip/tc call is bounded; they normally take milliseconds. */
const CMD_TIMEOUT_MS = 15_000
/** htb quantum: at least one GSO super-packet so one class never starves; below htb's 200000 warning. */
const HTB_QUANTUM_BYTES = 65_536

export interface Impairment { delayMs: number, lossPercent: number }

export interface Host {
  name: string
  ns: string
  ip: string
  hubIf: string
  upBps: number
  downBps: number
}

export interface Testbed {
  prefix: string
  hubNs: string
  origin: Host
  receivers: Host[]
}

export interface TestbedSpec {
  prefix: string
  receivers: number
  originUpBps: number
  originDownBps: number
  receiverUpBps: number
  receiverDownBps: number
  /** Applied on each host's uplink, so host-to-host RTT grows by 2 x delay. */
  impairment?: Impairment
}

function run (cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { timeout: CMD_TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (err) {
    const e = err as { stderr?: string, message: string }
    throw new Error(`${cmd} ${args.join(' ')}: ${(e.stderr ?? '').trim() || e.message}`)
  }
}

/** Namespace names carry the run prefix, so two runs never collide. */
export function namespaceNames (prefix: string, receivers: number): { hub: string, origin: string, receivers: string[] } {
  return {
    hub: `${prefix}-hub`,
    origin: `${prefix}-o`,
    receivers: Array.from({ length: receivers }, (_, i) => `${prefix}-r${i}`)
  }
}

function addNamespace (ns: string): void {
  run('ip', ['netns', 'add', ns])
  onTeardown(`delete namespace ${ns}`, () => { deleteNamespace(ns) })
}

/** Kill whatever still runs in the namespace (only our children can), then delete it. */
export function deleteNamespace (ns: string): void {
  let pids: string[] = []
  try {
    pids = run('ip', ['netns', 'pids', ns]).split(/\s+/).filter(Boolean)
  } catch { /* namespace already gone */ }
  for (const pid of pids) {
    try { process.kill(Number(pid), 'SIGKILL') } catch { /* exited meanwhile */ }
  }
  try {
    run('ip', ['netns', 'del', ns])
  } catch (err) {
    if (!/No such file|Cannot remove/.test((err as Error).message)) throw err
  }
}

/** netem is a module this kernel may lack; try it on the hub's loopback. */
export function netemAvailable (ns: string): boolean {
  try {
    run('tc', ['-n', ns, 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms'])
    run('tc', ['-n', ns, 'qdisc', 'del', 'dev', 'lo', 'root'])
    return true
  } catch {
    return false
  }
}

function shape (ns: string, dev: string, bps: number, impairment?: Impairment): void {
  run('tc', ['-n', ns, 'qdisc', 'add', 'dev', dev, 'root', 'handle', '1:', 'htb', 'default', '10'])
  run('tc', ['-n', ns, 'class', 'add', 'dev', dev, 'parent', '1:', 'classid', '1:10', 'htb',
    'rate', tcRate(bps), 'ceil', tcRate(bps), 'quantum', String(HTB_QUANTUM_BYTES)])
  if (impairment != null && (impairment.delayMs > 0 || impairment.lossPercent > 0)) {
    run('tc', ['-n', ns, 'qdisc', 'add', 'dev', dev, 'parent', '1:10', 'handle', '10:', 'netem',
      'delay', `${impairment.delayMs}ms`, 'loss', `${impairment.lossPercent}%`])
  }
}

function addHost (tb: { hubNs: string }, host: Host, impairment?: Impairment): void {
  addNamespace(host.ns)
  // Create the pair in the hub and push one end into the host's namespace.
  run('ip', ['-n', tb.hubNs, 'link', 'add', 'name', host.hubIf, 'type', 'veth', 'peer', 'name', HOST_IF, 'netns', host.ns])
  run('ip', ['-n', tb.hubNs, 'link', 'set', 'dev', host.hubIf, 'master', BRIDGE])
  run('ip', ['-n', tb.hubNs, 'link', 'set', 'dev', host.hubIf, 'up'])
  run('ip', ['-n', host.ns, 'addr', 'add', `${host.ip}/${SUBNET_BITS}`, 'dev', HOST_IF])
  run('ip', ['-n', host.ns, 'link', 'set', 'dev', HOST_IF, 'up'])
  run('ip', ['-n', host.ns, 'link', 'set', 'dev', 'lo', 'up'])
  shape(host.ns, HOST_IF, host.upBps, impairment)
  shape(tb.hubNs, host.hubIf, host.downBps)
}

/**
 * Build the testbed. Every namespace is registered for teardown the moment it
 * exists, so a failure halfway leaves nothing behind.
 */
export function createTestbed (spec: TestbedSpec): Testbed {
  if (spec.receivers < 1 || spec.receivers > MAX_RECEIVERS) throw new Error(`receivers must be 1..${MAX_RECEIVERS}`)
  const names = namespaceNames(spec.prefix, spec.receivers)
  addNamespace(names.hub)
  const impaired = spec.impairment != null && (spec.impairment.delayMs > 0 || spec.impairment.lossPercent > 0)
  if (impaired && !netemAvailable(names.hub)) {
    throw new Error('this kernel cannot emulate delay/loss (tc netem is unavailable); run without --delay/--loss')
  }
  run('ip', ['-n', names.hub, 'link', 'add', 'name', BRIDGE, 'type', 'bridge'])
  run('ip', ['-n', names.hub, 'link', 'set', 'dev', BRIDGE, 'up'])
  const tb: Testbed = {
    prefix: spec.prefix,
    hubNs: names.hub,
    origin: {
      name: 'origin',
      ns: names.origin,
      ip: SUBNET_PREFIX + String(ORIGIN_HOST_OCTET),
      hubIf: 'vo',
      upBps: spec.originUpBps,
      downBps: spec.originDownBps
    },
    receivers: names.receivers.map((ns, i) => ({
      name: `r${i}`,
      ns,
      ip: SUBNET_PREFIX + String(FIRST_RECEIVER_OCTET + i),
      hubIf: `vr${i}`,
      upBps: spec.receiverUpBps,
      downBps: spec.receiverDownBps
    }))
  }
  addHost(tb, tb.origin, spec.impairment)
  for (const host of tb.receivers) addHost(tb, host, spec.impairment)
  return tb
}

/** Bytes the host has put on its link (eth0 tx counter, includes IP/TCP headers). */
export function txBytes (host: Host): number {
  const out = JSON.parse(run('ip', ['-n', host.ns, '-j', '-s', 'link', 'show', 'dev', HOST_IF])) as
    Array<{ stats64?: { tx?: { bytes?: number } } }>
  const bytes = out[0]?.stats64?.tx?.bytes
  if (typeof bytes !== 'number') throw new Error(`no tx counter for ${host.ns}/${HOST_IF}`)
  return bytes
}

export function listNamespaces (): string[] {
  return run('ip', ['netns', 'list']).split('\n').map(l => l.split(/\s+/)[0]).filter(Boolean)
}

/** Namespaces of earlier runs that died without cleanup (their pid is gone). */
export function staleNamespaces (): string[] {
  return listNamespaces().filter(ns => {
    const m = /^shb(\d+)-/.exec(ns)
    if (m == null) return false
    const pid = Number(m[1])
    if (pid === process.pid) return false
    try { process.kill(pid, 0); return false } catch { return true }
  })
}

export function commandExists (cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { timeout: CMD_TIMEOUT_MS, stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
