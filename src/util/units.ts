import { InvalidArgumentError } from '../errors.js'

const SIZE_UNITS: Record<string, number> = {
  '': 1, b: 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12,
  kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40
}

/** "64MiB", "1.5GB", "4096" → bytes. */
export function parseSize (text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  const unit = SIZE_UNITS[m?.[2].toLowerCase() ?? 'x']
  if (m == null || unit === undefined) throw new InvalidArgumentError(`"${text}" is not a size (e.g. 4096, 64MiB, 1GB)`)
  const bytes = Math.round(Number(m[1]) * unit)
  if (!Number.isSafeInteger(bytes)) throw new InvalidArgumentError(`size "${text}" is too large`)
  return bytes
}

/** Bytes in a short human form: 1.5 GiB, 64.0 MiB, 512 B. */
export function formatBytes (bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let i = 0
  while (value >= 1024 && i < units.length - 1) { value /= 1024; i++ }
  return i === 0 ? `${value} B` : `${value.toFixed(1)} ${units[i]}`
}
