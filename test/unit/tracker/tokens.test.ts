import assert from 'node:assert/strict'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { ClientTokens, MAX_TOKEN_TTL_S, TOKEN_KEY_FILE } from '../../../src/tracker/tokens.js'
import { tempDir } from '../store/fixtures.js'

async function peer (): Promise<ReturnType<typeof peerIdFromPrivateKey>> {
  return peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
}

describe('client tokens (tracker/tokens.ts)', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => { dir = await tempDir() })
  afterEach(async () => { await dir.remove() })

  it('a token bound to a PeerId is accepted from that PeerId only; "*" from anyone', async () => {
    const tokens = await ClientTokens.open(dir.path)
    const [alice, bob] = [await peer(), await peer()]
    const { token, claims } = tokens.issue(alice.toString(), 60)
    assert.deepEqual(await tokens.verify(token, alice), claims)
    await assert.rejects(tokens.verify(token, bob), { name: 'InvalidTokenError' })
    const any = tokens.issue('*', 60).token
    assert.equal((await tokens.verify(any, bob)).sub, '*')
    // The secret is private to the tracker's user.
    assert.equal((await stat(join(dir.path, TOKEN_KEY_FILE))).mode & 0o077, 0)
  })

  it('refuses forged, altered, foreign, expired, revoked and malformed tokens with InvalidTokenError', async () => {
    const tokens = await ClientTokens.open(dir.path)
    const alice = await peer()
    const { token } = tokens.issue(alice.toString(), 60)
    const [prefix, payload, mac] = token.split('.')
    // Altered claims with the old MAC: bound to "*" instead, or a later expiry.
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    for (const changed of [{ ...claims, sub: '*' }, { ...claims, exp: claims.exp + 3600 }]) {
      await assert.rejects(tokens.verify(`${prefix}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${mac}`, alice), { name: 'InvalidTokenError' })
    }
    // A flipped MAC byte; a token of another tracker (another secret).
    const flipped = Buffer.from(mac, 'base64url'); flipped[0] ^= 1
    await assert.rejects(tokens.verify(`${prefix}.${payload}.${flipped.toString('base64url')}`, alice), { name: 'InvalidTokenError' })
    const other = await tempDir()
    try {
      const foreign = (await ClientTokens.open(other.path)).issue(alice.toString(), 60).token
      await assert.rejects(tokens.verify(foreign, alice), { name: 'InvalidTokenError' })
    } finally { await other.remove() }
    // Expired: issued by a clock two hours behind, for one hour.
    const past = await ClientTokens.open(dir.path, () => Date.now() - 2 * 3600_000)
    await assert.rejects(tokens.verify(past.issue(alice.toString(), 3600).token, alice), { name: 'InvalidTokenError' })
    // Revoked by id, from another instance (as the CLI does while the tracker runs): refused at once.
    const second = tokens.issue(alice.toString(), 60)
    await (await ClientTokens.open(dir.path)).revoke(second.claims.id)
    await assert.rejects(tokens.verify(second.token, alice), { name: 'InvalidTokenError' })
    assert.match(await readFile(join(dir.path, 'revoked-tokens'), 'utf8'), new RegExp(second.claims.id))
    for (const junk of ['', 'shoal1', 'shoal1..', 'shoal1.a.b.c', 'x'.repeat(10_000), `shoal2.${payload}.${mac}`]) {
      await assert.rejects(tokens.verify(junk, alice), { name: 'InvalidTokenError' }, junk.slice(0, 20))
    }
  })

  it('refuses to issue for a non-PeerId or an out-of-range life', async () => {
    const tokens = await ClientTokens.open(dir.path)
    assert.throws(() => tokens.issue('alice', 60), { name: 'InvalidArgumentError' })
    assert.throws(() => tokens.issue('*', 0), { name: 'InvalidArgumentError' })
    assert.throws(() => tokens.issue('*', MAX_TOKEN_TTL_S + 1), { name: 'InvalidArgumentError' })
  })
})
