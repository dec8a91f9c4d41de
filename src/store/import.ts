import { open } from 'node:fs/promises'
import { InvalidArgumentError } from '../errors.js'
import { chunkCount, chunkLength, chunkOffset, type FileInfo } from '../manifest/index.js'
import { IMPORT_CHUNKS_IN_FLIGHT } from './constants.js'
import { readFully } from './fs-io.js'
import type { ChunkStore, StoredFile } from './types.js'
import type { AbortOptions } from '@libp2p/interface'

export interface ImportFileOptions extends AbortOptions {
  /** Chunks read and being written at once; memory use is this many chunks. */
  chunksInFlight?: number
  /** Called after each chunk is stored, with the verified bytes so far. */
  onProgress?(verifiedBytes: number, totalBytes: number): void
}

/**
 * Copies a local file into the store chunk by chunk through `write()`, so every
 * chunk is verified against `info` on the way in, to seed a file. Chunks the
 * blob already holds are skipped, so an interrupted import resumes. Several
 * chunks are in flight at once so their fsyncs are shared by group commit.
 */
export async function importFile (store: ChunkStore, path: string, info: FileInfo, options: ImportFileOptions = {}): Promise<StoredFile> {
  const m = info.manifest
  const inFlight = Math.max(1, options.chunksInFlight ?? IMPORT_CHUNKS_IN_FLIGHT)
  const file = await store.open(info, options)
  const fh = await open(path, 'r')
  const writes = new Set<Promise<void>>()
  let failure: { err: unknown } | undefined
  try {
    const { size } = await fh.stat()
    if (size !== m.size) throw new InvalidArgumentError(`${path} is ${size} bytes, the manifest says ${m.size}`)
    const free: Buffer[] = []
    for (let index = 0; index < chunkCount(m) && failure == null; index++) {
      if (file.has(index)) continue
      options.signal?.throwIfAborted()
      while (writes.size >= inFlight) await Promise.race(writes)
      if (failure != null) break
      const buf = free.pop() ?? Buffer.allocUnsafe(m.chunkSize)
      const length = chunkLength(m, index)
      if (await readFully(fh, buf, length, chunkOffset(m, index)) !== length) {
        throw new InvalidArgumentError(`${path} changed while it was imported`)
      }
      // Failures are collected rather than thrown here, so no write is left with an unhandled rejection.
      const write: Promise<void> = file.write(index, buf.subarray(0, length), options).then(
        () => {
          free.push(buf)
          options.onProgress?.(file.verifiedBytes, m.size)
        },
        (err: unknown) => { failure ??= { err } }
      ).finally(() => writes.delete(write))
      writes.add(write)
    }
  } finally {
    // Wait for every write, so no buffer is still in use and nothing runs on after we return.
    await Promise.all(writes)
    await fh.close()
  }
  if (failure != null) throw failure.err
  return file
}
