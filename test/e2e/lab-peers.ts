import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PeerProcess, runPeerCommand } from '../../examples/lib/peer-process.js'
import { writeRandomFile } from '../../examples/lib/random-file.js'
import { NetLab, netnsUnavailable, type Host } from './netns.js'

/** Every peer in a lab listens on this port of its own namespace. */
export const LAB_PORT = 4001

/** A peer process's start-up (key, store, listen) on a busy 2-core machine. */
const START_TIMEOUT_MS = 30_000

/** One status API call (curl inside the tracker's namespace). */
const API_TIMEOUT_S = 5

/** How often a condition on the status API is re-checked. */
const POLL_MS = 500

export interface LabTracker { proc: PeerProcess, host: Host, addr: string, peerId: string, http: string }

/**
 * Shoal processes (`node dist/peer.js ... --json`) inside a NetLab's
 * namespaces, with their data under one temporary folder. close() stops every
 * process (SIGTERM, then SIGKILL) and removes the folder; deleting the lab's
 * namespaces kills anything left.
 */
export class LabCluster {
  readonly lab: NetLab
  readonly dir: string
  readonly procs: PeerProcess[] = []

  private constructor (lab: NetLab, dir: string) {
    this.lab = lab
    this.dir = dir
  }

  static async create (lab: NetLab): Promise<LabCluster> {
    return new LabCluster(lab, await mkdtemp(join(tmpdir(), 'shoal-lab-')))
  }

  dataDir (name: string): string { return join(this.dir, name) }

  /** The address a peer on `host` listens on, on `lan` (its first LAN by default). */
  addr (host: Host, peerId: string, lan?: string): string {
    const ip = lan == null ? Object.values(host.ips)[0] : host.ips[lan]
    return `/ip4/${ip}/tcp/${LAB_PORT}/p2p/${peerId}`
  }

  /** Writes a random file and imports it into each named data directory (same chunking, so the same id). */
  async addFile (size: number, into: string[]): Promise<{ fileId: string, sha256: string, chunks: number, path: string }> {
    const path = join(this.dir, `file-${size}.bin`)
    const sha256 = await writeRandomFile(path, size)
    let added: any
    for (const name of into) added = await runPeerCommand(['add', path, '--data', this.dataDir(name)])
    return { fileId: added.fileId, sha256, chunks: added.chunks, path }
  }

  spawn (host: Host, args: string[]): PeerProcess {
    const p = new PeerProcess(args, { command: [...this.lab.exec(host), process.execPath] })
    this.procs.push(p)
    return p
  }

  /** A tracker listening on every interface of `host`; its address on `host`'s first LAN. */
  async startTracker (host: Host, name: string, args: string[] = []): Promise<LabTracker> {
    const proc = this.spawn(host, ['tracker', '--data', this.dataDir(name), '--listen', `/ip4/0.0.0.0/tcp/${LAB_PORT}`, ...args])
    const e = await proc.waitFor((e) => e.event === 'listening', START_TIMEOUT_MS, `tracker ${name} listening`)
    return { proc, host, peerId: e.peerId, addr: this.addr(host, e.peerId), http: e.http }
  }

  /** A server listening on `host`'s first LAN address (or as `args` say). */
  async startServer (host: Host, name: string, args: string[] = []): Promise<PeerProcess> {
    const listen = args.includes('--listen') ? [] : ['--listen', `/ip4/${Object.values(host.ips)[0]}/tcp/${LAB_PORT}`]
    const proc = this.spawn(host, ['server', '--data', this.dataDir(name), ...listen, ...args])
    await proc.waitFor((e) => e.event === 'listening', START_TIMEOUT_MS, `server ${name} listening`)
    return proc
  }

  /** GET on the tracker's status API, from inside its namespace. */
  api (tracker: LabTracker, path: string): any {
    return JSON.parse(this.lab.run(tracker.host, 'curl', ['-sf', '--max-time', String(API_TIMEOUT_S), tracker.http + path]))
  }

  /** Polls the status API until `test` accepts the answer. */
  async poll (tracker: LabTracker, path: string, test: (body: any) => boolean, timeoutMs: number, what: string): Promise<any> {
    const deadline = Date.now() + timeoutMs
    let last: unknown
    while (Date.now() < deadline) {
      try {
        last = this.api(tracker, path)
        if (test(last)) return last
      } catch (err) {
        last = (err as Error).message
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last answer: ${JSON.stringify(last)?.slice(0, 2000)}`)
  }

  /** Runs a one-shot CLI command (replicate, ...) inside `host` and returns its last JSON event. */
  async command (host: Host, args: string[]): Promise<any> {
    const p = this.spawn(host, args)
    const code = await p.exited
    const last = p.events.at(-1)
    if (code !== 0 || last == null) throw new Error(`peer.js ${args[0]} failed (${code}): ${p.stderr.join(' | ')}`)
    return last
  }

  async close (keep = false): Promise<void> {
    await Promise.all(this.procs.map(async (p) => p.stop()))
    if (!keep) await rm(this.dir, { recursive: true, force: true })
  }
}

/**
 * The hooks every namespace test needs: skip (with the reason) where namespaces
 * cannot be made, and afterwards stop the cluster and delete the lab. The test
 * body makes its lab with `open(name)` and its cluster with `cluster(lab)`.
 */
export function useLab (): { open(name: string): NetLab, cluster(lab: NetLab): Promise<LabCluster> } {
  let lab: NetLab | undefined
  let cluster: LabCluster | undefined
  before(function () {
    const why = netnsUnavailable()
    if (why != null) { console.log(`      skipped: ${why}`); this.skip() }
  })
  after(async () => {
    await cluster?.close()
    lab?.close()
  })
  return {
    open: (name) => (lab = NetLab.create(name)),
    cluster: async (l) => (cluster = await LabCluster.create(l))
  }
}
