import type { PeerId } from '@libp2p/interface'
import type { PeerHint } from '../pb/tracker.js'

/**
 * Which peers one task's download may fetch from. Normally every peer. When
 * the tracker restricts the hints (network-aware distribution: this server
 * should fetch inside its network while a few others bring the file across),
 * only the hinted peers and peers on our own LAN; peers met by peer exchange
 * or that fetch from us are left alone. With the tracker unreachable the
 * restriction is lifted: any holder beats none.
 */
export class PeerScope {
  readonly #isOnLan?: (peer: PeerId) => Promise<boolean>
  readonly #hinted = new Set<string>()
  #restricted = false

  constructor (isOnLan?: (peer: PeerId) => Promise<boolean>) {
    this.#isOnLan = isOnLan
  }

  get restricted (): boolean { return this.#restricted }

  /** The tracker's latest answer. */
  fromHints (peers: readonly PeerHint[], restricted: boolean): void {
    this.#restricted = restricted
    for (const p of peers) this.#hinted.add(p.peerId)
  }

  /** The tracker could not be asked: fetch from whoever has the file. */
  open (): void {
    this.#restricted = false
  }

  readonly admit = async (peer: PeerId): Promise<boolean> => {
    if (!this.#restricted || this.#hinted.has(peer.toString())) return true
    return await this.#isOnLan?.(peer) ?? false
  }
}
