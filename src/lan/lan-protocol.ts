import type { AbortOptions, Logger, PeerId } from '@libp2p/interface'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'
import { ProtocolError } from '../errors.js'
import { inSubnets, localSubnets } from '../node/address-preference.js'
import type { ShoalNode } from '../node/index.js'
import { HaveResponse, LanRequest, LanResponse } from '../pb/lan.js'
import { callRpc, serveRpc } from '../rpc/rpc.js'
import type { ChunkStore } from '../store/types.js'
import { fileKeyFromBytes } from '../swarm/ids.js'
import { addrPeerId } from '../util/addr.js'
import {
  LAN_MAX_STREAMS, LAN_PROTOCOL, LAN_QUERY_TIMEOUT_MS, LAN_READ_TIMEOUT_MS, MAX_LAN_ADDRS,
  MAX_LAN_REQUEST_BYTES, MAX_LAN_RESPONSE_BYTES
} from './constants.js'

/** What a LAN peer said it holds of a file. */
export interface HaveAnswer {
  peer: PeerId
  status: 'none' | 'partial' | 'complete'
  chunks: number
  totalChunks: number
  /** Where it listens, with /p2p/<peer>. */
  addrs: Multiaddr[]
}

export interface LanHandlerInit {
  node: ShoalNode
  store: ChunkStore
  log: Logger
}

/**
 * Answers HAVE_QUERY on /shoal/lan/1.0.0 from the store: complete, partial
 * (with the bitfield) or none. Runs on limited (relayed) connections too: the
 * answer is a few bytes.
 */
export async function handleLanProtocol (init: LanHandlerInit): Promise<void> {
  await init.node.handle(LAN_PROTOCOL, (stream) => {
    serveRpc(stream, {
      maxRequestBytes: MAX_LAN_REQUEST_BYTES,
      readTimeoutMs: LAN_READ_TIMEOUT_MS,
      log: init.log,
      handle: async (bytes) => LanResponse.encode(await answer(init, bytes))
    })
  }, { maxInboundStreams: LAN_MAX_STREAMS, maxOutboundStreams: LAN_MAX_STREAMS, runOnLimitedConnection: true })
}

async function answer (init: LanHandlerInit, bytes: Uint8Array): Promise<LanResponse> {
  let request: LanRequest
  try {
    request = LanRequest.decode(bytes)
  } catch (err: any) {
    throw new ProtocolError(`LAN request does not decode: ${err.message}`)
  }
  if (request.type !== LanRequest.Type.HAVE_QUERY || request.haveQuery == null) {
    throw new ProtocolError(`unknown LAN request type ${String(request.type)}`)
  }
  const fileKey = fileKeyFromBytes(request.haveQuery.fileId)
  const stored = await init.store.get(fileKey).catch(() => undefined)
  const addrs = ownAddrs(init.node)
  if (stored == null || stored.bitfield.count === 0) {
    return { have: { status: HaveResponse.Status.NONE, chunks: 0, totalChunks: 0, bitfield: new Uint8Array(), addrs } }
  }
  const complete = stored.complete
  return {
    have: {
      status: complete ? HaveResponse.Status.COMPLETE : HaveResponse.Status.PARTIAL,
      chunks: stored.bitfield.count,
      totalChunks: stored.bitfield.length,
      bitfield: (complete ? new Uint8Array() : stored.bitfield.bytes.slice()) as Uint8Array<ArrayBuffer>,
      addrs
    }
  }
}

/** Our listening addresses, those in our own subnets first: the asker is on our LAN. */
function ownAddrs (node: ShoalNode): string[] {
  const subnets = localSubnets()
  const all = node.getMultiaddrs()
  const near = all.filter((a) => inSubnets(a, subnets))
  return [...near, ...all.filter((a) => !near.includes(a))].slice(0, MAX_LAN_ADDRS).map((a) => a.toString())
}

/** Asks one peer what it holds of `fileId`. Bounded by LAN_QUERY_TIMEOUT_MS. */
export async function queryHave (node: ShoalNode, peer: PeerId, fileId: CID, options: AbortOptions = {}): Promise<HaveAnswer> {
  const request = LanRequest.encode({ type: LanRequest.Type.HAVE_QUERY, haveQuery: { fileId: fileId.bytes as Uint8Array<ArrayBuffer> } })
  const bytes = await callRpc(node, peer, LAN_PROTOCOL, request, {
    timeoutMs: LAN_QUERY_TIMEOUT_MS,
    maxResponseBytes: MAX_LAN_RESPONSE_BYTES,
    what: `LAN HAVE_QUERY to ${peer.toString()}`,
    signal: options.signal
  })
  let res: LanResponse
  try {
    res = LanResponse.decode(bytes)
  } catch (err: any) {
    throw new ProtocolError(`LAN response does not decode: ${err.message}`)
  }
  const have = res.have
  if (have == null) throw new ProtocolError('LAN response lacks have')
  const { Status } = HaveResponse
  return {
    peer,
    status: have.status === Status.COMPLETE ? 'complete' : have.status === Status.PARTIAL ? 'partial' : 'none',
    chunks: have.chunks,
    totalChunks: have.totalChunks,
    addrs: peerAddrs(have.addrs, peer)
  }
}

/** Parses the responder's addresses, keeping only those that name it (or no one: then they get its id). */
function peerAddrs (texts: string[], peer: PeerId): Multiaddr[] {
  const out: Multiaddr[] = []
  for (const text of texts.slice(0, MAX_LAN_ADDRS)) {
    try {
      const ma = multiaddr(text)
      const id = addrPeerId(ma)
      if (id == null) out.push(ma.encapsulate(`/p2p/${peer.toString()}`))
      else if (id === peer.toString()) out.push(ma)
    } catch {
      // An address we cannot parse: skip it, keep the rest.
    }
  }
  return out
}
