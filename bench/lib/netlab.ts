/**
 * A small emulated network for the locality tests and the two-network
 * benchmark scenario: LANs are bridges living in
 * one "hub" namespace; every host is a namespace with one veth per LAN it
 * joins. Nothing is attached to the machine's own namespace, so multicast
 * (mDNS) and every other packet stay inside namespaces this file made.
 *
 *   [<prefix>-a0 eth0 10.61.1.10] --veth-- \
 *   [<prefix>-a1 eth0 10.61.1.11] --veth-- br-a (in <prefix>-hub)
 *   [<prefix>-gw eth0 10.61.1.254] -veth- /   ... eth1 10.61.2.254 -veth- br-b
 *
 * Links are shaped with htb only (this kernel has no netem). Every namespace
 * is deleted by close(), and by a process 'exit' hook should a test die first.
 */
import { execFileSync } from 'node:child_process'

/** Namespaces of this process start with this, so a leftover one names its owner. */
const PREFIX_BASE = 'shl'
/** Every ip/tc call is bounded; they normally take milliseconds. */
const CMD_TIMEOUT_MS = 15_000
/** Each LAN is a /24. */
const LAN_BITS = 24
/** htb quantum: one GSO super-packet, below htb's 200000 warning. */
const HTB_QUANTUM_BYTES = 65_536
/** Link-local and site multicast: mDNS sends to 224.0.0.251 and needs a route for it. */
const MULTICAST_ROUTE = '224.0.0.0/4'

export interface Lan {
  name: string
  /** First three octets, e.g. "10.61.1". */
  base: string
  cidr: string
  bridge: string
}

export interface Host {
  name: string
  ns: string
  /** This host's address on each LAN it joins, by LAN name. */
  ips: Record<string, string>
  /** Interface inside the host for each LAN, and its peer end on the hub. */
  devs: Record<string, { dev: string, hubDev: string }>
}

/** Runs a command (ip, tc, ...) with a time limit; a failure names the command and its stderr. */
export function run (cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { timeout: CMD_TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (err) {
    const e = err as { stderr?: string, message: string }
    throw new Error(`${cmd} ${args.join(' ')}: ${(e.stderr ?? '').trim() || e.message}`)
  }
}

/** Why namespace tests cannot run here, or undefined when they can. */
export function netnsUnavailable (): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces need Linux'
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces (run as root)'
  for (const cmd of ['ip', 'tc']) {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { timeout: CMD_TIMEOUT_MS, stdio: 'ignore' })
    } catch {
      return `"${cmd}" (iproute2) is not installed`
    }
  }
  return undefined
}

/** Live labs, so an 'exit' hook can delete their namespaces even when a test threw. */
const live = new Set<NetLab>()
let hooked = false

export class NetLab {
  readonly prefix: string
  readonly hubNs: string
  readonly lans = new Map<string, Lan>()
  readonly hosts = new Map<string, Host>()
  readonly #namespaces: string[] = []
  #veths = 0

  private constructor (prefix: string) {
    this.prefix = prefix
    this.hubNs = `${prefix}-hub`
  }

  /** A lab with an empty hub; `tag` keeps two labs of one process apart. */
  static create (tag: string): NetLab {
    const lab = new NetLab(`${PREFIX_BASE}${process.pid}${tag}`)
    live.add(lab)
    if (!hooked) {
      hooked = true
      process.on('exit', () => { for (const l of live) l.close() })
    }
    lab.#addNamespace(lab.hubNs)
    return lab
  }

  /** A bridge in the hub. Multicast snooping off, so mDNS floods the LAN like a plain switch. */
  addLan (name: string, base: string): Lan {
    const bridge = `br-${name}`
    run('ip', ['-n', this.hubNs, 'link', 'add', 'name', bridge, 'type', 'bridge', 'mcast_snooping', '0'])
    run('ip', ['-n', this.hubNs, 'link', 'set', 'dev', bridge, 'up'])
    const lan = { name, base, cidr: `${base}.0/${LAN_BITS}`, bridge }
    this.lans.set(name, lan)
    return lan
  }

  /**
   * A host joined to one or more LANs (`octet` is its last address byte on
   * each). The first LAN carries the multicast route. A host on two LANs does
   * not forward between them unless `forward` is set (then it is a router).
   */
  addHost (name: string, attach: Array<{ lan: Lan, octet: number }>, options: { forward?: boolean } = {}): Host {
    const host: Host = { name, ns: `${this.prefix}-${name}`, ips: {}, devs: {} }
    this.#addNamespace(host.ns)
    run('ip', ['-n', host.ns, 'link', 'set', 'dev', 'lo', 'up'])
    attach.forEach(({ lan, octet }, i) => {
      const dev = `eth${i}`
      const hubDev = `v${this.#veths++}`
      run('ip', ['-n', this.hubNs, 'link', 'add', 'name', hubDev, 'type', 'veth', 'peer', 'name', dev, 'netns', host.ns])
      run('ip', ['-n', this.hubNs, 'link', 'set', 'dev', hubDev, 'master', lan.bridge])
      run('ip', ['-n', this.hubNs, 'link', 'set', 'dev', hubDev, 'up'])
      const ip = `${lan.base}.${octet}`
      run('ip', ['-n', host.ns, 'addr', 'add', `${ip}/${LAN_BITS}`, 'dev', dev])
      run('ip', ['-n', host.ns, 'link', 'set', 'dev', dev, 'multicast', 'on', 'up'])
      host.ips[lan.name] = ip
      host.devs[lan.name] = { dev, hubDev }
    })
    if (attach.length > 0) run('ip', ['-n', host.ns, 'route', 'add', MULTICAST_ROUTE, 'dev', 'eth0'])
    run('ip', ['netns', 'exec', host.ns, 'sysctl', '-q', '-w', `net.ipv4.ip_forward=${options.forward === true ? 1 : 0}`])
    this.hosts.set(name, host)
    return host
  }

  /** Route `to` (a CIDR) from `host` through `via` (an address on one of its LANs). */
  route (host: Host, to: string, via: string): void {
    run('ip', ['-n', host.ns, 'route', 'add', to, 'via', via])
  }

  /**
   * Shapes `host`'s link to `lan` to `bps` in both directions: egress of the
   * host's interface is what it sends, egress of the hub end what it receives.
   */
  shape (host: Host, lan: Lan, bps: number): void {
    const { dev, hubDev } = host.devs[lan.name]
    htb(host.ns, dev, bps)
    htb(this.hubNs, hubDev, bps)
  }

  /** Bytes `host` has sent on its interface to `lan` (IP and TCP headers included). */
  txBytes (host: Host, lan: Lan): number {
    const out = JSON.parse(run('ip', ['-n', host.ns, '-j', '-s', 'link', 'show', 'dev', host.devs[lan.name].dev])) as
      Array<{ stats64?: { tx?: { bytes?: number } } }>
    const bytes = out[0]?.stats64?.tx?.bytes
    if (typeof bytes !== 'number') throw new Error(`no tx counter for ${host.ns}`)
    return bytes
  }

  /** argv prefix that runs a command inside the host's namespace. */
  exec (host: Host): string[] {
    return ['ip', 'netns', 'exec', host.ns]
  }

  /** Runs a short command inside the host's namespace and returns its stdout. */
  run (host: Host, cmd: string, args: string[]): string {
    return run('ip', ['netns', 'exec', host.ns, cmd, ...args])
  }

  /** Kills whatever still runs in our namespaces (only our children can), then deletes them. Idempotent. */
  close (): void {
    for (const ns of this.#namespaces.splice(0).reverse()) deleteNamespace(ns)
    live.delete(this)
  }

  #addNamespace (ns: string): void {
    run('ip', ['netns', 'add', ns])
    this.#namespaces.push(ns)
  }
}

function htb (ns: string, dev: string, bps: number): void {
  const rate = `${Math.round(bps)}bit`
  run('tc', ['-n', ns, 'qdisc', 'add', 'dev', dev, 'root', 'handle', '1:', 'htb', 'default', '10'])
  run('tc', ['-n', ns, 'class', 'add', 'dev', dev, 'parent', '1:', 'classid', '1:10', 'htb',
    'rate', rate, 'ceil', rate, 'quantum', String(HTB_QUANTUM_BYTES)])
}

function deleteNamespace (ns: string): void {
  let pids: string[] = []
  try {
    pids = run('ip', ['netns', 'pids', ns]).split(/\s+/).filter(Boolean)
  } catch { /* already gone */ }
  for (const pid of pids) {
    try { process.kill(Number(pid), 'SIGKILL') } catch { /* exited meanwhile */ }
  }
  try {
    run('ip', ['netns', 'del', ns])
  } catch (err) {
    if (!/No such file|Cannot remove/.test((err as Error).message)) throw err
  }
}
