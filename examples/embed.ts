/**
 * Embedding Shoal in a Node service: two task servers in this process, one
 * seeds a generated file, the other fetches it through the library API with an
 * AbortSignal and progress callbacks.
 *
 *   npm run build && node --import tsx examples/embed.ts
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, formatBytes, importFile, manifestFromFile } from '../src/index.js'
import { writeRandomFile } from './lib/random-file.js'

const SIZE = 32 * 1024 * 1024
const TIMEOUT_MS = 60_000

const dir = await mkdtemp(join(tmpdir(), 'shoal-embed-'))
const seed = await createServer({ dataDir: join(dir, 'seed'), listen: ['/ip4/127.0.0.1/tcp/0'] })
const peer = await createServer({ dataDir: join(dir, 'peer'), listen: ['/ip4/127.0.0.1/tcp/0'] })
try {
  const path = join(dir, 'file.bin')
  await writeRandomFile(path, SIZE)
  const info = await manifestFromFile(path)
  await importFile(seed.store, path, info)
  console.log(`seeding ${info.key} (${formatBytes(SIZE)})`)

  // The server's fetch also reads the file back and checks its whole-file SHA-256.
  const result = await peer.fetch(info.key, {
    peers: [seed.multiaddrs()[0]],
    signal: AbortSignal.timeout(TIMEOUT_MS),
    onProgress: (p) => { console.log(`  ${p.chunks}/${p.totalChunks} chunks`) }
  })
  console.log(`fetched in ${result.seconds.toFixed(2)} s, sha256 ${Buffer.from(result.sha256).toString('hex')}`)
} catch (err: any) {
  // Errors are named classes: branch on err.name (NoSourcesError, TimeoutError, ...).
  console.error(`${err.name}: ${err.message}`)
  process.exitCode = 1
} finally {
  await peer.stop()
  await seed.stop()
  await rm(dir, { recursive: true, force: true })
}
