import type { Logger } from '@libp2p/interface'
import type { KadDHT } from '@libp2p/kad-dht'
import type { CID } from 'multiformats/cid'
import type { ChunkStore } from '../store/types.js'
import { DHT_PROVIDE_RETRY_MS, DHT_PROVIDE_TIMEOUT_MS, DHT_REPROVIDE_INTERVAL_MS, DHT_REPROVIDE_MIN_INTERVAL_MS, DHT_REPROVIDE_ON_JOIN_MAX_PEERS } from './constants.js'

export interface DhtProviderInit {
  dht: KadDHT
  store: ChunkStore
  log: Logger
  /** A provide of a file sent its record to these peers (never called with none). */
  onProvided?(fileKey: string, peers: string[]): void
  /** Least time between two runs (default DHT_REPROVIDE_MIN_INTERVAL_MS). */
  minIntervalMs?: number
  /** Wait before a provide that reached no peer is tried again (default DHT_PROVIDE_RETRY_MS). */
  retryMs?: number
}

/**
 * Provides the id of every file this server holds complete on the swarm's
 * private DHT, so a server can find holders when the tracker is unreachable.
 * A provider record lands on the peers closest to the id *that we know at the
 * time*, so the set is provided again whenever a small routing table gains a
 * peer (at most every DHT_REPROVIDE_MIN_INTERVAL_MS), when a file completes, and
 * every DHT_REPROVIDE_INTERVAL_MS. A provide that reached no peer (the only
 * known one just left, say) is tried again after DHT_PROVIDE_RETRY_MS.
 */
export class DhtProvider {
  readonly #init: DhtProviderInit
  readonly #controller = new AbortController()
  readonly #provided = new Set<string>()
  #timer?: ReturnType<typeof setTimeout>
  #retry?: ReturnType<typeof setTimeout>
  #interval?: ReturnType<typeof setInterval>
  #running?: Promise<void>
  #again = false
  #lastRun = 0
  #force = false
  readonly #onPeerAdd = (): void => {
    if (this.#tableSize() > DHT_REPROVIDE_ON_JOIN_MAX_PEERS) return
    this.#force = true
    this.schedule()
  }

  constructor (init: DhtProviderInit) {
    this.#init = init
  }

  start (): void {
    this.#routingTable()?.addEventListener('peer:add', this.#onPeerAdd)
    this.#interval = setInterval(() => { this.#force = true; this.schedule() }, DHT_REPROVIDE_INTERVAL_MS)
    this.schedule()
  }

  stop (): void {
    this.#routingTable()?.removeEventListener('peer:add', this.#onPeerAdd)
    clearTimeout(this.#timer)
    clearTimeout(this.#retry)
    clearInterval(this.#interval)
    this.#controller.abort()
  }

  /** Something changed (a file completed, the DHT grew): provide what is not yet provided, soon. */
  schedule (): void {
    if (this.#controller.signal.aborted) return
    if (this.#running != null) { this.#again = true; return }
    if (this.#timer != null) return
    const wait = Math.max(0, this.#lastRun + (this.#init.minIntervalMs ?? DHT_REPROVIDE_MIN_INTERVAL_MS) - Date.now())
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#running = this.#run().finally(() => {
        this.#running = undefined
        if (this.#again) { this.#again = false; this.schedule() }
      })
    }, wait)
  }

  /** kad-dht's routing table: not in its public types, so it may be absent. */
  #routingTable (): (EventTarget & { size: number }) | undefined {
    return (this.#init.dht as unknown as { routingTable?: EventTarget & { size: number } }).routingTable
  }

  #tableSize (): number {
    return this.#routingTable()?.size ?? 0
  }

  async #run (): Promise<void> {
    this.#lastRun = Date.now()
    const { store } = this.#init
    // kad-dht holds queries until its table has a peer; a later 'peer:add' runs us again.
    if (this.#tableSize() === 0) return
    const force = this.#force
    this.#force = false
    for (const key of await store.list().catch(() => [])) {
      if (this.#controller.signal.aborted) return
      if (!force && this.#provided.has(key)) continue
      const stored = await store.get(key).catch(() => undefined)
      if (stored?.complete !== true) continue
      if (await this.#provide(key, stored.info.id)) {
        this.#provided.add(key)
      } else {
        this.#provided.delete(key)
        this.#retryLater()
      }
    }
  }

  /** Provides one file; true when the record reached at least one peer. */
  async #provide (key: string, id: CID): Promise<boolean> {
    const { dht, log, onProvided } = this.#init
    const peers = new Set<string>()
    try {
      const signal = AbortSignal.any([this.#controller.signal, AbortSignal.timeout(DHT_PROVIDE_TIMEOUT_MS)])
      for await (const event of dht.provide(id, { signal })) {
        if (event.name === 'PEER_RESPONSE' && event.messageName === 'ADD_PROVIDER') peers.add(event.from.toString())
      }
    } catch (err: any) {
      if (!this.#controller.signal.aborted) log('providing %s failed: %s', key, err.message)
    }
    if (peers.size === 0) {
      if (!this.#controller.signal.aborted) log('providing %s reached no peer', key)
      return false
    }
    log('provided %s on the DHT to %d peer(s)', key, peers.size)
    onProvided?.(key, [...peers])
    return true
  }

  #retryLater (): void {
    if (this.#retry != null || this.#controller.signal.aborted) return
    this.#retry = setTimeout(() => { this.#retry = undefined; this.schedule() }, this.#init.retryMs ?? DHT_PROVIDE_RETRY_MS)
  }
}
