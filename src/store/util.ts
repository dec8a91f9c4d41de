import { InvalidArgumentError } from '../errors.js'
import { chunkLength, parseFileId, type Manifest } from '../manifest/index.js'
import type { Bitfield } from './bitfield.js'

/**
 * Checks that `key` is a file id in its canonical text form. Keys name folders
 * on disk, so anything else ("../x", another multibase spelling of the same
 * id) is refused rather than mapped to a path.
 */
export function checkKey (key: string): string {
  let canonical: string
  try {
    canonical = parseFileId(key).toString()
  } catch (err: any) {
    throw new InvalidArgumentError(err.message)
  }
  if (canonical !== key) throw new InvalidArgumentError(`"${key}" is not a file id in canonical form (${canonical})`)
  return key
}

export function isKey (key: string): boolean {
  try {
    checkKey(key)
    return true
  } catch {
    return false
  }
}

/** Bytes covered by the set bits: every chunk is full size except perhaps the last. */
export function verifiedBytes (m: Manifest, bitfield: Bitfield): number {
  const last = bitfield.length - 1
  if (last < 0) return 0
  let bytes = bitfield.count * m.chunkSize
  if (bitfield.has(last)) bytes -= m.chunkSize - chunkLength(m, last)
  return bytes
}
