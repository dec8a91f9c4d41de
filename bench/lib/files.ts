/** Test-file creation and hashing. */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, openSync, writeSync, closeSync, statSync } from 'node:fs'

/** Write in pieces so a multi-GiB test file never sits in memory at once. */
const WRITE_CHUNK_BYTES = 4 * 1024 * 1024

/**
 * Random (incompressible) content, so no layer can cheat with compression or
 * deduplication and every byte has to cross the shaped links.
 */
export function createRandomFile (path: string, size: number): void {
  const fd = openSync(path, 'wx')
  try {
    for (let written = 0; written < size;) {
      const n = Math.min(WRITE_CHUNK_BYTES, size - written)
      writeSync(fd, randomBytes(n))
      written += n
    }
  } finally {
    closeSync(fd)
  }
}

export async function sha256File (path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Size of a file that may not exist yet (a download that has not started). */
export function sizeOrZero (path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
