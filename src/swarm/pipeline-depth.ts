import { HOLDER_SERVICE_MS, MAX_PIPELINE, MIN_PIPELINE, PIECE_RATE_ALPHA } from './constants.js'

/** What a session remembers of a request for timing. */
export interface TimedRequest {
  /** performance.now() when sent. */
  readonly sentAtMs: number
  /** The session's payload bytes received when it was sent. */
  readonly bytesAtSend: number
}

/** One piece as the session's reader saw it. */
export interface PieceTiming {
  /** performance.now() when its header was parsed and when its last byte was read. */
  headerAt: number
  end: number
  bytes: number
  /** The session's payload bytes received before this piece. */
  bytesBefore: number
}

/**
 * How many requests one fetch session keeps in flight: the bandwidth-delay
 * product of its path, the holder's service time counted into the round trip
 * (HOLDER_SERVICE_MS), plus one chunk, in whole chunks (MIN_PIPELINE ..
 * MAX_PIPELINE).
 *
 * - Rate: payload bytes over wall time, piece end to piece end, while the
 *   session has requests in flight: what the whole path delivers, the
 *   slower of link and receiver (a CPU-bound receiver measures its own pace;
 *   more requests would only wait in its buffers).
 * - RTT: the least request-sent -> piece-header time seen on the session
 *   (BBR's min_rtt): a request queued behind others only takes longer, and
 *   counting that wait would make a deep pipeline measure a long RTT and keep
 *   itself deep. The session's first requests go out on an empty path.
 *
 * A too-shallow pipeline measures a rate below the link's, and the extra
 * chunk makes it one deeper per round trip until the rate stops growing
 * (as TCP's congestion avoidance does). Requests beyond rate x RTT only sit
 * in buffers, and a process killed mid-download loses every byte in flight:
 * on a LAN this keeps 2 in flight, on loopback 3 (a chunk crosses in about
 * the time the holder takes to read the next), on a long fat path as many as
 * fill it.
 */
export class PipelineDepth {
  /** Least RTT seen, ms; undefined before the first piece. */
  minRttMs?: number
  /** Smoothed payload bytes and wall ms per piece: rate = bytes / ms. */
  #bytes?: number
  #ms?: number
  #prevEnd?: number
  /** Largest piece seen: the unit requests come in. */
  #chunkBytes = 0

  /** Bytes per ms; undefined before the first piece. */
  get rateBpms (): number | undefined {
    return this.#bytes === undefined || this.#ms === undefined ? undefined : this.#bytes / this.#ms
  }

  /**
   * A piece arrived. `request` is what we stored when asking for it
   * (undefined for a cancelled or duplicate piece: it still used the path).
   */
  piece (t: PieceTiming, request?: TimedRequest): void {
    if (request != null) {
      // The least request-to-header time seen: queueing behind earlier pieces only adds to it (BBR's min_rtt).
      const sample = Math.max(0, t.headerAt - request.sentAtMs)
      this.minRttMs = Math.min(this.minRttMs ?? sample, sample)
    }
    // After an idle spell, count from the request (its RTT included: a little low, never a burst read from a buffer taken for the link).
    const from = this.#prevEnd ?? request?.sentAtMs ?? t.headerAt
    const ms = Math.max(t.end - from, MIN_PIECE_MS)
    this.#prevEnd = t.end
    this.#chunkBytes = Math.max(this.#chunkBytes, t.bytes)
    this.#bytes = this.#bytes === undefined ? t.bytes : (1 - PIECE_RATE_ALPHA) * this.#bytes + PIECE_RATE_ALPHA * t.bytes
    this.#ms = this.#ms === undefined ? ms : (1 - PIECE_RATE_ALPHA) * this.#ms + PIECE_RATE_ALPHA * ms
  }

  /** The session had nothing in flight: the time until its next piece is not delivery time. */
  idle (): void {
    this.#prevEnd = undefined
  }

  /** Requests to keep in flight; undefined until the first piece. */
  depth (): number | undefined {
    const rate = this.rateBpms
    if (this.minRttMs === undefined || rate === undefined || this.#chunkBytes === 0) return undefined
    const inFlight = rate * (this.minRttMs + HOLDER_SERVICE_MS) + this.#chunkBytes
    return Math.max(MIN_PIPELINE, Math.min(MAX_PIPELINE, Math.ceil(inFlight / this.#chunkBytes)))
  }
}

/** Two pieces read at once from a buffer still took some time: avoids dividing by zero. */
const MIN_PIECE_MS = 0.05
