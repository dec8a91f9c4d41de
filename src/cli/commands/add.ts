import { stat } from 'node:fs/promises'
import { InvalidArgumentError } from '../../errors.js'
import { chunkCount, manifestFromFile } from '../../manifest/index.js'
import { FsChunkStore, importFile } from '../../store/index.js'
import { parseSize } from '../../util/units.js'
import { parse, required } from '../args.js'
import { hex, Output } from '../output.js'
import { withTracker } from '../tracker-call.js'
import { tokenFromArgs } from '../client-call.js'
import { USAGE } from '../usage.js'

export async function runAdd (args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' }, 'chunk-size': { type: 'string' }, tracker: { type: 'string' }, identity: { type: 'string' }, token: { type: 'string' }, 'token-file': { type: 'string' } }, 1)
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const path = required(positionals[0], 'FILE (the file to add)')
  const dataDir = required(values.data, 'data')
  const st = await stat(path).catch(() => undefined)
  if (st?.isFile() !== true) throw new InvalidArgumentError(`${path}: no such file`)
  const chunkSize = values['chunk-size'] == null ? undefined : parseSize(values['chunk-size'])
  const info = await manifestFromFile(path, { chunkSize })
  const store = new FsChunkStore(dataDir)
  try {
    await importFile(store, path, info)
  } finally {
    await store.close()
  }
  const m = info.manifest
  // With --tracker, --data is the tracker's own data directory: the running tracker catalogs the file it now holds.
  const committed = values.tracker == null ? undefined : await withTracker(values.tracker, async (client) => client.commit(info.id), values.identity, await tokenFromArgs(values))
  out.event('added', {
    fileId: info.key, name: m.name, size: m.size, chunkSize: m.chunkSize, chunks: chunkCount(m), sha256: hex(m.sha256),
    ...(committed != null ? { committed: true, alreadyKnown: committed.known } : {})
  }, info.key)
  return 0
}
