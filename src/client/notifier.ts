import { TimeoutError } from '../errors.js'

/**
 * Wakes everyone waiting when something changed (a chunk acknowledged,
 * chunks put back, a stream failed). Waiters re-check their condition, so a
 * spurious wake-up is harmless; each wait is bounded by a timeout.
 */
export class Notifier {
  #waiters = new Set<() => void>()

  notify (): void {
    const waiters = this.#waiters
    this.#waiters = new Set()
    for (const wake of waiters) wake()
  }

  /** Resolves at the next notify(), or after `timeoutMs` (also resolves: the caller re-checks); rejects when `signal` aborts. */
  async wait (timeoutMs: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        this.#waiters.delete(done)
        resolve()
      }
      const onAbort = (): void => { done(); reject(signal?.reason ?? new TimeoutError('wait aborted')) }
      const timer = setTimeout(done, timeoutMs)
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiters.add(done)
    })
  }
}
