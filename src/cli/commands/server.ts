import { InvalidArgumentError } from '../../errors.js'
import { createServer } from '../../server/server.js'
import { PIECE_PICKERS, SERVE_POLICIES } from '../../swarm/index.js'
import type { TaskServiceOptions } from '../../server/task-service.js'
import { normalizeCidr } from '../../util/net.js'
import { formatBytes, parseSize } from '../../util/units.js'
import { reportIngestEvents, reportLocalityEvents, reportTaskEvents } from '../task-events.js'
import { wholeNumber } from './tracker.js'
import { parse, parseFileIdArg, parseMultiaddr, required } from '../args.js'
import { hex, Output } from '../output.js'
import { USAGE } from '../usage.js'
import { LOCALITY_OPTIONS, localityFromArgs } from '../locality-options.js'
import { LIMIT_OPTIONS, limitsFromArgs } from '../limit-options.js'

/** How often a server reports what it has sent. */
const STATS_INTERVAL_MS = 1_000

export async function runServer (args: string[]): Promise<number> {
  const { values } = parse(args, {
    data: { type: 'string' },
    listen: { type: 'string', multiple: true },
    announce: { type: 'string', multiple: true },
    peer: { type: 'string', multiple: true },
    fetch: { type: 'string', multiple: true },
    'exit-when-done': { type: 'boolean', default: false },
    'serve-policy': { type: 'string' },
    picker: { type: 'string' },
    tracker: { type: 'string' },
    network: { type: 'string' },
    subnet: { type: 'string' },
    'lan-addr': { type: 'string', multiple: true },
    capacity: { type: 'string' },
    ingest: { type: 'boolean', default: false },
    'direct-io': { type: 'boolean', default: false },
    'http-port': { type: 'string' },
    'http-host': { type: 'string' },
    private: { type: 'boolean', default: false },
    allow: { type: 'string' },
    ...LOCALITY_OPTIONS,
    ...LIMIT_OPTIONS
  })
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const dataDir = required(values.data, 'data')
  const { locality, listen } = localityFromArgs(values, (values.listen ?? []).map((a) => parseMultiaddr(a, '--listen').toString()))
  const announce = (values.announce ?? []).map((a) => parseMultiaddr(a, '--announce').toString())
  const peers = (values.peer ?? []).map((a) => parseMultiaddr(a, '--peer'))
  for (const p of peers) {
    if (p.getComponents().find((c) => c.name === 'p2p') == null) throw new InvalidArgumentError(`--peer ${p.toString()} needs /p2p/<peer id> at the end`)
  }
  const fetches = (values.fetch ?? []).map((id) => parseFileIdArg(id, '--fetch'))
  const servePolicy = pick(SERVE_POLICIES, values['serve-policy'], '--serve-policy')
  const picker = pick(PIECE_PICKERS, values.picker, '--picker')

  const tracker = trackerOptions(values)

  if (values.ingest && tracker == null) throw new InvalidArgumentError('--ingest needs --tracker (uploads are committed to it)')
  if (values['http-host'] != null && values['http-port'] == null) throw new InvalidArgumentError('--http-host needs --http-port')
  const http = values['http-port'] == null ? undefined : { port: wholeNumber(values['http-port'], '--http-port', 0, 65535), host: values['http-host'] }

  if (values.allow != null && !values.private) throw new InvalidArgumentError('--allow needs --private (it lists who may connect to a private server)')
  const access = values.private ? { private: true, allowFile: values.allow } : undefined
  const limits = limitsFromArgs(values)
  const refused = refusedReporter(out)
  const server = await createServer({ dataDir, listen: listen.length > 0 ? listen : undefined, announce: announce.length > 0 ? announce : undefined, servePolicy, picker, tracker, ingest: values.ingest, http, store: { directIo: values['direct-io'] }, locality, access, limits, onRefused: refused })
  if (server.tasks != null) reportTaskEvents(server.tasks, out)
  if (server.ingest != null) reportIngestEvents(server.ingest, out)
  if (server.locality != null) reportLocalityEvents(server.locality, out)
  await server.start()
  const addrs = server.multiaddrs().map((a) => a.toString())
  out.event('listening', { peerId: server.peerId, addrs, ...(tracker != null ? { tracker: tracker.tracker.toString() } : {}), ...(server.http != null ? { http: server.http.url } : {}), ...(server.ingest != null ? { ingest: true } : {}) }, addrs.join('\n'))

  let lastSent = -1
  let lastSessions = -1
  const reportStats = (): void => {
    const stats = server.swarm.stats()
    if (stats.bytesSent === lastSent && stats.servedSessions === lastSessions) return
    lastSent = stats.bytesSent
    lastSessions = stats.servedSessions
    out.event('stats', { bytesSent: stats.bytesSent, bytesSentByFile: stats.bytesSentByFile, blamed: stats.blamed, servedSessions: stats.servedSessions })
  }
  const statsTimer = setInterval(reportStats, STATS_INTERVAL_MS)
  const stopping = new AbortController()
  const stop = async (): Promise<void> => {
    if (stopping.signal.aborted) return
    stopping.abort()
    clearInterval(statsTimer)
    await server.stop()
    lastSent = -1
    reportStats()
  }
  const onSignal = (): void => { void stop().finally(() => process.exit(0)) }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const results = await Promise.allSettled(fetches.map(async (id) => {
    let lastHolders = ''
    const result = await server.fetch(id, {
      peers,
      signal: stopping.signal,
      onHolders: (holders) => {
        const list = holders.map((h) => ({ peerId: h.peer.toString(), source: h.source, complete: h.complete, chunks: h.chunks }))
        if (JSON.stringify(list) === lastHolders) return
        lastHolders = JSON.stringify(list)
        out.event('holders', { fileId: id.toString(), peers: list }, `${id.toString()}: ${list.length} holder(s) found (${[...new Set(list.map((h) => h.source))].join(', ') || 'none'})`)
      },
      onProgress: (p) => {
        server.tasks?.holdingChanged(p.fileKey)
        out.event('progress', { fileId: p.fileKey, chunks: p.chunks, totalChunks: p.totalChunks, bytes: p.bytes, totalBytes: p.totalBytes }, `${p.fileKey} ${p.chunks}/${p.totalChunks} chunks (${formatBytes(p.bytes)})`)
      }
    })
    out.event('complete', {
      fileId: result.fileKey,
      sha256: hex(result.sha256),
      seconds: result.seconds,
      resumedChunks: result.resumedChunks,
      fetchedChunks: result.fetchedChunks,
      requestedChunks: result.requestedChunks,
      bytesFrom: result.bytesFrom,
      banned: result.banned
    }, `${result.fileKey} complete in ${result.seconds.toFixed(1)} s, sha256 ${hex(result.sha256)}`)
  }))
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
  for (const f of failed) {
    if (!stopping.signal.aborted) out.event('error', { error: f.reason?.name, message: f.reason?.message }, `fetch failed: ${f.reason?.message}`)
  }
  if (values['exit-when-done'] || failed.length > 0) {
    reportStats()
    await stop()
    return failed.length > 0 ? 1 : 0
  }
  // Keep serving until stopped by a signal.
  await new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }))
  return 0
}

/** A refused peer or IP is reported once per this interval at most: a flood of refusals must not flood the output. */
const REFUSED_REPORT_MS = 10_000
/** Refusals remembered for that de-duplication. */
const REFUSED_REMEMBERED = 1_024

/** Reports connections the gater refused as `refused` events (JSON only: stdout's human lines are the addresses). */
function refusedReporter (out: Output): (reason: string, who: string) => void {
  const last = new Map<string, number>()
  return (reason, who) => {
    const key = `${reason} ${who}`
    const now = Date.now()
    if (now - (last.get(key) ?? -Infinity) < REFUSED_REPORT_MS) return
    last.delete(key)
    last.set(key, now)
    if (last.size > REFUSED_REMEMBERED) last.delete(last.keys().next().value!)
    out.event('refused', { reason, who })
  }
}

/** The task-server options, when --tracker is given. */
function trackerOptions (values: { tracker?: string, network?: string, subnet?: string, 'lan-addr'?: string[], capacity?: string }): TaskServiceOptions | undefined {
  if (values.tracker == null) {
    if (values.network != null || values.subnet != null || values['lan-addr'] != null || values.capacity != null) {
      throw new InvalidArgumentError('--network, --subnet, --lan-addr and --capacity need --tracker')
    }
    return undefined
  }
  const addr = parseMultiaddr(values.tracker, '--tracker')
  if (addr.getComponents().find((c) => c.name === 'p2p') == null) throw new InvalidArgumentError('--tracker needs /p2p/<tracker peer id> at the end')
  return {
    tracker: addr,
    network: values.network,
    subnet: values.subnet == null ? undefined : normalizeCidr(values.subnet),
    lanAddrs: (values['lan-addr'] ?? []).map((a) => parseMultiaddr(a, '--lan-addr').toString()),
    capacityBytes: values.capacity == null ? undefined : parseSize(values.capacity)
  }
}

function pick<T> (table: Record<string, T>, name: string | undefined, option: string): T | undefined {
  if (name == null) return undefined
  const found = table[name]
  if (found == null) throw new InvalidArgumentError(`${option} must be one of ${Object.keys(table).join(', ')}`)
  return found
}
