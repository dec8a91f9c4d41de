import { ProtocolError, UnknownFileError, UnknownServerError } from '../../errors.js'
import { fileKeyFromBytes } from '../../swarm/ids.js'
import type { Handler } from '../context.js'

/** PREFETCH: copy a file to one server (a prefetch task), e.g. the one nearest a client. */
export const handlePrefetch: Handler = (ctx, _caller, req) => {
  const p = req.prefetch
  if (p == null) throw new ProtocolError('PREFETCH without a prefetch body')
  const fileKey = fileKeyFromBytes(p.fileId)
  const file = ctx.catalog.get(fileKey)
  if (file == null) throw new UnknownFileError(`the tracker does not know ${fileKey}`)
  if (ctx.registry.get(p.server) == null) throw new UnknownServerError(`${p.server} is not a registered server`)
  const task = ctx.tasks.create('prefetch', fileKey, [p.server], file.info.manifest.size)
  ctx.kick()
  return { replicate: { taskId: task.id, servers: [p.server] } }
}
