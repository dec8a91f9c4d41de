import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runPeerCommand } from '../../examples/lib/peer-process.js'
import { TrackerCluster } from './tracker-cluster.js'

const MiB = 1024 * 1024
const STEP_MS = 120_000
const TOKEN = 'c0ffee'.repeat(8)

describe('access: a private swarm of real processes, set up with the CLI', function () {
  this.timeout(3 * STEP_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create('shoal-private-') })
  after(async () => { await cluster.close() })

  it('listed servers register and get the file; an unlisted one is refused; operator calls need a listed identity; HTTP changes need the token', async () => {
    const file = await cluster.addFile(16 * MiB)
    // PeerIds come from `peer.js id --data DIR` (it creates the key if need be): that is how an operator fills the lists.
    const id = async (dir: string): Promise<string> => (await runPeerCommand(['id', '--data', dir])).peerId
    const [s0, s1, op] = await Promise.all([id(cluster.serverDir('0')), id(cluster.serverDir('1')), id(join(cluster.dir, 'operator'))])
    await writeFile(join(cluster.dir, 'servers.allow'), `${s0} server 0\n${s1} server 1\n`)
    await writeFile(join(cluster.dir, 'clients.allow'), `${op} operator\n`)
    await writeFile(join(cluster.dir, 'http.token'), TOKEN)
    await cluster.startTracker(['--private', '--allow-servers', join(cluster.dir, 'servers.allow'), '--allow-clients', join(cluster.dir, 'clients.allow'), '--http-token-file', join(cluster.dir, 'http.token')])
    for (const name of ['0', '1', 'stranger']) await cluster.startServer(name, { args: ['--private'] })
    await cluster.waitForServers(2, STEP_MS)
    const stranger = cluster.servers.get('stranger')!
    await stranger.waitFor((e) => e.event === 'tracker-error' && e.what === 'register', STEP_MS, 'the stranger refused')
    assert.deepEqual((await cluster.api('/api/servers')).map((s: any) => s.peerId).sort(), [s0, s1].sort())

    // An operator call with a throwaway key is refused (it cannot even connect); with the listed identity it works.
    await assert.rejects(runPeerCommand(['replicate', file.fileId, '--tracker', cluster.trackerAddr, '--to', 'all']))
    const task = (await runPeerCommand(['replicate', file.fileId, '--tracker', cluster.trackerAddr, '--to', 'all', '--identity', join(cluster.dir, 'operator')])).taskId
    const done = await cluster.poll(`/api/tasks/${task}`, (t) => t.state === 'done' || t.state === 'failed', STEP_MS, 'the task done')
    assert.equal(done.state, 'done')
    assert.deepEqual(done.servers.map((s: any) => s.peerId).sort(), [s0, s1].sort())
    for (const s of done.servers) assert.equal(s.result.sha256, file.sha256)

    // HTTP: reading is public here, creating a task needs the token.
    const body = JSON.stringify({ fileId: file.fileId, to: [s0] })
    assert.equal((await fetch(`${cluster.http}/api/tasks`, { method: 'POST', body })).status, 401)
    assert.equal((await fetch(`${cluster.http}/api/tasks`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } })).status, 201)
  })
})
