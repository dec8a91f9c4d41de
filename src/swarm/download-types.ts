import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { PiecePicker } from './picker.js'
import type { SwarmFile } from './swarm-file.js'

export interface DownloadProgress {
  readonly fileKey: string
  readonly chunks: number
  readonly totalChunks: number
  readonly bytes: number
  readonly totalBytes: number
}

export interface DownloadResult {
  readonly fileKey: string
  readonly seconds: number
  /** Chunks already verified in the store when this download started. */
  readonly resumedChunks: number
  /** Chunks received, verified and stored by this download. */
  readonly fetchedChunks: number
  /** Distinct chunks this download asked peers for (never one that was already verified). */
  readonly requestedChunks: number
  /** Verified payload bytes by the PeerId that sent them. */
  readonly bytesFrom: Record<string, number>
  /** Peers dropped for sending chunks that failed their hash. */
  readonly banned: string[]
}

export interface DownloaderInit {
  file: SwarmFile
  /** Opens a /shoal/chunk stream to a peer. */
  dial(peer: PeerId, options: AbortOptions): Promise<Stream>
  picker?: PiecePicker
  log: Logger
  onProgress?(progress: DownloadProgress): void
  /** Whether a peer may be fetched from (default: every peer). */
  admit?(peer: PeerId): boolean | Promise<boolean>
}
