import type { AbortOptions } from '@libp2p/interface'
import { ChunkHashMismatchError, InvalidArgumentError } from '../errors.js'
import { chunkLength, parseFileId, type Manifest } from '../manifest/index.js'
import type { Bitfield } from './bitfield.js'
import type { BlobSummary, StoredFile } from './types.js'

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

/** A blob's summary from its manifest and verified chunks. */
export function summarize (m: Manifest, bitfield: Bitfield): BlobSummary {
  return { size: m.size, verifiedBytes: verifiedBytes(m, bitfield), complete: bitfield.full }
}

/**
 * Reads a complete stored file back and checks its SHA-256 against the
 * manifest's; returns it. ChunkHashMismatchError when it differs: every chunk
 * matched its own hash, so the manifest contradicts itself.
 */
export async function verifyWholeFile (stored: StoredFile, options?: AbortOptions): Promise<Uint8Array> {
  const sha256 = await stored.digest(options)
  if (!Buffer.from(sha256).equals(stored.info.manifest.sha256)) {
    throw new ChunkHashMismatchError(`${stored.info.key}: every chunk verified but the whole file does not match its SHA-256`)
  }
  return sha256
}
