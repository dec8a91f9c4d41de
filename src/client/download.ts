import type { AbortOptions } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { DownloadFailedError, InvalidArgumentError } from '../errors.js'
import { fileInfoFromBytes, parseFileId } from '../manifest/index.js'
import { FsChunkStore } from '../store/fs.js'
import { verifyWholeFile } from '../store/util.js'
import type { StoredFile } from '../store/types.js'
import { Swarm } from '../swarm/index.js'
import { sleep } from '../util/sleep.js'
import { DOWNLOAD_HINTS, DOWNLOAD_STALL_MS, RATE_CHECK_MS } from './constants.js'
import { creditHttpChunk, creditSource, progressOf, type DownloadRun } from './download-run.js'
import { SlowWatch } from './fallback.js'
import { runFallback } from './fallback-sources.js'
import { P2pRunner } from './p2p-runner.js'
import { progressInterval } from './progress.js'
import { diskError, finishPartial, partialDirFor } from './partial.js'
import { RateMeter } from './rate-meter.js'
import { isRelayedAddr } from '../util/addr.js'
import { reachedByRelay } from './relay-source.js'
import { trackerCall } from './tracker-calls.js'
import type { ClientDownloadResult } from './types.js'
import type { ClientContext } from './context.js'

export interface DownloadOptions extends AbortOptions {
  /** P2P rate (verified bytes/s) below which, for `slowForMs`, the download asks for a fallback source. */
  minP2pRate?: number
  slowForMs?: number
  /** Ask for fallback sources at all (default true). */
  fallback?: boolean
  /** Use relays the fallback offers (default true); HTTP sources go first (fallback-sources.ts). */
  relay?: boolean
  /** `download-progress` events at most this often (default PROGRESS_INTERVAL_MS, 250); 0 = whenever a chunk is stored. */
  progressIntervalMs?: number
}

/**
 * The client's download (DESIGN "Download"): ask the tracker, fetch from
 * every holder at once through the swarm into a chunk store beside the output
 * path, fall back to HTTP sources or relayed connections when no holder can
 * be dialled or P2P stays too slow, verify every chunk (whatever its source)
 * and the whole file, then rename the file into place. Killed and started
 * again, it resumes from the chunks already verified.
 *
 * Relayed addresses in the tracker's hints are left out of the first try:
 * a relay is a fallback (its link carries every byte twice), used only when
 * the tracker offers it in a FALLBACK answer (and lets us through it).
 */
export async function downloadFile (ctx: ClientContext, fileIdText: string, path: string, options: DownloadOptions = {}): Promise<ClientDownloadResult> {
  const started = Date.now()
  const signal = options.signal ?? new AbortController().signal
  if (path === '') throw new InvalidArgumentError('an output path is needed')
  const fileId = parseFileId(fileIdText)
  const progressMs = progressInterval(options.progressIntervalMs)
  const answer = await trackerCall(ctx.trackerAddr, async () => ctx.tracker.download(fileId, { subnet: ctx.subnet, network: ctx.network, max: DOWNLOAD_HINTS }, { signal }), signal)
  const info = fileInfoFromBytes(answer.manifest, fileId)
  const partialDir = partialDirFor(path)
  const store = new FsChunkStore(partialDir)
  let finished = false
  try {
    const stored = await store.open(info, { signal }).catch((err) => { throw diskError(err, partialDir) })
    const resumedBytes = stored.verifiedBytes
    const stop = new AbortController()
    const inner = AbortSignal.any([signal, stop.signal])
    const swarm = new Swarm({ node: ctx.node, store, log: ctx.log })
    const p2p = new P2pRunner({ swarm, info, signal: inner, mapError: (err) => diskError(err, partialDir) })
    const run: DownloadRun = { info, stored, path, p2p, bytesBySource: {}, bytesByKind: { p2p: 0, relay: 0, http: 0 }, httpWriting: new Map(), fallbackDone: false }
    stored.addEventListener('chunk', ({ detail: { index } }) => { creditHttpChunk(run, index) })
    swarm.observe({
      received: (fileKey, peer, bytes) => {
        if (fileKey === info.key) creditSource(run, peer, reachedByRelay(ctx.node, peerIdFromString(peer)) ? 'relay' : 'p2p', bytes)
      }
    })
    const direct = answer.peers.flatMap((p) => p.addrs).filter((a) => !isRelayedAddr(a))
    if (!stored.complete) {
      p2p.start(direct, answer.peers.length === 0 ? 'the tracker knows no live holder of the file' : 'no holder has a direct address (relayed ones are a fallback)')
    }
    try {
      await watch(ctx, run, answer.peers.map((p) => p.peerId), options, progressMs, inner)
    } catch (err) {
      stop.abort()
      await p2p.settled()
      throw err
    }
    // Complete: the swarm's downloader sees it too (whoever stored the last chunk); the whole file is checked here, once.
    await p2p.settled()
    stop.abort()
    const sha256 = await verifyWholeFile(stored, { signal })
    const dataPath = stored.path
    await store.close()
    if (dataPath == null) throw new DownloadFailedError('the partial store has no data file')
    await finishPartial(dataPath, partialDir, path).catch((err) => { throw diskError(err, path) })
    finished = true
    return {
      fileId: info.key,
      path,
      size: info.manifest.size,
      sha256: Buffer.from(sha256).toString('hex'),
      resumedBytes,
      p2pBytes: run.bytesByKind.p2p,
      relayBytes: run.bytesByKind.relay,
      httpBytes: run.bytesByKind.http,
      bytesBySource: run.bytesBySource,
      bytesByKind: run.bytesByKind,
      fallbackReason: run.fallbackReason,
      seconds: (Date.now() - started) / 1000
    }
  } finally {
    if (!finished) await store.close().catch(() => {})
  }
}

/**
 * Until the file is complete: reports progress, and starts the fallback
 * once P2P failed or stayed too slow. Fails when every path has failed, or
 * when nothing arrives for DOWNLOAD_STALL_MS.
 */
async function watch (ctx: ClientContext, run: DownloadRun, hinted: string[], options: DownloadOptions, progressMs: number, signal: AbortSignal): Promise<void> {
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
    if (Date.now() - lastEmit >= progressMs) {
      lastEmit = Date.now()
      ctx.events.safeDispatchEvent('download-progress', { detail: progressOf(run, meter) })
    }
    const p2pOver = run.p2p.error != null && !run.p2p.running
    if (fallback == null && options.fallback !== false) {
      const reason = p2pOver ? `P2P failed: ${run.p2p.error?.message ?? ''}` : slow.check(run.bytesByKind.p2p)
      if (reason != null) fallback = runFallback(ctx, run, reason, hinted, { relay: options.relay, httpIdleMs: options.slowForMs }, signal)
    }
    const fallbackOver = options.fallback === false || run.fallbackDone
    if (p2pOver && fallbackOver) {
      const why = [run.p2p.error?.message ?? '', run.httpError != null ? `fallback: ${run.httpError.message}` : '', run.relayError != null ? `relay: ${run.relayError.message}` : '']
      throw new DownloadFailedError(`no source could supply ${info.key}: ${why.filter((w) => w !== '').join('; ')}`)
    }
    if (Date.now() - lastGain > DOWNLOAD_STALL_MS) throw new DownloadFailedError(`no chunk of ${info.key} arrived for ${DOWNLOAD_STALL_MS / 1000} s from any source`)
    await waitChunkOr(stored, RATE_CHECK_MS, signal)
  }
  ctx.events.safeDispatchEvent('download-progress', { detail: progressOf(run, meter) })
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
