import { createHash } from 'node:crypto'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { create as createDigest } from 'multiformats/hashes/digest'
import { sha256 as sha256Hasher } from 'multiformats/hashes/sha2'
import { InvalidManifestError, OutOfRangeError } from '../errors.js'
import { Manifest as ManifestPb } from '../pb/manifest.js'
import {
  HASH_BYTES, MANIFEST_VERSION, MAX_CHUNK_SIZE, MAX_CHUNKS, MAX_MANIFEST_BYTES, MAX_NAME_BYTES, MIN_CHUNK_SIZE
} from './constants.js'

/** The description of one file: what every chunk must hash to. */
export interface Manifest {
  readonly version: number
  readonly name: string
  readonly size: number
  readonly chunkSize: number
  /** SHA-256 of each chunk, 32 bytes each, concatenated. */
  readonly chunkHashes: Uint8Array
  /** SHA-256 of the whole file. */
  readonly sha256: Uint8Array
}

/** A manifest with its canonical bytes and id, as passed around at run time. */
export interface FileInfo {
  readonly id: CID
  /** `id.toString()`, the form used in logs, paths and the CLI. */
  readonly key: string
  readonly manifest: Manifest
  readonly bytes: Uint8Array
}

export function chunkCountFor (size: number, chunkSize: number): number {
  return size === 0 ? 0 : Math.ceil(size / chunkSize)
}

export function chunkCount (m: Manifest): number {
  return chunkCountFor(m.size, m.chunkSize)
}

export function chunkOffset (m: Manifest, index: number): number {
  checkIndex(m, index)
  return index * m.chunkSize
}

export function chunkLength (m: Manifest, index: number): number {
  checkIndex(m, index)
  return Math.min(m.chunkSize, m.size - index * m.chunkSize)
}

export function chunkHash (m: Manifest, index: number): Uint8Array {
  checkIndex(m, index)
  return m.chunkHashes.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES)
}

function checkIndex (m: Manifest, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= chunkCount(m)) {
    throw new OutOfRangeError(`chunk ${index} is outside the file (${chunkCount(m)} chunks)`)
  }
}

export function sha256 (data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest()
}

/** True when `data` is exactly chunk `index` of the file. */
export function chunkMatches (m: Manifest, index: number, data: Uint8Array): boolean {
  if (data.byteLength !== chunkLength(m, index)) return false
  return Buffer.from(sha256(data)).equals(chunkHash(m, index))
}

/** Checks every field; throws InvalidManifestError with the first problem found. */
export function validateManifest (m: Manifest): Manifest {
  const fail = (why: string): never => { throw new InvalidManifestError(`invalid manifest: ${why}`) }
  if (m.version !== MANIFEST_VERSION) fail(`unsupported version ${m.version}`)
  if (Buffer.byteLength(m.name) > MAX_NAME_BYTES) fail('name too long')
  if (m.name.includes('/') || m.name.includes('\\') || m.name === '..') fail('name must not contain a path')
  if (!Number.isSafeInteger(m.size) || m.size < 0) fail(`bad size ${m.size}`)
  if (!Number.isInteger(m.chunkSize) || m.chunkSize < MIN_CHUNK_SIZE || m.chunkSize > MAX_CHUNK_SIZE) {
    fail(`chunk size ${m.chunkSize} outside ${MIN_CHUNK_SIZE}..${MAX_CHUNK_SIZE}`)
  }
  const count = chunkCountFor(m.size, m.chunkSize)
  if (count > MAX_CHUNKS) fail(`${count} chunks is more than ${MAX_CHUNKS}`)
  if (m.chunkHashes.byteLength !== count * HASH_BYTES) fail(`expected ${count} chunk hashes`)
  if (m.sha256.byteLength !== HASH_BYTES) fail('whole-file hash must be 32 bytes')
  return m
}

/** The canonical encoding: the one the file id is computed over. */
export function encodeManifest (m: Manifest): Uint8Array {
  validateManifest(m)
  return ManifestPb.encode({
    ...m,
    size: BigInt(m.size),
    chunkHashes: m.chunkHashes as Uint8Array<ArrayBuffer>,
    sha256: m.sha256 as Uint8Array<ArrayBuffer>
  })
}

export function decodeManifest (bytes: Uint8Array): Manifest {
  if (bytes.byteLength > MAX_MANIFEST_BYTES) throw new InvalidManifestError('manifest too large')
  let pb: ManifestPb
  try {
    pb = ManifestPb.decode(bytes)
  } catch (err: any) {
    throw new InvalidManifestError(`manifest does not decode: ${err.message}`)
  }
  if (pb.size > BigInt(Number.MAX_SAFE_INTEGER)) throw new InvalidManifestError('manifest size too large')
  const m = validateManifest({ ...pb, size: Number(pb.size) })
  // Canonical form only: re-encoding must give the same bytes, so one file has one id.
  if (!Buffer.from(encodeManifest(m)).equals(bytes)) throw new InvalidManifestError('manifest is not canonically encoded')
  return m
}

/** CIDv1, raw codec, sha2-256 of the canonical bytes: usable as a DHT key. */
export function fileIdOf (bytes: Uint8Array): CID {
  return CID.createV1(raw.code, createDigest(sha256Hasher.code, sha256(bytes)))
}

export function fileInfo (m: Manifest): FileInfo {
  const bytes = encodeManifest(m)
  const id = fileIdOf(bytes)
  return { id, key: id.toString(), manifest: m, bytes }
}

/** Decodes manifest bytes received from anyone and checks they are the file `expected`. */
export function fileInfoFromBytes (bytes: Uint8Array, expected?: CID | string): FileInfo {
  const manifest = decodeManifest(bytes)
  const id = fileIdOf(bytes)
  if (expected != null && id.toString() !== expected.toString()) {
    throw new InvalidManifestError(`manifest hashes to ${id.toString()}, not ${expected.toString()}`)
  }
  return { id, key: id.toString(), manifest, bytes }
}

export function parseFileId (text: string): CID {
  try {
    const cid = CID.parse(text)
    if (cid.version !== 1 || cid.code !== raw.code || cid.multihash.code !== sha256Hasher.code) throw new Error('not a Shoal file id')
    return cid
  } catch (err: any) {
    throw new InvalidManifestError(`"${text}" is not a file id: ${err.message}`)
  }
}
