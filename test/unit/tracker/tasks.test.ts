import assert from 'node:assert/strict'
import { canTransition, decideResult, isDue, isTerminal, taskStateOf, transition, type AssignmentState } from '../../../src/tracker/tasks.js'

const ALL: AssignmentState[] = ['pending', 'assigned', 'running', 'done', 'failed', 'retried']

describe('tracker/tasks state machine', () => {
  it('follows the documented path and nothing leaves a final state', () => {
    assert.equal(transition('pending', 'assigned'), 'assigned')
    assert.equal(transition('assigned', 'running'), 'running')
    assert.equal(transition('running', 'done'), 'done')
    assert.equal(transition('running', 'retried'), 'retried')
    assert.equal(transition('retried', 'assigned'), 'assigned')
    assert.equal(transition('running', 'pending'), 'pending', 'a task the server lost is pushed again')
    for (const to of ALL) {
      assert.equal(canTransition('done', to), false, `done -> ${to}`)
      assert.equal(canTransition('failed', to), false, `failed -> ${to}`)
    }
  })

  it('throws InvalidTransitionError for a step it does not allow', () => {
    assert.throws(() => transition('done', 'running'), { name: 'InvalidTransitionError' })
    assert.throws(() => transition('retried', 'running'), { name: 'InvalidTransitionError' })
    assert.throws(() => transition('running', 'assigned'), { name: 'InvalidTransitionError' })
  })

  it('summarises assignments into a task state', () => {
    assert.equal(taskStateOf(['done', 'done']), 'done')
    assert.equal(taskStateOf(['done', 'failed']), 'failed')
    assert.equal(taskStateOf(['done', 'running', 'pending']), 'running')
    assert.equal(taskStateOf(['done', 'assigned', 'retried']), 'assigned')
    assert.equal(taskStateOf(['retried', 'pending']), 'retried')
    assert.equal(taskStateOf(['pending', 'pending']), 'pending')
    assert.equal(taskStateOf([]), 'done')
    assert.equal(isTerminal('failed'), true)
    assert.equal(isTerminal('retried'), false)
  })

  it('decides results: success completes, failures retry until the attempts run out', () => {
    assert.deepEqual(decideResult({ state: 'running', attempts: 1 }, { ok: true, attempt: 1 }, 3), { kind: 'apply', next: 'done', final: true })
    assert.deepEqual(decideResult({ state: 'running', attempts: 1 }, { ok: false, attempt: 1 }, 3), { kind: 'apply', next: 'retried', final: false })
    assert.deepEqual(decideResult({ state: 'running', attempts: 3 }, { ok: false, attempt: 3 }, 3), { kind: 'apply', next: 'failed', final: true })
  })

  it('never records a result twice, and ignores failures of superseded attempts', () => {
    assert.deepEqual(decideResult({ state: 'done', attempts: 1 }, { ok: true, attempt: 1 }, 3), { kind: 'duplicate' })
    assert.deepEqual(decideResult({ state: 'failed', attempts: 3 }, { ok: true, attempt: 3 }, 3), { kind: 'duplicate' })
    assert.deepEqual(decideResult({ state: 'assigned', attempts: 2 }, { ok: false, attempt: 1 }, 3), { kind: 'stale' })
    // A success is a verified file, whichever push it answers.
    assert.deepEqual(decideResult({ state: 'assigned', attempts: 2 }, { ok: true, attempt: 1 }, 3), { kind: 'apply', next: 'done', final: true })
  })

  it('accepts a result for a pending assignment (the tracker crashed before recording the ack)', () => {
    const d = decideResult({ state: 'pending', attempts: 0 }, { ok: true, attempt: 1 }, 3)
    assert.deepEqual(d, { kind: 'apply', next: 'done', final: true })
    assert.equal(canTransition('pending', 'done'), true)
  })

  it('knows which assignments are due for a push', () => {
    assert.equal(isDue({ state: 'pending', nextAttemptAt: 100 }, 100), true)
    assert.equal(isDue({ state: 'retried', nextAttemptAt: 200 }, 100), false)
    assert.equal(isDue({ state: 'retried', nextAttemptAt: 100 }, 150), true)
    assert.equal(isDue({ state: 'assigned', nextAttemptAt: 0 }, 150), false)
  })
})
