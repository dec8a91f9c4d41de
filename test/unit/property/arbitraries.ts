import fc from 'fast-check'
import * as varint from 'uint8-varint'

/** One protobuf field: a random field number and wire type with a well-formed value. */
const field = fc.oneof(
  fc.record({ n: fc.integer({ min: 1, max: 24 }), v: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) }).map(({ n, v }) => concat([varint.encode(n * 8), encodeBig(v)])),
  fc.record({ n: fc.integer({ min: 1, max: 24 }), v: fc.uint8Array({ maxLength: 64 }) }).map(({ n, v }) => concat([varint.encode(n * 8 + 2), varint.encode(v.byteLength), v])),
  fc.record({ n: fc.integer({ min: 1, max: 24 }), v: fc.uint8Array({ minLength: 8, maxLength: 8 }) }).map(({ n, v }) => concat([varint.encode(n * 8 + 1), v])),
  fc.record({ n: fc.integer({ min: 1, max: 24 }), v: fc.uint8Array({ minLength: 4, maxLength: 4 }) }).map(({ n, v }) => concat([varint.encode(n * 8 + 5), v]))
)

/**
 * Bytes that look like protobuf: well-formed fields with random numbers,
 * types and values, sometimes with random bytes around them. Pure random
 * bytes rarely get past a decoder's first field; these reach deep into it.
 */
export const protobufish = fc.oneof(
  fc.array(field, { maxLength: 12 }).map(concat),
  fc.tuple(fc.array(field, { maxLength: 6 }).map(concat), fc.uint8Array({ maxLength: 16 })).map(([a, b]) => concat([a, b])),
  fc.uint8Array({ maxLength: 256 })
)

export function concat (parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.byteLength }
  return out
}

function encodeBig (v: bigint): Uint8Array {
  const bytes: number[] = []
  do {
    let b = Number(v & 0x7fn)
    v >>= 7n
    if (v > 0n) b |= 0x80
    bytes.push(b)
  } while (v > 0n)
  return Uint8Array.from(bytes)
}
