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
}

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

  constructor (init: SplitUploadInit) {
    this.#init = init
    this.#pool = new UploadPool(chunkCount(init.info.manifest))
    this.#legs = init.targets.map((target) => ({
      target,
      meter: new RateMeter(),
      upload: new IngestUpload({
        node: init.node,
        addrs: target.addrs,
        info: init.info,
        file: init.file,
        streams: init.streams,
        log: init.log,
        pool: this.#pool,
        onProgress: init.onProgress
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
        await leg.upload.transfer(signal)
      } catch (err: any) {
        signal.throwIfAborted()
        this.#drop(leg, err)
      }
    })
    let committed: IngestUploadResult
    try {
      committed = await primary.upload.run(spec, signal, () => this.#sources())
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

  /** The other targets still in the upload that hold part of the file: where the primary fetches the rest. */
  #sources (): string[] {
    return this.#legs.slice(1).filter((l) => l.error == null && l.upload.storedBytes > 0).flatMap((l) => l.target.addrs.slice(0, SOURCE_ADDRS_PER_TARGET))
  }

  /** A target other than the primary failed for good: the chunks only it held are sent to the others. */
  #drop (leg: Leg, err: Error): void {
    leg.error = `${err.name}: ${err.message}`
    this.#init.log('split upload of %s: target %s dropped out (%s)', this.#init.info.key, leg.target.outcome.peerId, leg.error)
    const elsewhere = new Set(this.#legs.filter((l) => l !== leg && l.error == null).flatMap((l) => l.upload.storedChunks))
    this.#pool.forget(leg.upload.storedChunks.filter((i) => !elsewhere.has(i)))
  }
}
