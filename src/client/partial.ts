import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { DiskFullError } from '../errors.js'
import { syncDir } from '../store/fs-io.js'
import { PARTIAL_SUFFIX } from './constants.js'

/**
 * The folder beside the output path that holds a download in progress: a
 * chunk store (the data file at its final size, the bitfield of verified
 * chunks, the manifest), so an interrupted download resumes from it. Beside
 * the output, so the final rename stays on one file system and is atomic.
 */
export function partialDirFor (path: string): string {
  const abs = resolve(path)
  return join(dirname(abs), `.${basename(abs)}${PARTIAL_SUFFIX}`)
}

/**
 * Moves a complete, verified data file to `path` (rename: readers see the old
 * file or the whole new one, never part of it), makes the rename durable,
 * and removes the partial folder.
 */
export async function finishPartial (dataPath: string, partialDir: string, path: string): Promise<void> {
  const abs = resolve(path)
  await rename(dataPath, abs)
  await syncDir(dirname(abs))
  await rm(partialDir, { recursive: true, force: true })
}

/** ENOSPC and EDQUOT become DiskFullError naming where; anything else is returned as is. */
export function diskError (err: any, where: string): Error {
  if (err?.code === 'ENOSPC' || err?.code === 'EDQUOT') return new DiskFullError(`disk full writing ${where}`)
  return err
}
