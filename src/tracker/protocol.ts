import type { Connection, Stream } from '@libp2p/interface'
import { ProtocolError } from '../errors.js'
import { TrackerError, TrackerRequest, TrackerResponse } from '../pb/tracker.js'
import { MAX_TRACKER_REQUEST_BYTES, REQUEST_READ_TIMEOUT_MS, RPC_MAX_INBOUND_STREAMS, RPC_MAX_OUTBOUND_STREAMS, TRACKER_PROTOCOL } from '../rpc/constants.js'
import { serveRpc } from '../rpc/rpc.js'
import { codeOf } from '../rpc/tracker-errors.js'
import type { Handler, TrackerContext } from './context.js'
import { handleAnnounce } from './handlers/announce.js'
import { handleCommit } from './handlers/commit.js'
import { handleGetPeers } from './handlers/get-peers.js'
import { handleHeartbeat } from './handlers/heartbeat.js'
import { handleRegister } from './handlers/register.js'
import { handleReplicate } from './handlers/replicate.js'
import { handleTaskResult } from './handlers/task-result.js'
import { handleTaskStatus } from './handlers/task-status.js'

const { Type } = TrackerRequest

/** One handler per request type, each in its own file (kad-dht's layout). */
const HANDLERS: Partial<Record<TrackerRequest.Type, Handler>> = {
  [Type.REGISTER]: handleRegister,
  [Type.HEARTBEAT]: handleHeartbeat,
  [Type.ANNOUNCE]: handleAnnounce,
  [Type.GET_PEERS]: handleGetPeers,
  [Type.COMMIT]: handleCommit,
  [Type.TASK_RESULT]: handleTaskResult,
  [Type.REPLICATE]: handleReplicate,
  [Type.TASK_STATUS]: handleTaskStatus
}

/** Serves /shoal/tracker/1.0.0: one request, one response per stream. */
export async function handleTrackerProtocol (ctx: TrackerContext): Promise<void> {
  await ctx.node.handle(TRACKER_PROTOCOL, (stream: Stream, connection: Connection) => {
    serveRpc(stream, {
      maxRequestBytes: MAX_TRACKER_REQUEST_BYTES,
      readTimeoutMs: REQUEST_READ_TIMEOUT_MS,
      log: ctx.log,
      handle: async (bytes) => TrackerResponse.encode(await answer(ctx, connection, bytes))
    })
  }, { maxInboundStreams: RPC_MAX_INBOUND_STREAMS, maxOutboundStreams: RPC_MAX_OUTBOUND_STREAMS })
}

/**
 * Decodes and dispatches one request. Whatever goes wrong (a message that
 * does not decode, an unknown type, a handler error) becomes an error
 * response with a code; nothing a peer sends can crash the tracker.
 */
async function answer (ctx: TrackerContext, connection: Connection, bytes: Uint8Array): Promise<TrackerResponse> {
  try {
    let request: TrackerRequest
    try {
      request = TrackerRequest.decode(bytes)
    } catch (err: any) {
      throw new ProtocolError(`request does not decode: ${err.message}`)
    }
    const handler = HANDLERS[request.type]
    if (handler == null) return { error: { code: TrackerError.Code.UNSUPPORTED, message: `unsupported request type ${String(request.type)}` } }
    return await handler(ctx, connection.remotePeer, request)
  } catch (err: any) {
    const code = codeOf(err)
    if (code === TrackerError.Code.INTERNAL) ctx.log.error('tracker request from %p failed: %s', connection.remotePeer, err.stack ?? err.message)
    return { error: { code, message: String(err.message ?? err) } }
  }
}
