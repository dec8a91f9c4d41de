import { InvalidArgumentError } from '../errors.js'
import { PROGRESS_INTERVAL_MS } from './constants.js'

/** The caller's `progressIntervalMs` checked: a finite number of milliseconds ≥ 0 (0 = every change); default PROGRESS_INTERVAL_MS. */
export function progressInterval (ms: number | undefined): number {
  if (ms == null) return PROGRESS_INTERVAL_MS
  if (!Number.isFinite(ms) || ms < 0) throw new InvalidArgumentError(`progressIntervalMs must be a number of milliseconds ≥ 0 (got ${String(ms)})`)
  return ms
}
