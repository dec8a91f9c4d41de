import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { sharedAlignedPool, type AlignedPool } from './aligned-pool.js'
import { DIRECT_IO_ALIGN } from './constants.js'

/**
 * A second handle on a blob's data file, opened with O_DIRECT: reads and
 * writes go between the disk and aligned bounce buffers, not through the
 * page cache. Storing a large file then costs no page-cache copy (on the VM
 * we measured, filling the page cache cost 1.4-2 CPU seconds per GiB against
 * under 0.1 s direct; bench/README.md "Fifth look") and does not evict the
 * host's other cached files. Opt-in (FsChunkStoreOptions.directIo): reads
 * then always go to the disk.
 *
 * Only whole aligned blocks go direct; callers write an unaligned tail (the
 * end of the last chunk) through their buffered handle. Linux only: where
 * O_DIRECT is missing or refused (tmpfs, some network file systems), open()
 * returns undefined and the caller keeps to buffered I/O.
 */
export class DirectFile {
  readonly #fh: FileHandle
  readonly #pool: AlignedPool

  private constructor (fh: FileHandle, pool: AlignedPool) {
    this.#fh = fh
    this.#pool = pool
  }

  /** Opens `path` (which must exist) for direct I/O, or undefined where direct I/O is not available. */
  static async open (path: string, pool: AlignedPool = sharedAlignedPool()): Promise<DirectFile | undefined> {
    const flag = constants.O_DIRECT
    if (flag == null || flag === 0) return undefined
    let fh: FileHandle
    try {
      fh = await open(path, constants.O_RDWR | flag)
    } catch (err: any) {
      if (err.code === 'EINVAL' || err.code === 'EOPNOTSUPP') return undefined
      throw err
    }
    try {
      // Some file systems accept the flag at open and refuse the I/O: probe one aligned read.
      await pool.with(async (slot) => fh.read(slot, 0, DIRECT_IO_ALIGN, 0))
      return new DirectFile(fh, pool)
    } catch (err: any) {
      await fh.close()
      if (err.code === 'EINVAL' || err.code === 'EOPNOTSUPP') return undefined
      throw err
    }
  }

  /**
   * Writes the longest prefix of `data` that is whole aligned blocks at
   * `position` (which must be aligned); returns its length. The rest (under
   * one block) is the caller's to write. Pieces of a slot each go at once.
   */
  async writeAligned (data: Uint8Array, position: number): Promise<number> {
    if (position % DIRECT_IO_ALIGN !== 0) return 0
    const aligned = data.byteLength - data.byteLength % DIRECT_IO_ALIGN
    await Promise.all(this.#pieces(0, aligned).map(async ({ at, length }) => this.#pool.with(async (slot) => {
      slot.set(data.subarray(at, at + length))
      for (let done = 0; done < length;) {
        const { bytesWritten } = await this.#fh.write(slot, done, length - done, position + at + done)
        done += bytesWritten
      }
    })))
    return aligned
  }

  /**
   * Reads up to `length` bytes at `position` into `buf`; returns the bytes
   * read, fewer only at end of file. The aligned blocks around the range are
   * read a slot at a time, those pieces at once (a sequential scan then keeps
   * several reads in flight, which a disk serves much faster than one).
   */
  async read (buf: Uint8Array, length: number, position: number): Promise<number> {
    const start = position - position % DIRECT_IO_ALIGN
    const pieces = this.#pieces(start, roundUp(position + length))
    const got = await Promise.all(pieces.map(async ({ at, length: want }) => this.#pool.with(async (slot) => {
      const { bytesRead } = await this.#fh.read(slot, 0, want, at)
      const from = Math.max(at, position)
      const to = Math.min(at + bytesRead, position + length)
      if (to > from) buf.set(slot.subarray(from - at, to - at), from - position)
      return bytesRead
    })))
    // Bytes read contiguously from `start`: a piece cut short (end of file) ends them.
    let end = start
    for (let i = 0; i < pieces.length; i++) {
      end += got[i]
      if (got[i] < pieces[i].length) break
    }
    return Math.max(0, Math.min(end, position + length) - position)
  }

  /** [from, to) split into slot-sized pieces. */
  #pieces (from: number, to: number): Array<{ at: number, length: number }> {
    const pieces = []
    for (let at = from; at < to; at += this.#pool.slotBytes) pieces.push({ at, length: Math.min(this.#pool.slotBytes, to - at) })
    return pieces
  }

  async close (): Promise<void> {
    await this.#fh.close()
  }
}

function roundUp (n: number): number {
  return Math.ceil(n / DIRECT_IO_ALIGN) * DIRECT_IO_ALIGN
}
