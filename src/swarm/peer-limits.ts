import type { PeerId } from '@libp2p/interface'
import { MAX_PIECES_IN_FLIGHT_PER_PEER } from './constants.js'

/**
 * Pieces being read (and re-hashed) and sent to one peer at once, across all
 * the sessions it opened with us. Each session already serves one piece at a
 * time, but a peer may open up to MAX_INBOUND_STREAMS sessions per
 * connection: without this cap, one peer with hundreds of busy sessions
 * would queue hundreds of disk reads and hashes ahead of everyone else's
 * (and hold a chunk buffer for each). With it, a flood from one peer slows
 * that peer, not the others.
 */
export class PeerSlots {
  readonly #max: number
  readonly #peers = new Map<string, { active: number, waiting: Array<() => void> }>()

  constructor (max = MAX_PIECES_IN_FLIGHT_PER_PEER) {
    this.#max = max
  }

  /** Waits for a free slot of `peer`; call the returned function once the piece is sent (or failed). */
  async acquire (peer: PeerId): Promise<() => void> {
    const key = peer.toString()
    let state = this.#peers.get(key)
    if (state == null) this.#peers.set(key, state = { active: 0, waiting: [] })
    const s = state
    if (s.active >= this.#max) await new Promise<void>((resolve) => { s.waiting.push(resolve) })
    else s.active++
    let released = false
    return () => {
      if (released) return
      released = true
      // Hand the slot straight to the next waiter, so active never drops below what is running.
      const next = s.waiting.shift()
      if (next != null) { next(); return }
      s.active--
      if (s.active === 0) this.#peers.delete(key)
    }
  }

  /** Slots in use for a peer (for tests). */
  active (peer: PeerId): number {
    return this.#peers.get(peer.toString())?.active ?? 0
  }
}
