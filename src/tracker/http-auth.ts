import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { InvalidArgumentError } from '../errors.js'

/** Shortest bearer token accepted: 128 bits as hex. A shorter one is guessable over HTTP. */
export const MIN_HTTP_TOKEN_LENGTH = 32

export interface HttpAuthInit {
  /** Bearer token for requests that need one; undefined = none configured. */
  token?: string
  /** GET/HEAD (status and blob reads) without a token; default true. */
  publicReads?: boolean
}

export interface HttpDenial {
  status: 401 | 403
  error: string
}

/**
 * Authorisation of the tracker's HTTP endpoints. Reads (GET, HEAD) are
 * public unless `publicReads` is false. Anything else changes state and
 * needs `Authorization: Bearer <token>`; with no token configured such
 * requests are refused outright (403), so an endpoint that changes state is
 * never open by default. Tokens are compared in constant time.
 */
export function httpAuthorize (init: HttpAuthInit, req: IncomingMessage): HttpDenial | undefined {
  const read = req.method === 'GET' || req.method === 'HEAD'
  if (read && init.publicReads !== false) return undefined
  if (init.token == null) return { status: 403, error: 'this endpoint needs a token and none is configured (--http-token-file)' }
  const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1]
  if (given == null) return { status: 401, error: 'missing Authorization: Bearer <token>' }
  return sameSecret(given, init.token) ? undefined : { status: 401, error: 'wrong token' }
}

/** Constant-time comparison (of digests, so lengths do not leak either). */
function sameSecret (a: string, b: string): boolean {
  const h = (s: string): Buffer => createHash('sha256').update(s).digest()
  return timingSafeEqual(h(a), h(b))
}

/** Checks a configured token is long enough; returns it trimmed. */
export function checkHttpToken (token: string, source: string): string {
  const t = token.trim()
  if (t.length < MIN_HTTP_TOKEN_LENGTH || /\s/.test(t)) throw new InvalidArgumentError(`${source}: the HTTP token must be one word of at least ${MIN_HTTP_TOKEN_LENGTH} characters (e.g. openssl rand -hex 32)`)
  return t
}
