/**
 * The client library against a tracker and two task servers, all in this
 * process on 127.0.0.1: upload a generated file (probes, parallel verified
 * streams, commit, replicate to every server), wait for the replicate task,
 * download the file back (from every holder at once), with typed progress
 * events and AbortSignals throughout.
 *
 *   npm run build && node --import tsx examples/client.ts
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, createServer, createTracker, formatBytes, type ShoalServer } from '../src/index.js'
import { writeRandomFile } from './lib/random-file.js'

const SIZE = 32 * 1024 * 1024
const TIMEOUT_MS = 120_000
const POLL_MS = 250

const dir = await mkdtemp(join(tmpdir(), 'shoal-client-example-'))
const tracker = await createTracker({ dataDir: join(dir, 'tracker'), listen: ['/ip4/127.0.0.1/tcp/0'] })
const servers: ShoalServer[] = []
for (const name of ['a', 'b']) {
  const server = await createServer({
    dataDir: join(dir, name),
    listen: ['/ip4/127.0.0.1/tcp/0'],
    tracker: { tracker: tracker.multiaddrs()[0] },
    ingest: true, // accept uploads
    http: { port: 0 } // serve complete files over HTTP, the downloads' fallback
  })
  await server.start()
  servers.push(server)
}
const client = await createClient({ tracker: tracker.multiaddrs()[0] })
try {
  const signal = AbortSignal.timeout(TIMEOUT_MS)
  while (tracker.registry.alive().length < servers.length) await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  const path = join(dir, 'file.bin')
  await writeRandomFile(path, SIZE)

  client.addEventListener('probe', ({ detail: p }) => {
    console.log(`probe ${p.tracker ? 'tracker' : p.peerId.slice(-8)}: ${p.ok ? `${formatBytes(Math.round(p.rateBps))}/s` : p.error}`)
  })
  client.addEventListener('upload-target', ({ detail: t }) => { console.log(`uploading to ${t.tracker ? 'the tracker' : t.peerId.slice(-8)}`) })
  client.addEventListener('upload-progress', ({ detail: p }) => {
    if (p.phase === 'uploading') console.log(`  ${formatBytes(p.bytes)}/${formatBytes(p.totalBytes)} at ${formatBytes(Math.round(p.rateBps))}/s, blocks of ${p.blockChunks.join('/')} chunks`)
  })
  const up = await client.upload(path, { replicate: { all: true }, signal })
  console.log(`file ${up.fileId}, task ${up.taskId} (${formatBytes(Math.round(up.uploadRateBps))}/s)`)

  for (let s = await client.status(up.taskId, { signal }); s.state !== 'done'; s = await client.status(up.taskId, { signal })) {
    if (s.state === 'failed') throw new Error(`task ${up.taskId} failed`)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  console.log('replicated to every server')

  client.addEventListener('download-progress', ({ detail: p }) => { console.log(`  ${formatBytes(p.bytes)}/${formatBytes(p.totalBytes)}`) })
  const down = await client.download(up.fileId, join(dir, 'copy.bin'), { signal })
  console.log(`downloaded in ${down.seconds.toFixed(2)} s, sha256 ${down.sha256} (${down.sha256 === up.sha256 ? 'equal' : 'DIFFERENT'})`)
  console.log('bytes by source:', down.bytesBySource)
} catch (err: any) {
  // Errors are named classes: branch on err.name (TrackerUnreachableError, UnknownFileError, DiskFullError, ...).
  console.error(`${err.name}: ${err.message}`)
  process.exitCode = 1
} finally {
  await client.stop()
  for (const s of servers) await s.stop()
  await tracker.stop()
  await rm(dir, { recursive: true, force: true })
}
