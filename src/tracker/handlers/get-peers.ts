import { ProtocolError, UnknownFileError } from '../../errors.js'
import { fileKeyFromBytes } from '../../swarm/ids.js'
import { normalizeCidr } from '../../util/net.js'
import { DEFAULT_HINTS, MAX_HINTS } from '../constants.js'
import type { Handler, TrackerContext } from '../context.js'
import { hintsFor } from '../peer-hints.js'
import { MAX_BANNED_REPORTED } from '../rescue.js'

/** GET_PEERS: ranked holders of a file for the caller (and the manifest, if asked). */
export const handleGetPeers: Handler = (ctx, caller, req) => {
  const g = req.getPeers
  if (g == null) throw new ProtocolError('GET_PEERS without a getPeers body')
  const fileKey = fileKeyFromBytes(g.fileId)
  const file = ctx.catalog.get(fileKey)
  if (file == null) throw new UnknownFileError(`the tracker does not know ${fileKey}`)
  ctx.registry.touch(caller.toString())
  const known = ctx.registry.get(caller.toString())
  // A registered server is where it registered; a client says where it is.
  const asker = {
    peerId: caller.toString(),
    subnet: known?.subnet ?? (g.subnet === '' ? '' : normalizeCidr(g.subnet)),
    network: known?.network ?? g.network
  }
  const max = Math.min(MAX_HINTS, g.max === 0 ? DEFAULT_HINTS : g.max)
  // Peers the caller caught lying (bad chunks): never hint them to it again, and serve it ourselves (rescue.ts).
  if (g.banned.length > MAX_BANNED_REPORTED) throw new ProtocolError(`more than ${MAX_BANNED_REPORTED} banned peers`)
  const banned = new Set(g.banned)
  if (banned.size > 0) ctx.rescues?.add(fileKey, caller.toString())
  // Network-aware distribution applies to registered servers (their tasks), not to clients.
  const scope = known == null ? undefined : ctx.networkPlan?.scopeFor(fileKey, asker)
  const peers = hintsFor({ registry: ctx.registry, catalog: ctx.catalog, policy: ctx.hintPolicy, tracker: trackerEntry(ctx, fileKey, caller.toString()), scope }, fileKey, asker, max + banned.size)
    .filter((p) => !banned.has(p.peerId)).slice(0, max)
  return {
    peers: {
      manifest: g.wantManifest ? file.info.bytes as Uint8Array<ArrayBuffer> : new Uint8Array(),
      peers,
      policy: ctx.hintPolicy.name,
      ...(scope != null ? { restricted: true } : {})
    }
  }
}

/** The tracker as a source of the file while it seeds it (or for a caller it rescues); undefined once the group holds enough copies. */
export function trackerEntry (ctx: TrackerContext, fileKey: string, caller?: string): { peerId: string, addrs: string[] } | undefined {
  if (!ctx.seeding(fileKey) && (caller == null || ctx.rescues?.has(fileKey, caller) !== true)) return undefined
  return { peerId: ctx.node.peerId.toString(), addrs: ctx.node.getMultiaddrs().map((a) => a.toString()) }
}
