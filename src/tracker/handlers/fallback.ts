import { isLoopback } from '@libp2p/utils'
import { multiaddr } from '@multiformats/multiaddr'
import { ProtocolError, UnknownFileError } from '../../errors.js'
import type { HttpSource } from '../../pb/tracker.js'
import { BLOBS_PATH } from '../../server/http-blobs.js'
import { fileKeyFromBytes } from '../../swarm/ids.js'
import { isRelayedAddr } from '../../util/addr.js'
import { normalizeCidr } from '../../util/net.js'
import { MAX_HINTS } from '../constants.js'
import type { Handler } from '../context.js'
import { liveHolderCandidates } from '../peer-hints.js'
import { relayAddrsFor, relayDestinations, tryPeerId, type OwnRelay } from '../relay-offer.js'

/** PeerIds a client may list as unreachable in one request. */
const MAX_UNREACHABLE = 1024

/**
 * FALLBACK: P2P is impossible or too slow for a client: HTTP sources of the
 * whole file, best first by the hint policy: live servers with a complete
 * copy and an HTTP endpoint (`--http-port`), those the client could not dial
 * last (their HTTP port may still work, but something is in the way), then
 * the tracker's own endpoint if its store has the file. And relayed
 * addresses of holders (relay-offer.ts): through the tracker's own relay
 * (`--relay`) to holders with a reservation on it, and the `/p2p-circuit`
 * addresses holders registered; answering them grants the caller the use of
 * the tracker's relay to those holders for a while (RelayGrants). The
 * caller passed the tracker's access check for FALLBACK already (a listed
 * client or server, or a token, when the tracker keeps lists).
 */
export const handleFallback: Handler = async (ctx, caller, req) => {
  const f = req.fallback
  if (f == null) throw new ProtocolError('FALLBACK without a fallback body')
  if (f.unreachable.length > MAX_UNREACHABLE) throw new ProtocolError(`more than ${MAX_UNREACHABLE} unreachable peers`)
  const fileKey = fileKeyFromBytes(f.fileId)
  if (ctx.catalog.get(fileKey) == null) throw new UnknownFileError(`the tracker does not know ${fileKey}`)
  ctx.log('fallback for %s asked by %p: %s', fileKey, caller, f.reason)
  const asker = { peerId: caller.toString(), subnet: f.subnet === '' ? '' : normalizeCidr(f.subnet), network: f.network }
  const unreachable = new Set(f.unreachable)
  const candidates = liveHolderCandidates(ctx, fileKey, (s, h) => h.bitfield.full && s.httpUrl != null && s.httpUrl !== '')
  const ranked = ctx.hintPolicy.rank(asker, candidates)
  const ordered = [...ranked.filter((c) => !unreachable.has(c.peerId)), ...ranked.filter((c) => unreachable.has(c.peerId))]
  const http: HttpSource[] = ordered.slice(0, MAX_HINTS).map((c) => ({
    url: `${ctx.registry.get(c.peerId)?.httpUrl ?? ''}${BLOBS_PATH}${fileKey}`,
    peerId: c.peerId,
    tracker: false
  }))
  const own = await ctx.store.get(fileKey).catch(() => undefined)
  const url = reachableUrl(ctx.httpUrl(), ctx.node.getMultiaddrs().map((a) => a.toString()))
  if (own?.complete === true && url !== '') http.push({ url: `${url}${BLOBS_PATH}${fileKey}`, peerId: ctx.node.peerId.toString(), tracker: true })
  const relays = offerRelays(ctx, fileKey, asker)
  if (relays.length > 0) ctx.relayGrants?.grant(caller.toString(), relayDestinations(relays))
  return { fallback: { http, relays } }
}

/** Relayed addresses of the file's live holders (any chunk), best holder first by the hint policy. */
function offerRelays (ctx: Parameters<Handler>[0], fileKey: string, asker: { peerId: string, subnet: string, network: string }): string[] {
  const relay = ctx.node.services.relay
  const ownAddr = relay == null ? undefined : trackerAddrForRelay(ctx.node.getMultiaddrs().map((a) => a.toString()))
  const own: OwnRelay | undefined = relay == null || ownAddr == null
    ? undefined
    : { addr: ownAddr, reserved: (peer) => { const id = tryPeerId(peer); return id != null && relay.reservations.has(id) } }
  const candidates = liveHolderCandidates(ctx, fileKey, (s, h) =>
    h.bitfield.count > 0 && s.peerId !== asker.peerId && (s.addrs.some(isRelayedAddr) || own?.reserved(s.peerId) === true))
  return relayAddrsFor(ctx.hintPolicy.rank(asker, candidates), own)
}

/**
 * One of the tracker's own addresses to name its relay by: a client that
 * just called FALLBACK is connected to the tracker and reuses that
 * connection for the relay, so any address with the right PeerId serves;
 * a non-loopback one still works if that connection has closed.
 */
function trackerAddrForRelay (addrs: string[]): string | undefined {
  const direct = addrs.filter((a) => !isRelayedAddr(a))
  return direct.find((a) => !isLoopback(multiaddr(a))) ?? direct[0]
}

/**
 * The tracker's HTTP base URL as a client can use it: bound to a wildcard
 * (0.0.0.0, ::), it names the first non-loopback IPv4 address the tracker
 * listens on instead (a client elsewhere cannot dial 0.0.0.0).
 */
export function reachableUrl (url: string, multiaddrs: string[]): string {
  if (url === '') return ''
  const u = new URL(url)
  if (u.hostname !== '0.0.0.0' && u.hostname !== '[::]') return url
  const ip = multiaddrs.map((a) => /^\/ip4\/([\d.]+)\//.exec(a)?.[1]).find((a) => a != null && a !== '0.0.0.0' && !a.startsWith('127.'))
  u.hostname = ip ?? '127.0.0.1'
  return u.toString().replace(/\/+$/, '')
}
