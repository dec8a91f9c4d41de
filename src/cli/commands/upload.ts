import { peerIdFromString } from '@libp2p/peer-id'
import { InvalidArgumentError } from '../../errors.js'
import type { ReplicateSpec } from '../../server/ingest.js'
import { formatBytes, parseSize } from '../../util/units.js'
import { parse, required } from '../args.js'
import { CLIENT_OPTIONS, withClient } from '../client-call.js'
import { Output } from '../output.js'
import { ProgressBar } from '../progress.js'
import { USAGE } from '../usage.js'
import { wholeNumber } from './tracker.js'

/**
 * `upload FILE --tracker MA [--replicate all|none|network:NAME|PEERID,...]`:
 * probes the ingest candidates, uploads to the best, commits; prints the
 * file id and the replicate task id.
 */
export async function runUpload (args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...CLIENT_OPTIONS,
    replicate: { type: 'string' },
    streams: { type: 'string' },
    'max-targets': { type: 'string' },
    'chunk-size': { type: 'string' },
    'probe-bytes': { type: 'string' },
    'probe-ms': { type: 'string' }
  }, 1)
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const path = required(positionals[0], 'FILE (the file to upload)')
  const replicate = parseReplicate(values.replicate ?? 'all')
  const streams = values.streams == null ? undefined : wholeNumber(values.streams, '--streams', 1, 16)
  const maxTargets = values['max-targets'] == null ? undefined : wholeNumber(values['max-targets'], '--max-targets', 1, 3)
  const chunkSize = values['chunk-size'] == null ? undefined : parseSize(values['chunk-size'])
  const probeBytes = values['probe-bytes'] == null ? undefined : parseSize(values['probe-bytes'])
  const probeMaxMs = values['probe-ms'] == null ? undefined : wholeNumber(values['probe-ms'], '--probe-ms', 100, 10_000)

  return withClient(values, async (client, signal) => {
    const bar = new ProgressBar('upload', { json: values.json })
    client.addEventListener('probe', ({ detail: p }) => {
      out.event('probe', { ...p }, undefined)
      bar.log(`probe ${p.tracker ? 'tracker' : 'server'} ${p.peerId}: ${p.ok ? `${formatBytes(Math.round(p.rateBps))}/s` : `failed (${p.error ?? '?'})`}`)
    })
    client.addEventListener('upload-target', ({ detail: t }) => {
      out.event('target', { ...t })
      bar.log(`uploading to ${t.tracker ? 'the tracker' : t.peerId}${t.heldBytes > 0 ? ` (it holds ${formatBytes(t.heldBytes)} already)` : ''}`)
    })
    client.addEventListener('upload-progress', ({ detail: p }) => {
      const hashing = p.phase === 'hashing' || p.phase === 'probing'
      bar.update({ done: hashing ? p.hashedBytes : p.bytes, total: p.totalBytes, rateBps: hashing ? undefined : p.rateBps, etaSeconds: p.etaSeconds, note: p.phase })
      if (values.json) out.event('progress', { ...p })
    })
    const r = await client.upload(path, { signal, replicate, streams, maxTargets, chunkSize, probeBytes, probeMaxMs })
    bar.finish()
    out.event('uploaded', { ...r }, `file ${r.fileId}\ntask ${r.taskId === '' ? '(none)' : r.taskId}`)
    if (!values.json && process.stderr.isTTY === true) {
      process.stderr.write(`${formatBytes(r.size)} in ${r.seconds.toFixed(1)} s (upload ${formatBytes(Math.round(r.uploadRateBps))}/s on ${r.streams} streams${r.resumedBytes > 0 ? `, ${formatBytes(r.resumedBytes)} resumed` : ''}); replicating to ${r.servers.length} servers\n`)
      if (r.targets.length > 1) {
        for (const t of r.targets) process.stderr.write(`  ${t.primary ? 'primary' : 'part   '} ${t.peerId}: ${formatBytes(t.bytesSent)} at ${formatBytes(Math.round(t.uploadRateBps))}/s${t.error != null ? ` (dropped out: ${t.error})` : ''}\n`)
      }
    }
    return 0
  })
}

/** `all` | `none` | `network:NAME` | `PEERID[,PEERID...]`. */
export function parseReplicate (text: string): Partial<ReplicateSpec> {
  const t = text.trim()
  if (t === 'all') return { all: true }
  if (t === 'none') return { all: false, to: [], network: '' }
  if (t.startsWith('network:')) {
    const network = t.slice('network:'.length)
    if (network === '') throw new InvalidArgumentError('--replicate network:NAME needs a name')
    return { all: false, network }
  }
  const to = t.split(',').map((s) => s.trim()).filter((s) => s !== '')
  for (const id of to) {
    try {
      peerIdFromString(id)
    } catch {
      throw new InvalidArgumentError(`--replicate "${id}" is not all, none, network:NAME or a PeerId`)
    }
  }
  if (to.length === 0) throw new InvalidArgumentError('--replicate needs all, none, network:NAME or PeerIds')
  return { all: false, to }
}
