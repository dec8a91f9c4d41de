import { open, type FileHandle } from 'node:fs/promises'

/**
 * Reads up to `length` bytes at `position` into `buf`, looping over short reads;
 * returns the bytes read, fewer only at end of file.
 */
export async function readFully (fh: FileHandle, buf: Uint8Array, length: number, position: number): Promise<number> {
  let done = 0
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done)
    if (bytesRead === 0) break
    done += bytesRead
  }
  return done
}

/** Writes all of `data` at `position`, looping over short writes. */
export async function writeFully (fh: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < data.byteLength) {
    const { bytesWritten } = await fh.write(data, done, data.byteLength - done, position + done)
    done += bytesWritten
  }
}

/**
 * Makes a folder's entries (files created or renamed in it) durable. Not every
 * platform can fsync a folder (Windows cannot open one); there the rename is
 * as durable as the platform makes it.
 */
export async function syncDir (path: string): Promise<void> {
  let fh: FileHandle
  try {
    fh = await open(path, 'r')
  } catch (err: any) {
    if (err.code === 'EISDIR' || err.code === 'EPERM') return
    throw err
  }
  try {
    await fh.sync()
  } catch (err: any) {
    if (err.code !== 'EINVAL' && err.code !== 'EPERM') throw err
  } finally {
    await fh.close()
  }
}

/** Opens `path` for reading and writing, creating it when missing; `created` says which. */
export async function openOrCreate (path: string): Promise<{ fh: FileHandle, created: boolean }> {
  try {
    return { fh: await open(path, 'r+'), created: false }
  } catch (err: any) {
    if (err.code !== 'ENOENT') throw err
  }
  return { fh: await open(path, 'w+'), created: true }
}
