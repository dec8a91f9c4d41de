/**
 * Parsing and formatting of link rates and file sizes for the benchmark CLI.
 *
 * Rates follow tc(8) conventions so that what the user types is exactly what
 * the kernel shapes to: "bit"/"kbit"/"mbit"/"gbit" are SI bits per second,
 * "kibit"/"mibit"/"gibit" are IEC bits per second, and "bps"/"kbps"/"mbps"/"gbps"
 * are BYTES per second (a classic tc surprise, kept on purpose). A bare number is
 * bits per second, as in tc.
 */

const BITS_PER_BYTE = 8

const RATE_UNITS: Record<string, number> = {
  '': 1,
  bit: 1,
  kbit: 1e3,
  mbit: 1e6,
  gbit: 1e9,
  tbit: 1e12,
  kibit: 1024,
  mibit: 1024 ** 2,
  gibit: 1024 ** 3,
  tibit: 1024 ** 4,
  bps: BITS_PER_BYTE,
  kbps: BITS_PER_BYTE * 1e3,
  mbps: BITS_PER_BYTE * 1e6,
  gbps: BITS_PER_BYTE * 1e9,
  tbps: BITS_PER_BYTE * 1e12
}

/**
 * Sizes: SI suffixes (kB, MB, GB, TB) are powers of 1000, IEC suffixes (KiB, MiB,
 * GiB, TiB) powers of 1024. Single letters K/M/G/T are read as IEC, like dd and
 * head -c, because that is what people mean when sizing test files.
 */
const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
}

const NUMBER_WITH_UNIT = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i

function parseWithUnits (text: string, units: Record<string, number>, what: string): number {
  const m = NUMBER_WITH_UNIT.exec(text)
  if (m == null) throw new Error(`invalid ${what}: "${text}"`)
  const factor = units[m[2].toLowerCase()]
  if (factor === undefined) throw new Error(`invalid ${what} unit in "${text}"`)
  const value = Number(m[1]) * factor
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${what} must be positive: "${text}"`)
  return value
}

/** "40mbit" -> 40_000_000 (bits per second). */
export function parseRate (text: string): number {
  return Math.round(parseWithUnits(text, RATE_UNITS, 'rate'))
}

/** "64MiB" -> 67_108_864 (bytes); fractional results are rounded to whole bytes. */
export function parseSize (text: string): number {
  return Math.round(parseWithUnits(text, SIZE_UNITS, 'size'))
}

/** Rate as tc wants it: an exact integer of bits per second. */
export function tcRate (bitsPerSecond: number): string {
  return `${Math.round(bitsPerSecond)}bit`
}

/** 40_000_000 -> "40 Mbit/s" (SI, as link rates are quoted). */
export function formatRate (bitsPerSecond: number): string {
  const steps: Array<[number, string]> = [[1e9, 'Gbit/s'], [1e6, 'Mbit/s'], [1e3, 'kbit/s']]
  for (const [factor, unit] of steps) {
    if (bitsPerSecond >= factor) return `${trim(bitsPerSecond / factor)} ${unit}`
  }
  return `${trim(bitsPerSecond)} bit/s`
}

/** 67_108_864 -> "64 MiB" (IEC, as file sizes are quoted). */
export function formatBytes (bytes: number): string {
  const steps: Array<[number, string]> = [[1024 ** 3, 'GiB'], [1024 ** 2, 'MiB'], [1024, 'KiB']]
  for (const [factor, unit] of steps) {
    if (bytes >= factor) return `${trim(bytes / factor)} ${unit}`
  }
  return `${bytes} B`
}

function trim (n: number): string {
  return Number(n.toFixed(2)).toString()
}
