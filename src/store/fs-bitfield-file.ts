import { createHash } from 'node:crypto'
import { Bitfield } from './bitfield.js'
import { BITFIELD_FORMAT_VERSION, BITFIELD_MAGIC } from './constants.js'
import { readFully, writeFully } from './fs-io.js'
import type { FileHandle } from 'node:fs/promises'

/**
 * The persisted bitfield of verified chunks:
 *
 *   magic "SHBF" (4) | format version u32 BE (4) | chunk count u32 BE (4) | bits | SHA-256 of everything before (32)
 *
 * It is rewritten in place, so a crash can tear it; the checksum catches that
 * (and any other damage), and a file that does not decode leads the store to
 * re-hash every chunk rather than trust it.
 */
const HEADER_BYTES = 12
const CHECKSUM_BYTES = 32

export function bitfieldFileLength (chunks: number): number {
  return HEADER_BYTES + Bitfield.byteLength(chunks) + CHECKSUM_BYTES
}

export function encodeBitfieldFile (bitfield: Bitfield): Buffer {
  const buf = Buffer.alloc(bitfieldFileLength(bitfield.length))
  buf.set(BITFIELD_MAGIC, 0)
  buf.writeUInt32BE(BITFIELD_FORMAT_VERSION, 4)
  buf.writeUInt32BE(bitfield.length, 8)
  buf.set(bitfield.bytes, HEADER_BYTES)
  const body = buf.subarray(0, buf.byteLength - CHECKSUM_BYTES)
  buf.set(createHash('sha256').update(body).digest(), body.byteLength)
  return buf
}

/** The bitfield in `bytes`, or undefined when they are not a sound bitfield file of `chunks` bits. */
export function decodeBitfieldFile (bytes: Uint8Array, chunks: number): Bitfield | undefined {
  if (bytes.byteLength !== bitfieldFileLength(chunks)) return undefined
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!buf.subarray(0, 4).equals(BITFIELD_MAGIC)) return undefined
  if (buf.readUInt32BE(4) !== BITFIELD_FORMAT_VERSION) return undefined
  if (buf.readUInt32BE(8) !== chunks) return undefined
  const body = buf.subarray(0, buf.byteLength - CHECKSUM_BYTES)
  const checksum = buf.subarray(body.byteLength)
  if (!createHash('sha256').update(body).digest().equals(checksum)) return undefined
  return new Bitfield(chunks, buf.subarray(HEADER_BYTES, body.byteLength))
}

/** Reads and decodes the bitfield file behind `fh`; undefined when it is missing a part or damaged. */
export async function readBitfieldFile (fh: FileHandle, chunks: number): Promise<Bitfield | undefined> {
  const { size } = await fh.stat()
  if (size !== bitfieldFileLength(chunks)) return undefined
  const buf = Buffer.alloc(size)
  if (await readFully(fh, buf, size, 0) !== size) return undefined
  return decodeBitfieldFile(buf, chunks)
}

/**
 * Overwrites the bitfield file in place and waits until it is on disk. In place
 * (not tmp + rename) because this runs once per group commit: a rename also
 * needs the folder synced, and a torn write is caught by the checksum anyway.
 * fdatasync covers the file size too, which only the first write sets.
 */
export async function writeBitfieldFile (fh: FileHandle, bitfield: Bitfield): Promise<void> {
  await writeFully(fh, encodeBitfieldFile(bitfield), 0)
  await fh.datasync()
}
