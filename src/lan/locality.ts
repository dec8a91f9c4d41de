import { TypedEventEmitter, type AbortOptions, type Logger } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'
import { DIAL_TIMEOUT_MS } from '../node/constants.js'
import type { ShoalNode } from '../node/index.js'
import type { MdnsInit, OptionalServicesInit } from '../node/services.js'
import type { ChunkStore } from '../store/types.js'
import { DhtProvider } from './dht-provider.js'
import { HolderFinder, type Holder } from './holder-finder.js'
import { LanPeers } from './lan-peers.js'
import { handleLanProtocol } from './lan-protocol.js'
import { LAN_PROTOCOL } from './constants.js'

/** What a server turns on to find and reach peers beyond the tracker's hints (all off by default). */
export interface LocalityOptions {
  /** mDNS discovery plus LAN queries by file id. Multicasts on every interface of the host: LAN hosts only. */
  mdns?: boolean | MdnsInit
  /** The swarm's private kad-dht: provide complete files, find providers when the tracker cannot help. */
  dht?: boolean
  /**
   * Relay connections for peers that cannot be dialled directly (circuit-relay-v2, no data or time limit).
   * Only peers in `relayAllowFile` (and, on a private server, the swarm's members) may reserve: listen
   * through it. A server that is not private needs the file (server/relay-access.ts).
   */
  relay?: boolean
  /** File of PeerIds (one per line, as `--allow`) that may reserve on our relay; re-read when it changes. */
  relayAllowFile?: string
  /** Peers dialled at start: DHT bootstrap when there is no tracker or LAN peer to start from. */
  bootstrap?: string[]
  /** Addresses announced besides the listen ones, e.g. LAN addresses next to an announced public one. */
  appendAnnounce?: string[]
}

/** The node services these options need, for createShoalNode. */
export function localityServices (options: LocalityOptions = {}): OptionalServicesInit {
  return { mdns: options.mdns, dht: options.dht, relay: options.relay }
}

export interface LocalityInit {
  node: ShoalNode
  store: ChunkStore
  log: Logger
  /** Peers to dial at start, e.g. DHT bootstrap peers (multiaddrs with /p2p/). */
  bootstrap?: string[]
  /** The tracker's hints for a file, when the server works for one. */
  tracker?(fileId: CID, options: AbortOptions): Promise<Holder[]>
}

export interface LocalityEvents {
  /** A held file's DHT provider record was sent to these peers. */
  provided: CustomEvent<{ fileKey: string, peers: string[] }>
}

/**
 * A server's ways of finding holders without (or besides) a tracker, wired
 * from the services its node runs: with mDNS, LAN peers are dialled and
 * asked by file id (and asked us); with the DHT, complete files are provided
 * and providers looked up. Either way the LAN protocol answers peers' queries.
 */
export class Locality extends TypedEventEmitter<LocalityEvents> {
  readonly finder: HolderFinder
  readonly #init: LocalityInit
  readonly #lan?: LanPeers
  readonly #provider?: DhtProvider
  readonly #controller = new AbortController()

  constructor (init: LocalityInit) {
    super()
    this.#init = init
    const { node, store, log } = init
    const { mdns, dht } = node.services
    this.#lan = mdns == null ? undefined : new LanPeers({ node, mdns, log })
    const onProvided = (fileKey: string, peers: string[]): void => { this.safeDispatchEvent('provided', { detail: { fileKey, peers } }) }
    this.#provider = dht == null ? undefined : new DhtProvider({ dht, store, log, onProvided })
    this.finder = new HolderFinder({ node, lan: this.#lan, dht: dht != null, tracker: init.tracker, log })
  }

  async start (): Promise<void> {
    await handleLanProtocol({ node: this.#init.node, store: this.#init.store, log: this.#init.log })
    this.#lan?.start()
    this.#provider?.start()
    for (const addr of this.#init.bootstrap ?? []) {
      const signal = AbortSignal.any([this.#controller.signal, AbortSignal.timeout(DIAL_TIMEOUT_MS)])
      this.#init.node.dial(multiaddr(addr), { signal }).catch((err) => { this.#init.log('bootstrap dial to %s failed: %s', addr, err.message) })
    }
  }

  /** A file's holding changed (e.g. it completed): provide it on the DHT. */
  fileChanged (_fileKey: string): void {
    this.#provider?.schedule()
  }

  async stop (): Promise<void> {
    this.#controller.abort()
    this.#lan?.stop()
    this.#provider?.stop()
    await this.#init.node.unhandle(LAN_PROTOCOL)
  }
}
