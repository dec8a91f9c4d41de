import { ProtocolError } from '../../errors.js'
import { chunkCount } from '../../manifest/index.js'
import type { Handler } from '../context.js'

/** Files listed by default and at most: the answer stays far under the response limit. */
const DEFAULT_FILES = 1000
const MAX_FILES = 10_000

/** LIST_FILES: the catalog, newest first, with how many live servers hold each file. */
export const handleListFiles: Handler = (ctx, _caller, req) => {
  const l = req.listFiles
  if (l == null) throw new ProtocolError('LIST_FILES without a listFiles body')
  const max = Math.min(MAX_FILES, l.max === 0 ? DEFAULT_FILES : l.max)
  const alive = (id: string): boolean => ctx.registry.isAlive(id)
  const files = ctx.catalog.list().sort((a, b) => b.addedAt - a.addedAt).slice(0, max).map((f) => ({
    fileId: f.info.id.bytes as Uint8Array<ArrayBuffer>,
    name: f.info.manifest.name,
    size: BigInt(f.info.manifest.size),
    chunks: chunkCount(f.info.manifest),
    holders: ctx.catalog.holders(f.info.key).filter((h) => alive(h.peerId)).length,
    completeCopies: ctx.catalog.completeCopies(f.info.key, alive),
    addedAtMs: BigInt(f.addedAt),
    sha256: f.info.manifest.sha256 as Uint8Array<ArrayBuffer>
  }))
  return { files: { files } }
}
