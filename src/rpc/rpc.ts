import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import { ProtocolError, TimeoutError } from '../errors.js'
import type { ShoalNode } from '../node/index.js'
import { LARGE_CALL_TIMEOUT_MS } from './constants.js'
import { sendAll } from '../util/stream.js'
import { lengthPrefixed, MessageReader } from './message-reader.js'

export interface CallOptions extends AbortOptions {
  /** The whole call (dial, request, response) must finish within this. */
  timeoutMs: number
  maxResponseBytes: number
  /** Names the call in errors, e.g. "tracker REGISTER". */
  what: string
}

/**
 * One request/response call on a fresh stream: dial, send the request with its
 * length prefix, half-close, read one response. The stream is aborted on any
 * failure; a deadline becomes a TimeoutError naming the call.
 */
export async function callRpc (node: ShoalNode, target: PeerId | Multiaddr, protocol: string, request: Uint8Array, options: CallOptions): Promise<Uint8Array> {
  const deadline = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal == null ? deadline : AbortSignal.any([options.signal, deadline])
  let stream: Stream | undefined
  try {
    stream = await node.dialProtocol(target, protocol, { signal })
    const reader = new MessageReader(stream, options.maxResponseBytes)
    await sendAll(stream, lengthPrefixed(request), { signal })
    await stream.close({ signal })
    const response = await reader.next({ signal })
    if (response == null) throw new ProtocolError(`${options.what}: the remote closed without answering`)
    return response
  } catch (err: any) {
    stream?.abort(err)
    if (deadline.aborted && options.signal?.aborted !== true) {
      throw new TimeoutError(`${options.what} timed out after ${options.timeoutMs} ms`)
    }
    throw err
  }
}

export interface ServeRpcInit {
  maxRequestBytes: number
  /** How long the opener may take to send its request. */
  readTimeoutMs: number
  log: Logger
  /**
   * Turns the request's bytes into the response's. It should answer bad input
   * with an error response; if it throws, the stream is aborted instead.
   */
  handle(request: Uint8Array): Promise<Uint8Array>
}

/**
 * Answers one request on an inbound stream. The reader is attached before any
 * await, as v3 streams require; every wait has a deadline, and any failure
 * aborts the stream rather than leaving it open.
 */
export function serveRpc (stream: Stream, init: ServeRpcInit): void {
  const reader = new MessageReader(stream, init.maxRequestBytes)
  void (async () => {
    try {
      const request = await reader.next({ signal: AbortSignal.timeout(init.readTimeoutMs) })
      if (request == null) throw new ProtocolError('stream closed before a request')
      const response = await init.handle(request)
      const signal = AbortSignal.timeout(LARGE_CALL_TIMEOUT_MS)
      await sendAll(stream, lengthPrefixed(response), { signal })
      await stream.close({ signal })
    } catch (err: any) {
      init.log('rpc stream from %s aborted: %s', stream.protocol ?? '?', err.message)
      stream.abort(err)
    }
  })()
}
