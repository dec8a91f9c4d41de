import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { AbortOptions } from '@libp2p/interface'
import { DEFAULT_CHUNK_SIZE, HASH_READ_BYTES } from './constants.js'
import { chunkCountFor, fileInfo, type FileInfo } from './manifest.js'
import { InvalidArgumentError } from '../errors.js'

export interface ManifestFromFileOptions extends AbortOptions {
  chunkSize?: number
  /** Name recorded in the manifest; defaults to the file's base name. */
  name?: string
  /** Called with bytes hashed so far. */
  onProgress?(hashedBytes: number, totalBytes: number): void
}

/**
 * Hashes a file chunk by chunk (and whole) without holding it in memory.
 */
export async function manifestFromFile (path: string, options: ManifestFromFileOptions = {}): Promise<FileInfo> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const fh = await open(path, 'r')
  try {
    const { size } = await fh.stat()
    if (!Number.isSafeInteger(size)) throw new InvalidArgumentError(`${path}: not a regular file`)
    const count = chunkCountFor(size, chunkSize)
    const chunkHashes = new Uint8Array(count * 32)
    const whole = createHash('sha256')
    const readSize = Math.max(chunkSize, Math.floor(HASH_READ_BYTES / chunkSize) * chunkSize)
    const buf = Buffer.allocUnsafe(readSize)
    let pos = 0
    while (pos < size) {
      options.signal?.throwIfAborted()
      const want = Math.min(readSize, size - pos)
      const { bytesRead } = await fh.read(buf, 0, want, pos)
      if (bytesRead !== want) throw new InvalidArgumentError(`${path}: file changed while hashing`)
      const data = buf.subarray(0, bytesRead)
      whole.update(data)
      for (let off = 0; off < bytesRead; off += chunkSize) {
        const index = (pos + off) / chunkSize
        chunkHashes.set(createHash('sha256').update(data.subarray(off, off + chunkSize)).digest(), index * 32)
      }
      pos += bytesRead
      options.onProgress?.(pos, size)
    }
    return fileInfo({
      version: 1,
      name: options.name ?? basename(path),
      size,
      chunkSize,
      chunkHashes,
      sha256: whole.digest()
    })
  } finally {
    await fh.close()
  }
}
