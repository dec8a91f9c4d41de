/** Largest uint64 that a JavaScript number holds exactly. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * Writes a uint64 field's varint (scripts/gen-pb.mjs puts it in place of
 * `w.uint64(...)`). protons-runtime 7 and 8 mis-encode values from 2^31 to
 * 2^32 - 1: LongBits keeps the low word as a signed int32, and writeVarint64
 * then writes one garbage byte. A file of 2-4 GiB got a manifest that did not
 * decode. Values a number holds exactly go through its number path, which is
 * correct; larger ones have a non-zero high word, which the bigint path encodes
 * correctly.
 */
export function writeUint64 (w: { uint64(value: bigint): unknown, uint64Number(value: number): unknown }, value: bigint): void {
  if (value >= 0n && value <= MAX_SAFE) w.uint64Number(Number(value))
  else w.uint64(value)
}
