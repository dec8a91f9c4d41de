import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Logger } from '@libp2p/interface'
import { MAX_TASKS_LISTED } from './constants.js'
import type { HintAsker } from './hints.js'
import type { HttpDenial } from './http-auth.js'
import { filesView, serversView, taskChunksView, taskView, tasksView, type ViewSources } from './views.js'
import { DASHBOARD_HTML } from './dashboard.js'
import { listenHttp } from '../util/http.js'

export interface HttpApiInit extends ViewSources {
  host: string
  port: number
  log: Logger
  /** Ranked hints for a file as a given server would get them (debugging locality). */
  hints(fileKey: string, asker: HintAsker): object[] | undefined
  /** Called before each answer, so counters kept elsewhere (egress) are current. */
  beforeRead?(): void
  /** Routes that are not the JSON API (the blob endpoint, GET/HEAD /blobs/...); true when it took the request. */
  extraRoute?(req: IncomingMessage, res: ServerResponse): boolean
  /** Checked before any route (http-auth.ts): a denial is answered 401/403 and nothing else runs. */
  authorize?(req: IncomingMessage): HttpDenial | undefined
}

/**
 * The tracker's read-only status API over node:http, bound to loopback unless
 * told otherwise. GET only; every answer is JSON; unknown paths are 404.
 */
export class HttpApi {
  readonly #init: HttpApiInit
  readonly #server: Server
  #url = ''

  constructor (init: HttpApiInit) {
    this.#init = init
    this.#server = createServer((req, res) => { this.#route(req, res) })
  }

  /** http://host:port once listening. */
  get url (): string { return this.#url }

  async start (): Promise<void> {
    const { address, port } = await listenHttp(this.#server, this.#init.port, this.#init.host)
    this.#url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`
  }

  async stop (): Promise<void> {
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #route (req: IncomingMessage, res: ServerResponse): void {
    try {
      const denied = this.#init.authorize?.(req)
      if (denied != null) {
        req.resume()
        return send(res, denied.status, { error: denied.error }, denied.status === 401 ? { 'www-authenticate': 'Bearer' } : {})
      }
      if (this.#init.extraRoute?.(req, res) === true) return
      if (req.method !== 'GET') return send(res, 405, { error: 'only GET is supported' })
      const url = new URL(req.url ?? '/', 'http://tracker')
      if (url.pathname === '/' || url.pathname === '/dashboard') return sendHtml(res, DASHBOARD_HTML)
      // Browsers ask for an icon on every page; an empty answer keeps their console free of a 404.
      if (url.pathname === '/favicon.ico') { res.writeHead(204, { 'cache-control': 'max-age=86400' }); res.end(); return }
      const parts = url.pathname.split('/').filter((p) => p !== '')
      if (parts[0] !== 'api') return send(res, 404, { error: 'not found' })
      const [, what, id] = parts
      this.#init.beforeRead?.()
      if (what === 'servers' && id == null) return send(res, 200, serversView(this.#init))
      if (what === 'files' && id == null) return send(res, 200, filesView(this.#init))
      if (what === 'tasks' && id == null) return send(res, 200, tasksView(this.#init, MAX_TASKS_LISTED))
      if (what === 'tasks' && parts.length === 4 && parts[3] === 'chunks') {
        const view = taskChunksView(this.#init, decodeURIComponent(id))
        return view == null ? send(res, 404, { error: `no task ${id}` }) : send(res, 200, view)
      }
      if (what === 'tasks' && parts.length === 3) {
        const view = taskView(this.#init, decodeURIComponent(id))
        return view == null ? send(res, 404, { error: `no task ${id}` }) : send(res, 200, view)
      }
      if (what === 'hints' && id == null) {
        const file = url.searchParams.get('file') ?? ''
        const peer = url.searchParams.get('for') ?? ''
        const known = this.#init.registry.get(peer)
        const hints = this.#init.hints(file, { peerId: peer, subnet: known?.subnet ?? url.searchParams.get('subnet') ?? '', network: known?.network ?? url.searchParams.get('network') ?? '' })
        return hints == null ? send(res, 404, { error: `no file ${file}` }) : send(res, 200, hints)
      }
      send(res, 404, { error: 'not found' })
    } catch (err: any) {
      this.#init.log.error('HTTP %s failed: %s', req.url, err.stack ?? err.message)
      send(res, 500, { error: 'internal error' })
    }
  }
}

function send (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2) + '\n'
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers })
  res.end(text)
}

function sendHtml (res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store', 'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" })
  res.end(html)
}
