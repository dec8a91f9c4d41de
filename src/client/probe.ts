import type { AbortOptions, Stream } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import { ProtocolError, TimeoutError } from '../errors.js'
import type { ShoalNode } from '../node/index.js'
import { ProbeRequest, ProbeResult } from '../pb/probe.js'
import { BulkReader, encodeLengthPrefixed } from '../rpc/bulk-reader.js'
import { MAX_PROBE_MESSAGE_BYTES, PROBE_PROTOCOL } from '../rpc/transfer-constants.js'
import { sendAll } from '../util/stream.js'
import { PROBE_BYTES, PROBE_MAX_MS, PROBE_MIN_ELAPSED_US, PROBE_RESULT_GRACE_MS, PROBE_SEND_SLICE } from './constants.js'
import { probeRate } from './probe-select.js'

export interface ProbeOptions extends AbortOptions {
  bytes?: number
  maxMs?: number
}

export interface ProbeMeasure {
  bytes: number
  elapsedMs: number
  rateBps: number
}

/** Zeros to send: Noise encrypts them, so nothing on the way can compress them. */
const ZEROS = new Uint8Array(PROBE_SEND_SLICE)

/**
 * Probes one ingest candidate over /shoal/probe/1.0.0 (probe.md): sends up to
 * `bytes` raw bytes for at most `maxMs`, and reads the receiver's count of
 * what arrived and when. The connection it dials is the one the upload will
 * use, so the probe also warms it up.
 */
export async function probeIngest (node: ShoalNode, addrs: readonly string[], options: ProbeOptions = {}): Promise<ProbeMeasure> {
  const bytes = options.bytes ?? PROBE_BYTES
  const maxMs = options.maxMs ?? PROBE_MAX_MS
  const deadline = AbortSignal.timeout(maxMs + PROBE_RESULT_GRACE_MS + 10_000)
  const signal = options.signal == null ? deadline : AbortSignal.any([options.signal, deadline])
  let stream: Stream | undefined
  try {
    stream = await node.dialProtocol(addrs.map((a) => multiaddr(a)), PROBE_PROTOCOL, { signal })
    const reader = new BulkReader(stream, { decode: ProbeResult.decode, maxFrameBytes: MAX_PROBE_MESSAGE_BYTES })
    const started = performance.now()
    let answered = false
    const result = reader.next({ signal }).finally(() => { answered = true })
    result.catch(() => {})
    await sendAll(stream, encodeLengthPrefixed(ProbeRequest.encode({ bytes, maxMs })), { signal })
    for (let sent = 0; sent < bytes && !answered && performance.now() - started < maxMs;) {
      const n = Math.min(ZEROS.byteLength, bytes - sent)
      await sendAll(stream, ZEROS.subarray(0, n), { signal })
      sent += n
    }
    void stream.close({ signal }).catch(() => {})
    const grace = AbortSignal.any([signal, AbortSignal.timeout(maxMs + PROBE_RESULT_GRACE_MS)])
    const r = await Promise.race([result, new Promise<never>((_resolve, reject) => {
      grace.addEventListener('abort', () => reject(new TimeoutError('the probe receiver did not answer in time')), { once: true })
    })])
    const clientMs = performance.now() - started
    if (r == null) throw new ProtocolError('the probe receiver closed without an answer')
    const m = { bytes: Number(r.bytes), firstBytes: Number(r.firstBytes), elapsedUs: Number(r.elapsedUs) }
    return { bytes: m.bytes, elapsedMs: m.elapsedUs / 1000, rateBps: probeRate(m, clientMs, PROBE_MIN_ELAPSED_US) }
  } finally {
    // Whatever is still queued is only probe filler: drop it rather than let it delay the upload.
    stream?.abort(new ProtocolError('probe finished'))
  }
}
