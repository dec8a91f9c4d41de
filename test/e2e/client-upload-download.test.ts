import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { writeRandomFile } from '../../examples/lib/random-file.js'
import { ok, runClient } from './client-process.js'
import { TrackerCluster } from './tracker-cluster.js'

/** 64 MiB by default; SHOAL_LONG_TESTS=1 runs the 256 MiB acceptance size. */
const SIZE = process.env.SHOAL_LONG_TESTS === '1' ? 256 * 1024 * 1024 : 64 * 1024 * 1024
const SERVERS = 4
const STEP_TIMEOUT_MS = 240_000

async function sha256File (path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk)
  return hash.digest('hex')
}

describe(`client: upload ${SIZE / 2 ** 20} MiB to a tracker + ${SERVERS} ingest servers, replicate to all, download from another client`, function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  let cluster: TrackerCluster
  before(async () => { cluster = await TrackerCluster.create('shoal-client-') })
  after(async () => { await cluster.close() })

  it('every copy has the same SHA-256; status and ls report the file and the task', async () => {
    await cluster.startTracker()
    for (let i = 0; i < SERVERS; i++) await cluster.startServer(String(i), { args: ['--ingest', '--http-port', '0'] })
    await cluster.waitForServers(SERVERS, STEP_TIMEOUT_MS)
    const src = join(cluster.dir, 'big.bin')
    const sha256 = await writeRandomFile(src, SIZE)

    const up = ok(await runClient(['upload', src, '--tracker', cluster.trackerAddr, '--replicate', 'all']), 'upload')
    assert.equal(up.event, 'uploaded')
    assert.equal(up.sha256, sha256)
    assert.equal(up.probes.length, SERVERS + 1, 'every ingest server and the tracker were probed')
    assert.equal(up.probes.filter((p: any) => p.ok).length, SERVERS + 1)
    // On loopback every link is the same CPU: which candidate wins is noise here (client-netns.test.ts shapes real links).
    const replicas = up.ingest.tracker === true ? SERVERS : SERVERS - 1
    assert.equal(up.servers.length, replicas, 'replicated to every server but the one that has it')
    console.log(`      upload: ${(SIZE / up.uploadSeconds / 2 ** 20).toFixed(1)} MiB/s on ${String(up.streams)} streams (probes ${up.probes.map((p: any) => `${(p.rateBps / 2 ** 20).toFixed(0)}`).join('/')} MiB/s); ${up.seconds.toFixed(1)} s with hashing and probing`)

    const task = await cluster.poll(`/api/tasks/${String(up.taskId)}`, (t) => t.state === 'done' || t.state === 'failed', STEP_TIMEOUT_MS, 'replicate task done')
    assert.equal(task.state, 'done', JSON.stringify(task.servers))
    for (const s of task.servers) assert.equal(s.result.sha256, sha256)
    const [file] = await cluster.api('/api/files')
    assert.equal(file.completeCopies, SERVERS, 'the ingest server and every replica hold a complete copy')

    const out = join(cluster.dir, 'downloaded.bin')
    const down = ok(await runClient(['download', up.fileId, '-o', out, '--tracker', cluster.trackerAddr]), 'download')
    assert.equal(down.sha256, sha256)
    assert.equal(await sha256File(out), sha256)
    assert.equal(down.httpBytes, 0, 'every byte came peer-to-peer')
    assert.ok(Object.keys(down.bytesBySource).length >= 2, `from several holders at once: ${JSON.stringify(down.bytesBySource)}`)
    console.log(`      download: ${(SIZE / down.seconds / 2 ** 20).toFixed(1)} MiB/s from ${Object.keys(down.bytesBySource).length} holders`)

    const status = ok(await runClient(['status', up.taskId, '--tracker', cluster.trackerAddr]), 'status')
    assert.equal(status.state, 'done')
    assert.equal(status.serversDone, replicas)
    const ls = await runClient(['ls', '--tracker', cluster.trackerAddr])
    const listed = ls.events.filter((e) => e.event === 'file')
    assert.deepEqual(listed.map((f) => [f.fileId, f.size, f.completeCopies]), [[up.fileId, SIZE, SERVERS]])
    assert.deepEqual(ls.last, { event: 'files', count: 1 })
  })
})
