import type { AbortOptions, Logger, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'
import type { ShoalNode } from '../node/index.js'
import { DHT_FIND_TIMEOUT_MS, LAN_QUERY_CONCURRENCY, MAX_DHT_PROVIDERS } from './constants.js'
import type { LanPeers } from './lan-peers.js'
import { queryHave } from './lan-protocol.js'

/** After the first provider turns up, wait this much longer for others, then stop the lookup. */
const DHT_MORE_PROVIDERS_MS = 500

export type HolderSource = 'tracker' | 'lan' | 'dht'

export interface FindOptions extends AbortOptions {
  /** Where to look (default: everywhere configured). */
  sources?: readonly HolderSource[]
}

/** A peer that holds some or all of a file, and how we learnt it. */
export interface Holder {
  peer: PeerId
  /** Dialable addresses ending in /p2p/<peer>. */
  addrs: Multiaddr[]
  source: HolderSource
  complete: boolean
  /** Verified chunks, when the peer said (LAN); undefined from the DHT. */
  chunks?: number
}

export interface HolderFinderInit {
  node: ShoalNode
  /** LAN peers from mDNS; without them no LAN query is made. */
  lan?: LanPeers
  /** Look providers up on the node's kad-dht (node.services.dht). */
  dht: boolean
  /** The tracker's hints, when the server works for one; failures mean "none". */
  tracker?(fileId: CID, options: AbortOptions): Promise<Holder[]>
  log: Logger
}

/**
 * Finds holders of a file without a tracker: asks every LAN peer mDNS found
 * (HAVE_QUERY) and looks the file id up on the private DHT, in parallel. LAN
 * holders come first (complete, then most chunks): the LAN is the cheap path.
 */
export class HolderFinder {
  readonly #init: HolderFinderInit

  constructor (init: HolderFinderInit) {
    this.#init = init
  }

  /** True when there is any source to ask (LAN peers or the DHT). */
  get enabled (): boolean { return this.#init.lan != null || this.#init.dht }

  /** Holders from every source asked, LAN first, then the tracker's, then the DHT's; each peer once. */
  async find (fileId: CID, options: FindOptions = {}): Promise<Holder[]> {
    const asked = (s: HolderSource): boolean => options.sources == null || options.sources.includes(s)
    const [lan, tracker, dht] = await Promise.all([
      asked('lan') ? this.lanHolders(fileId, options) : [],
      asked('tracker') ? this.#trackerHolders(fileId, options) : [],
      asked('dht') ? this.dhtHolders(fileId, options) : []
    ])
    const out: Holder[] = []
    for (const h of [...lan, ...tracker, ...dht]) if (!out.some((o) => o.peer.equals(h.peer))) out.push(h)
    return out
  }

  async #trackerHolders (fileId: CID, options: AbortOptions): Promise<Holder[]> {
    if (this.#init.tracker == null) return []
    try {
      return await this.#init.tracker(fileId, options)
    } catch (err: any) {
      this.#init.log('tracker hints for %s failed: %s', fileId, err.message)
      return []
    }
  }

  /** HAVE_QUERY to every LAN peer, a few at a time; peers that hold nothing or do not answer are left out. */
  async lanHolders (fileId: CID, options: AbortOptions = {}): Promise<Holder[]> {
    const peers = this.#init.lan?.peers() ?? []
    const holders: Holder[] = []
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < peers.length && options.signal?.aborted !== true) {
        const peer = peers[next++]
        try {
          const a = await queryHave(this.#init.node, peer, fileId, options)
          if (a.status !== 'none') holders.push({ peer, addrs: a.addrs, source: 'lan', complete: a.status === 'complete', chunks: a.chunks })
        } catch (err: any) {
          this.#init.log('LAN query to %p failed: %s', peer, err.message)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(LAN_QUERY_CONCURRENCY, peers.length) }, worker))
    return holders.sort((a, b) => Number(b.complete) - Number(a.complete) || (b.chunks ?? 0) - (a.chunks ?? 0))
  }

  /** Providers of the file id on the DHT (servers provide the files they hold complete). */
  async dhtHolders (fileId: CID, options: AbortOptions = {}): Promise<Holder[]> {
    const dht = this.#init.node.services.dht
    // With an empty routing table kad-dht holds queries until a peer turns up: ask only when it can answer.
    if (dht == null || !this.#hasDht()) return []
    const stop = new AbortController()
    const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(DHT_FIND_TIMEOUT_MS), ...(options.signal != null ? [options.signal] : [])])
    const holders: Holder[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      for await (const p of this.#init.node.contentRouting.findProviders(fileId, { signal })) {
        if (p.id.equals(this.#init.node.peerId) || holders.some((h) => h.peer.equals(p.id))) continue
        holders.push({ peer: p.id, addrs: await this.#addrsOf(p.id, p.multiaddrs), source: 'dht', complete: true })
        if (holders.length >= MAX_DHT_PROVIDERS) break
        timer ??= setTimeout(() => { stop.abort() }, DHT_MORE_PROVIDERS_MS)
      }
    } catch (err: any) {
      if (!stop.signal.aborted) this.#init.log('DHT lookup of %s failed: %s', fileId, err.message)
    } finally {
      clearTimeout(timer)
    }
    return holders
  }

  #hasDht (): boolean {
    const dht = this.#init.node.services.dht as { routingTable?: { size: number } } | undefined
    return this.#init.dht && dht != null && (dht.routingTable?.size ?? 0) > 0
  }

  /** The provider's addresses (from the record, else the peer store), each ending in /p2p/<peer>. */
  async #addrsOf (peer: PeerId, given: Multiaddr[]): Promise<Multiaddr[]> {
    let addrs = given
    if (addrs.length === 0) {
      const record = await this.#init.node.peerStore.get(peer).catch(() => undefined)
      addrs = record?.addresses.map((a) => a.multiaddr) ?? []
    }
    const suffix = `/p2p/${peer.toString()}`
    return addrs.map((a) => a.getComponents().at(-1)?.name === 'p2p' ? a : a.encapsulate(suffix))
  }
}
