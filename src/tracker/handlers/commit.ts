import { InvalidArgumentError, ProtocolError, UnknownFileError } from '../../errors.js'
import { fileKeyFromBytes } from '../../swarm/ids.js'
import type { Handler } from '../context.js'

/**
 * COMMIT: a file was imported into the tracker's own store (`add FILE --data
 * TRACKER_DIR --tracker ...`): check it is there and complete, then catalog
 * and serve it. Nothing is read from the caller but the id, so any peer may
 * call it: at worst it makes the tracker look at its own disk.
 */
export const handleCommit: Handler = async (ctx, _caller, req) => {
  const c = req.commit
  if (c == null) throw new ProtocolError('COMMIT without a commit body')
  const fileKey = fileKeyFromBytes(c.fileId)
  const stored = await ctx.store.get(fileKey)
  if (stored == null) throw new UnknownFileError(`${fileKey} is not in the tracker's store (import it with add --data TRACKER_DIR first)`)
  if (!stored.complete) throw new InvalidArgumentError(`${fileKey} is not complete in the tracker's store (${stored.bitfield.count}/${stored.bitfield.length} chunks)`)
  const added = ctx.catalog.addFile(stored.info)
  if (added) ctx.onFileAdded(fileKey)
  return { commit: { fileId: c.fileId, known: !added } }
}
