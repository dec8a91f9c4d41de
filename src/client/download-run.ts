import { chunkLength, type FileInfo } from '../manifest/index.js'
import type { StoredFile } from '../store/types.js'
import type { P2pRunner } from './p2p-runner.js'
import type { RateMeter } from './rate-meter.js'
import type { ClientDownloadProgress, SourceKind } from './types.js'

/** What one client download tracks while it runs (download.ts, fallback-sources.ts). */
export interface DownloadRun {
  info: FileInfo
  stored: StoredFile
  path: string
  p2p: P2pRunner
  /** Verified bytes by source: PeerIds (direct or relayed), URLs (HTTP). */
  bytesBySource: Record<string, number>
  bytesByKind: Record<SourceKind, number>
  /** Chunks being written from an HTTP source, by index: the URL to credit. */
  httpWriting: Map<number, string>
  httpError?: Error
  relayError?: Error
  fallbackReason?: string
  /** The fallback (HTTP and/or relay) has run its course: sources given up or started. */
  fallbackDone: boolean
}

/** Credits a stored chunk's bytes to its source and the source's kind. */
export function creditSource (run: DownloadRun, source: string, kind: SourceKind, bytes: number): void {
  run.bytesBySource[source] = (run.bytesBySource[source] ?? 0) + bytes
  run.bytesByKind[kind] += bytes
}

/** A chunk was stored: credits it here when an HTTP source wrote it (P2P chunks are credited by the swarm observer, which knows the peer). */
export function creditHttpChunk (run: DownloadRun, index: number): void {
  const url = run.httpWriting.get(index)
  if (url == null) return
  run.httpWriting.delete(index)
  creditSource(run, url, 'http', chunkLength(run.info.manifest, index))
}

export function progressOf (run: DownloadRun, meter: RateMeter): ClientDownloadProgress {
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
    bytesByKind: { ...run.bytesByKind },
    p2pBytes: run.bytesByKind.p2p,
    relayBytes: run.bytesByKind.relay,
    httpBytes: run.bytesByKind.http
  }
}
