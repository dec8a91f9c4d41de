import { InvalidArgumentError } from '../errors.js'
import type { LocalityOptions } from '../lan/index.js'
import { DEFAULT_LISTEN } from '../node/constants.js'
import { addrPeerId } from '../util/addr.js'
import { parseMultiaddr } from './args.js'

/** Command-line options of the server (and their meaning in usage.ts) for LAN, DHT and relays. */
export const LOCALITY_OPTIONS = {
  mdns: { type: 'boolean', default: false },
  dht: { type: 'boolean', default: false },
  bootstrap: { type: 'string', multiple: true },
  relay: { type: 'boolean', default: false },
  'relay-allow': { type: 'string' },
  'relay-via': { type: 'string', multiple: true }
} as const

interface Values {
  mdns?: boolean
  dht?: boolean
  bootstrap?: string[]
  relay?: boolean
  'relay-allow'?: string
  'relay-via'?: string[]
  'lan-addr'?: string[]
}

/**
 * The locality options given, or undefined when none is (the server then
 * runs exactly as without them), and the listen addresses to add: one
 * `<relay>/p2p-circuit` per --relay-via, so the server is reachable through
 * that relay (which must be up when the server starts).
 */
export function localityFromArgs (values: Values, listen: string[]): { locality?: LocalityOptions, listen: string[] } {
  const bootstrap = (values.bootstrap ?? []).map((a) => withPeerId(a, '--bootstrap'))
  const via = (values['relay-via'] ?? []).map((a) => `${withPeerId(a, '--relay-via')}/p2p-circuit`)
  const any = values.mdns === true || values.dht === true || values.relay === true || values['relay-allow'] != null || bootstrap.length > 0 || via.length > 0
  const lanAddrs = (values['lan-addr'] ?? []).map((a) => parseMultiaddr(a, '--lan-addr').toString())
  const locality: LocalityOptions | undefined = any || lanAddrs.length > 0
    ? { mdns: values.mdns === true, dht: values.dht === true, relay: values.relay === true, relayAllowFile: values['relay-allow'], bootstrap, appendAnnounce: lanAddrs }
    : undefined
  return { locality, listen: via.length === 0 ? listen : [...(listen.length > 0 ? listen : [DEFAULT_LISTEN]), ...via] }
}

function withPeerId (text: string, option: string): string {
  const ma = parseMultiaddr(text, option)
  if (addrPeerId(ma) == null) throw new InvalidArgumentError(`${option} ${text} needs /p2p/<peer id> at the end`)
  return ma.toString()
}
