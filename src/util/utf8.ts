import { ProtocolError } from '../errors.js'

/**
 * proto3 string fields must hold valid UTF-8. protons' own reader turns any
 * byte sequence into some string (lone surrogates included) that its writer
 * cannot always write back; ours refuses such a message instead, as protobuf's
 * reference implementations do. A leading BOM is content, not stripped.
 */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Reads a length-delimited string field (scripts/gen-pb.mjs puts it in place of `reader.string()`). */
export function readUtf8 (reader: { bytes(): Uint8Array }): string {
  const bytes = reader.bytes()
  try {
    return STRICT_UTF8.decode(bytes)
  } catch {
    throw new ProtocolError(`a string field of ${bytes.byteLength} bytes is not valid UTF-8`)
  }
}
