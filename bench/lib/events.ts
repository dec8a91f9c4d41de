/**
 * Parsing of the Shoal CLI's `--json` output: one JSON object per line, with an
 * "event" field. Lines that are not JSON (logs, warnings) are ignored rather than
 * fatal, because a benchmark should not die on a stray debug print.
 */

export interface ListeningEvent { event: 'listening', peerId: string, addrs: string[] }
export interface ProgressEvent {
  event: 'progress'
  fileId: string
  chunks: number
  totalChunks: number
  bytes: number
  totalBytes: number
}
export interface CompleteEvent { event: 'complete', fileId: string, sha256: string, seconds: number }
export interface StatsEvent { event: 'stats', bytesSent: number }
export interface AddedEvent { event: 'added', fileId: string, name: string, size: number, chunks: number, sha256: string }
export interface ErrorEvent { event: 'error', message: string }
/** Task servers working for a tracker. */
export interface RegisteredEvent { event: 'registered' }
export interface TaskDoneEvent { event: 'task-done', ok: boolean, sha256?: string }
export interface TrackerErrorEvent { event: 'tracker-error', message: string }
/** `replicate` prints the task it created. */
export interface TaskEvent { event: 'task', taskId: string }

export type ShoalEvent = ListeningEvent | ProgressEvent | CompleteEvent | StatsEvent | AddedEvent | ErrorEvent |
  RegisteredEvent | TaskDoneEvent | TrackerErrorEvent | TaskEvent

type Obj = Record<string, unknown>

const isStr = (o: Obj, k: string): boolean => typeof o[k] === 'string'
const isNum = (o: Obj, k: string): boolean => typeof o[k] === 'number' && Number.isFinite(o[k])

/** Required fields per event; an event missing one is treated as garbage. */
const REQUIRED: Record<ShoalEvent['event'], (o: Obj) => boolean> = {
  listening: o => isStr(o, 'peerId') && Array.isArray(o.addrs) && o.addrs.every(a => typeof a === 'string'),
  progress: o => isStr(o, 'fileId') && ['chunks', 'totalChunks', 'bytes', 'totalBytes'].every(k => isNum(o, k)),
  complete: o => isStr(o, 'fileId') && isStr(o, 'sha256'),
  stats: o => isNum(o, 'bytesSent'),
  added: o => isStr(o, 'fileId') && isStr(o, 'sha256') && isNum(o, 'size'),
  error: o => isStr(o, 'message'),
  registered: () => true,
  'task-done': o => typeof o.ok === 'boolean',
  'tracker-error': o => isStr(o, 'message'),
  task: o => isStr(o, 'taskId')
}

/**
 * The CLI's internal name for a file id is "fileKey" and some events carry that
 * name instead of the contract's "fileId"; accept both so the harness does not
 * depend on which one a build prints.
 */
function normalise (o: Obj): Obj {
  return typeof o.fileId !== 'string' && typeof o.fileKey === 'string' ? { ...o, fileId: o.fileKey } : o
}

/** A line holding one JSON object, or null (plain text, arrays, broken JSON). */
export function parseJsonObject (line: string): Obj | null {
  const text = line.trim()
  if (!text.startsWith('{')) return null
  try {
    const value: unknown = JSON.parse(text)
    return value != null && typeof value === 'object' && !Array.isArray(value) ? value as Obj : null
  } catch {
    return null
  }
}

/** One stdout line -> a known event, or null for anything else. */
export function parseEventLine (line: string): ShoalEvent | null {
  const raw = parseJsonObject(line)
  if (raw == null) return null
  const o = normalise(raw)
  const kind = o.event
  if (typeof kind !== 'string' || !(kind in REQUIRED)) return null
  return REQUIRED[kind as ShoalEvent['event']](o) ? (o as unknown as ShoalEvent) : null
}

/** All events of a given kind in a blob of output. */
export function eventsOf<K extends ShoalEvent['event']> (output: string, kind: K): Array<Extract<ShoalEvent, { event: K }>> {
  return output.split('\n')
    .map(parseEventLine)
    .filter((e): e is Extract<ShoalEvent, { event: K }> => e?.event === kind)
}

const PEER_ID = /^(12D3Koo[1-9A-HJ-NP-Za-km-z]+|Qm[1-9A-HJ-NP-Za-km-z]{44}|[1-9A-HJ-NP-Za-km-z]{40,}|bafz[a-z2-7]+)$/

/** `peer.js id` output: the PeerId alone on a line, or a JSON line with "peerId". */
export function parsePeerIdOutput (output: string): string {
  for (const raw of output.split('\n').reverse()) {
    const line = raw.trim()
    if (line === '') continue
    if (line.startsWith('{')) {
      try {
        const o = JSON.parse(line) as Obj
        if (typeof o.peerId === 'string') return o.peerId
      } catch { /* not JSON after all */ }
      continue
    }
    if (PEER_ID.test(line)) return line
  }
  throw new Error(`no PeerId in output: ${output.slice(0, 200)}`)
}
