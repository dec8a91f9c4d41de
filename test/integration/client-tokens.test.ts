import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { createClient, createTracker, type ShoalClient, type Tracker } from '../../src/index.js'
import { loadIdentity } from '../../src/node/index.js'
import { parseFileId } from '../../src/manifest/index.js'
import { ClientTokens } from '../../src/tracker/tokens.js'
import { makeTestFile } from '../unit/store/fixtures.js'

const WAIT_MS = 30_000
const KiB = 1024

/**
 * A tracker with a client allowlist: a client on the list (by a stable
 * --identity key file) and a client with a token the tracker's operator
 * issued may upload; a stranger, and a client with a forged, expired,
 * revoked or someone else's token, are refused before anything changes.
 */
describe('client identities and tracker-issued client tokens', function () {
  this.timeout(120_000)
  let dir: string
  let tracker: Tracker
  let tokens: ClientTokens
  const clients: ShoalClient[] = []
  let n = 0

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-tokens-'))
    const listed = peerIdFromPrivateKey(await loadIdentity(join(dir, 'listed.key'))).toString()
    await writeFile(join(dir, 'clients.allow'), `${listed} operator\n`)
    tracker = await createTracker({ dataDir: join(dir, 'tracker'), listen: ['/ip4/127.0.0.1/tcp/0'], access: { allowClientsFile: join(dir, 'clients.allow') } })
    // What `tracker token issue --data DIR` does, with the tracker running.
    tokens = await ClientTokens.open(join(dir, 'tracker'))
  })

  after(async () => {
    for (const c of clients) await c.stop().catch(() => {})
    await tracker?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  async function client (options: { identity?: string, token?: string } = {}): Promise<ShoalClient> {
    const c = await createClient({ tracker: tracker.multiaddrs()[0].toString(), ...options })
    clients.push(c)
    return c
  }

  async function upload (c: ShoalClient): Promise<{ fileId: string, result: Promise<unknown> }> {
    const file = makeTestFile(256 * KiB, 64 * KiB, `f${n++}.bin`)
    const path = join(dir, file.info.manifest.name)
    await writeFile(path, file.bytes)
    return { fileId: file.info.key, result: c.upload(path, { chunkSize: 64 * KiB, replicate: {}, signal: AbortSignal.timeout(WAIT_MS) }) }
  }

  const state = async (): Promise<string> => JSON.stringify({ files: tracker.catalog.list().map((f) => f.info.key).sort(), store: (await tracker.store.list()).sort(), tasks: tracker.tasks.list(1000).length })

  it('a stable identity on the client list uploads; the same key file gives the same PeerId every run', async () => {
    const a = await client({ identity: join(dir, 'listed.key') })
    const b = await client({ identity: join(dir, 'listed.key') })
    assert.equal(a.peerId, b.peerId)
    const up = await upload(a)
    await up.result
    assert.ok(tracker.catalog.get(up.fileId) != null)
  })

  it('a stranger without a token is refused (NotAllowedError)', async () => {
    const before = await state()
    await assert.rejects((await upload(await client())).result, { name: 'NotAllowedError' })
    assert.equal(await state(), before)
  })

  it('a valid token bound to the caller\'s PeerId lets it upload (to the tracker) and look up its file', async () => {
    const identity = join(dir, 'token-holder')
    const peerId = peerIdFromPrivateKey(await loadIdentity(identity)).toString()
    const c = await client({ identity, token: tokens.issue(peerId, 600).token })
    const up = await upload(c)
    const result: any = await up.result
    assert.equal(result.ingest.tracker, true, 'a token-only client uploads to the tracker')
    assert.deepEqual((await c.files()).map((f) => f.fileId).includes(up.fileId), true)
  })

  it('forged, expired, revoked and someone else\'s tokens are refused with InvalidTokenError before any state change', async () => {
    const identity = join(dir, 'bad-holder.key')
    const peerId = peerIdFromPrivateKey(await loadIdentity(identity)).toString()
    const valid = tokens.issue(peerId, 600).token
    const [prefix, payload, mac] = valid.split('.')
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: '*' })).toString('base64url')}.${mac}`
    const expired = (await ClientTokens.open(join(dir, 'tracker'), () => Date.now() - 7200_000)).issue(peerId, 3600).token
    const revoked = tokens.issue(peerId, 600)
    await tokens.revoke(revoked.token)
    const someoneElses = tokens.issue(tracker.peerId, 600).token
    const before = await state()
    for (const [what, token] of [['forged', forged], ['expired', expired], ['revoked', revoked.token], ["another PeerId's", someoneElses]]) {
      const c = await client({ identity, token })
      await assert.rejects((await upload(c)).result, { name: 'InvalidTokenError' }, what)
      await assert.rejects(c.tracker.replicate(parseFileId(JSON.parse(before).files[0]), []), { name: 'InvalidTokenError' }, `${what}: REPLICATE`)
    }
    assert.equal(await state(), before, 'nothing stored, catalogued or tasked')
  })
})
