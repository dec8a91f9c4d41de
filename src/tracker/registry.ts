import type { TrackerDb, ServerRow } from './db.js'
import { ServerRates, type ServerRate } from './server-rates.js'

export interface RegisterInfo {
  addrs: string[]
  lanAddrs: string[]
  subnet: string
  network: string
  capacityBytes: number
  /** Accepts uploads (/shoal/ingest/1.0.0). */
  ingest?: boolean
  /** Base URL of its HTTP blob endpoint. */
  httpUrl?: string
}

export interface RegistryInit {
  db: TrackerDb
  now(): number
  heartbeatTimeoutMs: number
}

/**
 * The task servers the tracker knows: where they are (addresses, LAN subnet,
 * network label), what they offer, and whether they are alive (a heartbeat
 * within the timeout). Kept in memory, written through to the database, so a
 * restarted tracker knows its servers before they call again.
 */
export class Registry {
  readonly #db: TrackerDb
  readonly #now: () => number
  readonly #timeoutMs: number
  readonly #servers = new Map<string, ServerRow>()
  readonly #rates: ServerRates

  constructor (init: RegistryInit) {
    this.#db = init.db
    this.#now = init.now
    this.#timeoutMs = init.heartbeatTimeoutMs
    this.#rates = new ServerRates(init.heartbeatTimeoutMs)
    for (const s of init.db.listServers()) this.#servers.set(s.peerId, s)
  }

  /** Adds or refreshes a server; returns true when it was not known before. */
  register (peerId: string, info: RegisterInfo): boolean {
    const now = this.#now()
    const old = this.#servers.get(peerId)
    const row: ServerRow = { ...info, peerId, registeredAt: now, lastSeen: now, rttMs: old?.rttMs, load: old?.load ?? 0 }
    this.#db.putServer(row)
    this.#servers.set(peerId, row)
    return old == null
  }

  /**
   * Records a heartbeat; false when the server is unknown (it must register).
   * `bytes` are the server's cumulative chunk payload counters, for its rates.
   */
  heartbeat (peerId: string, load: number, bytes?: { sent: number, received: number }): boolean {
    const s = this.#servers.get(peerId)
    if (s == null) return false
    s.lastSeen = this.#now()
    s.load = load
    if (bytes != null) this.#rates.update(peerId, s.lastSeen, bytes.sent, bytes.received)
    this.#db.putServer(s)
    return true
  }

  /** The server's send and receive rates from its last two heartbeats (0 once it is silent). */
  rate (peerId: string): ServerRate {
    return this.#rates.rate(peerId, this.#now())
  }

  /** Liveness without a heartbeat of its own: any call from the server proves it is up. */
  touch (peerId: string): void {
    const s = this.#servers.get(peerId)
    if (s != null) s.lastSeen = Math.max(s.lastSeen, this.#now())
  }

  setRtt (peerId: string, rttMs: number): void {
    const s = this.#servers.get(peerId)
    if (s == null) return
    s.rttMs = rttMs
    this.#db.putServer(s)
  }

  get (peerId: string): ServerRow | undefined {
    return this.#servers.get(peerId)
  }

  isAlive (peerId: string): boolean {
    const s = this.#servers.get(peerId)
    return s != null && this.#now() - s.lastSeen <= this.#timeoutMs
  }

  list (): ServerRow[] {
    return [...this.#servers.values()]
  }

  alive (): ServerRow[] {
    return this.list().filter((s) => this.isAlive(s.peerId))
  }
}
