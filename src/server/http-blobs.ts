import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { Logger } from '@libp2p/interface'
import type { ChunkStore } from '../store/types.js'
import { isKey } from '../store/util.js'
import { contentRange, parseRange } from './http-range.js'
import { listenHttp } from '../util/http.js'

/** Path prefix of the blob endpoint: GET /blobs/<file id>. */
export const BLOBS_PATH = '/blobs/'

/**
 * Answers GET and HEAD /blobs/<file id> from a chunk store, with single-range
 * support (206, Content-Range), so a client (or curl) can fetch any part of
 * a file. Only COMPLETE files are served, straight from the data file: every
 * chunk of a complete file was verified when it was stored, and the client
 * verifies each chunk it gets against the manifest again, so a byte damaged
 * on disk since is caught there. Returns false for paths it does not own.
 */
export function handleBlobRequest (store: ChunkStore, req: IncomingMessage, res: ServerResponse, log: Logger, onSent?: (bytes: number) => void): boolean {
  const path = new URL(req.url ?? '/', 'http://blobs').pathname
  if (!path.startsWith(BLOBS_PATH)) return false
  void serveBlob(store, req, res, decodeURIComponent(path.slice(BLOBS_PATH.length)), onSent).catch((err) => {
    log('HTTP %s failed: %s', req.url, err.message)
    if (!res.headersSent) sendText(res, 500, 'internal error')
    else res.destroy(err)
  })
  return true
}

async function serveBlob (store: ChunkStore, req: IncomingMessage, res: ServerResponse, key: string, onSent?: (bytes: number) => void): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'only GET and HEAD are supported', { allow: 'GET, HEAD' })
  if (!isKey(key)) return sendText(res, 400, `"${key}" is not a file id`)
  const stored = await store.get(key).catch(() => undefined)
  if (stored?.complete !== true || stored.path == null) return sendText(res, 404, `no complete file ${key} here`)
  const size = stored.info.manifest.size
  const headers: Record<string, string | number> = {
    'accept-ranges': 'bytes',
    'content-type': 'application/octet-stream',
    etag: `"${key}"`,
    'cache-control': 'public, max-age=31536000, immutable'
  }
  const asked = parseRange(req.headers.range, size)
  if (asked.kind === 'unsatisfiable') return sendText(res, 416, 'range not satisfiable', { 'content-range': `bytes */${size}` })
  const range = asked.kind === 'range' ? asked.range : { start: 0, end: size - 1 }
  const length = size === 0 ? 0 : range.end - range.start + 1
  headers['content-length'] = length
  if (asked.kind === 'range') headers['content-range'] = contentRange(range, size)
  res.writeHead(asked.kind === 'range' ? 206 : 200, headers)
  if (req.method === 'HEAD' || length === 0) { res.end(); return }
  // The file is complete, so nothing writes to it any more: a separate read stream is safe.
  const body = createReadStream(stored.path, { start: range.start, end: range.end })
  // Counted as it goes (metrics), so a client that hangs up still shows what it got.
  if (onSent != null) body.on('data', (chunk) => { onSent(chunk.length) })
  await pipeline(body, res)
}

function sendText (res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) + 1, ...extra })
  res.end(text + '\n')
}

export interface BlobHttpServerInit {
  store: ChunkStore
  host: string
  port: number
  log: Logger
  /** Host to put in the advertised URL when `host` is a wildcard (0.0.0.0). */
  publicHost?(): string | undefined
  /** Other routes (GET /metrics); true when it took the request. */
  extraRoute?(req: IncomingMessage, res: ServerResponse): boolean
  /** Blob bytes sent (metrics). */
  onSent?(bytes: number): void
}

/** A task server's HTTP blob endpoint (`--http-port`): GET /blobs/<file id> with Range, and GET /metrics. */
export class BlobHttpServer {
  readonly #init: BlobHttpServerInit
  readonly #server: Server
  #url = ''

  constructor (init: BlobHttpServerInit) {
    this.#init = init
    this.#server = createServer((req, res) => {
      if (init.extraRoute?.(req, res) === true) return
      if (!handleBlobRequest(init.store, req, res, init.log, (n) => init.onSent?.(n))) sendText(res, 404, 'not found')
    })
  }

  /** Base URL others use, e.g. http://10.0.0.5:8081 (no trailing slash). */
  get url (): string { return this.#url }

  async start (): Promise<void> {
    const { address, port } = await listenHttp(this.#server, this.#init.port, this.#init.host)
    const wildcard = address === '0.0.0.0' || address === '::'
    const host = wildcard ? (this.#init.publicHost?.() ?? '127.0.0.1') : address
    this.#url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  }

  async stop (): Promise<void> {
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}
