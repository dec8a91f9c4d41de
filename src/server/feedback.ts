import type { Logger } from '@libp2p/interface'
import { NotAllowedError, UnknownTaskError } from '../errors.js'
import type { TaskResult } from '../pb/tracker.js'
import { backoff, sleep } from '../util/sleep.js'
import { MAX_REPORT_ATTEMPTS, REPORT_RETRY_MAX_MS, REPORT_RETRY_MS } from './constants.js'
import type { JournalEntry, TaskJournal } from './task-journal.js'
import type { TrackerClient } from './tracker-client.js'

export interface FeedbackInit {
  client: TrackerClient
  journal: TaskJournal
  log: Logger
  onReported(taskId: string, duplicate: boolean): void
  onError(what: string, err: Error): void
}

/**
 * Task feedback: sends a finished task's outcome to the tracker, retrying with
 * backoff until the tracker acknowledges it, then marks the journal entry
 * reported. The tracker keys results by (task, server), so sending one twice
 * (say the ack was lost) is harmless.
 */
export class Feedback {
  readonly #init: FeedbackInit
  readonly #sending = new Map<string, Promise<void>>()
  readonly #controller = new AbortController()

  constructor (init: FeedbackInit) {
    this.#init = init
  }

  /** Starts reporting the entry's outcome unless that is already under way. */
  report (entry: JournalEntry): void {
    if (entry.outcome == null || this.#sending.has(entry.id) || this.#controller.signal.aborted) return
    const sending = this.#send(entry).finally(() => this.#sending.delete(entry.id))
    this.#sending.set(entry.id, sending)
  }

  async stop (): Promise<void> {
    this.#controller.abort()
    await Promise.allSettled(this.#sending.values())
  }

  async #send (entry: JournalEntry): Promise<void> {
    const signal = this.#controller.signal
    const body = resultMessage(entry)
    for (let attempt = 1; attempt <= MAX_REPORT_ATTEMPTS && !signal.aborted; attempt++) {
      try {
        const duplicate = await this.#init.client.reportResult(body, { signal })
        await this.#markReported(entry.id)
        this.#init.onReported(entry.id, duplicate)
        return
      } catch (err: any) {
        if (signal.aborted) return
        if (err.name === UnknownTaskError.name || err.name === NotAllowedError.name) {
          // The tracker will never take this result (it has no such task for us): stop asking.
          this.#init.onError(`result of ${entry.id} refused`, err)
          await this.#markReported(entry.id)
          return
        }
        this.#init.log('reporting %s failed (attempt %d): %s', entry.id, attempt, err.message)
        await sleep(backoff(attempt, REPORT_RETRY_MS, REPORT_RETRY_MAX_MS), signal).catch(() => {})
      }
    }
  }

  async #markReported (taskId: string): Promise<void> {
    const current = this.#init.journal.get(taskId)
    if (current == null || current.state === 'accepted') return
    await this.#init.journal.put({ ...current, reported: true, updatedAt: Date.now() })
  }
}

export function resultMessage (entry: JournalEntry): TaskResult {
  const o = entry.outcome!
  return {
    taskId: entry.id,
    ok: o.ok,
    reason: o.reason,
    bytesFrom: Object.entries(o.bytesFrom).map(([peerId, bytes]) => ({ peerId, bytes: BigInt(bytes) })),
    durationMs: Math.round(o.durationMs),
    resumedChunks: o.resumedChunks,
    fetchedChunks: o.fetchedChunks,
    sha256: Buffer.from(o.sha256, 'hex') as Uint8Array as Uint8Array<ArrayBuffer>,
    attempt: entry.attempt,
    fetchAttempts: o.fetchAttempts
  }
}
