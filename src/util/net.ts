import { networkInterfaces } from 'node:os'
import { InvalidArgumentError } from '../errors.js'

/** The subnet every loopback address is in; what a server on 127.0.0.1 reports by default. */
export const LOOPBACK_SUBNET = '127.0.0.0/8'

/** Parses dotted IPv4 into a 32-bit unsigned number; undefined when it is not one. */
export function ipv4ToNumber (ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined
    n = n * 256 + Number(p)
  }
  return n
}

function numberToIpv4 (n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
}

/**
 * "10.1.0.7/24" -> "10.1.0.0/24": the canonical form, so two spellings of one
 * subnet compare equal. Only IPv4 for now; anything else throws InvalidArgumentError.
 */
export function normalizeCidr (cidr: string): string {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(cidr.trim())
  const ip = m == null ? undefined : ipv4ToNumber(m[1])
  const prefix = m == null ? NaN : Number(m[2])
  if (ip === undefined || !(prefix >= 0 && prefix <= 32)) {
    throw new InvalidArgumentError(`"${cidr}" is not an IPv4 subnet in CIDR form (e.g. 10.1.0.0/24)`)
  }
  const size = 2 ** (32 - prefix)
  return `${numberToIpv4(Math.floor(ip / size) * size)}/${prefix}`
}

/** True when `ip` (dotted IPv4) lies inside `cidr`. */
export function cidrContains (cidr: string, ip: string): boolean {
  const [base, prefix] = normalizeCidr(cidr).split('/')
  const n = ipv4ToNumber(ip)
  if (n === undefined) return false
  const size = 2 ** (32 - Number(prefix))
  return Math.floor(n / size) * size === ipv4ToNumber(base)
}

/**
 * The subnet of the interface that carries `ip`, or of the first non-internal
 * IPv4 interface when `ip` is a wildcard (0.0.0.0) or unknown. A host with
 * only loopback reports LOOPBACK_SUBNET.
 */
export function localSubnet (ip?: string): string {
  const all = Object.values(networkInterfaces()).flat().filter((i) => i != null && i.family === 'IPv4')
  const exact = all.find((i) => i!.address === ip)
  if (exact?.cidr != null) return normalizeCidr(exact.cidr)
  if (ip != null && ip.startsWith('127.')) return LOOPBACK_SUBNET
  const external = all.find((i) => i!.internal === false && i!.cidr != null)
  return external?.cidr != null ? normalizeCidr(external.cidr) : LOOPBACK_SUBNET
}
