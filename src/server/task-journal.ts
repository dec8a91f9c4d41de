import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '@libp2p/interface'
import { InvalidArgumentError } from '../errors.js'
import { TASK_ID_PATTERN } from '../rpc/constants.js'
import { syncDir } from '../store/fs-io.js'
import { JOURNAL_KEEP_FINISHED, JOURNAL_RETENTION_MS } from './constants.js'

export type JournalState = 'accepted' | 'done' | 'failed'

/** What a server did with a task, kept until the tracker acknowledges it. */
export interface TaskOutcome {
  ok: boolean
  reason: string
  durationMs: number
  /** Chunks verified when this process started on the task (a restart resumes from them). */
  resumedChunks: number
  /** Chunks this process fetched for the task. */
  fetchedChunks: number
  /** Distinct chunks the final fetch asked peers for (never one already verified). */
  requestedChunks: number
  /** Hex SHA-256 of the stored file; empty on failure. */
  sha256: string
  bytesFrom: Record<string, number>
  fetchAttempts: number
}

export interface JournalEntry {
  id: string
  kind: 'replicate' | 'prefetch'
  fileKey: string
  /** Canonical manifest bytes, base64. */
  manifest: string
  /** The tracker's push attempt this entry answers. */
  attempt: number
  state: JournalState
  /** The tracker acknowledged the outcome: nothing is left to do. */
  reported: boolean
  receivedAt: number
  updatedAt: number
  outcome?: TaskOutcome
}

const SUFFIX = '.json'
const TMP_SUFFIX = '.tmp'

export interface JournalPruneOptions {
  /** Finished, acknowledged entries last changed longer ago than this go. */
  retentionMs?: number
  /** Of the finished, acknowledged entries, at most this many (the newest) stay. */
  keepFinished?: number
  now?: number
}

/**
 * The server's task journal: one JSON file per task, `tasks/<id>.json`. A
 * write goes to a temporary file (flushed), is renamed over the old one, and
 * the folder is fsync'd, so after a crash each file is either the old or the
 * new entry, never half of one. The task is acked only once put() resolves.
 */
export class TaskJournal {
  readonly dir: string
  readonly #log?: Logger
  readonly #entries = new Map<string, JournalEntry>()
  /** Writes of one id are chained, so an older entry never lands after a newer one. */
  readonly #writes = new Map<string, Promise<void>>()

  constructor (dir: string, log?: Logger) {
    this.dir = dir
    this.#log = log
  }

  /** Reads every entry on disk; leftovers of interrupted writes are ignored. */
  async open (): Promise<JournalEntry[]> {
    await mkdir(this.dir, { recursive: true })
    for (const name of await readdir(this.dir)) {
      // A temporary file is a write a crash cut short: the entry it would have replaced is still there.
      if (name.endsWith(SUFFIX + TMP_SUFFIX)) await rm(join(this.dir, name), { force: true })
      if (!name.endsWith(SUFFIX)) continue
      try {
        const entry = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as JournalEntry
        if (entry.id + SUFFIX !== name) throw new Error('file name and id differ')
        this.#entries.set(entry.id, entry)
      } catch (err: any) {
        // Renames are atomic, so this is outside damage: skip the entry rather than refuse to start.
        this.#log?.error('task journal entry %s unreadable, skipped: %s', name, err.message)
      }
    }
    return this.entries()
  }

  get (id: string): JournalEntry | undefined {
    const e = this.#entries.get(id)
    return e == null ? undefined : structuredClone(e)
  }

  entries (): JournalEntry[] {
    return [...this.#entries.values()].map((e) => structuredClone(e)).sort((a, b) => a.receivedAt - b.receivedAt)
  }

  /** Accepted and not yet finished: to run (again, after a restart). */
  unfinished (): JournalEntry[] {
    return this.entries().filter((e) => e.state === 'accepted')
  }

  /** Finished but not acknowledged by the tracker: to report. */
  unreported (): JournalEntry[] {
    return this.entries().filter((e) => e.state !== 'accepted' && !e.reported)
  }

  /**
   * Forgets finished tasks the tracker has acknowledged, once older than the
   * retention or beyond the newest `keepFinished`, so a long-running server's
   * journal stays bounded. Unfinished and unreported entries always stay: they
   * are work still owed. Returns the ids removed.
   */
  async prune (options: JournalPruneOptions = {}): Promise<string[]> {
    const retentionMs = options.retentionMs ?? JOURNAL_RETENTION_MS
    const keep = options.keepFinished ?? JOURNAL_KEEP_FINISHED
    const now = options.now ?? Date.now()
    const settled = [...this.#entries.values()]
      .filter((e) => e.state !== 'accepted' && e.reported && !this.#writes.has(e.id))
      .sort((a, b) => b.updatedAt - a.updatedAt)
    const gone = settled.filter((e, i) => i >= keep || now - e.updatedAt > retentionMs).map((e) => e.id)
    for (const id of gone) {
      await rm(join(this.dir, id + SUFFIX), { force: true })
      this.#entries.delete(id)
    }
    if (gone.length > 0) await syncDir(this.dir)
    return gone
  }

  /** Writes an entry durably; resolves once it would survive a crash. */
  async put (entry: JournalEntry): Promise<void> {
    if (!TASK_ID_PATTERN.test(entry.id)) throw new InvalidArgumentError(`bad task id "${entry.id}"`)
    const copy = structuredClone(entry)
    const previous = this.#writes.get(entry.id) ?? Promise.resolve()
    const write = previous.catch(() => {}).then(async () => {
      const path = join(this.dir, entry.id + SUFFIX)
      await writeFile(path + TMP_SUFFIX, JSON.stringify(copy, null, 2) + '\n', { flush: true })
      await rename(path + TMP_SUFFIX, path)
      await syncDir(this.dir)
      this.#entries.set(copy.id, copy)
    })
    this.#writes.set(entry.id, write)
    try {
      await write
    } finally {
      if (this.#writes.get(entry.id) === write) this.#writes.delete(entry.id)
    }
  }
}
