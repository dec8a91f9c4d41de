import type { ProbeOutcome } from './probe-select.js'

export type { ProbeOutcome }

/** Where an upload is. */
export type UploadPhase = 'hashing' | 'probing' | 'uploading' | 'committing'

export interface UploadProgress {
  /** Empty until the file is hashed. */
  fileId: string
  path: string
  phase: UploadPhase
  /** Bytes hashed so far (the hashing phase runs while the probes do). */
  hashedBytes: number
  /** Bytes the ingest server holds, verified. */
  bytes: number
  totalBytes: number
  /** Chunk payload bytes this process sent (includes any that must be sent again). */
  bytesSent: number
  /** Verified bytes per second over the last few seconds. */
  rateBps: number
  /** Seconds left at that rate; undefined while unknown. */
  etaSeconds?: number
  /** Each upload stream's current block size, in chunks (adaptive). */
  blockChunks: number[]
  /** Per ingest target (several when the upload is split): verified bytes it holds, bytes sent to it, its recent rate. */
  targets: UploadTargetProgress[]
}

export interface UploadTargetProgress {
  peerId: string
  /** Verified bytes it holds. */
  bytes: number
  bytesSent: number
  rateBps: number
}

/** One ingest target of an upload (several when it was split; the primary first). */
export interface UploadTargetReport {
  peerId: string
  tracker: boolean
  /** It got the COMMIT: it fetched the other targets' parts, verified the whole file and told the tracker. */
  primary: boolean
  /** Its probe (the parallel one). */
  probeRateBps: number
  /** Bytes of the file it held when the upload started. */
  resumedBytes: number
  /** Chunk payload bytes sent to it. */
  bytesSent: number
  /** Verified bytes it held when the data was all sent (before the primary's fetch). */
  storedBytes: number
  /** From its first chunk sent to its last one acknowledged. */
  uploadSeconds: number
  /** bytesSent / uploadSeconds. */
  uploadRateBps: number
  reconnects: number
  /** Why it dropped out of a split (its chunks went to the others); absent when it did not. */
  error?: string
}

export interface UploadResult {
  fileId: string
  name: string
  size: number
  /** Hex SHA-256 of the whole file. */
  sha256: string
  /** The replicate task, "" when none was asked for (or no server matched). */
  taskId: string
  servers: string[]
  /** The ingest target chosen from the probes (a split upload's primary). */
  ingest: ProbeOutcome
  probes: ProbeOutcome[]
  /** Every target the upload went to, the primary first (one unless it was split). */
  targets: UploadTargetReport[]
  /** The best candidate probed again alone, when a split was considered (bytes per second); absent otherwise. */
  aloneRateBps?: number
  /** Bytes the ingest targets already held when this upload started (an interrupted one resumed). */
  resumedBytes: number
  /** Chunk payload bytes this process sent. */
  bytesSent: number
  /** Whole command, hashing and probing included. */
  seconds: number
  /** From the first chunk sent to the last one acknowledged. */
  uploadSeconds: number
  /** bytesSent / uploadSeconds. */
  uploadRateBps: number
  /** COMMIT to COMMITTED: a split upload's primary fetching the other parts, the whole-file hash, the tracker call. */
  commitSeconds: number
  streams: number
  reconnects: number
}

/**
 * Where a downloaded byte came from: `p2p` a holder dialled directly, `relay`
 * a holder reached through a relay (circuit-relay-v2), `http` an HTTP blob
 * endpoint.
 */
export type SourceKind = 'p2p' | 'relay' | 'http'

export interface ClientDownloadProgress {
  fileId: string
  path: string
  /** Verified bytes stored. */
  bytes: number
  totalBytes: number
  rateBps: number
  etaSeconds?: number
  /** Verified bytes by source: PeerIds for P2P (direct or relayed), URLs for HTTP. */
  bytesBySource: Record<string, number>
  /** Verified bytes by kind of source; the three add up to the bytes this run fetched. */
  bytesByKind: Record<SourceKind, number>
  /** Bytes from holders dialled directly. */
  p2pBytes: number
  /** Bytes from holders reached through a relay. */
  relayBytes: number
  httpBytes: number
}

export interface ClientDownloadResult {
  fileId: string
  path: string
  size: number
  sha256: string
  /** Bytes that were already verified in the partial file (an interrupted download resumed). */
  resumedBytes: number
  /** Bytes from holders dialled directly. */
  p2pBytes: number
  /** Bytes from holders reached through a relay (the fallback). */
  relayBytes: number
  httpBytes: number
  bytesBySource: Record<string, number>
  bytesByKind: Record<SourceKind, number>
  /** Why the download asked for fallback sources (HTTP, relays); undefined when it did not. */
  fallbackReason?: string
  seconds: number
}

export interface FallbackEvent {
  fileId: string
  reason: string
  /** HTTP URLs the download continues from. */
  sources: string[]
  /** Relayed addresses of holders (circuit-relay-v2) the tracker offered, best first. */
  relays: string[]
}

export interface RelayEvent {
  fileId: string
  /** Relayed addresses that connected (one per holder reached). */
  connected: string[]
  /** How many holders were offered. */
  offered: number
}

export interface ClientEvents {
  /** One ingest candidate's probe result (also failures). */
  probe: CustomEvent<ProbeOutcome>
  /** The ingest target the upload goes to (one event per target of a split upload, the primary first). */
  'upload-target': CustomEvent<ProbeOutcome>
  'upload-progress': CustomEvent<UploadProgress>
  'download-progress': CustomEvent<ClientDownloadProgress>
  /** A download asked for (and got) fallback sources. */
  fallback: CustomEvent<FallbackEvent>
  /** A download's relay fallback dialled the offered holders through their relays. */
  relay: CustomEvent<RelayEvent>
}
