import { circuitRelayServer, type CircuitRelayService } from '@libp2p/circuit-relay-v2'
import { kadDHT, passthroughMapper, type KadDHT } from '@libp2p/kad-dht'
import { mdns } from '@libp2p/mdns'
import type { PeerDiscovery } from '@libp2p/interface'
import { DHT_PROTOCOL, MDNS_INTERVAL_MS, MDNS_SERVICE_TAG, RELAY_MAX_HOP_STREAMS, RELAY_MAX_RESERVATIONS } from './constants.js'

/** Services a node may run besides identify and ping; each is absent unless asked for. */
export type OptionalServices = {
  /** mDNS discovery: emits 'peer' for Shoal nodes on the LAN (the node does not dial them itself). */
  mdns?: PeerDiscovery
  /** The swarm's private kad-dht: servers provide the file ids they hold. */
  dht?: KadDHT
  /** A circuit-relay-v2 server for peers that cannot be dialled directly. */
  relay?: CircuitRelayService
}

export interface MdnsInit {
  intervalMs?: number
  serviceTag?: string
}

export interface RelayServerInit {
  maxReservations?: number
}

export interface OptionalServicesInit {
  /**
   * mDNS joins the multicast group on every interface of the host and no
   * option confines it (LIBP2P.md): only turn it on where every interface is
   * a LAN you mean to announce on.
   */
  mdns?: boolean | MdnsInit
  dht?: boolean
  relay?: boolean | RelayServerInit
}

type Factories = { [K in keyof OptionalServices]-?: (components: any) => NonNullable<OptionalServices[K]> }

/** The service factories for createLibp2p, only for the services asked for. */
export function optionalServices (init: OptionalServicesInit): Partial<Factories> {
  const out: Partial<Factories> = {}
  if (init.mdns != null && init.mdns !== false) {
    const o = init.mdns === true ? {} : init.mdns
    out.mdns = mdns({ serviceTag: o.serviceTag ?? MDNS_SERVICE_TAG, interval: o.intervalMs ?? MDNS_INTERVAL_MS })
  }
  if (init.dht === true) {
    out.dht = kadDHT({
      protocol: DHT_PROTOCOL,
      // Servers are dialable peers of one swarm: serve queries from the start instead of waiting to learn we are public.
      clientMode: false,
      // The default mapper drops private and loopback addresses, so on a LAN the routing table never fills (LIBP2P.md).
      peerInfoMapper: passthroughMapper
    })
  }
  if (init.relay != null && init.relay !== false) {
    const o = init.relay === true ? {} : init.relay
    out.relay = circuitRelayServer({
      reservations: {
        maxReservations: o.maxReservations ?? RELAY_MAX_RESERVATIONS,
        // The default limits cut a relayed connection after 128 KiB or 2 minutes: useless for chunks of a large file.
        applyDefaultLimit: false
      },
      maxInboundHopStreams: RELAY_MAX_HOP_STREAMS,
      maxOutboundHopStreams: RELAY_MAX_HOP_STREAMS
    })
  }
  return out
}
