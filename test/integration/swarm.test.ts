import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { manifestFromFile } from '../../src/manifest/index.js'
import { FsChunkStore, importFile } from '../../src/store/index.js'
import { writeRandomFile } from '../../examples/lib/random-file.js'
import { tempDir } from '../unit/store/fixtures.js'
import { hex, startPeer, storedSha256, type TestPeer } from './helpers.js'

const FILE_SIZE = 64 * 1024 * 1024
const SERVERS = 6
const FETCH_TIMEOUT_MS = 150_000

describe('swarm: real libp2p nodes over TCP on 127.0.0.1', function () {
  this.timeout(FETCH_TIMEOUT_MS + 30_000)
  const peers: TestPeer[] = []
  let dir: Awaited<ReturnType<typeof tempDir>>

  before(async () => { dir = await tempDir() })
  after(async () => {
    await Promise.all(peers.map(async (p) => p.stop()))
    await dir.remove()
  })

  it(`one seed and ${SERVERS} servers (half on direct I/O) swarm a 64 MiB random file; every copy matches its SHA-256`, async () => {
    const path = join(dir.path, 'file.bin')
    const expected = await writeRandomFile(path, FILE_SIZE)
    const info = await manifestFromFile(path)
    assert.equal(hex(info.manifest.sha256), expected)

    const seed = await startPeer({ store: new FsChunkStore(join(dir.path, 'seed')) })
    peers.push(seed)
    await importFile(seed.store, path, info)
    await rm(path)

    // Every other server stores through O_DIRECT (FsChunkStoreOptions.directIo), so both kinds fetch from and serve to each other.
    const servers = await Promise.all(Array.from({ length: SERVERS }, async (_, i) => startPeer({ store: new FsChunkStore(join(dir.path, `s${i}`), { directIo: i % 2 === 1 }) })))
    peers.push(...servers)
    const results = await Promise.all(servers.map(async (s) => s.swarm.fetch(info.key, { peers: [seed.addr], signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })))

    for (const [i, result] of results.entries()) {
      assert.equal(await storedSha256(servers[i], result.fileKey), expected, `server ${i} digest`)
      const stored = await servers[i].store.get(info.key)
      assert.ok(stored?.complete, `server ${i} complete`)
      assert.equal(hex(await stored.digest()), expected, `server ${i} bytes on disk`)
      assert.equal(result.resumedChunks, 0)
      assert.equal(result.requestedChunks, info.manifest.size / info.manifest.chunkSize)
    }
    const seedSent = seed.swarm.stats().bytesSent
    const peerSent = servers.reduce((sum, s) => sum + s.swarm.stats().bytesSent, 0)
    // Once other peers hold a chunk they, not the seed, serve it.
    assert.ok(seedSent <= 2 * FILE_SIZE, `the seed sent ${(seedSent / FILE_SIZE).toFixed(2)} copies`)
    assert.ok(peerSent > 0, 'servers served each other')
  })
})
