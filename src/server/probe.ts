import type { Logger, Stream } from '@libp2p/interface'
import { ProtocolError } from '../errors.js'
import type { ShoalNode } from '../node/index.js'
import { ProbeRequest, ProbeResult } from '../pb/probe.js'
import { BulkReader, encodeLengthPrefixed } from '../rpc/bulk-reader.js'
import { sendAll } from '../util/stream.js'
import { MAX_PROBE_BYTES, MAX_PROBE_MESSAGE_BYTES, MAX_PROBE_MS, PROBE_MAX_STREAMS, PROBE_PROTOCOL, PROBE_REQUEST_TIMEOUT_MS } from '../rpc/transfer-constants.js'

/** Largest read per step while counting probe bytes (they are only counted, never kept). */
const SKIP_BYTES = 1024 * 1024

/**
 * Serves /shoal/probe/1.0.0 (probe.md): counts the raw bytes a client sends
 * and answers with how many arrived and over how long, measured here where
 * they arrive, so the rate is the link's and not the sender's buffer's.
 */
export async function handleProbe (node: ShoalNode, log: Logger, maxStreams = PROBE_MAX_STREAMS): Promise<void> {
  await node.handle(PROBE_PROTOCOL, (stream: Stream) => {
    void serveProbe(stream).catch((err) => {
      log('probe from %s aborted: %s', stream.id, err.message)
      stream.abort(err)
    })
  }, { maxInboundStreams: maxStreams, maxOutboundStreams: maxStreams })
}

async function serveProbe (stream: Stream): Promise<void> {
  const reader = new BulkReader(stream, { decode: ProbeRequest.decode, maxFrameBytes: MAX_PROBE_MESSAGE_BYTES })
  const req = await reader.next({ signal: AbortSignal.timeout(PROBE_REQUEST_TIMEOUT_MS) })
  if (req == null) throw new ProtocolError('stream closed before a probe request')
  const want = Math.min(req.bytes, MAX_PROBE_BYTES)
  const maxMs = Math.min(req.maxMs === 0 ? MAX_PROBE_MS : req.maxMs, MAX_PROBE_MS)
  const result = await measure(reader, want, maxMs)
  const signal = AbortSignal.timeout(PROBE_REQUEST_TIMEOUT_MS)
  await sendAll(stream, encodeLengthPrefixed(ProbeResult.encode(result)), { signal })
  await stream.close({ signal })
  // Bytes still on their way are the client's to stop (it aborts once it has the result); a client that does not is cut off.
  while (await reader.skip(SKIP_BYTES, { signal }).catch(() => -1) > 0);
  if (signal.aborted) stream.abort(new ProtocolError('probe sender did not stop'))
}

/** Counts raw bytes until `want` arrived, the client closed, or `maxMs` passed since the first byte. */
async function measure (reader: BulkReader<ProbeRequest>, want: number, maxMs: number): Promise<ProbeResult> {
  if (want === 0) return { bytes: 0n, elapsedUs: 0n, firstBytes: 0n }
  const firstBytes = await reader.skip(want, { signal: AbortSignal.timeout(PROBE_REQUEST_TIMEOUT_MS) })
  const first = reader.lastArrival
  let last = first
  let total = firstBytes
  const deadline = AbortSignal.timeout(maxMs)
  while (total < want) {
    const n = await reader.skip(want - total, { signal: deadline }).catch(() => 0)
    if (n === 0) break
    total += n
    last = reader.lastArrival
  }
  return { bytes: BigInt(total), elapsedUs: BigInt(Math.round((last - first) * 1000)), firstBytes: BigInt(firstBytes) }
}
