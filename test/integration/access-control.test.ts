import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { PrivateKey } from '@libp2p/interface'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { CHUNK_PROTOCOL } from '../../src/swarm/index.js'
import { createServer, type ShoalServer } from '../../src/server/server.js'
import { TrackerClient } from '../../src/server/tracker-client.js'
import { createTracker, type Tracker } from '../../src/tracker/tracker.js'
import { ALLOWLIST_RELOAD_MS } from '../../src/tracker/access.js'
import { makeTestFile } from '../unit/store/fixtures.js'
import { importBytes, waitUntil } from './access-helpers.js'
import { IngestFrame } from '../../src/pb/ingest.js'
import { BulkReader, encodeLengthPrefixed } from '../../src/rpc/bulk-reader.js'
import { INGEST_PROTOCOL, MAX_INGEST_FRAME_BYTES } from '../../src/rpc/transfer-constants.js'
import { sendAll } from '../../src/util/stream.js'

/** Longest wait for a change to reach a server: the file re-read, then one heartbeat, with slack. */
const PROPAGATION_MS = ALLOWLIST_RELOAD_MS + 2_000 + 6_000
const TOKEN = 'a'.repeat(40)
/** Registration retries back off up to 15 s; one reload plus a few retries. */
const REGISTER_MS = 30_000

describe('access control: allowlists, private swarm, HTTP authorisation', function () {
  this.timeout(60_000)
  let dir: string
  let tracker: Tracker
  const nodes: ShoalNode[] = []
  const servers: ShoalServer[] = []
  const keys: Record<string, PrivateKey> = {}
  const id = (name: string): string => peerIdFromPrivateKey(keys[name]).toString()

  async function node (name: string): Promise<ShoalNode> {
    const n = await createShoalNode({ privateKey: keys[name], listen: ['/ip4/127.0.0.1/tcp/0'] })
    nodes.push(n)
    return n
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-access-'))
    for (const name of ['server', 'client', 'stranger', 'late']) keys[name] = await generateKeyPair('Ed25519')
    // A server's key is its data directory's peer.key: write it where createServer will look.
    await writeFile(join(dir, 'servers.allow'), `# servers\n${id('server')}  server-1\n`)
    await writeFile(join(dir, 'clients.allow'), `${id('client')}\n`)
    await writeFile(join(dir, 'token'), TOKEN + '\n')
    tracker = await createTracker({
      dataDir: join(dir, 'tracker'),
      listen: ['/ip4/127.0.0.1/tcp/0'],
      access: { allowServersFile: join(dir, 'servers.allow'), allowClientsFile: join(dir, 'clients.allow'), private: true, httpTokenFile: join(dir, 'token') }
    })
  })

  after(async () => {
    await Promise.allSettled(servers.map(async (s) => s.stop()))
    await Promise.allSettled(nodes.map(async (n) => n.stop()))
    await tracker?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('a private tracker refuses a stranger after Noise: its dial fails and no protocol handler runs', async () => {
    let handled = 0
    await tracker.node.handle('/shoal/test-probe/1.0.0', ({ close }) => { handled++; void close() })
    const stranger = await node('stranger')
    await assert.rejects(stranger.dialProtocol(tracker.multiaddrs()[0], '/shoal/test-probe/1.0.0', { signal: AbortSignal.timeout(10_000) }))
    await assert.rejects(new TrackerClient(stranger, tracker.multiaddrs()[0]).listFiles())
    assert.equal(handled, 0, 'no handler ran for the stranger')
    assert.equal(tracker.node.getConnections(stranger.peerId).length, 0)
  })

  it('takes registrations only from listed servers and operator calls only from listed clients', async () => {
    const file = makeTestFile(64 * 1024, 16 * 1024)
    await importBytes(tracker, file)
    const asServer = new TrackerClient(await node('server'), tracker.multiaddrs()[0])
    const asClient = new TrackerClient(await node('client'), tracker.multiaddrs()[0])
    const reg = await asServer.register({ addrs: ['/ip4/127.0.0.1/tcp/9'] })
    assert.deepEqual(reg.members?.peerIds.sort(), [id('server'), id('client')].sort(), 'REGISTER answers carry the member list')
    assert.deepEqual(reg.members?.clients, [id('client')])
    // A client may not register as a server, nor a server create tasks.
    await assert.rejects(asClient.register({ addrs: ['/ip4/127.0.0.1/tcp/9'] }), { name: 'NotAllowedError' })
    await assert.rejects(asServer.replicate(file.info.id, []), { name: 'NotAllowedError' })
    assert.equal(tracker.registry.get(id('client')), undefined)
    const task = await asClient.replicate(file.info.id, [])
    assert.deepEqual(task.servers, [id('server')])
    assert.equal((await asServer.listFiles()).length, 1, 'lookups are open to both roles')
  })

  it('a private server admits the tracker and its members, refuses strangers, and follows edits of the list', async () => {
    const server = await createServer({
      dataDir: join(dir, 'private-server'),
      listen: ['/ip4/127.0.0.1/tcp/0'],
      tracker: { tracker: tracker.multiaddrs()[0] },
      access: { private: true }
    })
    servers.push(server)
    // It is not on the tracker's server list, so it registers nowhere, but it still learns nothing: add it.
    await writeFile(join(dir, 'servers.allow'), `${id('server')}\n${server.peerId}\n`)
    await server.start()
    await waitUntil(() => server.tasks?.client.members?.digest !== '' && tracker.registry.get(server.peerId) != null, REGISTER_MS, 'the server registered with the member list')
    const client = nodes.find((n) => n.peerId.toString() === id('client'))!
    const stranger = nodes.find((n) => n.peerId.toString() === id('stranger'))!
    const stream = await client.dialProtocol(server.multiaddrs()[0], CHUNK_PROTOCOL, { signal: AbortSignal.timeout(10_000) })
    stream.abort(new Error('done'))
    await assert.rejects(stranger.dialProtocol(server.multiaddrs()[0], CHUNK_PROTOCOL, { signal: AbortSignal.timeout(10_000) }))
    // A peer added to the tracker's client list is admitted by the server within a reload and a heartbeat.
    const late = await node('late')
    await writeFile(join(dir, 'clients.allow'), `${id('client')}\n${id('late')}\n`)
    await waitUntil(async () => {
      try {
        (await late.dialProtocol(server.multiaddrs()[0], CHUNK_PROTOCOL, { signal: AbortSignal.timeout(2_000) })).abort(new Error('done'))
        return true
      } catch { return false }
    }, PROPAGATION_MS, 'the new member admitted')
    // Removed again: its connection is closed and new ones are refused.
    await writeFile(join(dir, 'clients.allow'), `${id('client')}\n`)
    await waitUntil(() => server.node.getConnections(late.peerId).length === 0, PROPAGATION_MS, 'the removed member disconnected')
    await assert.rejects(late.dialProtocol(server.multiaddrs()[0], CHUNK_PROTOCOL, { signal: AbortSignal.timeout(5_000) }))
  })

  it('a server whose --tracker names the wrong PeerId never talks to the impostor at that address', async () => {
    const impostorId = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
    const addr = multiaddr(tracker.multiaddrs()[0].toString().replace(tracker.peerId, impostorId))
    const server = await createServer({ dataDir: join(dir, 'fooled-server'), listen: ['/ip4/127.0.0.1/tcp/0'], tracker: { tracker: addr } })
    servers.push(server)
    const errors: string[] = []
    server.tasks!.addEventListener('tracker-error', (e) => { errors.push(e.detail.error) })
    await server.start()
    await waitUntil(() => errors.length > 0, 20_000, 'a registration error')
    assert.equal(tracker.registry.get(server.peerId), undefined)
  })

  it('uploads (ingest) only from authorised clients: another peer\'s stream is cut before a byte is read', async () => {
    // Not private: anyone may connect and look things up, but only listed clients may upload.
    const t = await createTracker({ dataDir: join(dir, 'tracker-ingest'), listen: ['/ip4/127.0.0.1/tcp/0'], access: { allowClientsFile: join(dir, 'clients.allow') } })
    try {
      const client = nodes.find((n) => n.peerId.toString() === id('client'))!
      const stranger = nodes.find((n) => n.peerId.toString() === id('stranger'))!
      const answer = async (from: ShoalNode): Promise<string> => {
        const stream = await from.dialProtocol(t.multiaddrs()[0], INGEST_PROTOCOL, { signal: AbortSignal.timeout(5_000) })
        const reader = new BulkReader(stream, { decode: IngestFrame.decode, maxFrameBytes: MAX_INGEST_FRAME_BYTES })
        // Not an OPEN: an authorised client is told BAD_REQUEST by the ingest handler; a stranger never reaches it.
        try {
          await sendAll(stream, encodeLengthPrefixed(IngestFrame.encode({ type: IngestFrame.Type.COMMIT })))
          const f = await reader.next({ signal: AbortSignal.timeout(5_000) })
          return f?.type === IngestFrame.Type.ERROR ? `error ${f.code}` : String(f?.type)
        } catch (err: any) {
          return `cut: ${err.name}`
        }
      }
      assert.equal(await answer(client), `error ${IngestFrame.Code.BAD_REQUEST}`)
      assert.match(await answer(stranger), /^cut/)
    } finally {
      await t.stop()
    }
  })

  it('HTTP: reads are public, a state change needs the bearer token', async () => {
    const file = makeTestFile(32 * 1024, 16 * 1024, 'http.bin')
    await importBytes(tracker, file)
    const url = `${tracker.http.url}/api/tasks`
    const body = JSON.stringify({ fileId: file.info.key, to: [] })
    assert.equal((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status, 200)
    const none = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5_000) })
    assert.equal(none.status, 401)
    assert.equal(none.headers.get('www-authenticate'), 'Bearer')
    const wrong = await fetch(url, { method: 'POST', body, headers: { authorization: `Bearer ${'b'.repeat(40)}` }, signal: AbortSignal.timeout(5_000) })
    assert.equal(wrong.status, 401)
    const tasksBefore = tracker.tasks.list(1000).length
    await fetch(url, { method: 'POST', body, headers: { authorization: 'Basic eDp5' } })
    assert.equal(tracker.tasks.list(1000).length, tasksBefore, 'the refused calls created nothing')
    const ok = await fetch(url, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(5_000) })
    assert.equal(ok.status, 201, await ok.clone().text())
    assert.match((await ok.json()).taskId, /^[A-Za-z0-9-]+$/)
  })

  it('HTTP: a private status API refuses reads without the token; no token configured means no state change at all', async () => {
    const priv = await createTracker({ dataDir: join(dir, 'tracker2'), listen: ['/ip4/127.0.0.1/tcp/0'], access: { httpTokenFile: join(dir, 'token'), publicStatus: false } })
    const open = await createTracker({ dataDir: join(dir, 'tracker3'), listen: ['/ip4/127.0.0.1/tcp/0'] })
    try {
      assert.equal((await fetch(`${priv.http.url}/api/servers`)).status, 401)
      assert.equal((await fetch(`${priv.http.url}/api/servers`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200)
      assert.equal((await fetch(`${open.http.url}/api/servers`)).status, 200)
      assert.equal((await fetch(`${open.http.url}/api/tasks`, { method: 'POST', body: '{}' })).status, 403)
    } finally {
      await priv.stop()
      await open.stop()
    }
  })
})
