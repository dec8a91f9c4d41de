import type { Logger } from '@libp2p/interface'
import type { ShoalNode } from '../node/index.js'
import type { ChunkStore } from '../store/types.js'
import { DHT_PROVIDE_TIMEOUT_MS, DHT_REPROVIDE_INTERVAL_MS, DHT_REPROVIDE_MIN_INTERVAL_MS, DHT_REPROVIDE_ON_JOIN_MAX_PEERS } from './constants.js'

export interface DhtProviderInit {
  node: ShoalNode
  store: ChunkStore
  log: Logger
}

/**
 * Provides the id of every file this server holds complete on the swarm's
 * private DHT, so a server can find holders when the tracker is unreachable.
 * A provider record lands on the peers closest to the id *that we know at the
 * time*, so the set is provided again whenever a small routing table gains a
 * peer (at most every DHT_REPROVIDE_MIN_INTERVAL_MS), when a file completes, and
 * every DHT_REPROVIDE_INTERVAL_MS.
 */
export class DhtProvider {
  readonly #init: DhtProviderInit
  readonly #controller = new AbortController()
  readonly #provided = new Set<string>()
  #timer?: ReturnType<typeof setTimeout>
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
    const dht = this.#init.node.services.dht as unknown as { routingTable?: EventTarget } | undefined
    dht?.routingTable?.addEventListener('peer:add', this.#onPeerAdd)
    this.#interval = setInterval(() => { this.#force = true; this.schedule() }, DHT_REPROVIDE_INTERVAL_MS)
    this.schedule()
  }

  stop (): void {
    const dht = this.#init.node.services.dht as unknown as { routingTable?: EventTarget } | undefined
    dht?.routingTable?.removeEventListener('peer:add', this.#onPeerAdd)
    clearTimeout(this.#timer)
    clearInterval(this.#interval)
    this.#controller.abort()
  }

  /** Something changed (a file completed, the DHT grew): provide what is not yet provided, soon. */
  schedule (): void {
    if (this.#controller.signal.aborted) return
    if (this.#running != null) { this.#again = true; return }
    if (this.#timer != null) return
    const wait = Math.max(0, this.#lastRun + DHT_REPROVIDE_MIN_INTERVAL_MS - Date.now())
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#running = this.#run().finally(() => {
        this.#running = undefined
        if (this.#again) { this.#again = false; this.schedule() }
      })
    }, wait)
  }

  #tableSize (): number {
    const dht = this.#init.node.services.dht as unknown as { routingTable?: { size: number } } | undefined
    return dht?.routingTable?.size ?? 0
  }

  async #run (): Promise<void> {
    this.#lastRun = Date.now()
    const { node, store, log } = this.#init
    // kad-dht holds queries until its table has a peer; a later 'peer:add' runs us again.
    if (this.#tableSize() === 0) return
    const force = this.#force
    this.#force = false
    for (const key of await store.list().catch(() => [])) {
      if (this.#controller.signal.aborted) return
      if (!force && this.#provided.has(key)) continue
      const stored = await store.get(key).catch(() => undefined)
      if (stored?.complete !== true) continue
      try {
        const signal = AbortSignal.any([this.#controller.signal, AbortSignal.timeout(DHT_PROVIDE_TIMEOUT_MS)])
        await node.contentRouting.provide(stored.info.id, { signal })
        this.#provided.add(key)
        log('provided %s on the DHT', key)
      } catch (err: any) {
        if (!this.#controller.signal.aborted) log('providing %s failed: %s', key, err.message)
      }
    }
  }
}
