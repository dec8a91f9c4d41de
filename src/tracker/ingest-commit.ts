import { InvalidArgumentError, UnknownServerError } from '../errors.js'
import type { FileInfo } from '../manifest/index.js'
import type { IngestCommitResult, ReplicateSpec } from '../server/ingest.js'
import type { TrackerContext } from './context.js'

/** Servers named in one replicate request at most. */
const MAX_TARGETS = 4096

/** Longest network label accepted as a replicate group. */
const MAX_LABEL = 64

/**
 * Records an uploaded file: the catalog gets its manifest, the ingest server
 * (`holder`; undefined = the tracker's own store) a complete holding, and the
 * requested group a replicate task. The group is checked before anything is
 * written, so a bad request leaves no file behind half recorded. The holder
 * is left out of the task: it already has the file.
 */
export function recordUpload (ctx: TrackerContext, holder: string | undefined, info: FileInfo, spec: ReplicateSpec): IngestCommitResult {
  const targets = replicateTargets(ctx, spec).filter((id) => id !== holder)
  const added = ctx.catalog.addFile(info)
  if (holder != null) {
    ctx.catalog.applyAnnounce(holder, [{ fileKey: info.key, complete: true }], false)
  } else {
    // In the tracker's own store: it serves the file until the group holds enough copies.
    ctx.onFileAdded(info.key)
  }
  ctx.log('upload of %s committed by %s; replicate to %d servers', info.key, holder ?? 'the tracker', targets.length)
  if (targets.length === 0) return { known: !added, taskId: '', servers: [] }
  const task = ctx.tasks.create('replicate', info.key, targets, info.manifest.size)
  ctx.kick()
  return { known: !added, taskId: task.id, servers: targets }
}

/** PeerIds of the servers a replicate spec names: listed ones, a network's live ones, or every live one. */
export function replicateTargets (ctx: TrackerContext, spec: ReplicateSpec): string[] {
  if (spec.to.length > MAX_TARGETS) throw new InvalidArgumentError(`more than ${MAX_TARGETS} targets`)
  if (spec.network.length > MAX_LABEL) throw new InvalidArgumentError(`network label longer than ${MAX_LABEL} characters`)
  const chosen = new Set<string>()
  if (spec.all) for (const s of ctx.registry.alive()) chosen.add(s.peerId)
  if (spec.network !== '') for (const s of ctx.registry.alive()) if (s.network === spec.network) chosen.add(s.peerId)
  for (const id of spec.to) {
    if (ctx.registry.get(id) == null) throw new UnknownServerError(`${id} is not a registered server`)
    chosen.add(id)
  }
  return [...chosen]
}
