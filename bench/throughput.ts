/**
 * Throughput on loopback: how close a swarm fetch gets to what one plain libp2p
 * stream carries over the same connection.
 *
 *   node --import tsx bench/throughput.ts [--size 1GiB] [--chunk-size 1MiB | --chunk-sizes 256KiB,1MiB,4MiB]
 *                                         [--order pump,fetch,pump,pump-disk,pump-store] [--cpu-prof DIR]
 *                                         [--peer-node-args="--max-semi-space-size=64"]
 *                                         [--direct-io | --fetcher-direct-io] [--json]
 *
 * Two processes (bench/throughput-peer.ts), a seed and a fetcher, each a
 * ShoalServer with its own temp data dir on 127.0.0.1. The fetcher dials the
 * seed once; every phase then runs over that one Noise + yamux connection:
 * `pump` pulls --size raw bytes from the bench pump protocol (the ceiling),
 * `fetch` downloads a --size random file with swarm.fetch, `pump-disk` is `pump`
 * with the bytes written to a file on the fetcher's disk (the ceiling for any
 * receiver that stores what it gets on this machine), `pump-store` streams the
 * seed's file in order and stores it chunk by chunk through the fetcher's store
 * (bench/lib/pump-store.ts: storing with no chunk protocol). --order runs
 * once per chunk size; each fetch and pump-store gets a file of its own (same
 * bytes, another name). Prints a table; with --json the last stdout line is
 * one JSON object. The record is also written to
 * bench/results/throughput-<timestamp>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE, MIN_CHUNK_SIZE } from '../src/manifest/constants.js'
import { installTeardownHandlers, onTeardown } from './lib/cleanup.js'
import { CpuSampler } from './lib/cpu.js'
import { createRandomFile } from './lib/files.js'
import { PeerRpc } from './lib/peer-rpc.js'
import {
  formatThroughput, mibps, PHASE_KINDS, summarize, TARGET_RATIO, TARGET_RSS_MIB,
  type DirectIo, type PeerUsage, type PhaseKind, type PhaseResult, type ProcessPhase, type ThroughputResult
} from './lib/throughput-report.js'
import { formatBytes, parseSize } from './lib/units.js'

const USAGE = 'usage: node --import tsx bench/throughput.ts [--size 1GiB] [--chunk-size 1MiB | --chunk-sizes 256KiB,1MiB,4MiB] [--order pump,fetch,pump,pump-disk,pump-store] [--cpu-prof DIR] [--peer-node-args="--flag ..."] [--direct-io | --fetcher-direct-io] [--json]'

/** Node 20 fails every libp2p connection (Promise.withResolvers); run with node_modules/.bin first on PATH. */
const MIN_NODE_MAJOR = 22
/** Quick commands (init, connect, marks, deletes). */
const COMMAND_TIMEOUT_MS = 60_000
/** A phase that runs slower than this is called failed rather than waited on for ever. */
const SLOWEST_MIBPS = 5
const PHASE_SLACK_MS = 60_000
/** Pause between phases so one phase's leftovers (GC, disk writeback) land less in the next. */
const SETTLE_MS = 1_000
const MIB = 1024 * 1024
const PEER_SCRIPT = fileURLToPath(new URL('./throughput-peer.ts', import.meta.url))
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url))

function fail (message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`)
  process.exit(2)
}

interface Options { size: number, chunkSizes: number[], order: PhaseKind[], json: boolean, cpuProf?: string, peerNodeArgs: string[], directIo: DirectIo }

function parse (): Options {
  let values
  try {
    values = parseArgs({
      options: {
        size: { type: 'string', default: '1GiB' },
        'chunk-size': { type: 'string' },
        'chunk-sizes': { type: 'string' },
        order: { type: 'string', default: 'pump,fetch,pump' },
        'cpu-prof': { type: 'string' },
        'peer-node-args': { type: 'string', default: '' },
        'direct-io': { type: 'boolean', default: false },
        'fetcher-direct-io': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      }
    }).values
  } catch (err: any) {
    fail(err.message)
  }
  if (values.help) { process.stdout.write(USAGE + '\n'); process.exit(0) }
  try {
    const size = parseSize(values.size)
    const list = values['chunk-sizes'] ?? values['chunk-size']
    const chunkSizes = list == null ? [DEFAULT_CHUNK_SIZE] : list.split(',').map((s) => parseSize(s))
    for (const c of chunkSizes) {
      if (c < MIN_CHUNK_SIZE || c > MAX_CHUNK_SIZE) fail(`chunk size ${c} is outside ${MIN_CHUNK_SIZE}..${MAX_CHUNK_SIZE}`)
    }
    const order = values.order.split(',').map((s) => s.trim())
    if (order.length === 0 || order.some((k) => !PHASE_KINDS.includes(k as PhaseKind))) fail(`--order lists ${PHASE_KINDS.join(', ')}, e.g. pump,fetch,pump`)
    const peerNodeArgs = values['peer-node-args'].split(/\s+/).filter((a) => a !== '')
    if (values['direct-io'] && values['fetcher-direct-io']) fail('--direct-io puts both peers on direct I/O; --fetcher-direct-io only the fetcher: give one')
    // --fetcher-direct-io: the seed serves from the page cache (its file was just imported), the fetcher writes past it.
    const directIo: DirectIo = { seed: values['direct-io'], fetcher: values['direct-io'] || values['fetcher-direct-io'] }
    return { size, chunkSizes, order: order as PhaseKind[], json: values.json, cpuProf: values['cpu-prof'], peerNodeArgs, directIo }
  } catch (err: any) {
    fail(err.message)
  }
}

function phaseOf (before: PeerUsage, after: PeerUsage, wallS: number): ProcessPhase {
  const userS = after.userCpuS - before.userCpuS
  const sysS = after.systemCpuS - before.systemCpuS
  const cpuS = userS + sysS
  return {
    cpuS, userS, sysS, cores: wallS > 0 ? cpuS / wallS : 0, peakRssMiB: after.peakRssMiB,
    majorGcs: after.majorGcs - before.majorGcs, majorGcMs: after.majorGcMs - before.majorGcMs,
    minorFaults: after.minorFaults - before.minorFaults
  }
}

function storesAFile (kind: PhaseKind): boolean {
  return kind === 'fetch' || kind === 'pump-store'
}

async function sleep (ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms))
}

async function main (): Promise<void> {
  const opts = parse()
  if (Number(process.versions.node.split('.')[0]) < MIN_NODE_MAJOR) {
    process.stderr.write(`Node ${MIN_NODE_MAJOR}+ needed (this is ${process.version}); put node_modules/.bin first on PATH\n`)
    process.exit(1)
  }
  const say = (text: string): void => { process.stderr.write(text + '\n') }
  installTeardownHandlers()
  const dir = mkdtempSync(join(tmpdir(), 'shoal-throughput-'))
  onTeardown('remove temp dir', () => { rmSync(dir, { recursive: true, force: true }) })
  const phaseTimeoutMs = Math.ceil(opts.size / MIB / SLOWEST_MIBPS) * 1000 + PHASE_SLACK_MS
  const startedAt = new Date()

  say(`generating ${formatBytes(opts.size)} of random data in ${dir}`)
  const filePath = join(dir, 'file.bin')
  createRandomFile(filePath, opts.size)

  const profArgs = (name: string): string[] => [...opts.peerNodeArgs, ...(opts.cpuProf == null
    ? []
    // One folder per process, Node's default file names: they carry the thread id, so the hash worker's profile does not overwrite the main thread's.
    : ['--cpu-prof', `--cpu-prof-dir=${join(opts.cpuProf, `${name}-${process.pid}`)}`])]
  const seed = new PeerRpc('seed', PEER_SCRIPT, profArgs('seed'))
  const fetcher = new PeerRpc('fetcher', PEER_SCRIPT, profArgs('fetcher'))
  let final: { seed?: Record<string, number>, fetcher?: Record<string, number> } = {}
  try {
    const { directIo } = opts
    const seedInfo = await seed.call('init', { dataDir: join(dir, 'seed'), directIo: directIo.seed }, COMMAND_TIMEOUT_MS)
    await fetcher.call('init', { dataDir: join(dir, 'fetcher'), directIo: directIo.fetcher }, COMMAND_TIMEOUT_MS)
    const seedAddr: string = seedInfo.addrs[0]
    const { connectionId } = await fetcher.call('connect', { addr: seedAddr }, COMMAND_TIMEOUT_MS)
    say(`fetcher (pid ${fetcher.pid}) connected to seed (pid ${seed.pid}) at ${seedAddr}, connection ${connectionId}`)
    const onlyConnection = async (): Promise<boolean> => {
      const ids: string[] = await fetcher.call('connections', { peerId: seedInfo.peerId }, COMMAND_TIMEOUT_MS)
      return ids.length === 1 && ids[0] === connectionId
    }

    const phases: PhaseResult[] = []
    for (const chunkSize of opts.chunkSizes) {
      // Each fetch and pump-store stores a file of its own.
      const files = opts.order.filter(storesAFile).length
      const names = Array.from({ length: files }, (_, i) => `throughput-${chunkSize}-${i}.bin`)
      say(`seed: importing ${formatBytes(opts.size)} in ${formatBytes(chunkSize)} chunks as ${files} file(s)`)
      const imported = await seed.call('import', { path: filePath, chunkSize, names }, phaseTimeoutMs * Math.max(1, files))
      const fileIds: string[] = imported.files.map((f: { fileId: string }) => f.fileId)
      let nextFile = 0
      for (const kind of opts.order) {
        await sleep(SETTLE_MS)
        const [s0, f0] = await Promise.all([seed.call<PeerUsage>('mark', {}, COMMAND_TIMEOUT_MS), fetcher.call<PeerUsage>('mark', {}, COMMAND_TIMEOUT_MS)])
        const machine = new CpuSampler()
        machine.start()
        const wallStart = performance.now()
        const fileId = fileIds[nextFile]
        const run = kind === 'fetch'
          ? await fetcher.call('fetch', { fileId, addr: seedAddr }, phaseTimeoutMs)
          : kind === 'pump-store'
            ? await fetcher.call('pumpStore', { peerId: seedInfo.peerId, fileId }, phaseTimeoutMs)
            : await fetcher.call('pump', { peerId: seedInfo.peerId, bytes: opts.size, disk: kind === 'pump-disk' }, phaseTimeoutMs)
        const wallS = (performance.now() - wallStart) / 1000
        const busy = machine.stop()
        const [s1, f1] = await Promise.all([seed.call<PeerUsage>('mark', {}, COMMAND_TIMEOUT_MS), fetcher.call<PeerUsage>('mark', {}, COMMAND_TIMEOUT_MS)])
        const phase: PhaseResult = {
          kind,
          chunkSize,
          bytes: run.bytes,
          seconds: run.seconds,
          mibps: mibps(run.bytes, run.seconds),
          seed: phaseOf(s0, s1, wallS),
          fetcher: phaseOf(f0, f1, wallS),
          sameConnection: await onlyConnection(),
          otherCores: 0
        }
        // Whatever else kept the machine busy (other programs, kernel writeback): a noisy phase shows here.
        phase.otherCores = Math.max(0, busy.busyCoreSeconds - phase.seed.cpuS - phase.fetcher.cpuS) / wallS
        if (kind === 'fetch') {
          // Outside the phase's CPU marks: what server.fetch and a replication task add after the swarm's fetch.
          const check = await fetcher.call('verify', { fileId }, phaseTimeoutMs)
          phase.checkSeconds = check.seconds
          phase.checkedMibps = mibps(run.bytes, run.seconds + check.seconds)
        }
        if (storesAFile(kind)) {
          // Free the disk for the next phase; this file id is not stored again.
          await fetcher.call('delete', { fileIds: [fileId] }, COMMAND_TIMEOUT_MS)
          nextFile++
        }
        phases.push(phase)
        say(`${kind} ${formatBytes(chunkSize)}: ${phase.mibps.toFixed(1)} MiB/s in ${phase.seconds.toFixed(2)} s` +
          (phase.checkedMibps != null ? ` (${phase.checkedMibps.toFixed(1)} MiB/s with the whole-file SHA-256 read back)` : ''))
      }
      await seed.call('delete', { fileIds }, COMMAND_TIMEOUT_MS)
    }
    final = { seed: await seed.stop(COMMAND_TIMEOUT_MS), fetcher: await fetcher.stop(COMMAND_TIMEOUT_MS) }
    const totals = (u?: Record<string, number>): { maxRssMiB: number, cpuS: number } =>
      ({ maxRssMiB: u?.maxRssMiB ?? 0, cpuS: (u?.userCpuS ?? 0) + (u?.systemCpuS ?? 0) })
    const result: ThroughputResult = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.versions.node, platform: `${process.platform} ${process.arch}` },
      size: opts.size,
      peerNodeArgs: opts.peerNodeArgs,
      directIo: opts.directIo,
      order: opts.order,
      phases,
      summary: summarize(phases),
      processes: { seed: totals(final.seed), fetcher: totals(final.fetcher) },
      targets: { ratio: TARGET_RATIO, rssMiB: TARGET_RSS_MIB },
      sameConnection: phases.every((p) => p.sameConnection)
    }
    mkdirSync(RESULTS_DIR, { recursive: true })
    const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')
    const out = join(RESULTS_DIR, `throughput-${stamp}.json`)
    writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
    process.stdout.write(formatThroughput(result) + '\n')
    say(`wrote ${out}`)
    if (opts.json) process.stdout.write(JSON.stringify(result) + '\n')
  } finally {
    await Promise.all([seed.stop(COMMAND_TIMEOUT_MS), fetcher.stop(COMMAND_TIMEOUT_MS)])
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  process.stderr.write(`throughput: ${err?.stack ?? err}\n`)
  process.exitCode = 1
})
