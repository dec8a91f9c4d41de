/**
 * Parent side of bench/throughput-peer.ts: spawns it with this Node and tsx,
 * sends commands over the IPC channel and matches replies by id.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { onTeardown } from './cleanup.js'

/** How much of a child's output to keep for error messages. */
const OUTPUT_TAIL_CHARS = 4000

/** Time a stopping child gets to exit (and write a CPU profile) before SIGKILL. */
const STOP_GRACE_MS = 20_000

interface Pending { resolve: (v: any) => void, reject: (e: Error) => void, timer: ReturnType<typeof setTimeout> }

export class PeerRpc {
  readonly name: string
  readonly #child: ChildProcess
  readonly #pending = new Map<number, Pending>()
  readonly #exited: Promise<number | null>
  readonly #untrack: () => void
  #nextId = 1
  #tail = ''

  get pid (): number | undefined { return this.#child.pid }

  /** `nodeArgs` go before the script, e.g. --cpu-prof. */
  constructor (name: string, script: string, nodeArgs: string[] = []) {
    this.name = name
    this.#child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, script], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    })
    // Killed outright if the parent dies or is interrupted (teardown is synchronous).
    this.#untrack = onTeardown(`kill ${name}`, () => { if (this.#child.exitCode == null) this.#child.kill('SIGKILL') })
    const keep = (buf: Buffer): void => { this.#tail = (this.#tail + buf.toString()).slice(-OUTPUT_TAIL_CHARS) }
    this.#child.stdout?.on('data', keep)
    // A child's stderr (errors, DEBUG=shoal* logs) goes to ours; our stdout stays the table / JSON.
    this.#child.stderr?.on('data', (buf: Buffer) => { keep(buf); process.stderr.write(buf) })
    this.#child.on('message', (msg: { id: number, ok: boolean, result?: unknown, error?: string }) => {
      const p = this.#pending.get(msg.id)
      if (p == null) return
      this.#pending.delete(msg.id)
      clearTimeout(p.timer)
      if (msg.ok) p.resolve(msg.result)
      else p.reject(new Error(`${name}: ${msg.error ?? 'failed'}`))
    })
    this.#exited = new Promise((resolve) => {
      this.#child.on('exit', (code) => {
        for (const p of this.#pending.values()) {
          clearTimeout(p.timer)
          p.reject(new Error(`${name} exited (${code}) with a command running; output:\n${this.#tail}`))
        }
        this.#pending.clear()
        resolve(code)
      })
    })
  }

  async call<T = any>(cmd: string, args: Record<string, unknown> = {}, timeoutMs: number): Promise<T> {
    const id = this.#nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new Error(`${this.name}: ${cmd} took longer than ${timeoutMs} ms`))
      }, timeoutMs)
      this.#pending.set(id, { resolve, reject, timer })
      this.#child.send({ id, cmd, args }, (err) => {
        if (err == null) return
        clearTimeout(timer)
        this.#pending.delete(id)
        reject(err)
      })
    })
  }

  /** Asks the child to stop and waits for it to exit; kills it when it does not. */
  async stop (timeoutMs: number): Promise<Record<string, number> | undefined> {
    let last: Record<string, number> | undefined
    if (this.#child.exitCode == null && this.#child.connected) {
      last = await this.call('stop', {}, timeoutMs).catch(() => undefined)
    }
    const grace = setTimeout(() => { this.#child.kill('SIGKILL') }, STOP_GRACE_MS)
    await this.#exited
    clearTimeout(grace)
    this.#untrack()
    return last
  }
}
