import { PeerProcess, type PeerEvent } from '../../examples/lib/peer-process.js'

/** Longest one client command may run in these tests. */
export const CLIENT_TIMEOUT_MS = 240_000

export interface ClientRun {
  code: number | null
  events: PeerEvent[]
  stderr: string[]
  /** The last event (the summary on success). */
  last?: PeerEvent
}

export interface ClientRunOptions {
  /** Kill the client at the first event this accepts (an interrupted client). */
  killWhen?(e: PeerEvent): boolean
  /** Calls `then` with the events so far at the first event `when` accepts (say, to kill a server mid-upload). */
  at?: { when(e: PeerEvent): boolean, then(events: PeerEvent[]): void }
  command?: string[]
  env?: NodeJS.ProcessEnv
}

/**
 * Runs `node dist/peer.js <args> --json` (upload, download, status, ls) to
 * its end, or kills it when `killWhen` accepts an event. Always bounded by
 * CLIENT_TIMEOUT_MS.
 */
export async function runClient (args: string[], options: ClientRunOptions = {}): Promise<ClientRun> {
  const p = new PeerProcess(args, { command: options.command, env: options.env })
  const timer = setTimeout(() => p.kill(), CLIENT_TIMEOUT_MS)
  const hooks = [...(options.killWhen == null ? [] : [{ when: options.killWhen, then: () => { p.kill() } }]), ...(options.at == null ? [] : [options.at])]
  for (const hook of hooks) void p.waitFor(hook.when, CLIENT_TIMEOUT_MS, 'hook event').then(() => { hook.then(p.events) }, () => {})
  try {
    const code = await p.exited
    return { code, events: p.events, stderr: p.stderr, last: p.events.at(-1) }
  } finally {
    clearTimeout(timer)
  }
}

/** Fails with the client's own last lines when it did not succeed. */
export function ok (run: ClientRun, what: string): PeerEvent {
  if (run.code !== 0 || run.last == null) throw new Error(`${what} exited ${String(run.code)}: ${run.stderr.slice(-5).join(' | ')}`)
  return run.last
}
