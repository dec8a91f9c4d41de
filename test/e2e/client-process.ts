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

/**
 * Runs `node dist/peer.js <args> --json` (upload, download, status, ls) to
 * its end, or kills it when `killWhen` accepts an event (an interrupted
 * client). Always bounded by CLIENT_TIMEOUT_MS.
 */
export async function runClient (args: string[], options: { killWhen?(e: PeerEvent): boolean, command?: string[], env?: NodeJS.ProcessEnv } = {}): Promise<ClientRun> {
  const p = new PeerProcess(args, { command: options.command, env: options.env })
  const timer = setTimeout(() => p.kill(), CLIENT_TIMEOUT_MS)
  if (options.killWhen != null) {
    void p.waitFor(options.killWhen, CLIENT_TIMEOUT_MS, 'kill point').then(() => p.kill(), () => {})
  }
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
