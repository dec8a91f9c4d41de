import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ok, runClient } from './client-process.js'
import { TrackerCluster } from './tracker-cluster.js'

const SIZE = 24 * 1024 * 1024 + 12345
const STEP_TIMEOUT_MS = 60_000
/** Nothing listens on TCP port 1 of 127.0.0.1: an address no peer can dial. */
const DEAD_ADDR = '/ip4/127.0.0.1/tcp/1'

describe('client: a download whose holders cannot be dialled finishes over HTTP; curl --range reads the blob endpoint', function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create('shoal-fallback-') })
  after(async () => { await cluster.close() })

  it('falls back after the P2P rate stays at zero, verifies every chunk, reports bytes per source', async () => {
    const file = await cluster.addFile(SIZE)
    await cluster.startTracker()
    // The server can dial out (register, fetch from the tracker) but tells everyone an address that leads nowhere.
    const server = await cluster.startServer('h', { args: ['--announce', DEAD_ADDR, '--http-port', '0'] })
    const http = server.events.find((e) => e.event === 'listening')?.http as string
    await cluster.waitForServers(1, STEP_TIMEOUT_MS)
    const taskId = await cluster.replicate(file.fileId)
    const task = await cluster.poll(`/api/tasks/${taskId}`, (t) => t.state === 'done', STEP_TIMEOUT_MS, 'replicated')
    assert.equal(task.servers[0].result.sha256, file.sha256)
    await cluster.poll('/api/files', (f) => f[0].trackerSeeding === false, STEP_TIMEOUT_MS, 'the tracker stopped seeding')

    const out = join(cluster.dir, 'out.bin')
    const run = await runClient(['download', file.fileId, '-o', out, '--tracker', cluster.trackerAddr, '--slow-for', '2'])
    const down = ok(run, 'download')
    const fallback = run.events.find((e) => e.event === 'fallback')
    assert.ok(fallback != null, 'a fallback event')
    assert.ok(fallback.sources[0].startsWith(http), `the server's HTTP endpoint first: ${JSON.stringify(fallback.sources)}`)
    assert.equal(down.sha256, file.sha256)
    assert.equal(createHash('sha256').update(await readFile(out)).digest('hex'), file.sha256)
    assert.equal(down.httpBytes, SIZE)
    assert.equal(down.p2pBytes, 0)
    assert.equal(down.bytesBySource[fallback.sources[0]], SIZE)
    console.log(`      fell back after: ${String(down.fallbackReason)}; ${SIZE} bytes over HTTP in ${down.seconds.toFixed(1)} s`)

    // The same endpoint for curl: a range in the middle, a suffix, and the tracker's own copy.
    const url = `${http}/blobs/${file.fileId}`
    const fh = await open(out, 'r')
    try {
      for (const [range, start, length] of [['1000000-1999999', 1_000_000, 1_000_000], [`${SIZE - 100}-`, SIZE - 100, 100]] as const) {
        const body = execFileSync('curl', ['-sf', '--max-time', '30', '--range', range, url], { maxBuffer: 4 * 1024 * 1024 })
        const expected = Buffer.alloc(length)
        await fh.read(expected, 0, length, start)
        assert.ok(body.equals(expected), `curl --range ${range}`)
      }
    } finally {
      await fh.close()
    }
    const head = execFileSync('curl', ['-sfI', '--max-time', '30', '--range', '0-9', `${cluster.http}/blobs/${file.fileId}`]).toString()
    assert.match(head, /^HTTP\/1\.1 206/)
    assert.match(head, new RegExp(`content-range: bytes 0-9/${SIZE}`, 'i'))
  })
})
