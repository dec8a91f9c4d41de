import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chunkCountFor, fileInfo, MIN_CHUNK_SIZE, sha256, type FileInfo } from '../../../src/manifest/index.js'

/** A file made of random bytes, with its manifest. */
export interface TestFile {
  readonly info: FileInfo
  readonly bytes: Buffer
  readonly chunks: number
  /** A copy of chunk `index`'s bytes. */
  chunk(index: number): Buffer
}

export function makeTestFile (size: number, chunkSize: number = MIN_CHUNK_SIZE, name = 'test.bin'): TestFile {
  const bytes = randomBytes(size)
  const chunks = chunkCountFor(size, chunkSize)
  const chunkHashes = new Uint8Array(chunks * 32)
  for (let i = 0; i < chunks; i++) chunkHashes.set(sha256(bytes.subarray(i * chunkSize, (i + 1) * chunkSize)), i * 32)
  const info = fileInfo({ version: 1, name, size, chunkSize, chunkHashes, sha256: sha256(bytes) })
  return {
    info,
    bytes,
    chunks,
    chunk: index => Buffer.from(bytes.subarray(index * chunkSize, Math.min(size, (index + 1) * chunkSize)))
  }
}

/** A temporary folder under os.tmpdir() and a function that removes it. */
export async function tempDir (): Promise<{ path: string, remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'shoal-store-'))
  return { path, remove: async () => { await rm(path, { recursive: true, force: true }) } }
}

/** Writes a test file's bytes to `dir/name` and returns the path. */
export async function writeTestFile (dir: string, file: TestFile): Promise<string> {
  const path = join(dir, file.info.manifest.name)
  await writeFile(path, file.bytes)
  return path
}

/** Indices 0..n-1 in a random order. */
export function shuffled (n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
