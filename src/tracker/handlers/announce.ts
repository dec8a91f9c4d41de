import { NotRegisteredError, ProtocolError } from '../../errors.js'
import { fileKeyFromBytes } from '../../swarm/ids.js'
import type { Handler } from '../context.js'

/** Files in one announcement at most (the message size limit bounds the bitfields). */
const MAX_HOLDINGS_PER_ANNOUNCE = 65_536

/** ANNOUNCE: the caller's holdings, one compact bitfield per file. */
export const handleAnnounce: Handler = (ctx, caller, req) => {
  const a = req.announce
  if (a == null) throw new ProtocolError('ANNOUNCE without an announce body')
  if (ctx.registry.get(caller.toString()) == null) throw new NotRegisteredError('announce before register')
  if (a.holdings.length > MAX_HOLDINGS_PER_ANNOUNCE) throw new ProtocolError(`more than ${MAX_HOLDINGS_PER_ANNOUNCE} holdings`)
  ctx.registry.touch(caller.toString())
  const holdings = a.holdings.map((h) => ({ fileKey: fileKeyFromBytes(h.fileId), bitfield: h.bitfield, complete: h.complete }))
  const changed = ctx.catalog.applyAnnounce(caller.toString(), holdings, a.full)
  // A server that just completed a file may end the tracker's seeding of it, or free a waiting task.
  if (changed.length > 0) ctx.kick()
  return {}
}
