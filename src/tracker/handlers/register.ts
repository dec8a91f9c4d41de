import { multiaddr } from '@multiformats/multiaddr'
import type { PeerId } from '@libp2p/interface'
import { InvalidArgumentError, ProtocolError } from '../../errors.js'
import { normalizeCidr } from '../../util/net.js'
import type { Handler } from '../context.js'

/** Addresses kept per server and kind: more is a misconfiguration, not useful routing. */
const MAX_ADDRS = 16

/** Longest network label, in characters. */
const MAX_LABEL = 64

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
    capacityBytes: Number(r.capacityBytes)
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
    const id = ma.getComponents().find((c) => c.name === 'p2p')?.value
    if (id != null && id !== caller.toString()) continue
    out.push(id == null ? ma.encapsulate(`/p2p/${caller.toString()}`).toString() : ma.toString())
  }
  return out
}
