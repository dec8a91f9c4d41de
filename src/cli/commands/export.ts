import { copyFile, rename } from 'node:fs/promises'
import { InvalidArgumentError, UnknownFileError } from '../../errors.js'
import { FsChunkStore } from '../../store/index.js'
import { parse, parseFileIdArg, required } from '../args.js'
import { hex, Output } from '../output.js'
import { USAGE } from '../usage.js'

export async function runExport (args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' }, output: { type: 'string', short: 'o' } }, 1)
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const id = parseFileIdArg(required(positionals[0], 'FILE_ID'), 'FILE_ID')
  const dest = required(values.output, 'output')
  const store = new FsChunkStore(required(values.data, 'data'))
  try {
    const file = await store.get(id.toString())
    if (file == null) throw new UnknownFileError(`${id.toString()} is not in this store`)
    if (!file.complete || file.path == null) throw new InvalidArgumentError(`${id.toString()} is not complete (${file.bitfield.count}/${file.bitfield.length} chunks)`)
    const sha256 = await file.digest()
    // Copy beside the destination, then rename: a reader never sees half a file.
    const tmp = `${dest}.partial`
    await copyFile(file.path, tmp)
    await rename(tmp, dest)
    out.event('exported', { fileId: id.toString(), path: dest, sha256: hex(sha256) }, dest)
  } finally {
    await store.close()
  }
  return 0
}
