import { InvalidArgumentError } from '../../errors.js'
import { createTracker } from '../../tracker/tracker.js'
import { parse, parseMultiaddr, required } from '../args.js'
import { Output } from '../output.js'
import { reportIngestEvents } from '../task-events.js'
import { USAGE } from '../usage.js'
import { LIMIT_OPTIONS, limitsFromArgs } from '../limit-options.js'
import { runTrackerToken } from './tracker-token.js'

/** How often the tracker reports its egress when it changed. */
const STATS_INTERVAL_MS = 1_000

export async function runTracker (args: string[]): Promise<number> {
  // `tracker token issue|revoke ...`: client tokens, from the tracker's data folder (no running tracker needed).
  if (args[0] === 'token') return runTrackerToken(args.slice(1))
  const { values } = parse(args, {
    data: { type: 'string' },
    listen: { type: 'string', multiple: true },
    announce: { type: 'string', multiple: true },
    'http-host': { type: 'string' },
    'http-port': { type: 'string' },
    'seed-copies': { type: 'string' },
    'hint-policy': { type: 'string' },
    network: { type: 'string' },
    'cross-fetchers': { type: 'string' },
    relay: { type: 'boolean', default: false },
    dht: { type: 'boolean', default: false },
    'allow-servers': { type: 'string' },
    'allow-clients': { type: 'string' },
    private: { type: 'boolean', default: false },
    'http-token-file': { type: 'string' },
    'http-private': { type: 'boolean', default: false },
    ...LIMIT_OPTIONS
  })
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const listen = (values.listen ?? []).map((a) => parseMultiaddr(a, '--listen').toString())
  const announce = (values.announce ?? []).map((a) => parseMultiaddr(a, '--announce').toString())
  const limits = limitsFromArgs(values)
  const tracker = await createTracker({
    limits,
    dataDir: required(values.data, 'data'),
    listen: listen.length > 0 ? listen : undefined,
    announce: announce.length > 0 ? announce : undefined,
    httpHost: values['http-host'],
    httpPort: values['http-port'] == null ? undefined : wholeNumber(values['http-port'], '--http-port', 0, 65535),
    seedCopies: values['seed-copies'] == null ? undefined : wholeNumber(values['seed-copies'], '--seed-copies', 1, 1000),
    hintPolicy: values['hint-policy'],
    network: values.network,
    crossFetchers: values['cross-fetchers'] == null ? undefined : wholeNumber(values['cross-fetchers'], '--cross-fetchers', 1, 64),
    relay: values.relay,
    dht: values.dht,
    access: {
      allowServersFile: values['allow-servers'],
      allowClientsFile: values['allow-clients'],
      private: values.private,
      httpTokenFile: values['http-token-file'],
      publicStatus: !values['http-private']
    }
  })
  reportIngestEvents(tracker.ingest, out)
  tracker.addEventListener('task-event', ({ detail: e }) => {
    out.event('task-event', { taskId: e.taskId, type: e.type, peerId: e.peerId, ...(e.detail ?? {}) })
  })
  const addrs = tracker.multiaddrs().map((a) => a.toString())
  out.event('listening', { peerId: tracker.peerId, addrs, http: tracker.http.url }, addrs.join('\n'))
  // On stderr: stdout carries exactly one line per listening address (the script contract).
  if (!values.json) process.stderr.write(`status API: ${tracker.http.url}/api/tasks\n`)
  for (const f of tracker.catalog.list()) out.event('file', { fileId: f.info.key, name: f.info.manifest.name, size: f.info.manifest.size })

  let last = ''
  const reportStats = (): void => {
    const egress = tracker.egress()
    const text = JSON.stringify(egress)
    if (text === last) return
    last = text
    out.event('stats', { bytesSent: Object.values(egress).reduce((a, b) => a + b, 0), bytesSentByFile: egress })
  }
  const timer = setInterval(reportStats, STATS_INTERVAL_MS)
  const stopping = new AbortController()
  const stop = async (): Promise<void> => {
    if (stopping.signal.aborted) return
    stopping.abort()
    clearInterval(timer)
    reportStats()
    await tracker.stop()
  }
  const onSignal = (): void => { void stop().finally(() => process.exit(0)) }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  await new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }))
  return 0
}

export function wholeNumber (text: string, option: string, min: number, max: number): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${option} must be a whole number from ${min} to ${max}`)
  return n
}
