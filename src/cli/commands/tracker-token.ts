import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { InvalidArgumentError } from '../../errors.js'
import { loadIdentity } from '../../node/index.js'
import { ClientTokens, DEFAULT_TOKEN_TTL_S } from '../../tracker/tokens.js'
import { parse, required } from '../args.js'
import { Output } from '../output.js'
import { USAGE } from '../usage.js'

const TTL_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }

/**
 * `tracker token issue --data DIR (--peer PEERID | --identity FILE|DIR | --any) [--ttl 24h]`
 * and `tracker token revoke --data DIR TOKEN|ID`: client tokens signed with
 * the secret in the tracker's data folder (tracker/tokens.ts). Works while
 * the tracker runs: it reads the same folder.
 */
export async function runTrackerToken (args: string[]): Promise<number> {
  const [action, ...rest] = args
  const { values, positionals } = parse(rest, {
    data: { type: 'string' },
    peer: { type: 'string' },
    identity: { type: 'string' },
    any: { type: 'boolean', default: false },
    ttl: { type: 'string' }
  }, action === 'revoke' ? 1 : 0)
  if (values.help || action == null) { process.stdout.write(USAGE + '\n'); return action == null ? 2 : 0 }
  const out = new Output(values.json)
  const tokens = await ClientTokens.open(required(values.data, 'data'))
  if (action === 'issue') {
    const given = [values.peer != null, values.identity != null, values.any].filter(Boolean).length
    if (given !== 1) throw new InvalidArgumentError('say who the token is for: --peer PEERID, --identity FILE|DIR (its PeerId), or --any (whoever holds it)')
    const peer = values.any ? '*' : values.peer ?? peerIdFromPrivateKey(await loadIdentity(values.identity!)).toString()
    const { token, claims } = tokens.issue(peer, values.ttl == null ? DEFAULT_TOKEN_TTL_S : parseTtl(values.ttl))
    out.event('token', { token, id: claims.id, peerId: claims.sub, expiresAt: new Date(claims.exp * 1000).toISOString() }, token)
    return 0
  }
  if (action === 'revoke') {
    const id = await tokens.revoke(required(positionals[0], 'TOKEN or token id'))
    out.event('revoked', { id }, `revoked ${id}`)
    return 0
  }
  throw new InvalidArgumentError(`unknown token action "${action}" (issue or revoke)`)
}

/** "3600", "90s", "30m", "24h", "7d" -> seconds. */
function parseTtl (text: string): number {
  const m = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(text)
  if (m == null) throw new InvalidArgumentError(`--ttl "${text}" is not a duration (e.g. 3600, 30m, 24h, 7d)`)
  return Number(m[1]) * TTL_UNITS[m[2]]
}
