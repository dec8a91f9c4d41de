import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import type { AbortOptions } from '@libp2p/interface'
import { chunkCount, chunkLength, type Manifest } from '../manifest/index.js'
import { Bitfield } from './bitfield.js'
import { SCAN_READ_BYTES } from './constants.js'
import type { DirectFile } from './direct-file.js'
import { readFully } from './fs-io.js'
import { chunkMatchesOffThread } from './hash-worker.js'

/** Reads up to `length` bytes at `position` into `buf`; fewer only at end of file. */
export type ReadAt = (buf: Uint8Array, length: number, position: number) => Promise<number>

/** Reads through the direct handle when there is one (no page-cache copy), else the buffered one. */
export function readerFor (data: FileHandle, direct: DirectFile | undefined): ReadAt {
  if (direct != null) return async (buf, length, position) => direct.read(buf, length, position)
  return async (buf, length, position) => readFully(data, buf, length, position)
}

/**
 * Re-hashes every chunk of a blob's data file; the bits of those that match.
 * The chunks of one block are hashed on the hash worker while the next block
 * is read, so a multi-GiB recheck neither blocks the event loop nor waits for
 * the disk and the hash in turn.
 */
export async function recheck (readAt: ReadAt, m: Manifest, options: AbortOptions): Promise<Bitfield> {
  const chunks = chunkCount(m)
  const bitfield = new Bitfield(chunks)
  const perRead = Math.max(1, Math.floor(SCAN_READ_BYTES / m.chunkSize))
  const step = Math.min(perRead * m.chunkSize, m.size)
  const bufs = [Buffer.allocUnsafe(step), Buffer.allocUnsafe(step)]
  const readBlock = async (first: number, buf: Buffer): Promise<number> => {
    const start = first * m.chunkSize
    return readAt(buf, Math.min(m.size, (first + perRead) * m.chunkSize) - start, start)
  }
  let next = chunks > 0 ? readBlock(0, bufs[0]) : undefined
  try {
    for (let first = 0, turn = 0; next != null; first += perRead, turn ^= 1) {
      const got = await next
      next = undefined
      options.signal?.throwIfAborted()
      if (first + perRead < chunks) next = readBlock(first + perRead, bufs[turn ^ 1])
      const checks: Array<Promise<void>> = []
      for (let index = first; index < Math.min(chunks, first + perRead); index++) {
        const off = (index - first) * m.chunkSize
        const len = chunkLength(m, index)
        if (off + len > got) break
        const data = bufs[turn].subarray(off, off + len)
        checks.push(chunkMatchesOffThread(m, index, data, options).then((ok) => { if (ok) bitfield.set(index) }))
      }
      await Promise.all(checks)
    }
  } finally {
    // Thrown out of the loop with a read in flight: nobody awaits it any more.
    next?.catch(() => {})
  }
  return bitfield
}

/** SHA-256 of the first `size` bytes; the next block is read while the current one is hashed. */
export async function sha256Of (readAt: ReadAt, size: number, options: AbortOptions = {}): Promise<Uint8Array> {
  const hash = createHash('sha256')
  const step = Math.min(SCAN_READ_BYTES, Math.max(1, size))
  const bufs = [Buffer.allocUnsafe(step), Buffer.allocUnsafe(step)]
  const readFrom = async (pos: number, buf: Buffer): Promise<number> => readAt(buf, Math.min(step, size - pos), pos)
  let next = size > 0 ? readFrom(0, bufs[0]) : undefined
  for (let pos = 0, turn = 0; next != null; turn ^= 1) {
    const got = await next
    next = undefined
    if (got === 0) break
    pos += got
    options.signal?.throwIfAborted()
    if (pos < size) next = readFrom(pos, bufs[turn ^ 1])
    hash.update(bufs[turn].subarray(0, got))
  }
  return hash.digest()
}
