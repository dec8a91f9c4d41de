import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PeerProcess, runPeerCommand, type PeerEvent } from '../../examples/lib/peer-process.js'
import { writeRandomFile } from '../../examples/lib/random-file.js'

/** Longest an HTTP status call may take. */
const HTTP_TIMEOUT_MS = 5_000

/** How often a condition on the HTTP API is re-checked. */
const POLL_MS = 250

export interface ServerSpec {
  /** Extra arguments, e.g. ['--network', 'east', '--subnet', '10.1.0.0/24']. */
  args?: string[]
  env?: NodeJS.ProcessEnv
}

/**
 * A tracker and task servers as real `node dist/peer.js` processes on
 * 127.0.0.1, in one temporary folder, for the process-level tests. Every
 * process is stopped (SIGTERM, then SIGKILL) by close().
 */
export class TrackerCluster {
  readonly dir: string
  tracker?: PeerProcess
  trackerAddr = ''
  trackerPeerId = ''
  http = ''
  /** The tracker's TCP port, kept so a restart listens where the servers dial. */
  trackerPort = 0
  readonly servers = new Map<string, PeerProcess>()
  readonly #all: PeerProcess[] = []

  private constructor (dir: string) {
    this.dir = dir
  }

  static async create (prefix = 'shoal-tracker-'): Promise<TrackerCluster> {
    return new TrackerCluster(await mkdtemp(join(tmpdir(), prefix)))
  }

  get trackerDir (): string { return join(this.dir, 'tracker') }

  serverDir (name: string): string { return join(this.dir, `server-${name}`) }

  /** Writes a random file and imports it into the tracker's store (before the tracker starts, or with --tracker). */
  async addFile (size: number, name = 'file.bin', commit = false): Promise<{ fileId: string, sha256: string, chunks: number }> {
    const path = join(this.dir, name)
    const sha256 = await writeRandomFile(path, size)
    const added = await runPeerCommand(['add', path, '--data', this.trackerDir, ...(commit ? ['--tracker', this.trackerAddr] : [])])
    return { fileId: added.fileId, sha256, chunks: added.chunks }
  }

  async startTracker (args: string[] = [], env?: NodeJS.ProcessEnv): Promise<PeerProcess> {
    const p = this.#spawn(['tracker', '--data', this.trackerDir, '--listen', `/ip4/127.0.0.1/tcp/${this.trackerPort}`, ...args], env)
    const e = await p.waitFor((e) => e.event === 'listening', 20_000, 'tracker listening')
    this.tracker = p
    this.trackerAddr = e.addrs[0]
    this.trackerPeerId = e.peerId
    this.http = e.http
    this.trackerPort = Number(this.trackerAddr.split('/tcp/')[1].split('/')[0])
    return p
  }

  async startServer (name: string, spec: ServerSpec = {}): Promise<PeerProcess> {
    const p = this.#spawn(['server', '--data', this.serverDir(name), '--listen', '/ip4/127.0.0.1/tcp/0', '--tracker', this.trackerAddr, ...(spec.args ?? [])], spec.env)
    this.servers.set(name, p)
    await p.waitFor((e) => e.event === 'listening', 20_000, `server ${name} listening`)
    return p
  }

  /** Waits until the tracker lists `n` live servers. */
  async waitForServers (n: number, timeoutMs: number): Promise<any[]> {
    return this.poll('/api/servers', (list: any[]) => list.filter((s) => s.alive).length >= n, timeoutMs, `${n} live servers`)
  }

  async api (path: string): Promise<any> {
    const res = await fetch(this.http + path, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) })
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
    return res.json()
  }

  /** Polls an API path until `test` accepts the answer. */
  async poll (path: string, test: (body: any) => boolean, timeoutMs: number, what: string): Promise<any> {
    const deadline = Date.now() + timeoutMs
    let last: unknown
    while (Date.now() < deadline) {
      try {
        last = await this.api(path)
        if (test(last)) return last
      } catch (err) {
        last = err
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last answer: ${JSON.stringify(last)?.slice(0, 2000)}`)
  }

  async replicate (fileId: string, to: string[] = ['all']): Promise<string> {
    const e: PeerEvent = await runPeerCommand(['replicate', fileId, '--tracker', this.trackerAddr, '--to', ...to])
    return e.taskId
  }

  async prefetch (fileId: string, server: string): Promise<string> {
    const e: PeerEvent = await runPeerCommand(['prefetch', fileId, '--tracker', this.trackerAddr, '--to', server])
    return e.taskId
  }

  async close (keep = false): Promise<void> {
    await Promise.all(this.#all.map(async (p) => p.stop()))
    if (!keep) await rm(this.dir, { recursive: true, force: true })
  }

  #spawn (args: string[], env?: NodeJS.ProcessEnv): PeerProcess {
    const p = new PeerProcess(args, { env })
    this.#all.push(p)
    return p
  }
}
