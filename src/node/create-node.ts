import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { createLibp2p, type Libp2p } from 'libp2p'
import type { Identify } from '@libp2p/identify'
import type { Ping } from '@libp2p/ping'
import type { ConnectionGater, PrivateKey } from '@libp2p/interface'
import { sameSubnetFirst } from './address-preference.js'
import { shoalGater, type GaterInit } from './gater.js'
import type { PeerId } from '@libp2p/interface'
import {
  CONNECTION_PING_MIN_TIMEOUT_MS, DEFAULT_LISTEN, DIAL_TIMEOUT_MS, INBOUND_CONNECTION_THRESHOLD, INBOUND_UPGRADE_TIMEOUT_MS, PING_MAX_STREAMS,
  STREAM_MAX_READ_BUFFER, YAMUX_MAX_EARLY_STREAMS, YAMUX_MAX_STREAM_WINDOW, YAMUX_STREAM_WINDOW
} from './constants.js'
import { resolveLimits, type Limits } from '../limits.js'
import { optionalServices, type OptionalServices, type OptionalServicesInit } from './services.js'

export type ShoalServices = {
  identify: Identify
  ping: Ping
} & OptionalServices

export type ShoalNode = Libp2p<ShoalServices>

export interface ShoalNodeOptions {
  privateKey: PrivateKey
  /** Multiaddrs to listen on; default one OS-chosen TCP port on every IPv4 interface. */
  listen?: string[]
  /** Addresses to announce instead of the listen addresses. */
  announce?: string[]
  /**
   * Addresses announced besides the listen (or `announce`) addresses: a server
   * behind NAT announces its public address and appends its LAN ones, so peers
   * in its subnet can take the short path.
   */
  appendAnnounce?: string[]
  /** Replaces the default gater (shoalGater: per-IP handshake cap, and `allow`). */
  connectionGater?: ConnectionGater
  /** Private swarm: only peers this accepts may connect, checked after Noise (gater.ts). Default: everyone. */
  allow?: (peer: PeerId) => boolean
  /** Told of every connection the default gater refuses (logs, `refused` events). */
  onDenied?: GaterInit['onDenied']
  /** With a relay service: who it relays, and who may reserve (gater.ts). Default: everyone. */
  relayGate?: Pick<GaterInit, 'mayRelay' | 'mayReserve'>
  maxConnections?: number
  /** Connection limits (limits.ts); `maxConnections` above wins when both are given. Defaults from the constants. */
  limits?: Partial<Pick<Limits, 'maxConnections' | 'maxPendingConnections' | 'maxPendingPerIp'>>
  /** Optional services (all off by default): mDNS, the private DHT, a relay for others. */
  services?: OptionalServicesInit
}

/**
 * The one libp2p node factory every role uses: TCP (and circuit-relay dials,
 * so relayed peers are reachable), Noise, yamux, identify, ping; optionally
 * mDNS, kad-dht and a relay server. Addresses in our own subnets are dialled
 * first (sameSubnetFirst).
 */
export async function createShoalNode (options: ShoalNodeOptions): Promise<ShoalNode> {
  const limits = resolveLimits({ ...options.limits, ...(options.maxConnections != null ? { maxConnections: options.maxConnections } : {}) })
  return createLibp2p({
    privateKey: options.privateKey,
    addresses: {
      listen: options.listen ?? [DEFAULT_LISTEN],
      announce: options.announce,
      appendAnnounce: options.appendAnnounce
    },
    // The relay transport only dials relayed addresses (and listens on /p2p-circuit when asked): it accepts nothing unasked.
    transports: [tcp(), circuitRelayTransport()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux({
      maxEarlyStreams: YAMUX_MAX_EARLY_STREAMS,
      streamOptions: {
        initialStreamWindowSize: YAMUX_STREAM_WINDOW,
        maxStreamWindowSize: YAMUX_MAX_STREAM_WINDOW,
        maxReadBufferLength: STREAM_MAX_READ_BUFFER
      }
    })],
    connectionGater: options.connectionGater ?? shoalGater({ allow: options.allow, maxPendingPerIp: limits.maxPendingPerIp, onDenied: options.onDenied, ...options.relayGate }),
    connectionManager: {
      maxConnections: limits.maxConnections,
      inboundConnectionThreshold: INBOUND_CONNECTION_THRESHOLD,
      maxIncomingPendingConnections: limits.maxPendingConnections,
      dialTimeout: DIAL_TIMEOUT_MS,
      inboundUpgradeTimeout: INBOUND_UPGRADE_TIMEOUT_MS,
      addressSorter: sameSubnetFirst()
    },
    connectionMonitor: { pingTimeout: { minTimeout: CONNECTION_PING_MIN_TIMEOUT_MS } },
    services: {
      identify: identify(),
      ping: ping({ maxOutboundStreams: PING_MAX_STREAMS, maxInboundStreams: PING_MAX_STREAMS }),
      ...optionalServices(options.services ?? {})
    }
  })
}
