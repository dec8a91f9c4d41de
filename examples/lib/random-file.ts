import { createHash, randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'

/** Bytes generated and written at a time. */
const WRITE_BLOCK = 4 * 1024 * 1024

/** Writes `size` random bytes to `path` and returns their SHA-256 (hex). */
export async function writeRandomFile (path: string, size: number): Promise<string> {
  const fh = await open(path, 'w')
  const hash = createHash('sha256')
  try {
    for (let pos = 0; pos < size; pos += WRITE_BLOCK) {
      const block = randomBytes(Math.min(WRITE_BLOCK, size - pos))
      hash.update(block)
      await fh.write(block, 0, block.byteLength, pos)
    }
  } finally {
    await fh.close()
  }
  return hash.digest('hex')
}
