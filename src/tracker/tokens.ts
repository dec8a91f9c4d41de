import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { appendFile, chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { InvalidArgumentError, InvalidTokenError } from '../errors.js'

/**
 * Client tokens: an alternative to listing every client's PeerId. The
 * operator issues a token (`tracker token issue --data DIR`); a client sends
 * it with each tracker call and may then make client calls though it is not
 * on the client allowlist.
 *
 * A token is `shoal1.<payload>.<mac>` (base64url): the payload is
 * {sub, exp, id}, sub being the PeerId it is bound to or "*" (any bearer),
 * exp the expiry in Unix seconds, id a random name for revoking it; the mac
 * is HMAC-SHA256 over the payload with a 32-byte secret kept in the
 * tracker's data folder (TOKEN_KEY_FILE, mode 0600). So issuing needs only
 * that folder (no call to a running tracker), nothing about a token is
 * stored until it is revoked, and a token cannot be forged or altered
 * without the secret. A token bound to a PeerId is useless to anyone else:
 * the caller is the Noise-authenticated PeerId of the connection.
 * Revoked ids are lines of REVOKED_TOKENS_FILE, re-read when it changes.
 */

/** The tracker's token secret, in its data folder. Delete it (and restart) to void every token at once. */
export const TOKEN_KEY_FILE = 'token.key'
/** Ids of revoked tokens, one per line. */
export const REVOKED_TOKENS_FILE = 'revoked-tokens'
/** Prefix and version of the format: a new format gets a new prefix. */
const TOKEN_PREFIX = 'shoal1'
/** What the MAC covers besides the payload: a MAC made for something else is never a token. */
const MAC_CONTEXT = 'shoal client token v1\n'
const SECRET_BYTES = 32
/** Longest token accepted: a PeerId, two numbers and the MAC fit in well under this. */
export const MAX_TOKEN_LENGTH = 512
/** Longest life a token may be issued for. */
export const MAX_TOKEN_TTL_S = 366 * 24 * 3600
/** Default life: a day, so a forgotten token does not stay valid for long. */
export const DEFAULT_TOKEN_TTL_S = 24 * 3600
/** Revoked ids kept at most (the file is read whole). */
const MAX_REVOKED = 100_000

export interface TokenClaims {
  /** The PeerId the token is bound to, or "*" for any holder. */
  sub: string
  /** Expiry, Unix seconds. */
  exp: number
  /** Random id, for revocation. */
  id: string
}

/** Issues and checks tokens with the secret of one tracker data folder. */
export class ClientTokens {
  readonly #secret: Buffer
  readonly #revokedPath: string
  #revoked = new Set<string>()
  #revokedStamp = ''
  readonly #now: () => number

  private constructor (secret: Buffer, dataDir: string, now: () => number) {
    this.#secret = secret
    this.#revokedPath = join(dataDir, REVOKED_TOKENS_FILE)
    this.#now = now
  }

  /** The tokens of a data folder, creating its secret on first use. */
  static async open (dataDir: string, now: () => number = Date.now): Promise<ClientTokens> {
    const path = join(dataDir, TOKEN_KEY_FILE)
    let hex: string
    try {
      hex = (await readFile(path, 'utf8')).trim()
    } catch (err: any) {
      if (err.code !== 'ENOENT') throw err
      await mkdir(dataDir, { recursive: true })
      hex = randomBytes(SECRET_BYTES).toString('hex')
      // 'wx': two processes creating it at once cannot overwrite each other's secret.
      await writeFile(path, hex + '\n', { mode: 0o600, flag: 'wx' }).catch(async (e) => {
        if (e.code !== 'EEXIST') throw e
        hex = (await readFile(path, 'utf8')).trim()
      })
      await chmod(path, 0o600)
    }
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new InvalidArgumentError(`${path}: not a token secret (64 hex digits)`)
    return new ClientTokens(Buffer.from(hex, 'hex'), dataDir, now)
  }

  /** A new token for `peer` (a PeerId string, or "*" for any holder), valid for `ttlSeconds`. */
  issue (peer: string, ttlSeconds = DEFAULT_TOKEN_TTL_S): { token: string, claims: TokenClaims } {
    if (peer !== '*') {
      try { peerIdFromString(peer) } catch { throw new InvalidArgumentError(`"${peer}" is not a PeerId (or "*" for any holder)`) }
    }
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_TTL_S) {
      throw new InvalidArgumentError(`a token's life must be 1 s to ${MAX_TOKEN_TTL_S} s`)
    }
    const claims: TokenClaims = { sub: peer, exp: Math.floor(this.#now() / 1000) + ttlSeconds, id: randomBytes(12).toString('hex') }
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return { token: `${TOKEN_PREFIX}.${payload}.${this.#mac(payload)}`, claims }
  }

  /**
   * The claims of a token `caller` may use, or InvalidTokenError saying
   * why not (forged or damaged, expired, revoked, bound to another PeerId).
   * Pure reads: checking a token changes nothing.
   */
  async verify (token: string, caller: PeerId): Promise<TokenClaims> {
    const claims = this.decode(token)
    if (claims.exp * 1000 <= this.#now()) throw new InvalidTokenError(`token ${claims.id} expired at ${new Date(claims.exp * 1000).toISOString()}`)
    if (claims.sub !== '*' && claims.sub !== caller.toString()) throw new InvalidTokenError(`token ${claims.id} is bound to another PeerId`)
    if ((await this.#revokedIds()).has(claims.id)) throw new InvalidTokenError(`token ${claims.id} was revoked`)
    return claims
  }

  /** The claims of a token whose MAC holds (expiry and revocation not checked). */
  decode (token: string): TokenClaims {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('not a token (too long)')
    const [prefix, payload, mac, ...rest] = token.trim().split('.')
    if (prefix !== TOKEN_PREFIX || payload == null || mac == null || rest.length > 0) throw new InvalidTokenError('not a token (expected shoal1.<payload>.<mac>)')
    const want = Buffer.from(this.#mac(payload), 'base64url')
    const got = Buffer.from(mac, 'base64url')
    if (got.length !== want.length || !timingSafeEqual(got, want)) throw new InvalidTokenError('token signature does not match (forged, damaged, or from another tracker)')
    let claims: any
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    } catch {
      throw new InvalidTokenError('token payload does not decode')
    }
    if (typeof claims?.sub !== 'string' || !Number.isSafeInteger(claims.exp) || typeof claims.id !== 'string' || !/^[0-9a-f]{1,64}$/.test(claims.id)) {
      throw new InvalidTokenError('token payload lacks sub, exp or id')
    }
    return { sub: claims.sub, exp: claims.exp, id: claims.id }
  }

  /** Whether `id` was revoked, by the list as last read (by verify): a synchronous check for the tracker's ingest. */
  knownRevoked (id: string): boolean {
    return this.#revoked.has(id)
  }

  /** Revokes a token (given whole, or by its id) in this data folder; a running tracker refuses it from its next call. */
  async revoke (tokenOrId: string): Promise<string> {
    const id = /^[0-9a-f]{1,64}$/.test(tokenOrId) ? tokenOrId : this.decode(tokenOrId).id
    await appendFile(this.#revokedPath, id + '\n', { mode: 0o600 })
    return id
  }

  #mac (payload: string): string {
    return createHmac('sha256', this.#secret).update(MAC_CONTEXT).update(payload).digest('base64url')
  }

  /** The revoked ids, re-read whenever the file changed (a stat per check: client calls are few, and a revocation counts at once). */
  async #revokedIds (): Promise<Set<string>> {
    const info = await stat(this.#revokedPath).catch(() => undefined)
    const stamp = info == null ? '' : `${info.mtimeMs}:${info.size}`
    if (stamp !== this.#revokedStamp) {
      const text = info == null ? '' : await readFile(this.#revokedPath, 'utf8')
      this.#revoked = new Set(text.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, MAX_REVOKED))
      this.#revokedStamp = stamp
    }
    return this.#revoked
  }
}
