import { InvalidArgumentError } from '../errors.js'
import { resolveLimits, type Limits } from '../limits.js'
import { parseSize } from '../util/units.js'

/** How a flag's value is read: a count (whole number) or a size/rate with units (64MiB, 10MiB = bytes/s). */
type Kind = 'count' | 'size'

/** Command-line flag of each limit (README, "Limits"; usage.ts). Server and tracker take the same ones. */
export const LIMIT_FLAGS: Record<keyof Limits, { flag: string, kind: Kind }> = {
  maxConnections: { flag: 'max-connections', kind: 'count' },
  maxPendingConnections: { flag: 'max-pending-connections', kind: 'count' },
  maxPendingPerIp: { flag: 'max-pending-per-ip', kind: 'count' },
  chunkStreamsIn: { flag: 'chunk-streams-in', kind: 'count' },
  chunkStreamsOut: { flag: 'chunk-streams-out', kind: 'count' },
  rpcStreamsIn: { flag: 'rpc-streams-in', kind: 'count' },
  rpcStreamsOut: { flag: 'rpc-streams-out', kind: 'count' },
  ingestStreamsIn: { flag: 'ingest-streams-in', kind: 'count' },
  ingestStreamsOut: { flag: 'ingest-streams-out', kind: 'count' },
  probeStreams: { flag: 'probe-streams', kind: 'count' },
  queuedRequestsPerSession: { flag: 'max-queued-requests', kind: 'count' },
  piecesInFlightPerPeer: { flag: 'max-pieces-per-peer', kind: 'count' },
  serveRatePerPeer: { flag: 'serve-rate-per-peer', kind: 'size' },
  ingestRatePerPeer: { flag: 'ingest-rate-per-peer', kind: 'size' },
  maxUploadBytes: { flag: 'max-upload-size', kind: 'size' },
  ingestQuotaBytes: { flag: 'ingest-quota', kind: 'size' }
}

/** parseArgs options for every limit flag. */
export const LIMIT_OPTIONS = Object.fromEntries(
  Object.values(LIMIT_FLAGS).map(({ flag }) => [flag, { type: 'string' }])
) as Record<string, { type: 'string' }>

/**
 * The limits given on the command line, checked (resolveLimits): a bad value
 * is one line naming the flag, and exit 2. Undefined when no flag was given.
 */
export function limitsFromArgs (values: Record<string, unknown>): Partial<Limits> | undefined {
  const limits: Partial<Limits> = {}
  for (const [name, { flag, kind }] of Object.entries(LIMIT_FLAGS) as Array<[keyof Limits, { flag: string, kind: Kind }]>) {
    const text = values[flag]
    if (typeof text !== 'string') continue
    const value = kind === 'count' ? Number(text) : parseSizeArg(text, flag)
    if (kind === 'count' && !/^\s*\d+\s*$/.test(text)) throw new InvalidArgumentError(`--${flag} must be a whole number, not "${text}"`)
    try {
      resolveLimits({ [name]: value })
    } catch (err: any) {
      throw new InvalidArgumentError(`--${flag}: ${String(err.message)}`)
    }
    limits[name] = value
  }
  return Object.keys(limits).length > 0 ? limits : undefined
}

function parseSizeArg (text: string, flag: string): number {
  try {
    return parseSize(text)
  } catch (err: any) {
    throw new InvalidArgumentError(`--${flag}: ${String(err.message)}`)
  }
}
