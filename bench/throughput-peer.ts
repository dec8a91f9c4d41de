/**
 * One side of bench/throughput.ts: a ShoalServer (library API, its own data
 * dir, 127.0.0.1 only) plus the bench pump protocol, driven by the parent over
 * the Node IPC channel. The parent spawns this twice (seed and fetcher), so each
 * side has its own event loop, heap and CPU accounting, like two real hosts.
 *
 * Requests are `{ id, cmd, args }`; every reply is `{ id, ok, result | error }`.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { constants as perfConstants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { fileInfo, manifestFromFile, type FileInfo } from '../src/manifest/index.js'
import { ShoalServer } from '../src/server/server.js'
import { importFile, verifyWholeFile } from '../src/store/index.js'
import { serveAll } from '../src/swarm/index.js'
import { handlePump, pullPump } from './lib/pump.js'
import { handlePumpStore, pullPumpStore } from './lib/pump-store.js'
import type { PeerUsage } from './lib/throughput-report.js'

/** Loopback only: the benchmark must never touch a real interface. */
const LISTEN = '/ip4/127.0.0.1/tcp/0'

/** How often RSS is sampled for a phase's peak (maxRSS only gives the process-lifetime peak). */
const RSS_SAMPLE_MS = 50

/** Longest one command may run; the parent has its own, longer-reaching limit per phase. */
const COMMAND_TIMEOUT_MS = 30 * 60_000

const MIB = 1024 * 1024

interface Request { id: number, cmd: string, args: any }

let server: ShoalServer | undefined
let dataDir = ''
let peakRss = process.memoryUsage.rss()
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()) }, RSS_SAMPLE_MS)
sampler.unref()

/**
 * Full (mark-compact) GCs and their pause time: for the same work a process
 * either runs few or hundreds of them, and its CPU per GiB differs about 2x
 * (bench/README.md), so each phase records them.
 */
let majorGcs = 0
let majorGcMs = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== perfConstants.NODE_PERFORMANCE_GC_MAJOR) continue
    majorGcs++
    majorGcMs += entry.duration
  }
}).observe({ entryTypes: ['gc'] })

/** CPU and memory so far; `peakRssMiB` is the sampled peak since the last mark. */
function usage (): PeerUsage {
  const ru = process.resourceUsage()
  const rss = process.memoryUsage.rss()
  peakRss = Math.max(peakRss, rss)
  return {
    userCpuS: ru.userCPUTime / 1e6,
    systemCpuS: ru.systemCPUTime / 1e6,
    // resourceUsage().maxRSS is in KiB.
    maxRssMiB: ru.maxRSS / 1024,
    rssMiB: rss / MIB,
    peakRssMiB: peakRss / MIB,
    majorGcs,
    majorGcMs,
    minorFaults: ru.minorPageFault
  }
}

function need (): ShoalServer {
  if (server == null) throw new Error('init first')
  return server
}

const commands: Record<string, (args: any, signal: AbortSignal) => Promise<unknown>> = {
  async init (args: { dataDir: string, directIo: boolean }) {
    dataDir = args.dataDir
    // serve-all: the same fetcher asks this seed for every chunk of several files;
    // prefer-others (super-seeding) would turn down a second request for a chunk.
    server = await ShoalServer.create({ dataDir, listen: [LISTEN], servePolicy: serveAll, store: { directIo: args.directIo } })
    await handlePump(server.node)
    await handlePumpStore(server.node, server.store)
    return { peerId: server.peerId, addrs: server.multiaddrs().map((a) => a.toString()) }
  },

  /**
   * Hashes the file once, then imports it under each name: every name gives a
   * different manifest and file id, so each fetch in a run starts from nothing
   * (a fetcher cannot re-fetch a file id it deleted: the swarm keeps its state).
   */
  async import ({ path, chunkSize, names }: { path: string, chunkSize: number, names: string[] }, signal) {
    const started = performance.now()
    const hashed = await manifestFromFile(path, { chunkSize, signal })
    const files: Array<{ fileId: string, chunks: number }> = []
    for (const name of names) {
      const info: FileInfo = name === hashed.manifest.name ? hashed : fileInfo({ ...hashed.manifest, name })
      const stored = await importFile(need().store, path, info, { signal })
      if (!stored.complete) throw new Error(`import of ${name} is incomplete`)
      files.push({ fileId: info.key, chunks: stored.bitfield.length })
    }
    return { files, seconds: (performance.now() - started) / 1000 }
  },

  async connect ({ addr }: { addr: string }, signal) {
    const connection = await need().node.dial(multiaddr(addr), { signal })
    return { connectionId: connection.id }
  },

  /** Ids of the open connections to a peer, to show every phase ran over the same one. */
  async connections ({ peerId }: { peerId: string }) {
    return need().node.getConnections(peerIdFromString(peerId)).map((c) => c.id)
  },

  /** With `disk`, the pumped bytes are written to a file in the data dir (removed afterwards). */
  async pump ({ peerId, bytes, disk }: { peerId: string, bytes: number, disk?: boolean }, signal) {
    const sink = disk === true ? join(dataDir, 'pump-sink.bin') : undefined
    try {
      return await pullPump(need().node, peerIdFromString(peerId), bytes, signal, sink)
    } finally {
      if (sink != null) await rm(sink, { force: true })
    }
  },

  /** The seed's file streamed in order and stored chunk by chunk (bench/lib/pump-store.ts): storing with no chunk protocol. */
  async pumpStore ({ peerId, fileId }: { peerId: string, fileId: string }, signal) {
    const { node, store } = need()
    return pullPumpStore(node, store, peerIdFromString(peerId), fileId, signal)
  },

  /** swarm.fetch: every chunk verified against the manifest and durable. */
  async fetch ({ fileId, addr }: { fileId: string, addr: string }, signal) {
    const started = performance.now()
    const result = await need().swarm.fetch(fileId, { peers: [addr], signal })
    return {
      seconds: (performance.now() - started) / 1000,
      bytes: result.info.manifest.size,
      fetchedChunks: result.fetchedChunks,
      chunkSize: result.info.manifest.chunkSize
    }
  },

  /** The whole file read back and checked against the manifest's SHA-256 (what server.fetch adds). */
  async verify ({ fileId }: { fileId: string }, signal) {
    const started = performance.now()
    const stored = await need().store.get(fileId, { signal })
    if (stored == null) throw new Error(`${fileId} is not stored`)
    await verifyWholeFile(stored, { signal })
    return { seconds: (performance.now() - started) / 1000 }
  },

  async delete ({ fileIds }: { fileIds: string[] }) {
    for (const fileId of fileIds) await need().store.delete(fileId)
    return { deleted: fileIds.length }
  },

  /** Usage now, and a fresh start for the sampled peak. */
  async mark () {
    const now = usage()
    peakRss = process.memoryUsage.rss()
    return now
  },

  async usage () {
    return usage()
  },

  async stop () {
    await server?.stop()
    server = undefined
    return usage()
  }
}

async function run (req: Request): Promise<void> {
  const command = commands[req.cmd]
  try {
    if (command == null) throw new Error(`unknown command ${req.cmd}`)
    const result = await command(req.args ?? {}, AbortSignal.timeout(COMMAND_TIMEOUT_MS))
    // After 'stop', leave once the reply is flushed; --cpu-prof writes its profile on that exit.
    process.send?.({ id: req.id, ok: true, result }, undefined, {}, () => { if (req.cmd === 'stop') process.disconnect() })
  } catch (err: any) {
    process.send?.({ id: req.id, ok: false, error: String(err?.stack ?? err) })
  }
}

if (process.send == null) {
  process.stderr.write('bench/throughput-peer.ts is started by bench/throughput.ts (it needs an IPC channel)\n')
  process.exit(2)
}
process.on('message', (req: Request) => { void run(req) })
// The parent went away (finished or killed): stop rather than linger.
process.on('disconnect', () => {
  clearInterval(sampler)
  void (server?.stop() ?? Promise.resolve()).catch(() => {}).finally(() => process.exit(0))
})
