import { MIN_PIPELINE, REQUEST_TIMEOUT_MS, STALL_TIMEOUT_MS } from './constants.js'
import type { FetchSession } from './fetch-session.js'

export interface Review {
  /** Requests to take back and give to other peers. */
  expired: number[]
  /** No byte arrived for STALL_TIMEOUT_MS with requests outstanding. */
  stalled: boolean
}

/**
 * One periodic look at a session: finds requests that waited too long. A
 * stalled session loses all its requests and drops to the smallest pipeline
 * (its next pieces size it again from the path's bandwidth-delay product,
 * pipeline-depth.ts).
 */
export function reviewSession (session: FetchSession, now: number): Review {
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
