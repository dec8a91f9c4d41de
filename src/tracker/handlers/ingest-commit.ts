import { InvalidManifestError, NotRegisteredError, ProtocolError } from '../../errors.js'
import { fileInfoFromBytes } from '../../manifest/index.js'
import type { Handler } from '../context.js'
import { recordUpload } from '../ingest-commit.js'

/**
 * INGEST_COMMIT: a registered server says a client uploaded a file to it and
 * it holds the whole file, verified. The tracker records the file (the id is
 * the manifest's hash, so it cannot be misnamed), the caller as a complete
 * holder, and the replicate task the client asked for.
 */
export const handleIngestCommit: Handler = (ctx, caller, req) => {
  const c = req.ingestCommit
  if (c == null) throw new ProtocolError('INGEST_COMMIT without an ingestCommit body')
  if (ctx.registry.get(caller.toString()) == null) throw new NotRegisteredError('commit before register')
  let info
  try {
    info = fileInfoFromBytes(c.manifest)
  } catch (err: any) {
    throw new InvalidManifestError(err.message)
  }
  ctx.registry.touch(caller.toString())
  const r = recordUpload(ctx, caller.toString(), info, { to: c.replicateTo, network: c.replicateNetwork, all: c.replicateAll })
  return { ingestCommit: { fileId: info.id.bytes as Uint8Array<ArrayBuffer>, known: r.known, taskId: r.taskId, servers: r.servers } }
}
