import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import { createClient, createServer, createTracker, type ShoalClient, type ShoalServer, type Tracker, type UploadProgress } from '../../src/index.js'
import { partialDirFor } from '../../src/client/partial.js'
import { makeTestFile } from '../unit/store/fixtures.js'

const WAIT_MS = 30_000

async function until (test: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('client library: upload, download, HTTP fallback, typed events, named errors', function () {
  this.timeout(120_000)
  let dir: string
  let tracker: Tracker
  let server: ShoalServer
  let client: ShoalClient

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-client-'))
    tracker = await createTracker({ dataDir: join(dir, 'tracker'), listen: ['/ip4/127.0.0.1/tcp/0'] })
    // A server whose registered address leads nowhere (port 1): peers cannot dial it, but its HTTP endpoint works.
    server = await createServer({
      dataDir: join(dir, 'server'),
      listen: ['/ip4/127.0.0.1/tcp/0'],
      announce: ['/ip4/127.0.0.1/tcp/1'],
      tracker: { tracker: tracker.multiaddrs()[0] },
      http: { port: 0 },
      ingest: true
    })
    await server.start()
    await until(() => tracker.registry.alive().length === 1, 'the server registered')
    client = await createClient({ tracker: tracker.multiaddrs()[0].toString() })
  })

  after(async () => {
    await client?.stop()
    await server?.stop()
    await tracker?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('uploads (probing every candidate), replicates, and downloads through HTTP when no holder can be dialled', async () => {
    const file = makeTestFile(3 * 1024 * 1024 + 123, 64 * 1024, 'api.bin')
    const path = join(dir, 'api.bin')
    await writeFile(path, file.bytes)
    const probes: string[] = []
    const phases = new Set<string>()
    client.addEventListener('probe', ({ detail }) => probes.push(`${detail.tracker ? 'tracker' : 'server'}:${String(detail.ok)}`))
    client.addEventListener('upload-progress', ({ detail }: CustomEvent<UploadProgress>) => phases.add(detail.phase))

    const up = await client.upload(path, { chunkSize: 64 * 1024, signal: AbortSignal.timeout(WAIT_MS) })
    assert.equal(up.fileId, file.info.key)
    assert.deepEqual(probes.sort(), ['server:false', 'tracker:true'], 'the unreachable server fails its probe')
    assert.equal(up.ingest.tracker, true, 'so the upload goes to the tracker')
    assert.ok(phases.has('uploading') && phases.has('committing'))
    assert.deepEqual(up.servers, [server.peerId])
    await until(async () => (await client.status(up.taskId)).state === 'done', 'replication done')
    assert.deepEqual((await client.files()).map((f) => f.fileId), [file.info.key])

    // The tracker stopped seeding (the server holds a copy), and the server cannot be dialled: P2P gets nothing.
    const fallbacks: string[] = []
    client.addEventListener('fallback', ({ detail }) => fallbacks.push(...detail.sources))
    const out = join(dir, 'out', 'api.bin')
    await rm(join(dir, 'out'), { recursive: true, force: true })
    await import('node:fs/promises').then(async (fs) => fs.mkdir(join(dir, 'out')))
    const down = await client.download(up.fileId, out, { slowForMs: 1_000, signal: AbortSignal.timeout(WAIT_MS) })
    assert.equal(createHash('sha256').update(await readFile(out)).digest('hex'), createHash('sha256').update(file.bytes).digest('hex'))
    assert.equal(down.httpBytes, file.info.manifest.size)
    assert.equal(down.p2pBytes, 0)
    assert.ok(fallbacks[0].startsWith(server.http!.url), `the server's HTTP endpoint first (${fallbacks.join(', ')})`)
    assert.match(down.fallbackReason ?? '', /P2P/)
    assert.equal(existsSync(partialDirFor(out)), false, 'the partial folder is gone once the file is in place')
  })

  it('an upload whose connection drops reconnects, learns what arrived, and sends only the rest', async () => {
    const file = makeTestFile(48 * 1024 * 1024, 256 * 1024, 'drop.bin')
    const path = join(dir, 'drop.bin')
    await writeFile(path, file.bytes)
    let dropped = false
    const onProgress = ({ detail }: CustomEvent<UploadProgress>): void => {
      if (dropped || detail.phase !== 'uploading' || detail.bytes < file.info.manifest.size * 0.2) return
      dropped = true
      void tracker.node.hangUp(client.node.peerId)
    }
    client.addEventListener('upload-progress', onProgress)
    try {
      // An event per stored chunk: the cut comes at 20 % however fast loopback is (at the default 250 ms spacing a
      // fast run could finish between two events and never be cut).
      const up = await client.upload(path, { chunkSize: 256 * 1024, replicate: {}, progressIntervalMs: 0, signal: AbortSignal.timeout(WAIT_MS) })
      assert.ok(dropped, 'the connection was cut mid-upload')
      assert.ok(up.reconnects >= 1, `reconnected (${up.reconnects})`)
      assert.ok(up.bytesSent < file.info.manifest.size + 8 * 256 * 1024, `sent ${up.bytesSent}: what arrived before the cut was not sent again (at most the chunks in flight)`)
      assert.equal(Buffer.from(await (await tracker.store.get(up.fileId))!.digest()).toString('hex'), up.sha256)
    } finally {
      client.removeEventListener('upload-progress', onProgress)
    }
  })

  it('rejects with named errors and honours AbortSignal', async () => {
    await assert.rejects(client.download('bafkreiajnzpnplllii77fyqk2zztk4f5jx5hlfwqsit2fout7trmrd6qua', join(dir, 'x')), { name: 'UnknownFileError' })
    await assert.rejects(client.status('no-such-task'), { name: 'UnknownTaskError' })
    const path = join(dir, 'abort.bin')
    await writeFile(path, makeTestFile(256 * 1024).bytes)
    await assert.rejects(client.upload(path, { signal: AbortSignal.abort(new Error('stop')) }), /stop/)
    await assert.rejects(client.upload(join(dir, 'missing.bin')), { name: 'InvalidArgumentError' })
    await assert.rejects(client.upload(path, { progressIntervalMs: -1 }), { name: 'InvalidArgumentError' })
    await assert.rejects(client.download('bafkreiajnzpnplllii77fyqk2zztk4f5jx5hlfwqsit2fout7trmrd6qua', join(dir, 'x'), { progressIntervalMs: Number.NaN }), { name: 'InvalidArgumentError' })
    const lost = await createClient({ tracker: multiaddr('/ip4/127.0.0.1/tcp/1').encapsulate(`/p2p/${tracker.peerId}`) })
    try {
      await assert.rejects(lost.files(), { name: 'TrackerUnreachableError' })
    } finally {
      await lost.stop()
    }
  })
})
