import { InvalidTransitionError } from '../errors.js'

/**
 * The task state machine, as pure functions (no clock, no database), so every
 * rule is unit-tested on its own.
 *
 * A task targets one or more servers; each (task, server) pair is an
 * assignment with its own state:
 *
 *   pending  --push acked-->      assigned --progress--> running
 *   assigned/running --ok result-->  done
 *   assigned/running --failed result, attempts left--> retried --re-push acked--> assigned
 *   assigned/running --failed result, no attempts left--> failed
 *   assigned/running --server no longer has it--> pending (pushed again)
 *   retried --the re-push is refused, attempts left--> retried
 *
 * A pending assignment may also take a result: the tracker can crash after the
 * server journalled a push and before the ack was recorded.
 */
export type AssignmentState = 'pending' | 'assigned' | 'running' | 'done' | 'failed' | 'retried'

/** A task's state summarises its assignments' (see taskStateOf). */
export type TaskState = AssignmentState

export type TaskKind = 'replicate' | 'prefetch'

export const TASK_KINDS: readonly TaskKind[] = ['replicate', 'prefetch']

const TRANSITIONS: Record<AssignmentState, readonly AssignmentState[]> = {
  pending: ['assigned', 'running', 'done', 'retried', 'failed'],
  assigned: ['running', 'done', 'retried', 'failed', 'pending'],
  running: ['done', 'retried', 'failed', 'pending'],
  retried: ['assigned', 'retried', 'done', 'failed'],
  done: [],
  failed: []
}

export function canTransition (from: AssignmentState, to: AssignmentState): boolean {
  return TRANSITIONS[from].includes(to)
}

/** `to`, or InvalidTransitionError when the machine does not allow the step. */
export function transition (from: AssignmentState, to: AssignmentState): AssignmentState {
  if (!canTransition(from, to)) throw new InvalidTransitionError(`a task assignment cannot go from ${from} to ${to}`)
  return to
}

export function isTerminal (state: AssignmentState): boolean {
  return state === 'done' || state === 'failed'
}

/**
 * A task is done when every assignment is; failed when every one is final and
 * at least one failed; otherwise the most advanced live state (running beats
 * assigned beats retried beats pending). No assignments at all counts as done.
 */
export function taskStateOf (states: readonly AssignmentState[]): TaskState {
  if (states.every((s) => s === 'done')) return 'done'
  if (states.every(isTerminal)) return 'failed'
  for (const s of ['running', 'assigned', 'retried'] as const) if (states.includes(s)) return s
  return 'pending'
}

export interface AssignmentView {
  readonly state: AssignmentState
  /** Pushes the server acknowledged so far. */
  readonly attempts: number
}

export interface ResultView {
  readonly ok: boolean
  /** The push attempt the server answers. */
  readonly attempt: number
}

export type ResultDecision =
  | { kind: 'duplicate' }
  | { kind: 'stale' }
  | { kind: 'apply', next: AssignmentState, final: boolean }

/**
 * What a server's result does to its assignment. Results are idempotent: one
 * for an assignment that is already final changes nothing (duplicate). A
 * failure from an older attempt, when a newer push is out, is stale. A success
 * is never stale: the file is verified whichever push led to it.
 */
export function decideResult (a: AssignmentView, r: ResultView, maxAttempts: number): ResultDecision {
  if (isTerminal(a.state)) return { kind: 'duplicate' }
  if (r.ok) return { kind: 'apply', next: 'done', final: true }
  if (r.attempt < a.attempts) return { kind: 'stale' }
  if (Math.max(a.attempts, r.attempt) >= maxAttempts) return { kind: 'apply', next: 'failed', final: true }
  return { kind: 'apply', next: 'retried', final: false }
}

/**
 * Assignments the tracker should push now: pending ones, and retried ones
 * whose backoff is over, to servers that are alive.
 */
export function isDue (a: { state: AssignmentState, nextAttemptAt: number }, now: number): boolean {
  return (a.state === 'pending' || a.state === 'retried') && a.nextAttemptAt <= now
}
