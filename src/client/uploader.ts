import { open, stat, type FileHandle } from 'node:fs/promises'
import type { AbortOptions } from '@libp2p/interface'
import { InvalidArgumentError, NoIngestServerError } from '../errors.js'
import { manifestFromFile, type FileInfo } from '../manifest/index.js'
import type { PeerHint } from '../pb/tracker.js'
import type { ReplicateSpec } from '../server/ingest.js'
import { verifiedBytes } from '../store/util.js'
import { DEFAULT_UPLOAD_STREAMS, MAX_SPLIT_TARGETS, MAX_UPLOAD_STREAMS, OPEN_TIMEOUT_MS, SPLIT_MIN_FRACTION, SPLIT_MIN_SECONDS, SPLIT_SHARED_FRACTION } from './constants.js'
import { Notifier } from './notifier.js'
import { progressInterval } from './progress.js'
import { probeIngest } from './probe.js'
import { chooseTargets, sharedBottleneck, type ProbeOutcome } from './probe-select.js'
import { RateMeter } from './rate-meter.js'
import { trackerCall } from './tracker-calls.js'
import type { ClientContext } from './context.js'
import type { UploadProgress, UploadResult } from './types.js'
import { SplitUpload, type SplitTarget } from './split-upload.js'
import { UploadStream } from './upload-stream.js'

export interface UploadOptions extends AbortOptions {
  /** Where to replicate once committed; default every live server. `{}` = nowhere (no task). */
  replicate?: Partial<ReplicateSpec>
  /** Parallel ingest streams (default 4). */
  streams?: number
  chunkSize?: number
  /** Name recorded in the manifest (default the file's base name). */
  name?: string
  /** Probe budget per candidate. */
  probeBytes?: number
  probeMaxMs?: number
  /** Most ingest targets to split the upload across (default MAX_SPLIT_TARGETS, 3); 1 never splits. */
  maxTargets?: number
  /** `upload-progress` events at most this often (default PROGRESS_INTERVAL_MS, 250); 0 = on every stored chunk. */
  progressIntervalMs?: number
}

/**
 * The client's upload (DESIGN "Upload"): ask the tracker for ingest
 * candidates, hash the file while probing every candidate with a real timed
 * transfer, pick the one that will finish soonest (fastest link, or one that
 * already holds part of this file), upload on parallel streams, commit. When
 * other task servers' links are nearly as fast and independent of the best
 * one (probe-select.ts chooseTargets, sharedBottleneck), the upload is split
 * across up to MAX_SPLIT_TARGETS of them (split-upload.ts).
 */
export async function uploadFile (ctx: ClientContext, path: string, options: UploadOptions = {}): Promise<UploadResult> {
  const started = Date.now()
  const signal = options.signal ?? new AbortController().signal
  const streams = options.streams ?? DEFAULT_UPLOAD_STREAMS
  if (!Number.isInteger(streams) || streams < 1 || streams > MAX_UPLOAD_STREAMS) throw new InvalidArgumentError(`streams must be 1..${MAX_UPLOAD_STREAMS}`)
  if (options.maxTargets != null && (!Number.isInteger(options.maxTargets) || options.maxTargets < 1 || options.maxTargets > MAX_SPLIT_TARGETS)) throw new InvalidArgumentError(`maxTargets must be 1..${MAX_SPLIT_TARGETS}`)
  const progressMs = progressInterval(options.progressIntervalMs)
  const st = await stat(path).catch(() => undefined)
  if (st?.isFile() !== true) throw new InvalidArgumentError(`${path}: no such file`)
  const progress: UploadProgress = { fileId: '', path, phase: 'hashing', hashedBytes: 0, bytes: 0, totalBytes: st.size, bytesSent: 0, rateBps: 0, blockChunks: [], targets: [] }
  const emit = (): void => { ctx.events.safeDispatchEvent('upload-progress', { detail: { ...progress } }) }

  const candidates = await trackerCall(ctx.trackerAddr, async () => ctx.tracker.upload({ size: BigInt(st.size), subnet: ctx.subnet, network: ctx.network }, { signal }), signal)
  if (candidates.peers.length === 0) throw new NoIngestServerError('the tracker offered no ingest candidate')
  progress.phase = 'probing'
  let lastHashEmit = 0
  const hashing = manifestFromFile(path, {
    chunkSize: options.chunkSize,
    name: options.name,
    signal,
    onProgress: (hashed) => {
      progress.hashedBytes = hashed
      if (Date.now() - lastHashEmit >= progressMs) { lastHashEmit = Date.now(); emit() }
    }
  })
  hashing.catch(() => {})
  const outcomes = await Promise.all(candidates.peers.map(async (peer, rank) => {
    const outcome = await probeOne(ctx, peer, rank, options, signal)
    ctx.events.safeDispatchEvent('probe', { detail: outcome })
    return outcome
  }))
  const info = await hashing
  progress.fileId = info.key
  const fh = await open(path, 'r')
  try {
    await Promise.all(outcomes.filter((o) => o.ok).map(async (o) => {
      o.heldBytes = await heldAt(ctx, addrsOf(candidates.peers, o.peerId), info, fh, signal)
    }))
    const size = info.manifest.size
    let targets = chooseTargets(outcomes, size, { maxTargets: options.maxTargets ?? MAX_SPLIT_TARGETS, minFraction: SPLIT_MIN_FRACTION, minSeconds: SPLIT_MIN_SECONDS })
    if (targets.length === 0) {
      throw new NoIngestServerError(`no ingest candidate answered its probe (${outcomes.map((o) => `${o.peerId.slice(-8)}: ${o.error ?? '?'}`).join('; ')})`)
    }
    let aloneRateBps: number | undefined
    if (targets.length > 1) {
      // The parallel probes may have shared one bottleneck (the client's uplink): probe the primary alone to tell.
      aloneRateBps = await probeAlone(ctx, addrsOf(candidates.peers, targets[0].peerId), options, signal)
      if (aloneRateBps == null || sharedBottleneck(aloneRateBps, targets.map((t) => t.rateBps), SPLIT_SHARED_FRACTION)) targets = [targets[0]]
    }
    for (const t of targets) ctx.events.safeDispatchEvent('upload-target', { detail: t })
    const legs = targets.map((t) => ({ outcome: t, addrs: withPeerId(addrsOf(candidates.peers, t.peerId), t.peerId) }))
    return await send(ctx, info, fh, legs, outcomes, { ...options, streams, progressMs }, progress, emit, signal, started, aloneRateBps)
  } finally {
    await fh.close()
  }
}

async function send (ctx: ClientContext, info: FileInfo, fh: FileHandle, targets: SplitTarget[], probes: ProbeOutcome[],
  options: UploadOptions & { streams: number, progressMs: number }, progress: UploadProgress, emit: () => void, signal: AbortSignal, started: number,
  aloneRateBps: number | undefined): Promise<UploadResult> {
  const meter = new RateMeter()
  let lastEmit = 0
  const upload: SplitUpload = new SplitUpload({
    node: ctx.node,
    info,
    file: fh,
    streams: options.streams,
    log: ctx.log,
    targets,
    onProgress: () => {
      progress.bytes = upload.storedBytes
      progress.bytesSent = upload.bytesSent
      meter.update(progress.bytes)
      if (Date.now() - lastEmit < options.progressMs) return
      lastEmit = Date.now()
      progress.rateBps = meter.rate
      progress.etaSeconds = meter.eta(progress.totalBytes - progress.bytes)
      progress.blockChunks = upload.blockChunks
      progress.targets = upload.targetProgress()
      emit()
    }
  })
  progress.phase = 'uploading'
  emit()
  const spec: ReplicateSpec = { to: options.replicate?.to ?? [], network: options.replicate?.network ?? '', all: options.replicate?.all ?? options.replicate == null }
  const r = await upload.run(spec, signal)
  progress.phase = 'committing'
  progress.bytes = info.manifest.size
  progress.targets = upload.targetProgress()
  emit()
  const m = info.manifest
  return {
    fileId: info.key,
    name: m.name,
    size: m.size,
    sha256: Buffer.from(m.sha256).toString('hex'),
    taskId: r.taskId,
    servers: r.servers,
    ingest: targets[0].outcome,
    probes,
    targets: r.targets,
    ...(aloneRateBps != null ? { aloneRateBps } : {}),
    resumedBytes: r.resumedBytes,
    bytesSent: r.bytesSent,
    seconds: (Date.now() - started) / 1000,
    uploadSeconds: r.uploadSeconds,
    uploadRateBps: r.uploadSeconds > 0 ? r.bytesSent / r.uploadSeconds : 0,
    commitSeconds: r.commitSeconds,
    streams: options.streams,
    reconnects: r.reconnects
  }
}

/** The primary's rate probed alone; undefined when that probe fails (then no split). */
async function probeAlone (ctx: ClientContext, addrs: string[], options: UploadOptions, signal: AbortSignal): Promise<number | undefined> {
  try {
    return (await probeIngest(ctx.node, addrs, { bytes: options.probeBytes, maxMs: options.probeMaxMs, signal })).rateBps
  } catch (err: any) {
    signal.throwIfAborted()
    ctx.log('probing the split primary alone failed: %s', err.message)
    return undefined
  }
}

async function probeOne (ctx: ClientContext, peer: PeerHint, rank: number, options: UploadOptions, signal: AbortSignal): Promise<ProbeOutcome> {
  const base = { peerId: peer.peerId, tracker: peer.tracker, rank, heldBytes: 0 }
  try {
    const m = await probeIngest(ctx.node, peer.addrs, { bytes: options.probeBytes, maxMs: options.probeMaxMs, signal })
    return { ...base, ok: m.rateBps > 0, rateBps: m.rateBps, bytes: m.bytes, elapsedMs: m.elapsedMs, ...(m.rateBps > 0 ? {} : { error: 'no bytes arrived' }) }
  } catch (err: any) {
    signal.throwIfAborted()
    return { ...base, ok: false, rateBps: 0, bytes: 0, elapsedMs: 0, error: `${String(err.name)}: ${String(err.message)}` }
  }
}

/** Bytes of this file a candidate already holds (an earlier upload that was interrupted); 0 when none or unknown. */
async function heldAt (ctx: ClientContext, addrs: string[], info: FileInfo, fh: FileHandle, signal: AbortSignal): Promise<number> {
  try {
    const { stream, state } = await UploadStream.open({
      node: ctx.node, addrs, info, file: fh, changed: new Notifier(), take: () => [], done: () => true, onSent: () => {}, onStored: () => {}, onBadChunk: () => {}
    }, false, AbortSignal.any([signal, AbortSignal.timeout(OPEN_TIMEOUT_MS)]))
    await stream.close()
    return verifiedBytes(info.manifest, state.bitfield)
  } catch {
    signal.throwIfAborted()
    return 0
  }
}

function addrsOf (peers: PeerHint[], peerId: string): string[] {
  return peers.find((p) => p.peerId === peerId)?.addrs ?? []
}

/** Addresses ending in /p2p/<peerId> (what a COMMIT's sources must be). */
function withPeerId (addrs: string[], peerId: string): string[] {
  return addrs.map((a) => a.includes('/p2p/') ? a : `${a}/p2p/${peerId}`)
}
