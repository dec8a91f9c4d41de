import type { FileHandle } from 'node:fs/promises'
import type { Logger } from '@libp2p/interface'
import { chunkCount, type FileInfo } from '../manifest/index.js'
import type { ShoalNode } from '../node/index.js'
import type { ReplicateSpec } from '../server/ingest.js'
import { verifiedBytes } from '../store/util.js'
import { IngestUpload, type IngestUploadResult } from './ingest-upload.js'
import type { ProbeOutcome } from './probe-select.js'
import { RateMeter } from './rate-meter.js'
import type { UploadTargetProgress, UploadTargetReport } from './types.js'
import { UploadPool } from './upload-pool.js'

/** Addresses of each other target named in the COMMIT (the server takes MAX_COMMIT_SOURCES in all). */
const SOURCE_ADDRS_PER_TARGET = 4

export interface SplitTarget {
  outcome: ProbeOutcome
  /** Its addresses from the tracker, each ending in /p2p/<PeerId>. */
  addrs: string[]
}

export interface SplitUploadInit {
  node: ShoalNode
  info: FileInfo
  file: FileHandle
  /** Streams per target. */
  streams: number
  log: Logger
  /** The primary first: it gets the COMMIT. */
  targets: SplitTarget[]
  onProgress(): void
}

export interface SplitUploadResult extends IngestUploadResult {
  targets: UploadTargetReport[]
  /** From the first chunk sent to any target to the last one acknowledged by any. */
  uploadSeconds: number
}

interface Leg {
  target: SplitTarget
  upload: IngestUpload
  meter: RateMeter
  error?: string
  /** Why its link is down while it reconnects; undefined while it is up. */
  outage?: Error
  /** Ends its transfer: the file was committed while it was still reconnecting. */
  readonly stop: AbortController
}

/** Why a target still reconnecting when the primary committed is given up. */
const COMMITTED_WITHOUT_IT = 'the file was committed without it'

/**
 * An upload to one or more ingest targets sharing one queue of chunks
 * (upload-pool.ts): every target's streams take their next run from it, each
 * stream's block size following its own rate, so a faster link carries more.
 * Each target is asked what it holds first (a resumed upload sends none of
 * it, wherever it is). When every chunk is stored somewhere, the primary gets
 * the COMMIT naming the other targets that still take part; it fetches their
 * parts through the swarm, verifies the whole file and tells the tracker, so
 * the tracker records one file. A target other than the primary that fails
 * for good drops out and the chunks only it held go to the others; a primary
 * that fails fails the upload (run it again: it resumes from every target).
 */
export class SplitUpload {
  readonly #init: SplitUploadInit
  readonly #pool: UploadPool
  readonly #legs: Leg[]
  #committed = false

  constructor (init: SplitUploadInit) {
    this.#init = init
    this.#pool = new UploadPool(chunkCount(init.info.manifest))
    this.#legs = init.targets.map((target, i) => ({
      target,
      meter: new RateMeter(),
      stop: new AbortController(),
      upload: new IngestUpload({
        node: init.node,
        addrs: target.addrs,
        info: init.info,
        file: init.file,
        streams: init.streams,
        log: init.log,
        pool: this.#pool,
        onProgress: init.onProgress,
        // The primary's outage fails the upload (after its own reconnects); another target's only moves its part.
        // (Links change only once the upload runs, when #legs is set.)
        onLink: i === 0 ? undefined : (err) => { this.#link(this.#legs[i], err) }
      })
    }))
  }

  /** Verified bytes stored at some target. */
  get storedBytes (): number { return verifiedBytes(this.#init.info.manifest, this.#pool.stored) }
  get bytesSent (): number { return this.#legs.reduce((n, l) => n + l.upload.bytesSent, 0) }
  get blockChunks (): number[] { return this.#legs.flatMap((l) => l.upload.blockChunks) }

  /** Per target, for progress events (updates each one's rate meter). */
  targetProgress (): UploadTargetProgress[] {
    return this.#legs.map((l) => {
      l.meter.update(l.upload.storedBytes)
      return { peerId: l.target.outcome.peerId, bytes: l.upload.storedBytes, bytesSent: l.upload.bytesSent, rateBps: l.meter.rate }
    })
  }

  async run (spec: ReplicateSpec, signal: AbortSignal): Promise<SplitUploadResult> {
    const [primary, ...others] = this.#legs
    // Every target's STATE before the first chunk goes out: what any of them holds is not sent again.
    await primary.upload.open(signal)
    await Promise.all(others.map(async (leg) => {
      try {
        await leg.upload.open(signal)
      } catch (err: any) {
        signal.throwIfAborted()
        this.#drop(leg, err)
      }
    }))
    const resumedBytes = this.storedBytes
    this.#pool.start()
    const transfers = others.filter((l) => l.error == null).map(async (leg) => {
      try {
        await leg.upload.transfer(AbortSignal.any([signal, leg.stop.signal]))
      } catch (err: any) {
        signal.throwIfAborted()
        this.#drop(leg, leg.stop.signal.aborted && leg.outage != null ? new Error(`${leg.outage.message}; ${COMMITTED_WITHOUT_IT}`) : err)
      }
    })
    let committed: IngestUploadResult
    try {
      committed = await primary.upload.run(spec, signal, () => this.#sources())
      this.#committed = true
      // A target still reconnecting is not needed any more: its back-off must not hold the result.
      for (const leg of others) if (leg.outage != null) leg.stop.abort(new Error(COMMITTED_WITHOUT_IT))
    } catch (err: any) {
      for (const leg of others) leg.upload.abort(err)
      throw err
    } finally {
      await Promise.allSettled(transfers)
    }
    const first = Math.min(...this.#legs.map((l) => l.upload.firstSend).filter((t) => t > 0))
    const last = Math.max(...this.#legs.map((l) => l.upload.lastStored))
    return {
      ...committed,
      resumedBytes,
      bytesSent: this.bytesSent,
      uploadSeconds: Number.isFinite(first) && last > first ? (last - first) / 1000 : 0,
      reconnects: this.#legs.reduce((n, l) => n + l.upload.reconnects, 0),
      targets: this.#legs.map((l, i) => ({
        peerId: l.target.outcome.peerId,
        tracker: l.target.outcome.tracker,
        primary: i === 0,
        probeRateBps: l.target.outcome.rateBps,
        resumedBytes: l.upload.resumedBytes,
        bytesSent: l.upload.bytesSent,
        storedBytes: l.upload.storedBytes,
        uploadSeconds: l.upload.uploadSeconds,
        uploadRateBps: l.upload.uploadSeconds > 0 ? l.upload.bytesSent / l.upload.uploadSeconds : 0,
        reconnects: l.upload.reconnects,
        ...(l.error != null ? { error: l.error } : {})
      }))
    }
  }

  /** The other targets still in the upload, reachable, that hold part of the file: where the primary fetches the rest. */
  #sources (): string[] {
    return this.#legs.slice(1).filter((l) => this.#counts(l) && l.upload.storedBytes > 0).flatMap((l) => l.target.addrs.slice(0, SOURCE_ADDRS_PER_TARGET))
  }

  /** Whether a target's chunks count as stored for the upload: it is in it and its link is up. */
  #counts (leg: Leg): boolean {
    return leg.error == null && leg.outage == null
  }

  /**
   * A target other than the primary lost every stream and is reconnecting
   * (`err`), or is back. While it is away the chunks only it holds go to the
   * others, so a dead target does not hold the upload for its whole back-off
   * (about 35 s); when it comes back its STATE marks what it holds again.
   */
  #link (leg: Leg, err?: Error): void {
    if (leg.error != null) return
    const wasAway = leg.outage != null
    leg.outage = err
    if (err == null) return
    if (this.#committed) leg.stop.abort(new Error(COMMITTED_WITHOUT_IT))
    if (wasAway) return
    this.#init.log('split upload of %s: target %s is away (%s); its part goes to the others meanwhile', this.#init.info.key, leg.target.outcome.peerId, err.message)
    this.#requeueOnlyAt(leg)
  }

  /** A target other than the primary failed for good: the chunks only it held are sent to the others. */
  #drop (leg: Leg, err: Error): void {
    leg.error = `${err.name}: ${err.message}`
    this.#init.log('split upload of %s: target %s dropped out (%s)', this.#init.info.key, leg.target.outcome.peerId, leg.error)
    this.#requeueOnlyAt(leg)
  }

  /** The chunks that `leg` alone holds, among the targets that count, go back in the queue. */
  #requeueOnlyAt (leg: Leg): void {
    const elsewhere = new Set(this.#legs.filter((l) => l !== leg && this.#counts(l)).flatMap((l) => l.upload.storedChunks))
    this.#pool.forget(leg.upload.storedChunks.filter((i) => !elsewhere.has(i)))
  }
}
