/** A server's byte rates as the tracker last worked them out, bytes per second. */
export interface ServerRate {
  sentBps: number
  receivedBps: number
}

interface Sample {
  at: number
  sent: number
  received: number
  rate: ServerRate
}

/**
 * Per-server send and receive rates from the cumulative byte counters each
 * heartbeat carries: the delta over the time between two heartbeats. Kept in
 * memory only (a restarted tracker shows rates again after two heartbeats).
 * A counter that went down means the server restarted: that sample only
 * resets the baseline.
 */
export class ServerRates {
  readonly #samples = new Map<string, Sample>()
  /** A rate older than this (no heartbeat since) reads as 0. */
  readonly #staleMs: number

  constructor (staleMs: number) {
    this.#staleMs = staleMs
  }

  update (peerId: string, at: number, sent: number, received: number): void {
    const last = this.#samples.get(peerId)
    let rate: ServerRate = { sentBps: 0, receivedBps: 0 }
    if (last != null && at > last.at && sent >= last.sent && received >= last.received) {
      const seconds = (at - last.at) / 1000
      rate = { sentBps: (sent - last.sent) / seconds, receivedBps: (received - last.received) / seconds }
    }
    this.#samples.set(peerId, { at, sent, received, rate })
  }

  rate (peerId: string, now: number): ServerRate {
    const s = this.#samples.get(peerId)
    if (s == null || now - s.at > this.#staleMs) return { sentBps: 0, receivedBps: 0 }
    return s.rate
  }

  forget (peerId: string): void {
    this.#samples.delete(peerId)
  }
}
