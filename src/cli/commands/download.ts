import { formatBytes, parseSize } from '../../util/units.js'
import { parse, parseFileIdArg, required } from '../args.js'
import { CLIENT_OPTIONS, withClient } from '../client-call.js'
import { Output } from '../output.js'
import { ProgressBar } from '../progress.js'
import { USAGE } from '../usage.js'
import { wholeNumber } from './tracker.js'

/**
 * `download FILE_ID -o PATH --tracker MA`: fetches from every holder at
 * once, falls back to HTTP (or relays) when P2P fails or crawls, verifies everything,
 * renames into place; prints the path and the bytes per source.
 */
export async function runDownload (args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...CLIENT_OPTIONS,
    output: { type: 'string', short: 'o' },
    'min-rate': { type: 'string' },
    'slow-for': { type: 'string' },
    'no-fallback': { type: 'boolean', default: false },
    'no-relay': { type: 'boolean', default: false }
  }, 1)
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const fileId = parseFileIdArg(required(positionals[0], 'FILE_ID'), 'FILE_ID')
  const path = required(values.output, 'output (-o PATH)')
  const minP2pRate = values['min-rate'] == null ? undefined : parseSize(values['min-rate'])
  const slowForMs = values['slow-for'] == null ? undefined : wholeNumber(values['slow-for'], '--slow-for', 1, 3600) * 1000

  return withClient(values, async (client, signal) => {
    const bar = new ProgressBar('download', { json: values.json })
    client.addEventListener('download-progress', ({ detail: p }) => {
      const note = [p.httpBytes > 0 ? `HTTP ${formatBytes(p.httpBytes)}` : '', p.relayBytes > 0 ? `relay ${formatBytes(p.relayBytes)}` : ''].filter((n) => n !== '').join(', ')
      bar.update({ done: p.bytes, total: p.totalBytes, rateBps: p.rateBps, etaSeconds: p.etaSeconds, note })
      if (values.json) out.event('progress', { ...p })
    })
    client.addEventListener('fallback', ({ detail: f }) => {
      out.event('fallback', { ...f })
      bar.log(`falling back (${f.reason}): ${f.sources.length} HTTP sources, ${f.relays.length} relayed addresses`)
    })
    client.addEventListener('relay', ({ detail: r }) => {
      out.event('relay', { ...r })
      bar.log(`through a relay: ${r.connected.length} of ${r.offered} holders reached`)
    })
    const r = await client.download(fileId, path, { signal, minP2pRate, slowForMs, fallback: !values['no-fallback'], relay: !values['no-relay'] })
    bar.finish()
    const sources = Object.entries(r.bytesBySource).map(([s, b]) => `${s} ${formatBytes(b)}`).join(', ')
    out.event('downloaded', { ...r }, `${r.path}  sha256 ${r.sha256}`)
    if (!values.json && process.stderr.isTTY === true) process.stderr.write(`${formatBytes(r.size)} in ${r.seconds.toFixed(1)} s from ${sources === '' ? 'the partial file' : sources}\n`)
    return 0
  })
}
