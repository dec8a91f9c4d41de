import { MAX_PIPELINE, MIN_PIPELINE, PIPELINE_SECONDS, REQUEST_TIMEOUT_MS, STALL_TIMEOUT_MS } from './constants.js'
import type { FetchSession } from './fetch-session.js'

/** Weight of the newest sample in a session's rate average. */
const RATE_EWMA_ALPHA = 0.5

/** What the downloader remembers of a session between reviews. */
export interface SessionHealth {
  /** Bytes per review interval, smoothed. */
  rate: number
  lastBytes: number
}

export interface Review {
  /** Requests to take back and give to other peers. */
  expired: number[]
  /** No byte arrived for STALL_TIMEOUT_MS with requests outstanding. */
  stalled: boolean
}

/**
 * One periodic look at a session: sizes its pipeline to about PIPELINE_SECONDS
 * of its measured rate, and finds requests that waited too long. A stalled
 * session loses all its requests and drops to the smallest pipeline.
 */
export function reviewSession (session: FetchSession, health: SessionHealth, intervalMs: number, chunkSize: number, now: number): Review {
  const delta = session.bytesReceived - health.lastBytes
  health.lastBytes = session.bytesReceived
  if (session.pending.size > 0) {
    // Only while it had work: an idle peer's rate says nothing about its link.
    health.rate = health.rate === 0 ? delta : RATE_EWMA_ALPHA * delta + (1 - RATE_EWMA_ALPHA) * health.rate
    const depth = Math.ceil(health.rate * (1000 / intervalMs) * PIPELINE_SECONDS / chunkSize) + 1
    session.pipeline = Math.max(MIN_PIPELINE, Math.min(MAX_PIPELINE, depth))
  }
  const stalled = session.pending.size > 0 && now - session.lastDataAt > STALL_TIMEOUT_MS
  const expired = [...session.pending.values()]
    .filter((req) => stalled || now - req.sentAt > REQUEST_TIMEOUT_MS)
    .map((req) => req.index)
  if (stalled) {
    session.pipeline = MIN_PIPELINE
    session.lastDataAt = now
  }
  return { expired, stalled }
}
