import { parseArgs, type ParseArgsConfig } from 'node:util'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { InvalidArgumentError } from '../errors.js'
import { parseFileId } from '../manifest/index.js'
import type { CID } from 'multiformats/cid'

type Options = NonNullable<ParseArgsConfig['options']>

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false }
} as const satisfies Options

/** Strict parsing: an unknown option or a missing value is an error, not a guess. */
export function parse<T extends Options> (args: string[], options: T, positionals = 0) {
  const parsed = parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: positionals > 0, strict: true })
  if (parsed.positionals.length > positionals) {
    throw new InvalidArgumentError(`unexpected argument "${parsed.positionals[positionals]}"`)
  }
  return parsed
}

export function required<V> (value: V | undefined, name: string): V {
  if (value === undefined || value === '') throw new InvalidArgumentError(`--${name} is required`)
  return value
}

export function parseMultiaddr (text: string, what: string): Multiaddr {
  try {
    return multiaddr(text)
  } catch {
    throw new InvalidArgumentError(`${what} "${text}" is not a multiaddr (e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3Koo...)`)
  }
}

/** A file id given on the command line; a bad one is a usage error. */
export function parseFileIdArg (text: string, what: string): CID {
  try {
    return parseFileId(text)
  } catch {
    throw new InvalidArgumentError(`${what} "${text}" is not a file id (bafkrei...)`)
  }
}
