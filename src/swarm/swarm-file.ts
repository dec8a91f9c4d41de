import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import type { PeerId } from '@libp2p/interface'
import { chunkCount, type FileInfo } from '../manifest/index.js'
import type { ChunkFrame } from '../pb/chunk.js'
import type { StoredFile } from '../store/types.js'
import { addrPeerId } from '../util/addr.js'
import { MAX_HOLDER_HINTS, MAX_PEX_ADDRS, SENT_CREDIT_MS } from './constants.js'
import type { Downloader } from './downloader.js'
import type { ServePolicy } from './serve-policy.js'
import type { ServeSession } from './serve-session.js'

/** What a file's swarm state needs from the node around it. */
export interface SwarmFileHost {
  servePolicy(fileKey: string): ServePolicy
  /** Dialable addresses (with /p2p/) of the given peers, for peer exchange. */
  addressesOf(peers: PeerId[]): Promise<Multiaddr[]>
  /** Records addresses learnt from a peer and returns the peers they name. */
  learn(addrs: Multiaddr[]): Promise<PeerId[]>
  /** Called when a peer sent a chunk that failed its hash. */
  blamed(fileKey: string, peer: PeerId, index: number): void
  onSent(fileKey: string, bytes: number, peer?: PeerId): void
  /** A chunk from `peer` passed its hash and was stored (metrics). */
  onReceived?(fileKey: string, peer: string, bytes: number): void
}

/**
 * One file's state on this node, shared by the sessions that serve it and the
 * downloader that fetches it: who holds what, what we sent, who to tell.
 */
export class SwarmFile {
  readonly info: FileInfo
  readonly stored: StoredFile
  readonly #host: SwarmFileHost
  readonly #serving = new Set<ServeSession>()
  readonly #timesSent: Uint8Array
  /** The last peer each chunk was sent to, and when. */
  readonly #lastSent = new Map<number, { peer: PeerId, at: number }>()
  downloader?: Downloader
  bytesSent = 0

  constructor (info: FileInfo, stored: StoredFile, host: SwarmFileHost) {
    this.info = info
    this.stored = stored
    this.#host = host
    this.#timesSent = new Uint8Array(chunkCount(info.manifest))
    stored.addEventListener('chunk', (evt) => { this.#onChunk(evt.detail.index) })
  }

  get servingSessions (): number { return this.#serving.size }

  attachServe (session: ServeSession): void {
    this.#serving.add(session)
    // Whoever fetches from us is in this file's swarm: a source for us too.
    this.downloader?.addPeer(session.peer)
  }

  detachServe (session: ServeSession): void {
    this.#serving.delete(session)
  }

  /** Peers currently fetching from us. */
  fetchingPeers (): PeerId[] {
    return [...this.#serving].map((s) => s.peer)
  }

  /** Peers other than `peer` known to hold chunk `index`. */
  holdersElsewhere (index: number, peer: PeerId): number {
    const seen = new Set<string>()
    for (const s of this.#serving) if (s.remote?.has(index) === true && !s.peer.equals(peer)) seen.add(s.peer.toString())
    for (const s of this.downloader?.sessions.values() ?? []) if (s.remote.has(index) && !s.peer.equals(peer)) seen.add(s.peer.toString())
    return seen.size
  }

  mayServe (index: number, peer: PeerId, urgent: boolean): ChunkFrame.RejectReason | undefined {
    return this.#host.servePolicy(this.info.key).decide({
      fileKey: this.info.key,
      index,
      peer,
      urgent,
      timesSent: this.#timesSent[index],
      holdersElsewhere: this.holdersElsewhere(index, peer),
      inFlightElsewhere: this.#inFlightElsewhere(index, peer),
      seeding: this.stored.complete && this.downloader == null
    })
  }

  #inFlightElsewhere (index: number, peer: PeerId): boolean {
    const last = this.#lastSent.get(index)
    if (last == null || last.peer.equals(peer) || Date.now() - last.at > SENT_CREDIT_MS) return false
    for (const s of this.#serving) if (s.peer.equals(last.peer)) return true
    return false
  }

  sent (index: number, bytes: number, peer: PeerId): void {
    this.#lastSent.set(index, { peer, at: Date.now() })
    if (this.#timesSent[index] < 255) this.#timesSent[index]++
    this.bytesSent += bytes
    this.#host.onSent(this.info.key, bytes, peer)
  }

  /** A verified chunk from `peer` was stored. */
  received (peer: string, bytes: number): void {
    this.#host.onReceived?.(this.info.key, peer, bytes)
  }

  blamed (peer: PeerId, index: number): void {
    this.#host.blamed(this.info.key, peer, index)
  }

  /**
   * Addresses of peers (other than `except`) that hold chunk `index` or are
   * receiving it from us: sent with an ELSEWHERE reject so the requester can
   * go there directly.
   */
  async holderAddresses (index: number, except: PeerId): Promise<Uint8Array[]> {
    const holders = new Map<string, PeerId>()
    const last = this.#lastSent.get(index)
    if (last != null && !last.peer.equals(except)) holders.set(last.peer.toString(), last.peer)
    for (const s of this.#serving) {
      if (holders.size >= MAX_HOLDER_HINTS) break
      if (s.remote?.has(index) === true && !s.peer.equals(except)) holders.set(s.peer.toString(), s.peer)
    }
    const addrs = await this.#host.addressesOf([...holders.values()])
    return addrs.map((a) => a.bytes)
  }

  /** Addresses of other peers in this file's swarm, for a PEERS frame. */
  async peerExchange (except: PeerId): Promise<Uint8Array[]> {
    const peers = new Map<string, PeerId>()
    for (const s of this.#serving) peers.set(s.peer.toString(), s.peer)
    for (const s of this.downloader?.sessions.values() ?? []) peers.set(s.peer.toString(), s.peer)
    peers.delete(except.toString())
    const addrs = await this.#host.addressesOf([...peers.values()])
    return addrs.slice(0, MAX_PEX_ADDRS).map((a) => a.bytes)
  }

  async learnPeers (addrs: Uint8Array[]): Promise<PeerId[]> {
    const parsed: Multiaddr[] = []
    for (const bytes of addrs) {
      try {
        const ma = multiaddr(bytes)
        const id = addrPeerId(ma)
        if (id != null) { peerIdFromString(id); parsed.push(ma) }
      } catch {
        // A peer sent an address we cannot parse: skip it, keep the rest.
      }
    }
    return this.#host.learn(parsed)
  }

  #onChunk (index: number): void {
    for (const s of this.#serving) s.announce(index)
    this.downloader?.onStored(index)
  }
}
