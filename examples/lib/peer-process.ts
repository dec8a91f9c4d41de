import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** dist/peer.js of this checkout (build first: `npm run build`). */
export const PEER_JS = fileURLToPath(new URL('../../dist/peer.js', import.meta.url))

/** How long a peer process may take to print its listening line. */
const START_TIMEOUT_MS = 20_000

/** How long a stopped process may take to exit before it is killed. */
const STOP_TIMEOUT_MS = 10_000

export interface PeerEvent { event: string, [key: string]: any }

/**
 * A `node dist/peer.js ... --json` child process: its JSON events as they
 * arrive, and helpers to wait for one. Used by the examples and tests.
 */
export class PeerProcess {
  readonly child: ChildProcess
  readonly events: PeerEvent[] = []
  readonly stderr: string[] = []
  readonly exited: Promise<number | null>
  readonly #listeners = new Set<(e: PeerEvent) => void>()

  constructor (args: string[], options: { env?: NodeJS.ProcessEnv, command?: string[] } = {}) {
    const command = options.command ?? [process.execPath]
    this.child = spawn(command[0], [...command.slice(1), PEER_JS, ...args, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env }
    })
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let event: PeerEvent
      try { event = JSON.parse(line) } catch { return }
      this.events.push(event)
      for (const l of this.#listeners) l(event)
    })
    createInterface({ input: this.child.stderr! }).on('line', (line) => { this.stderr.push(line) })
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)))
  }

  /** Resolves with the first event (past or future) matching `test`. */
  async waitFor (test: (e: PeerEvent) => boolean, timeoutMs: number, what = 'event'): Promise<PeerEvent> {
    const seen = this.events.find(test)
    if (seen != null) return seen
    return new Promise((resolve, reject) => {
      const done = (): void => { clearTimeout(timer); this.#listeners.delete(listener) }
      const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr: ${this.stderr.slice(-5).join(' | ')}`)) }, timeoutMs)
      const listener = (e: PeerEvent): void => { if (test(e)) { done(); resolve(e) } }
      this.#listeners.add(listener)
      void this.exited.then((code) => { done(); reject(new Error(`process exited (${code}) before ${what}; last events: ${this.events.slice(-3).map((e) => JSON.stringify(e)).join(' | ')}; stderr: ${this.stderr.slice(-5).join(' | ')}`)) })
    })
  }

  async listening (): Promise<{ peerId: string, addrs: string[] }> {
    const e = await this.waitFor((e) => e.event === 'listening', START_TIMEOUT_MS, 'listening')
    return { peerId: e.peerId, addrs: e.addrs }
  }

  last (name: string): PeerEvent | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i].event === name) return this.events[i]
    return undefined
  }

  /** SIGTERM, then SIGKILL if it does not exit in time. */
  async stop (): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    try { return await this.exited } finally { clearTimeout(timer) }
  }

  kill (): void {
    this.child.kill('SIGKILL')
  }
}

/** Runs a one-shot command (`add`, `id`, ...) and returns its last JSON event. */
export async function runPeerCommand (args: string[]): Promise<PeerEvent> {
  const p = new PeerProcess(args)
  const code = await p.exited
  const last = p.events.at(-1)
  if (code !== 0 || last == null) throw new Error(`peer.js ${args[0]} failed (${code}): ${p.stderr.join(' | ')}`)
  return last
}
