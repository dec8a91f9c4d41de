import { InvalidArgumentError, ProtocolError, UnknownFileError, UnknownServerError } from '../../errors.js'
import { fileKeyFromBytes } from '../../swarm/ids.js'
import type { Handler } from '../context.js'

/** Servers named in one REPLICATE at most. */
const MAX_TARGETS = 4096

/**
 * REPLICATE: an operator asks for a file on servers: the named ones, or every
 * live registered server when none is named.
 */
export const handleReplicate: Handler = (ctx, _caller, req) => {
  const r = req.replicate
  if (r == null) throw new ProtocolError('REPLICATE without a replicate body')
  if (r.to.length > MAX_TARGETS) throw new ProtocolError(`more than ${MAX_TARGETS} targets`)
  const fileKey = fileKeyFromBytes(r.fileId)
  const file = ctx.catalog.get(fileKey)
  if (file == null) throw new UnknownFileError(`the tracker does not know ${fileKey}`)
  const targets = r.to.length === 0 ? ctx.registry.alive().map((s) => s.peerId) : [...new Set(r.to)]
  for (const id of targets) if (ctx.registry.get(id) == null) throw new UnknownServerError(`${id} is not a registered server`)
  if (targets.length === 0) throw new InvalidArgumentError('no live server to replicate to')
  const task = ctx.tasks.create('replicate', fileKey, targets, file.info.manifest.size)
  ctx.kick()
  return { replicate: { taskId: task.id, servers: targets } }
}
