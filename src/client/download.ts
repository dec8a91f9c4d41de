import type { AbortOptions } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { ChunkHashMismatchError, DownloadFailedError, InvalidArgumentError } from '../errors.js'
import { chunkLength, fileInfoFromBytes, parseFileId, type FileInfo } from '../manifest/index.js'
import { FsChunkStore } from '../store/fs.js'
import type { StoredFile } from '../store/types.js'
import { Swarm, type FetchResult } from '../swarm/index.js'
import { sleep } from '../util/sleep.js'
import { DOWNLOAD_HINTS, DOWNLOAD_STALL_MS, PROGRESS_INTERVAL_MS, RATE_CHECK_MS } from './constants.js'
import { SlowWatch } from './fallback.js'
import { HttpSources } from './http-source.js'
import { diskError, finishPartial, partialDirFor } from './partial.js'
import { RateMeter } from './rate-meter.js'
import { trackerCall } from './tracker-calls.js'
import type { ClientDownloadProgress, ClientDownloadResult } from './types.js'
import type { ClientContext } from './context.js'

export interface DownloadOptions extends AbortOptions {
  /** P2P rate (verified bytes/s) below which, for `slowForMs`, the download asks for a fallback source. */
  minP2pRate?: number
  slowForMs?: number
  /** Ask for fallback sources at all (default true). */
  fallback?: boolean
}

/** What one download tracks while it runs. */
interface Run {
  info: FileInfo
  stored: StoredFile
  path: string
  bytesBySource: Record<string, number>
  httpWriting: Map<number, string>
  p2pBytes: number
  httpBytes: number
  p2pResult?: FetchResult
  p2pError?: Error
  httpError?: Error
  fallbackReason?: string
  httpDone: boolean
}

/**
 * The client's download (DESIGN "Download"): ask the tracker, fetch from
 * every holder at once through the swarm into a chunk store beside the output
 * path, fall back to HTTP sources when no holder can be dialled or P2P stays
 * too slow, verify every chunk (whatever its source) and the whole file, then
 * rename the file into place. Killed and started again, it resumes from the
 * chunks already verified.
 */
export async function downloadFile (ctx: ClientContext, fileIdText: string, path: string, options: DownloadOptions = {}): Promise<ClientDownloadResult> {
  const started = Date.now()
  const signal = options.signal ?? new AbortController().signal
  if (path === '') throw new InvalidArgumentError('an output path is needed')
  const fileId = parseFileId(fileIdText)
  const answer = await trackerCall(ctx.trackerAddr, async () => ctx.tracker.download(fileId, { subnet: ctx.subnet, network: ctx.network, max: DOWNLOAD_HINTS }, { signal }), signal)
  const info = fileInfoFromBytes(answer.manifest, fileId)
  const partialDir = partialDirFor(path)
  const store = new FsChunkStore(partialDir)
  let finished = false
  try {
    const stored = await store.open(info, { signal }).catch((err) => { throw diskError(err, partialDir) })
    const resumedBytes = stored.verifiedBytes
    const run: Run = { info, stored, path, bytesBySource: {}, httpWriting: new Map(), p2pBytes: 0, httpBytes: 0, httpDone: false }
    stored.addEventListener('chunk', ({ detail: { index } }) => { credit(run, index) })
    const peers = answer.peers.flatMap((p) => p.addrs)
    const stop = new AbortController()
    const inner = AbortSignal.any([signal, stop.signal])
    const swarm = new Swarm({ node: ctx.node, store, log: ctx.log })
    const p2p = stored.complete
      ? Promise.resolve()
      : peers.length === 0
        ? Promise.resolve().then(() => { run.p2pError = new DownloadFailedError('the tracker knows no live holder of the file') })
        : swarm.fetch(info, { peers, signal: inner }).then((r) => { run.p2pResult = r }, (err) => { run.p2pError = diskError(err, partialDir) })
    try {
      await watch(ctx, run, answer.peers.map((p) => p.peerId), options, inner)
    } catch (err) {
      stop.abort()
      await p2p
      throw err
    }
    // Complete: the swarm's downloader sees it too (whoever stored the last chunk) and checks the whole file.
    await p2p
    stop.abort()
    if (run.p2pError instanceof ChunkHashMismatchError) throw run.p2pError
    const sha256 = run.p2pResult?.sha256 ?? await stored.digest({ signal })
    if (!Buffer.from(sha256).equals(info.manifest.sha256)) throw new ChunkHashMismatchError(`${info.key}: every chunk verified but the whole file does not match its SHA-256`)
    const dataPath = stored.path
    await store.close()
    if (dataPath == null) throw new DownloadFailedError('the partial store has no data file')
    await finishPartial(dataPath, partialDir, path).catch((err) => { throw diskError(err, path) })
    finished = true
    if (run.p2pResult != null) {
      // The swarm's per-peer counts replace the lump "p2p" total where it has them.
      delete run.bytesBySource.p2p
      Object.assign(run.bytesBySource, run.p2pResult.bytesFrom)
    }
    return {
      fileId: info.key,
      path,
      size: info.manifest.size,
      sha256: Buffer.from(sha256).toString('hex'),
      resumedBytes,
      p2pBytes: run.p2pBytes,
      httpBytes: run.httpBytes,
      bytesBySource: run.bytesBySource,
      fallbackReason: run.fallbackReason,
      seconds: (Date.now() - started) / 1000
    }
  } finally {
    if (!finished) await store.close().catch(() => {})
  }
}

/** Credits a newly stored chunk to the path that wrote it. */
function credit (run: Run, index: number): void {
  const bytes = chunkLength(run.info.manifest, index)
  const url = run.httpWriting.get(index)
  run.httpWriting.delete(index)
  if (url != null) {
    run.httpBytes += bytes
    run.bytesBySource[url] = (run.bytesBySource[url] ?? 0) + bytes
  } else {
    run.p2pBytes += bytes
    run.bytesBySource.p2p = (run.bytesBySource.p2p ?? 0) + bytes
  }
}

/**
 * Until the file is complete: reports progress, and starts the HTTP fallback
 * once P2P failed or stayed too slow. Fails when every path has failed, or
 * when nothing arrives for DOWNLOAD_STALL_MS.
 */
async function watch (ctx: ClientContext, run: Run, hinted: string[], options: DownloadOptions, signal: AbortSignal): Promise<void> {
  const { stored, info } = run
  const slow = new SlowWatch({ minRate: options.minP2pRate, slowForMs: options.slowForMs })
  const meter = new RateMeter()
  let fallback: Promise<void> | undefined
  let lastGain = Date.now()
  let lastBytes = stored.verifiedBytes
  let lastEmit = 0
  while (!stored.complete) {
    const bytes = stored.verifiedBytes
    meter.update(bytes)
    if (bytes > lastBytes) { lastGain = Date.now(); lastBytes = bytes }
    if (Date.now() - lastEmit >= PROGRESS_INTERVAL_MS) {
      lastEmit = Date.now()
      ctx.events.safeDispatchEvent('download-progress', { detail: progressOf(run, meter) })
    }
    if (fallback == null && options.fallback !== false) {
      const reason = run.p2pError != null ? `P2P failed: ${run.p2pError.message}` : slow.check(run.p2pBytes)
      if (reason != null) fallback = startFallback(ctx, run, reason, hinted, signal)
    }
    const p2pOver = run.p2pError != null
    const httpOver = options.fallback === false || (run.httpDone && !stored.complete)
    if (p2pOver && httpOver) {
      throw new DownloadFailedError(`no source could supply ${info.key}: ${run.p2pError?.message ?? ''}${run.httpError != null ? `; fallback: ${run.httpError.message}` : ''}`)
    }
    if (Date.now() - lastGain > DOWNLOAD_STALL_MS) throw new DownloadFailedError(`no chunk of ${info.key} arrived for ${DOWNLOAD_STALL_MS / 1000} s from any source`)
    await waitChunkOr(stored, RATE_CHECK_MS, signal)
  }
  ctx.events.safeDispatchEvent('download-progress', { detail: progressOf(run, meter) })
}

async function startFallback (ctx: ClientContext, run: Run, reason: string, hinted: string[], signal: AbortSignal): Promise<void> {
  run.fallbackReason = reason
  try {
    const unreachable = hinted.filter((id) => ctx.node.getConnections(peerIdFromString(id)).length === 0)
    const res = await trackerCall(ctx.trackerAddr, async () => ctx.tracker.fallback(run.info.id, { reason, unreachable, subnet: ctx.subnet, network: ctx.network }, { signal }), signal)
    const urls = res.http.map((h) => h.url)
    ctx.events.safeDispatchEvent('fallback', { detail: { fileId: run.info.key, reason, sources: urls } })
    if (urls.length === 0) throw new DownloadFailedError('the tracker has no fallback source for this file')
    const http = new HttpSources({ info: run.info, stored: run.stored, urls, log: ctx.log, onWriting: (index, url) => { run.httpWriting.set(index, url) } })
    await http.run(signal)
  } catch (err: any) {
    if (!signal.aborted) run.httpError = err
  } finally {
    run.httpDone = true
  }
}

function progressOf (run: Run, meter: RateMeter): ClientDownloadProgress {
  const total = run.info.manifest.size
  const bytes = run.stored.verifiedBytes
  return {
    fileId: run.info.key,
    path: run.path,
    bytes,
    totalBytes: total,
    rateBps: meter.rate,
    etaSeconds: meter.eta(total - bytes),
    bytesBySource: { ...run.bytesBySource },
    p2pBytes: run.p2pBytes,
    httpBytes: run.httpBytes
  }
}

/** Waits for the next stored chunk or `ms`, whichever is first. */
async function waitChunkOr (stored: StoredFile, ms: number, signal: AbortSignal): Promise<void> {
  const wake = new AbortController()
  const onChunk = (): void => { wake.abort() }
  stored.addEventListener('chunk', onChunk, { once: true })
  try {
    await sleep(ms, AbortSignal.any([signal, wake.signal])).catch(() => { signal.throwIfAborted() })
  } finally {
    stored.removeEventListener('chunk', onChunk)
  }
}
