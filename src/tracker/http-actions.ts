import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '@libp2p/interface'
import { parseFileId } from '../manifest/index.js'
import { TrackerRequest } from '../pb/tracker.js'
import type { TrackerContext } from './context.js'
import { handleReplicate } from './handlers/replicate.js'

/** Largest request body of a state-changing HTTP call: a file id and a list of server ids. */
export const MAX_HTTP_BODY_BYTES = 256 * 1024

/** Time a client has to send the whole body. */
export const HTTP_BODY_TIMEOUT_MS = 10_000

export interface HttpActions {
  /** Creates a replicate task: to the named servers, or every live one when `to` is empty. */
  replicate(fileId: Uint8Array, to: string[]): Promise<{ taskId: string, servers: string[] }>
  log: Logger
}

/**
 * The tracker's one state-changing HTTP endpoint, for operators with curl:
 * `POST /api/tasks {"fileId": "bafkrei...", "to": ["12D3KooW..."]}` creates a
 * replicate task (`to` empty or absent = every live server) and answers 201
 * `{taskId, servers}`. The HTTP API authorises it first (http-auth.ts: it
 * needs the bearer token). Returns false for requests it does not own.
 */
export function handleHttpAction (actions: HttpActions, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://tracker').pathname
  if (req.method !== 'POST' || path !== '/api/tasks') return false
  void (async () => {
    let body: any
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'))
    } catch (err: any) {
      return send(res, err.status ?? 400, { error: err.status != null ? err.message : 'the body must be JSON: {"fileId": "...", "to": [...]}' })
    }
    const to = body?.to ?? []
    if (typeof body?.fileId !== 'string' || !Array.isArray(to) || !to.every((t: unknown) => typeof t === 'string')) {
      return send(res, 400, { error: 'expected {"fileId": string, "to": [PeerId, ...]}' })
    }
    let fileId: Uint8Array
    try {
      fileId = parseFileId(body.fileId).bytes
    } catch {
      return send(res, 400, { error: `"${String(body.fileId)}" is not a file id` })
    }
    try {
      send(res, 201, await actions.replicate(fileId, to))
    } catch (err: any) {
      const status = STATUS[err.name] ?? 500
      if (status === 500) actions.log.error('POST /api/tasks failed: %s', err.stack ?? err.message)
      send(res, status, { error: status === 500 ? 'internal error' : err.message })
    }
  })()
  return true
}

/** HTTP status of the named errors a replicate call can raise. */
const STATUS: Record<string, number> = {
  UnknownFileError: 404,
  UnknownServerError: 400,
  InvalidArgumentError: 400,
  ProtocolError: 400
}

/** POST /api/tasks does what a REPLICATE call does (as the tracker itself: the token is the authority). */
export function replicateVia (ctx: TrackerContext): HttpActions['replicate'] {
  return async (fileId, to) => {
    const res = await handleReplicate(ctx, ctx.node.peerId, { type: TrackerRequest.Type.REPLICATE, replicate: { fileId: fileId as Uint8Array<ArrayBuffer>, to }, token: '' })
    return res.replicate ?? { taskId: '', servers: [] }
  }
}

async function readBody (req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const timer = setTimeout(() => { fail(408, 'the body took too long') }, HTTP_BODY_TIMEOUT_MS)
    const fail = (status: number, message: string): void => {
      clearTimeout(timer)
      req.removeAllListeners('data')
      req.resume()
      reject(Object.assign(new Error(message), { status }))
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > MAX_HTTP_BODY_BYTES) fail(413, `the body is larger than ${MAX_HTTP_BODY_BYTES} bytes`)
      else chunks.push(chunk)
    })
    req.on('end', () => { clearTimeout(timer); resolve(Buffer.concat(chunks)) })
    req.on('error', (err) => { clearTimeout(timer); reject(err) })
  })
}

function send (res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return
  const text = JSON.stringify(body) + '\n'
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
  res.end(text)
}
