/**
 * How long the tracker keeps serving a file to a server that reported a liar:
 * long enough for the server's remaining fetch attempts, short enough that a
 * false report costs at most one extra copy now and then.
 */
export const RESCUE_TTL_MS = 10 * 60_000

/** (file, server) pairs kept at most; the oldest are forgotten first. Bounds what reports can cost in memory. */
export const MAX_RESCUES = 10_000

/** Banned peers one GET_PEERS may report. */
export const MAX_BANNED_REPORTED = 64

/**
 * Servers that a liar left without a sound source. A server that banned a
 * peer for sending chunks that fail their hash says so in GET_PEERS; the
 * tracker then leaves that peer out of the server's hints and serves the file
 * to the server itself (even after it stopped seeding), so the chunk comes
 * from the tracker when the liar held it alone. Only the reporter is affected:
 * one server's word does not drop a peer for everyone.
 */
export class Rescues {
  readonly #now: () => number
  /** `${fileKey} ${peerId}` -> expiry; a Map keeps insertion order, so the first entries are the oldest. */
  readonly #until = new Map<string, number>()

  constructor (now: () => number = Date.now) {
    this.#now = now
  }

  add (fileKey: string, peer: string): void {
    const key = `${fileKey} ${peer}`
    this.#until.delete(key)
    this.#until.set(key, this.#now() + RESCUE_TTL_MS)
    while (this.#until.size > MAX_RESCUES) this.#until.delete(this.#until.keys().next().value!)
  }

  has (fileKey: string, peer: string): boolean {
    const key = `${fileKey} ${peer}`
    const until = this.#until.get(key)
    if (until == null) return false
    if (until > this.#now()) return true
    this.#until.delete(key)
    return false
  }
}
