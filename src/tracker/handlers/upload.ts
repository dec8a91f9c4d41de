import { ProtocolError } from '../../errors.js'
import { normalizeCidr } from '../../util/net.js'
import { DEFAULT_HINTS, MAX_HINTS } from '../constants.js'
import type { Handler } from '../context.js'
import { addressesFor } from '../hints.js'
import { candidateOf } from '../peer-hints.js'

/**
 * UPLOAD: where a client may upload. Live servers started with --ingest,
 * ranked for the caller by the hint policy (the same locality that orders
 * downloads), then the tracker itself, which always accepts uploads but
 * whose link is the scarce one.
 */
export const handleUpload: Handler = (ctx, caller, req) => {
  const u = req.upload
  if (u == null) throw new ProtocolError('UPLOAD without an upload body')
  const asker = { peerId: caller.toString(), subnet: u.subnet === '' ? '' : normalizeCidr(u.subnet), network: u.network }
  const max = Math.min(MAX_HINTS, u.max === 0 ? DEFAULT_HINTS : u.max)
  // A client admitted by a token alone is not on the client list the servers hold, so only the tracker takes its upload.
  const servers = ctx.auth?.byTokenOnly(caller) === true ? [] : ctx.registry.alive()
  const candidates = servers.filter((s) => s.ingest === true).map((s) => candidateOf(s, 0, 1))
  const peers = ctx.hintPolicy.rank(asker, candidates).slice(0, max).map((c) => ({
    peerId: c.peerId,
    addrs: addressesFor(asker, c),
    chunks: 0,
    complete: false,
    subnet: c.subnet,
    network: c.network,
    tracker: false
  }))
  peers.push({ peerId: ctx.node.peerId.toString(), addrs: ctx.node.getMultiaddrs().map((a) => a.toString()), chunks: 0, complete: false, subnet: '', network: '', tracker: true })
  return { upload: { peers, policy: ctx.hintPolicy.name } }
}
