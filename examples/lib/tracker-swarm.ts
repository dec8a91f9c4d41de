import { join } from 'node:path'
import { PeerProcess, runPeerCommand } from './peer-process.js'

/** How often the tracker's HTTP API is polled. */
const POLL_MS = 500

/** Longest an HTTP status call may take. */
const HTTP_TIMEOUT_MS = 5_000

export interface TrackerSwarmInit {
  dir: string
  /** The file, already imported into `<dir>/tracker` (the tracker's data directory). */
  fileId: string
  fileBytes: number
  sha256: string
  servers: number
  timeoutMs: number
  procs: PeerProcess[]
  say(text: string): void
  /** Called with the receivers once they run, e.g. to print their progress. */
  onStarted?(receivers: PeerProcess[], started: number): void
}

export interface TrackerSwarmResult {
  seconds: number
  trackerBytesSent: number
  taskState: string
  verified: number
  perServerSeconds: Array<number | null>
}

/**
 * The local swarm through a tracker: a tracker process holding the file, N
 * task servers registered with it, and one replicate task to all of them.
 * The tracker seeds until one server has a full copy; the rest is swarmed.
 */
export async function runTrackerSwarm (init: TrackerSwarmInit): Promise<TrackerSwarmResult> {
  const tracker = new PeerProcess(['tracker', '--data', join(init.dir, 'tracker'), '--listen', '/ip4/127.0.0.1/tcp/0'])
  init.procs.push(tracker)
  const listening = await tracker.waitFor((e) => e.event === 'listening', 20_000, 'tracker listening')
  const trackerAddr: string = listening.addrs[0]
  const http: string = listening.http
  init.say(`tracker ${listening.peerId}, status API ${http}/api/tasks`)

  const receivers = Array.from({ length: init.servers }, (_, i) => new PeerProcess([
    'server', '--data', join(init.dir, `server-${i}`), '--listen', '/ip4/127.0.0.1/tcp/0', '--tracker', trackerAddr
  ]))
  init.procs.push(...receivers)
  await Promise.all(receivers.map(async (r) => r.waitFor((e) => e.event === 'registered', 20_000, 'registered')))
  await poll(`${http}/api/servers`, (list: any[]) => list.filter((s) => s.alive).length >= init.servers, 20_000)

  const started = Date.now()
  const { taskId } = await runPeerCommand(['replicate', init.fileId, '--tracker', trackerAddr, '--to', 'all'])
  init.say(`replicate task ${taskId}`)
  init.onStarted?.(receivers, started)
  const task = await poll(`${http}/api/tasks/${taskId}`, (t: any) => t.state === 'done' || t.state === 'failed', init.timeoutMs)
  const seconds = (Date.now() - started) / 1000
  const files: any[] = await get(`${http}/api/files`)
  const file = files.find((f) => f.fileId === init.fileId)
  return {
    seconds,
    trackerBytesSent: file?.trackerBytesSent ?? 0,
    taskState: task.state,
    verified: task.servers.filter((s: any) => s.result?.ok === true && s.result.sha256 === init.sha256).length,
    perServerSeconds: task.servers.map((s: any) => s.result == null ? null : s.result.durationMs / 1000)
  }
}

async function get (url: string): Promise<any> {
  const res = await fetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) })
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`)
  return res.json()
}

async function poll (url: string, test: (body: any) => boolean, timeoutMs: number): Promise<any> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const body = await get(url).catch(() => undefined)
    if (body !== undefined && test(body)) return body
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  throw new Error(`timed out after ${timeoutMs} ms polling ${url}`)
}
