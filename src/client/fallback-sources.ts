import { peerIdFromString } from '@libp2p/peer-id'
import { DownloadFailedError } from '../errors.js'
import { sleep } from '../util/sleep.js'
import { RATE_CHECK_MS, SLOW_FOR_MS } from './constants.js'
import type { ClientContext } from './context.js'
import type { DownloadRun } from './download-run.js'
import { HttpSources } from './http-source.js'
import { openRelayed } from './relay-source.js'
import { trackerCall } from './tracker-calls.js'

export interface FallbackPolicy {
  /** Use the relays the tracker offers (default true). */
  relay?: boolean
  /** HTTP that has delivered nothing for this long counts as failed, for starting the relays. */
  httpIdleMs?: number
}

/**
 * The download's fallback, once P2P failed or stayed too slow: asks the
 * tracker (FALLBACK, naming the holders it could not reach) for HTTP
 * sources and relayed addresses of holders, then:
 *
 * - HTTP first: it costs one copy from a server's link, where a relayed
 *   byte crosses the relay's link twice (in and out), and the relay is
 *   usually the tracker, the swarm's scarce link.
 * - Relays when there is no HTTP source, when HTTP failed, or when it
 *   delivered nothing for `httpIdleMs` (its endpoint is not routable from
 *   here): the holders are dialled through the relays and the swarm
 *   download continues over those connections (P2pRunner), beside any HTTP
 *   still running; each chunk is fetched once by either.
 */
export async function runFallback (ctx: ClientContext, run: DownloadRun, reason: string, hinted: string[], policy: FallbackPolicy, signal: AbortSignal): Promise<void> {
  run.fallbackReason = reason
  try {
    const unreachable = hinted.filter((id) => ctx.node.getConnections(peerIdFromString(id)).length === 0)
    const res = await trackerCall(ctx.trackerAddr, async () => ctx.tracker.fallback(run.info.id, { reason, unreachable, subnet: ctx.subnet, network: ctx.network }, { signal }), signal)
    const urls = res.http.map((h) => h.url)
    const relays = policy.relay === false ? [] : res.relays
    ctx.events.safeDispatchEvent('fallback', { detail: { fileId: run.info.key, reason, sources: urls, relays } })
    if (urls.length === 0 && relays.length === 0) throw new DownloadFailedError('the tracker has no fallback source for this file')
    let httpSettled = urls.length === 0
    const http = urls.length === 0
      ? Promise.resolve()
      : new HttpSources({ info: run.info, stored: run.stored, urls, log: ctx.log, onWriting: (index, url) => { run.httpWriting.set(index, url) } })
        .run(signal)
        .catch((err) => { if (!signal.aborted) run.httpError = err })
        .finally(() => { httpSettled = true })
    if (relays.length > 0) {
      // Wait while HTTP works: until it ends, or as long as it has delivered nothing for httpIdleMs.
      const idleUntil = Date.now() + (policy.httpIdleMs ?? SLOW_FOR_MS)
      while (!httpSettled && !run.stored.complete && (run.bytesByKind.http > 0 || Date.now() < idleUntil)) await sleep(RATE_CHECK_MS, signal)
      if (!run.stored.complete && run.bytesByKind.http < run.info.manifest.size) await startRelays(ctx, run, relays, signal)
    } else if (urls.length > 0) {
      await http
      if (run.httpError != null) throw run.httpError
    }
    await http
  } catch (err: any) {
    if (!signal.aborted) run.httpError ??= err
  } finally {
    run.fallbackDone = true
  }
}

/** Dials the holders through their relays; the swarm download continues over what connected. */
async function startRelays (ctx: ClientContext, run: DownloadRun, relays: string[], signal: AbortSignal): Promise<void> {
  try {
    const connected = await openRelayed(ctx.node, relays, signal, ctx.log)
    ctx.events.safeDispatchEvent('relay', { detail: { fileId: run.info.key, connected, offered: new Set(relays.map((a) => a.slice(a.lastIndexOf('/p2p/')))).size } })
    if (connected.length === 0) throw new DownloadFailedError(`no holder could be reached through the ${relays.length} relayed addresses offered`)
    run.p2p.start(connected)
  } catch (err: any) {
    if (!signal.aborted) run.relayError = err
  }
}
