/**
 * Local swarm simulation: one seed server holding a generated file and N
 * servers on 127.0.0.1 that swarm it, each a real `node dist/peer.js server`
 * process. Prints progress and a summary; with --json the last stdout line is
 * one JSON object (servers, fileBytes, seconds, originBytesSent, verified, ...).
 *
 * With --tracker the origin is a tracker process instead, the servers register
 * with it, and one replicate task to all of them moves the file; the summary
 * adds trackerBytesSent and taskState.
 *
 *   npm run example:swarm -- --servers 8 --size 64MiB [--tracker] [--json] [--keep]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { parseSize, formatBytes } from '../src/util/units.js'
import { PeerProcess, runPeerCommand } from './lib/peer-process.js'
import { writeRandomFile } from './lib/random-file.js'
import { runTrackerSwarm } from './lib/tracker-swarm.js'

/** Longest a run may take before it is called failed. */
const RUN_TIMEOUT_MS = 10 * 60_000
/** How often progress is printed for a person. */
const PRINT_INTERVAL_MS = 1_000

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '4' },
    size: { type: 'string', default: '64MiB' },
    'chunk-size': { type: 'string' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    tracker: { type: 'boolean', default: false }
  }
})
const servers = Number(values.servers)
if (!Number.isInteger(servers) || servers < 1 || servers > 64) {
  process.stderr.write('--servers must be a whole number from 1 to 64\n')
  process.exit(2)
}
const size = parseSize(values.size)
const say = (text: string): void => { if (!values.json) process.stdout.write(text + '\n') }

const dir = await mkdtemp(join(tmpdir(), 'shoal-swarm-'))
const procs: PeerProcess[] = []
const cleanup = async (): Promise<void> => {
  await Promise.all(procs.map(async (p) => p.stop()))
  if (!values.keep) await rm(dir, { recursive: true, force: true })
}
process.once('SIGINT', () => { void cleanup().finally(() => process.exit(130)) })

try {
  say(`generating ${formatBytes(size)} in ${dir}`)
  const sha256 = await writeRandomFile(join(dir, 'file.bin'), size)
  // Through a tracker, the file goes into the tracker's store; otherwise into a seed server's.
  const origin = values.tracker ? 'tracker' : 'seed'
  const added = await runPeerCommand(['add', join(dir, 'file.bin'), '--data', join(dir, origin),
    ...(values['chunk-size'] != null ? ['--chunk-size', values['chunk-size']] : [])])
  const fileId: string = added.fileId
  say(`file ${fileId} (${added.chunks} chunks)`)

  let printer: ReturnType<typeof setInterval> | undefined
  const printProgress = (receivers: PeerProcess[], started: number): void => {
    printer = setInterval(() => {
      const pct = receivers.map((r) => {
        const p = r.last('complete') != null || r.last('task-done') != null ? 1 : (r.last('progress')?.bytes ?? 0) / size
        return `${Math.floor(p * 100)}%`.padStart(4)
      })
      say(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${pct.join(' ')}`)
    }, PRINT_INTERVAL_MS)
  }

  let summary: Record<string, unknown>
  let verified: number
  if (values.tracker) {
    const r = await runTrackerSwarm({ dir, fileId, fileBytes: size, sha256, servers, timeoutMs: RUN_TIMEOUT_MS, procs, say, onStarted: printProgress })
    clearInterval(printer)
    verified = r.verified
    summary = {
      servers,
      fileBytes: size,
      chunks: added.chunks,
      seconds: r.seconds,
      originBytesSent: r.trackerBytesSent,
      originCopies: r.trackerBytesSent / size,
      trackerBytesSent: r.trackerBytesSent,
      taskState: r.taskState,
      verified,
      perServerSeconds: r.perServerSeconds,
      sha256
    }
    await Promise.all(procs.map(async (p) => p.stop()))
    say(`done: task ${r.taskState}, ${verified}/${servers} verified in ${r.seconds.toFixed(1)} s; the tracker sent ${formatBytes(r.trackerBytesSent)} (${(r.trackerBytesSent / size).toFixed(2)} copies)`)
  } else {
    const seed = new PeerProcess(['server', '--data', join(dir, 'seed'), '--listen', '/ip4/127.0.0.1/tcp/0'])
    procs.push(seed)
    const seedAddr = (await seed.listening()).addrs[0]

    const started = Date.now()
    const receivers = Array.from({ length: servers }, (_, i) => new PeerProcess([
      'server', '--data', join(dir, `server-${i}`), '--listen', '/ip4/127.0.0.1/tcp/0', '--peer', seedAddr, '--fetch', fileId
    ]))
    procs.push(...receivers)
    printProgress(receivers, started)
    const completes = await Promise.all(receivers.map(async (r) => r.waitFor((e) => e.event === 'complete' || e.event === 'error', RUN_TIMEOUT_MS, 'complete')))
    const seconds = (Date.now() - started) / 1000
    clearInterval(printer)

    await Promise.all(procs.map(async (p) => p.stop()))
    const originBytesSent: number = seed.last('stats')?.bytesSent ?? 0
    verified = completes.filter((c) => c.event === 'complete' && c.sha256 === sha256).length
    summary = {
      servers,
      fileBytes: size,
      chunks: added.chunks,
      seconds,
      originBytesSent,
      originCopies: originBytesSent / size,
      verified,
      perServerSeconds: completes.map((c) => c.seconds ?? null),
      sha256
    }
    say(`done: ${verified}/${servers} verified in ${seconds.toFixed(1)} s; the seed sent ${formatBytes(originBytesSent)} (${(originBytesSent / size).toFixed(2)} copies)`)
  }
  if (values.json) process.stdout.write(JSON.stringify(summary) + '\n')
  process.exitCode = verified === servers ? 0 : 1
} finally {
  await cleanup()
}
