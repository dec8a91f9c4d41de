/**
 * A tiny shaped network for the client's probe and rate test: one "hub"
 * namespace with a bridge, and one namespace per host joined to it by a veth
 * pair. Each host's download (the hub side's egress towards it) and upload
 * (its own egress) is shaped with htb. Nothing touches the machine's own
 * interfaces; close() (and a process 'exit' hook) deletes every namespace.
 *
 *   [<p>-t eth0 10.78.0.1] --veth-- \
 *   [<p>-a eth0 10.78.0.2] --veth-- br0 (in <p>-hub)
 *   [<p>-b eth0 10.78.0.3] --veth-- /
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { netnsUnavailable, run } from '../../bench/lib/netlab.js'

/** Every ip/tc call is bounded; they take milliseconds. */
/** htb quantum: one GSO super-packet, below htb's 200000 warning. */
const HTB_QUANTUM_BYTES = 65_536
/** This run's private subnet; the hub keeps it off every real interface. */
const SUBNET = '10.78.0.'

export interface LabHost { name: string, ns: string, ip: string }

/** Why this test cannot run here, or undefined when it can. */
export const labUnavailable = netnsUnavailable

const live = new Set<ClientLab>()

export class ClientLab {
  readonly prefix = `shc${process.pid}`
  readonly hub = `${this.prefix}-hub`
  readonly hosts = new Map<string, LabHost>()
  readonly #namespaces: string[] = []

  private constructor () {
    live.add(this)
    if (live.size === 1) process.once('exit', () => { for (const lab of live) lab.close() })
  }

  static create (): ClientLab {
    const lab = new ClientLab()
    try {
      lab.#addNs(lab.hub)
      run('ip', ['-n', lab.hub, 'link', 'add', 'br0', 'type', 'bridge'])
      run('ip', ['-n', lab.hub, 'link', 'set', 'br0', 'up'])
    } catch (err) {
      lab.close()
      throw err
    }
    return lab
  }

  /** A host shaped to `downBps` (towards it) and `upBps` (from it); 0 = unshaped. */
  addHost (name: string, downBps: number, upBps: number): LabHost {
    const host = { name, ns: `${this.prefix}-${name}`, ip: SUBNET + String(this.hosts.size + 1) }
    this.#addNs(host.ns)
    const hubIf = `v-${name}`
    run('ip', ['-n', this.hub, 'link', 'add', hubIf, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', host.ns])
    run('ip', ['-n', this.hub, 'link', 'set', hubIf, 'master', 'br0'])
    run('ip', ['-n', this.hub, 'link', 'set', hubIf, 'up'])
    run('ip', ['-n', host.ns, 'addr', 'add', `${host.ip}/24`, 'dev', 'eth0'])
    run('ip', ['-n', host.ns, 'link', 'set', 'eth0', 'up'])
    run('ip', ['-n', host.ns, 'link', 'set', 'lo', 'up'])
    if (downBps > 0) shape(this.hub, hubIf, downBps)
    if (upBps > 0) shape(host.ns, 'eth0', upBps)
    this.hosts.set(name, host)
    return host
  }

  /**
   * Shapes only the paths from `from` to each of `to` (its egress towards
   * their addresses, one htb class and u32 filter each) to `bps`; everything
   * else `from` sends, and everything between the others, stays unshaped.
   * Models a client whose path to each server is the limit (a WAN path per
   * site) while the servers reach each other at LAN speed. `from` must have
   * been added unshaped.
   */
  shapePaths (from: LabHost, to: LabHost[], bps: number): void {
    // Unclassified traffic goes to class 1:99, which does not exist: htb then sends it unshaped.
    run('tc', ['-n', from.ns, 'qdisc', 'add', 'dev', 'eth0', 'root', 'handle', '1:', 'htb', 'default', '99'])
    to.forEach((host, i) => {
      const classid = `1:${10 + i}`
      run('tc', ['-n', from.ns, 'class', 'add', 'dev', 'eth0', 'parent', '1:', 'classid', classid, 'htb',
        'rate', `${bps}bit`, 'ceil', `${bps}bit`, 'quantum', String(HTB_QUANTUM_BYTES)])
      run('tc', ['-n', from.ns, 'filter', 'add', 'dev', 'eth0', 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32',
        'match', 'ip', 'dst', `${host.ip}/32`, 'flowid', classid])
    })
  }

  /** Bytes sent on a host's interface (IP + TCP headers included). */
  txBytes (host: LabHost): number {
    const out = JSON.parse(run('ip', ['-n', host.ns, '-j', '-s', 'link', 'show', 'dev', 'eth0'])) as Array<{ stats64?: { tx?: { bytes?: number } } }>
    return out[0]?.stats64?.tx?.bytes ?? 0
  }

  /** The command prefix that runs a program inside a host's namespace. */
  exec (host: LabHost): string[] {
    return ['ip', 'netns', 'exec', host.ns, process.execPath]
  }

  /** Bytes received on a host's interface (IP + TCP headers included). */
  rxBytes (host: LabHost): number {
    const out = JSON.parse(run('ip', ['-n', host.ns, '-j', '-s', 'link', 'show', 'dev', 'eth0'])) as Array<{ stats64?: { rx?: { bytes?: number } } }>
    return out[0]?.stats64?.rx?.bytes ?? 0
  }

  /**
   * A raw TCP transfer of `bytes` from one host to another (node:net, no
   * encryption or muxing): the link's usable rate, measured where the bytes
   * arrive, from the first byte to the last.
   */
  async rawRate (from: LabHost, to: LabHost, bytes: number, timeoutMs: number): Promise<number> {
    const port = 45_000 + Math.floor(Math.random() * 10_000)
    const receiver = spawn('ip', ['netns', 'exec', to.ns, process.execPath, '-e', `
      const net = require('node:net')
      const server = net.createServer((s) => {
        let n = 0, first = 0, last = 0
        s.on('data', (d) => { const t = performance.now(); if (first === 0) first = t; last = t; n += d.length })
        s.on('end', () => { console.log(JSON.stringify({ n, ms: last - first })); server.close() })
      })
      server.listen(${port}, '${to.ip}', () => console.log('ready'))
    `], { stdio: ['ignore', 'pipe', 'inherit'] })
    const lines = createInterface({ input: receiver.stdout! })
    const timer = setTimeout(() => receiver.kill('SIGKILL'), timeoutMs)
    try {
      const next = async (): Promise<string> => new Promise((resolve, reject) => {
        lines.once('line', resolve)
        receiver.once('exit', () => reject(new Error('raw receiver exited')))
      })
      if (await next() !== 'ready') throw new Error('raw receiver did not start')
      const result = next()
      run('ip', ['netns', 'exec', from.ns, process.execPath, '-e', `
        const s = require('node:net').connect(${port}, '${to.ip}', () => {
          const block = Buffer.alloc(1 << 20); let left = ${bytes}
          const pump = () => { while (left > 0) { const n = Math.min(left, block.length); left -= n; if (!s.write(block.subarray(0, n))) return s.once('drain', pump) } s.end() }
          pump()
        })
      `])
      const { n, ms } = JSON.parse(await result) as { n: number, ms: number }
      return n / (ms / 1000)
    } finally {
      clearTimeout(timer)
      receiver.kill('SIGKILL')
    }
  }

  /** Kills whatever still runs in the namespaces (only our children can) and deletes them. */
  close (): void {
    for (const ns of this.#namespaces.reverse()) {
      try {
        for (const pid of run('ip', ['netns', 'pids', ns]).split(/\s+/).filter(Boolean)) {
          try { process.kill(Number(pid), 'SIGKILL') } catch {}
        }
      } catch {}
      try { run('ip', ['netns', 'del', ns]) } catch {}
    }
    this.#namespaces.length = 0
    live.delete(this)
  }

  #addNs (ns: string): void {
    run('ip', ['netns', 'add', ns])
    this.#namespaces.push(ns)
  }
}

function shape (ns: string, dev: string, bps: number): void {
  run('tc', ['-n', ns, 'qdisc', 'add', 'dev', dev, 'root', 'handle', '1:', 'htb', 'default', '10'])
  run('tc', ['-n', ns, 'class', 'add', 'dev', dev, 'parent', '1:', 'classid', '1:10', 'htb',
    'rate', `${bps}bit`, 'ceil', `${bps}bit`, 'quantum', String(HTB_QUANTUM_BYTES)])
}
