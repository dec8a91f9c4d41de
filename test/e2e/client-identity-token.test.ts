import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runPeerCommand } from '../../examples/lib/peer-process.js'
import { writeRandomFile } from '../../examples/lib/random-file.js'
import { runClient } from './client-process.js'
import { TrackerCluster } from './tracker-cluster.js'

/**
 * The client CLI against a tracker process with a client allowlist:
 * `--identity FILE|DIR` gives a stable PeerId (from `id --identity`) that the
 * list admits; `tracker token issue` (run beside the running tracker) gives a
 * token that admits another PeerId; `tracker token revoke` takes it back.
 * Refusals are one line and exit 1.
 */
describe('client CLI: --identity and tracker-issued --token', function () {
  this.timeout(180_000)
  let cluster: TrackerCluster
  let n = 0
  before(async () => {
    cluster = await TrackerCluster.create('shoal-client-token-')
    const listed = await runPeerCommand(['id', '--identity', join(cluster.dir, 'operator.key')])
    await writeFile(join(cluster.dir, 'clients.allow'), `${listed.peerId as string} operator\n`)
    await cluster.startTracker(['--allow-clients', join(cluster.dir, 'clients.allow')])
  })
  after(async () => { await cluster?.close() })

  const file = async (): Promise<string> => {
    const path = join(cluster.dir, `f${n++}.bin`)
    await writeRandomFile(path, 512 * 1024)
    return path
  }
  const upload = async (extra: string[]): Promise<Awaited<ReturnType<typeof runClient>>> =>
    runClient(['upload', await file(), '--tracker', cluster.trackerAddr, '--replicate', 'none', ...extra])

  it('id --identity prints the same PeerId every run, for a key file and for a folder', async () => {
    const a = await runPeerCommand(['id', '--identity', join(cluster.dir, 'operator.key')])
    const b = await runPeerCommand(['id', '--identity', join(cluster.dir, 'operator.key')])
    assert.equal(a.peerId, b.peerId)
    const c = await runPeerCommand(['id', '--identity', join(cluster.dir, 'client-folder')])
    const d = await runPeerCommand(['id', '--identity', join(cluster.dir, 'client-folder')])
    assert.equal(c.peerId, d.peerId)
    assert.notEqual(a.peerId, c.peerId)
  })

  it('a listed --identity uploads; an unlisted one is refused in one line (exit 1)', async () => {
    const ok = await upload(['--identity', join(cluster.dir, 'operator.key')])
    assert.equal(ok.code, 0, ok.stderr.join(' | '))
    assert.equal(ok.last?.event, 'uploaded')
    const refused = await upload(['--identity', join(cluster.dir, 'client-folder')])
    assert.equal(refused.code, 1)
    assert.equal(refused.stderr.length, 1, refused.stderr.join(' | '))
    assert.match(refused.stderr[0], /^shoal upload: tracker: .*may not make/)
  })

  it('tracker token issue admits that identity; after tracker token revoke it is refused with an invalid-token line', async () => {
    const issued = await runPeerCommand(['tracker', 'token', 'issue', '--data', cluster.trackerDir, '--identity', join(cluster.dir, 'client-folder'), '--ttl', '10m'])
    assert.match(issued.token, /^shoal1\./)
    const tokenFile = join(cluster.dir, 'client.token')
    await writeFile(tokenFile, issued.token + '\n', { mode: 0o600 })
    const ok = await upload(['--identity', join(cluster.dir, 'client-folder'), '--token-file', tokenFile])
    assert.equal(ok.code, 0, ok.stderr.join(' | '))
    const ls = await runClient(['ls', '--tracker', cluster.trackerAddr, '--identity', join(cluster.dir, 'client-folder'), '--token', issued.token])
    assert.equal(ls.code, 0)

    // The token is bound to that PeerId: another identity cannot use it.
    const stolen = await upload(['--identity', join(cluster.dir, 'thief.key'), '--token', issued.token])
    assert.equal(stolen.code, 1)
    assert.match(stolen.stderr[0], /bound to another PeerId/)

    const revoked = await runPeerCommand(['tracker', 'token', 'revoke', '--data', cluster.trackerDir, issued.id])
    assert.equal(revoked.id, issued.id)
    const after = await upload(['--identity', join(cluster.dir, 'client-folder'), '--token-file', tokenFile])
    assert.equal(after.code, 1)
    assert.equal(after.stderr.length, 1, after.stderr.join(' | '))
    assert.match(after.stderr[0], /^shoal upload: tracker: token \w+ was revoked/)
  })

  it('bad token commands are usage errors (exit 2)', async () => {
    for (const args of [['tracker', 'token', 'issue', '--data', cluster.trackerDir], ['tracker', 'token', 'issue', '--data', cluster.trackerDir, '--any', '--ttl', 'forever'],
      ['tracker', 'token', 'issue', '--data', cluster.trackerDir, '--peer', 'nobody'], ['tracker', 'token', 'frobnicate', '--data', cluster.trackerDir],
      ['upload', join(cluster.dir, 'x'), '--tracker', cluster.trackerAddr, '--token', 'a', '--token-file', 'b']]) {
      const run = await runClient(args)
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr.join(' | ')}`)
      assert.equal(run.stderr.length, 1, run.stderr.join(' | '))
    }
  })
})
