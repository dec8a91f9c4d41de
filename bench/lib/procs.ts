/**
 * Child processes started inside network namespaces. Every child is tracked so
 * it can be stopped gracefully at the end of a scenario and killed outright by
 * the teardown handlers.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { onTeardown } from './cleanup.js'

/** How much of a child's stderr to keep for error messages. */
const STDERR_TAIL_CHARS = 4000

export interface Managed {
  name: string
  child: ChildProcess
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>
  running: () => boolean
  stderrTail: () => string
}

export interface SpawnOptions {
  cwd?: string
  /** Called for each stdout line (JSON event streams). */
  onLine?: (line: string) => void
}

export class ProcessGroup {
  private readonly live = new Set<Managed>()

  constructor () {
    onTeardown('kill child processes', () => { this.killAll() })
  }

  /** Run `cmd args` inside namespace `ns` (null: the root namespace). */
  spawnIn (ns: string | null, name: string, cmd: string, args: string[], opts: SpawnOptions = {}): Managed {
    const argv = ns == null ? [cmd, ...args] : ['ip', 'netns', 'exec', ns, cmd, ...args]
    // detached: own process group, so a terminal Ctrl-C reaches only us and we
    // decide the order of shutdown (children first, then namespaces).
    const child = spawn(argv[0], argv.slice(1), {
      cwd: opts.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (d: string) => { stderr = (stderr + d).slice(-STDERR_TAIL_CHARS) })
    if (opts.onLine != null) {
      const onLine = opts.onLine
      createInterface({ input: child.stdout! }).on('line', line => { onLine(line) })
    } else {
      child.stdout?.resume()
    }
    let running = true
    const exited = new Promise<number | null>(resolve => {
      child.once('error', err => {
        stderr += `\nspawn failed: ${err.message}`
        running = false
        this.live.delete(managed)
        resolve(null)
      })
      child.once('exit', code => {
        running = false
        this.live.delete(managed)
        resolve(code)
      })
    })
    const managed: Managed = { name, child, exited, running: () => running, stderrTail: () => stderr.trim() }
    this.live.add(managed)
    return managed
  }

  /** SIGTERM, wait up to graceMs, then SIGKILL whatever is left. */
  async stop (procs: Managed[], graceMs: number): Promise<void> {
    const alive = procs.filter(p => p.running())
    for (const p of alive) signal(p, 'SIGTERM')
    const timer = new Promise<void>(resolve => setTimeout(resolve, graceMs).unref())
    await Promise.race([Promise.all(alive.map(p => p.exited)), timer])
    for (const p of alive) if (p.running()) signal(p, 'SIGKILL')
    await Promise.race([Promise.all(alive.map(p => p.exited)), new Promise(resolve => setTimeout(resolve, graceMs).unref())])
  }

  killAll (): void {
    for (const p of this.live) signal(p, 'SIGKILL')
  }
}

function signal (p: Managed, sig: NodeJS.Signals): void {
  const pid = p.child.pid
  if (pid == null) return
  try {
    process.kill(-pid, sig) // the whole group the child leads
  } catch {
    try { process.kill(pid, sig) } catch { /* already gone */ }
  }
}

/** Promise-based pause for polling loops (each loop bounds its own count). */
export async function sleep (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}

/** Run a short command to completion (bounded), returning its stdout. Throws on failure or timeout. */
export async function runToEnd (procs: ProcessGroup, ns: string | null, name: string, cmd: string, args: string[],
  opts: { cwd?: string, timeoutMs: number }): Promise<string> {
  const lines: string[] = []
  const p = procs.spawnIn(ns, name, cmd, args, { cwd: opts.cwd, onLine: l => lines.push(l) })
  const timer = sleep(opts.timeoutMs).then(() => 'timeout' as const)
  const code = await Promise.race([p.exited, timer])
  if (code === 'timeout') {
    await procs.stop([p], 1000)
    throw new Error(`${name}: no result within ${opts.timeoutMs / 1000}s`)
  }
  // readline may deliver the last lines just after 'exit'; let it drain.
  await sleep(50)
  if (code !== 0) throw new Error(`${name}: exit ${String(code)}: ${p.stderrTail().slice(-500)}`)
  return lines.join('\n')
}
