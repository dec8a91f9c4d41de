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
  /** The ingest target chosen from the probes. */
  ingest: ProbeOutcome
  probes: ProbeOutcome[]
  /** Bytes the ingest server already held when this upload started (an interrupted one resumed). */
  resumedBytes: number
  /** Chunk payload bytes this process sent. */
  bytesSent: number
  /** Whole command, hashing and probing included. */
  seconds: number
  /** From the first chunk sent to the last one acknowledged. */
  uploadSeconds: number
  /** bytesSent / uploadSeconds. */
  uploadRateBps: number
  streams: number
  reconnects: number
}

export interface ClientDownloadProgress {
  fileId: string
  path: string
  /** Verified bytes stored. */
  bytes: number
  totalBytes: number
  rateBps: number
  etaSeconds?: number
  /** Verified bytes by source: PeerIds for P2P, URLs for HTTP. */
  bytesBySource: Record<string, number>
  p2pBytes: number
  httpBytes: number
}

export interface ClientDownloadResult {
  fileId: string
  path: string
  size: number
  sha256: string
  /** Bytes that were already verified in the partial file (an interrupted download resumed). */
  resumedBytes: number
  p2pBytes: number
  httpBytes: number
  bytesBySource: Record<string, number>
  /** Why the download fell back to HTTP; undefined when it did not. */
  fallbackReason?: string
  seconds: number
}

export interface FallbackEvent {
  fileId: string
  reason: string
  /** HTTP URLs the download continues from. */
  sources: string[]
}

export interface ClientEvents {
  /** One ingest candidate's probe result (also failures). */
  probe: CustomEvent<ProbeOutcome>
  /** The ingest target the upload goes to. */
  'upload-target': CustomEvent<ProbeOutcome>
  'upload-progress': CustomEvent<UploadProgress>
  'download-progress': CustomEvent<ClientDownloadProgress>
  /** A download asked for (and got) fallback sources. */
  fallback: CustomEvent<FallbackEvent>
}
