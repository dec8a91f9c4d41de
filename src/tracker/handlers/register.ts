import { multiaddr } from '@multiformats/multiaddr'
import type { PeerId } from '@libp2p/interface'
import { InvalidArgumentError, ProtocolError } from '../../errors.js'
import { normalizeCidr } from '../../util/net.js'
import { addrPeerId } from '../../util/addr.js'
import type { Handler } from '../context.js'

/** Addresses kept per server and kind: more is a misconfiguration, not useful routing. */
const MAX_ADDRS = 16

/** Longest network label, in characters. */
const MAX_LABEL = 64

/** Longest HTTP base URL, in characters. */
const MAX_URL = 256

/** REGISTER: a task server joins or rejoins. Its PeerId is the stream's, never a field. */
export const handleRegister: Handler = (ctx, caller, req) => {
  const r = req.register
  if (r == null) throw new ProtocolError('REGISTER without a register body')
  if (r.network.length > MAX_LABEL) throw new InvalidArgumentError(`network label longer than ${MAX_LABEL} characters`)
  const info = {
    addrs: ownAddrs(r.addrs, caller),
    lanAddrs: ownAddrs(r.lanAddrs, caller),
    subnet: r.subnet === '' ? '' : normalizeCidr(r.subnet),
    network: r.network,
    capacityBytes: Number(r.capacityBytes),
    ingest: r.ingest,
    httpUrl: httpUrl(r.httpUrl)
  }
  if (info.addrs.length === 0 && info.lanAddrs.length === 0) throw new InvalidArgumentError('REGISTER needs at least one address')
  ctx.registry.register(caller.toString(), info)
  ctx.log('registered %p (%s, network "%s")', caller, info.subnet, info.network)
  ctx.onRegistered(caller)
  return { register: { heartbeatIntervalMs: ctx.heartbeatIntervalMs, heartbeatTimeoutMs: ctx.heartbeatTimeoutMs } }
}

/**
 * Parses the caller's addresses, makes each end in /p2p/<caller>, and drops
 * any that name another peer: a server may only register itself.
 */
function ownAddrs (addrs: string[], caller: PeerId): string[] {
  const out: string[] = []
  for (const text of addrs.slice(0, MAX_ADDRS)) {
    let ma
    try {
      ma = multiaddr(text)
    } catch {
      throw new InvalidArgumentError(`"${text}" is not a multiaddr`)
    }
    const id = addrPeerId(ma)
    if (id != null && id !== caller.toString()) continue
    out.push(id == null ? ma.encapsulate(`/p2p/${caller.toString()}`).toString() : ma.toString())
  }
  return out
}

/** The server's HTTP blob base URL: empty, or an http(s) URL without a trailing slash. */
function httpUrl (text: string): string {
  if (text === '') return ''
  if (text.length > MAX_URL) throw new InvalidArgumentError(`httpUrl longer than ${MAX_URL} characters`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InvalidArgumentError(`"${text}" is not a URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError(`httpUrl must be http or https, not ${url.protocol}`)
  return url.toString().replace(/\/+$/, '')
}
