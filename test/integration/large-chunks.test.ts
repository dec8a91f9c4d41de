import assert from 'node:assert/strict'
import { MAX_CHUNK_SIZE } from '../../src/manifest/index.js'
import { MemoryChunkStore } from '../../src/store/index.js'
import { READ_HIGH_WATER, serveAll } from '../../src/swarm/index.js'
import { makeTestFile } from '../unit/store/fixtures.js'
import { hex, startPeer, storedSha256, type TestPeer } from './helpers.js'

describe('chunks larger than the read high-water mark', function () {
  this.timeout(120_000)
  const peers: TestPeer[] = []
  after(async () => { await Promise.all(peers.map(async (p) => p.stop())) })

  // Regression: a reader paused its stream at READ_HIGH_WATER (4 MiB) and then
  // waited for a payload larger than that, which a paused stream never delivers.
  it(`a file of ${MAX_CHUNK_SIZE / 2 ** 20} MiB chunks (the largest allowed) is fetched and verified`, async () => {
    assert.ok(MAX_CHUNK_SIZE > READ_HIGH_WATER)
    const file = makeTestFile(2 * MAX_CHUNK_SIZE + 12_345, MAX_CHUNK_SIZE)
    const store = new MemoryChunkStore()
    const stored = await store.open(file.info)
    for (let i = 0; i < file.chunks; i++) await stored.write(i, file.chunk(i))
    const seed = await startPeer({ store, servePolicy: serveAll })
    const fetcher = await startPeer()
    peers.push(seed, fetcher)
    const result = await fetcher.swarm.fetch(file.info, { peers: [seed.addr], signal: AbortSignal.timeout(90_000) })
    assert.equal(await storedSha256(fetcher, result.fileKey), hex(file.info.manifest.sha256))
  })
})
