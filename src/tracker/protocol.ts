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
import { handlePrefetch } from './handlers/prefetch.js'
import { handleRegister } from './handlers/register.js'
import { handleReplicate } from './handlers/replicate.js'
import { handleTaskResult } from './handlers/task-result.js'
import { handleTaskStatus } from './handlers/task-status.js'
import { handleUpload } from './handlers/upload.js'
import { handleIngestCommit } from './handlers/ingest-commit.js'
import { handleDownload } from './handlers/download.js'
import { handleFallback } from './handlers/fallback.js'
import { handleListFiles } from './handlers/list-files.js'
import { handleListTasks } from './handlers/list-tasks.js'

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
  [Type.TASK_STATUS]: handleTaskStatus,
  [Type.PREFETCH]: handlePrefetch,
  [Type.UPLOAD]: handleUpload,
  [Type.INGEST_COMMIT]: handleIngestCommit,
  [Type.DOWNLOAD]: handleDownload,
  [Type.FALLBACK]: handleFallback,
  [Type.LIST_FILES]: handleListFiles,
  [Type.LIST_TASKS]: handleListTasks
}

/** Wire numbers of the request types this tracker knows (tracker.proto). */
const KNOWN_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])

/**
 * The number in field 1 (`type`) of an encoded TrackerRequest, read without
 * decoding the rest; undefined when the bytes are not a sequence of fields.
 */
export function peekType (bytes: Uint8Array): number | undefined {
  let pos = 0
  const readVarint = (): number | undefined => {
    let value = 0
    for (let shift = 0; shift < 35 && pos < bytes.length; shift += 7) {
      const b = bytes[pos++]
      value += (b & 0x7f) * 2 ** shift
      if ((b & 0x80) === 0) return value
    }
    return undefined
  }
  while (pos < bytes.length) {
    const tag = readVarint()
    if (tag === undefined) return undefined
    const field = Math.floor(tag / 8)
    const wire = tag % 8
    if (wire === 0) {
      const v = readVarint()
      if (v === undefined) return undefined
      if (field === 1) return v
    } else if (wire === 2) {
      const len = readVarint()
      if (len === undefined) return undefined
      pos += len
    } else if (wire === 1) pos += 8
    else if (wire === 5) pos += 4
    else return undefined
  }
  return undefined
}

/** Serves /shoal/tracker/1.0.0: one request, one response per stream. */
export async function handleTrackerProtocol (ctx: TrackerContext, streams?: { in: number, out: number }): Promise<void> {
  await ctx.node.handle(TRACKER_PROTOCOL, (stream: Stream, connection: Connection) => {
    serveRpc(stream, {
      maxRequestBytes: MAX_TRACKER_REQUEST_BYTES,
      readTimeoutMs: REQUEST_READ_TIMEOUT_MS,
      log: ctx.log,
      handle: async (bytes) => TrackerResponse.encode(await answer(ctx, connection, bytes))
    })
  }, { maxInboundStreams: streams?.in ?? RPC_MAX_INBOUND_STREAMS, maxOutboundStreams: streams?.out ?? RPC_MAX_OUTBOUND_STREAMS })
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
      // A newer peer's request type fails to decode as an unknown enum value: say so plainly.
      const type = peekType(bytes)
      if (type !== undefined && !KNOWN_TYPES.has(type)) return { error: { code: TrackerError.Code.UNSUPPORTED, message: `unsupported request type ${type}` } }
      throw new ProtocolError(`request does not decode: ${err.message}`)
    }
    const handler = HANDLERS[request.type]
    if (handler == null) return { error: { code: TrackerError.Code.UNSUPPORTED, message: `unsupported request type ${String(request.type)}` } }
    // Roles first (auth.ts): a refused caller's request never reaches its handler.
    await ctx.auth?.authorize(connection.remotePeer, request.type, request.token)
    const response = await handler(ctx, connection.remotePeer, request)
    return ctx.auth?.withMembers(connection.remotePeer, request, response) ?? response
  } catch (err: any) {
    const code = codeOf(err)
    if (code === TrackerError.Code.INTERNAL) ctx.log.error('tracker request from %p failed: %s', connection.remotePeer, err.stack ?? err.message)
    return { error: { code, message: String(err.message ?? err) } }
  }
}
