import { peerIdFromString } from '@libp2p/peer-id'
import type { Logger, PeerId } from '@libp2p/interface'
import type { ShoalNode } from '../node/index.js'
import { PING_TIMEOUT_MS, RTT_REFRESH_MS } from './constants.js'
import type { Registry } from './registry.js'

/**
 * Measures the tracker's round trip to each live server with libp2p ping: on
 * registration and then every RTT_REFRESH_MS. The hint policy uses it as the
 * RTT key until servers report RTTs to each other.
 */
export class RttProber {
  readonly #node: ShoalNode
  readonly #registry: Registry
  readonly #log: Logger
  readonly #running = new Set<string>()
  readonly #controller = new AbortController()
  #timer?: ReturnType<typeof setInterval>

  constructor (node: ShoalNode, registry: Registry, log: Logger) {
    this.#node = node
    this.#registry = registry
    this.#log = log
  }

  start (): void {
    this.#timer = setInterval(() => {
      for (const s of this.#registry.alive()) this.probe(peerIdFromString(s.peerId))
    }, RTT_REFRESH_MS)
  }

  stop (): void {
    clearInterval(this.#timer)
    this.#controller.abort()
  }

  probe (peer: PeerId): void {
    const key = peer.toString()
    if (this.#running.has(key) || this.#controller.signal.aborted) return
    this.#running.add(key)
    const signal = AbortSignal.any([this.#controller.signal, AbortSignal.timeout(PING_TIMEOUT_MS)])
    this.#node.services.ping.ping(peer, { signal }).then(
      (ms) => { this.#registry.setRtt(key, ms) },
      (err) => { this.#log('ping %s failed: %s', key, err.message) }
    ).finally(() => this.#running.delete(key))
  }
}
