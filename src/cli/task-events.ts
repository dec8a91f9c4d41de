import type { Locality } from '../lan/locality.js'
import type { IngestService } from '../server/ingest.js'
import type { TaskService } from '../server/task-service.js'
import { formatBytes } from '../util/units.js'
import type { Output } from './output.js'

/** Prints a task server's tracker work: one JSON event per line with --json, short lines otherwise. */
export function reportTaskEvents (tasks: TaskService, out: Output): void {
  tasks.addEventListener('registered', ({ detail }) => {
    out.event('registered', detail, `registered with ${detail.tracker}`)
  })
  tasks.addEventListener('task-received', ({ detail }) => {
    out.event('task-received', detail, `task ${detail.taskId}: ${detail.kind} ${detail.fileId} (attempt ${detail.attempt})`)
  })
  tasks.addEventListener('hints', ({ detail }) => {
    out.event('hints', detail, `task ${detail.taskId}: ${detail.peers.length} peers hinted`)
  })
  tasks.addEventListener('task-progress', ({ detail: p }) => {
    out.event('progress', p, `task ${p.taskId} ${p.chunks}/${p.totalChunks} chunks (${formatBytes(p.bytes)})`)
  })
  tasks.addEventListener('task-done', ({ detail: e }) => {
    const o = e.outcome!
    out.event('task-done', { taskId: e.id, fileId: e.fileKey, attempt: e.attempt, ...o },
      o.ok ? `task ${e.id} done in ${(o.durationMs / 1000).toFixed(1)} s, sha256 ${o.sha256}` : `task ${e.id} failed: ${o.reason}`)
  })
  tasks.addEventListener('task-reported', ({ detail }) => {
    out.event('task-reported', detail, `task ${detail.taskId} reported${detail.duplicate ? ' (already recorded)' : ''}`)
  })
  tasks.addEventListener('tracker-error', ({ detail }) => {
    out.event('tracker-error', detail, `tracker ${detail.what}: ${detail.message}`)
  })
}

/** Prints a server's upload endpoint activity: uploads opened, committed, failed. */
export function reportIngestEvents (ingest: IngestService, out: Output): void {
  ingest.addEventListener('ingest-open', ({ detail }) => {
    out.event('ingest-open', detail, `upload of ${detail.fileId}: ${detail.chunksHeld}/${detail.totalChunks} chunks already here`)
  })
  ingest.addEventListener('ingest-committed', ({ detail }) => {
    out.event('ingest-committed', detail, `upload of ${detail.fileId} committed${detail.taskId !== '' ? `, replicate task ${detail.taskId}` : ''}`)
  })
  ingest.addEventListener('ingest-error', ({ detail }) => {
    out.event('ingest-error', detail, `upload of ${detail.fileId} failed: ${detail.message}`)
  })
}

/** Prints where a server's DHT provider records went (a test or an operator waits on it before the tracker may go). */
export function reportLocalityEvents (locality: Locality, out: Output): void {
  locality.addEventListener('provided', ({ detail }) => {
    out.event('dht-provided', { fileId: detail.fileKey, peers: detail.peers }, `${detail.fileKey} provided on the DHT to ${detail.peers.length} peer(s)`)
  })
}
