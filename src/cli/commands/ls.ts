import { formatBytes } from '../../util/units.js'
import { parse } from '../args.js'
import { CLIENT_OPTIONS, withClient } from '../client-call.js'
import { Output } from '../output.js'
import { USAGE } from '../usage.js'
import { wholeNumber } from './tracker.js'

/** `ls --tracker MA`: the files the tracker knows, newest first. */
export async function runLs (args: string[]): Promise<number> {
  const { values } = parse(args, { ...CLIENT_OPTIONS, max: { type: 'string' } })
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const max = values.max == null ? undefined : wholeNumber(values.max, '--max', 1, 10_000)
  return withClient(values, async (client, signal) => {
    const files = await client.files({ signal, max })
    for (const f of files) {
      out.event('file', { ...f }, `${f.fileId}  ${formatBytes(f.size).padStart(10)}  ${String(f.completeCopies).padStart(3)} copies  ${f.name}`)
    }
    out.event('files', { count: files.length }, files.length === 0 ? 'no files' : undefined)
    return 0
  })
}
