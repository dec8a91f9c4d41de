import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { createLibp2p, type Libp2p } from 'libp2p'
import type { Identify } from '@libp2p/identify'
import type { Ping } from '@libp2p/ping'
import type { ConnectionGater, PrivateKey } from '@libp2p/interface'
import {
  DEFAULT_LISTEN, DIAL_TIMEOUT_MS, INBOUND_CONNECTION_THRESHOLD, MAX_CONNECTIONS,
  MAX_INCOMING_PENDING_CONNECTIONS, STREAM_MAX_READ_BUFFER, YAMUX_MAX_EARLY_STREAMS, YAMUX_STREAM_WINDOW
} from './constants.js'

export type ShoalServices = {
  identify: Identify
  ping: Ping
}

export type ShoalNode = Libp2p<ShoalServices>

export interface ShoalNodeOptions {
  privateKey: PrivateKey
  /** Multiaddrs to listen on; default one OS-chosen TCP port on every IPv4 interface. */
  listen?: string[]
  /** Addresses to announce instead of the listen addresses. */
  announce?: string[]
  connectionGater?: ConnectionGater
  maxConnections?: number
}

/**
 * The one libp2p node factory every role uses: TCP, Noise, yamux, identify, ping.
 */
export async function createShoalNode (options: ShoalNodeOptions): Promise<ShoalNode> {
  return createLibp2p({
    privateKey: options.privateKey,
    addresses: {
      listen: options.listen ?? [DEFAULT_LISTEN],
      announce: options.announce
    },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux({
      maxEarlyStreams: YAMUX_MAX_EARLY_STREAMS,
      streamOptions: {
        initialStreamWindowSize: YAMUX_STREAM_WINDOW,
        maxStreamWindowSize: YAMUX_STREAM_WINDOW * 16,
        maxReadBufferLength: STREAM_MAX_READ_BUFFER
      }
    })],
    connectionGater: options.connectionGater,
    connectionManager: {
      maxConnections: options.maxConnections ?? MAX_CONNECTIONS,
      inboundConnectionThreshold: INBOUND_CONNECTION_THRESHOLD,
      maxIncomingPendingConnections: MAX_INCOMING_PENDING_CONNECTIONS,
      dialTimeout: DIAL_TIMEOUT_MS
    },
    services: {
      identify: identify(),
      ping: ping()
    }
  })
}
