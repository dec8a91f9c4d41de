import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteTrackerDb } from '../../../src/tracker/sqlite-db.js'
import { TaskManager, type TaskResultReport } from '../../../src/tracker/task-manager.js'
import type { EventRow } from '../../../src/tracker/db.js'

const MAX_ATTEMPTS = 3

describe('tracker/task-manager (SQLite)', () => {
  let dir: string
  let db: SqliteTrackerDb
  let now: number
  let events: EventRow[]

  const open = (): TaskManager => {
    db = new SqliteTrackerDb(join(dir, 'tracker.db'))
    return new TaskManager({ db, now: () => now, maxAttempts: MAX_ATTEMPTS, onEvent: (e) => events.push(e) })
  }

  const result = (taskId: string, over: Partial<TaskResultReport> = {}): TaskResultReport => ({
    taskId, ok: true, reason: '', attempt: 1, durationMs: 10, resumedChunks: 0, fetchedChunks: 4, sha256: 'ab', bytesFrom: { seed: 4096 }, ...over
  })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-tm-'))
    now = 1_000_000
    events = []
  })

  afterEach(async () => {
    db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('runs a task from pending to done and records one result per server', () => {
    const tm = open()
    const task = tm.create('replicate', 'file', ['a', 'b'], 4096)
    assert.equal(task.state, 'pending')
    assert.deepEqual(tm.due().map((a) => a.peerId).sort(), ['a', 'b'])
    tm.onPushAcked(task.id, 'a', 1, false)
    tm.onPushAcked(task.id, 'b', 1, false)
    assert.equal(tm.get(task.id)?.state, 'assigned')
    assert.deepEqual(tm.due(), [])
    tm.onProgress('a', [{ taskId: task.id, bytes: 100, totalBytes: 4096 }])
    assert.equal(tm.get(task.id)?.state, 'running')
    assert.deepEqual(tm.onResult('a', result(task.id)), { duplicate: false })
    assert.deepEqual(tm.onResult('b', result(task.id)), { duplicate: false })
    assert.equal(tm.get(task.id)?.state, 'done')
    assert.deepEqual(tm.results(task.id).map((r) => r.peerId), ['a', 'b'])
    assert.deepEqual(tm.onResult('a', result(task.id)), { duplicate: true }, 'a second report is a duplicate')
    assert.equal(tm.results(task.id).length, 2)
    assert.equal(events.filter((e) => e.type === 'done').length, 2)
  })

  it('retries a failed server with backoff, then gives up after the attempts', () => {
    const tm = open()
    const task = tm.create('replicate', 'file', ['a'], 4096)
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.equal(tm.due().length, 1, `due for attempt ${attempt}`)
      tm.onPushAcked(task.id, 'a', attempt, false)
      tm.onResult('a', result(task.id, { ok: false, reason: 'disk full', attempt }))
      if (attempt < MAX_ATTEMPTS) {
        assert.equal(tm.assignments(task.id)[0].state, 'retried')
        assert.equal(tm.due().length, 0, 'backoff first')
        now += 60_000
      }
    }
    assert.equal(tm.get(task.id)?.state, 'failed')
    assert.equal(tm.results(task.id)[0].ok, false)
    assert.equal(tm.due().length, 0)
  })

  it('counts a server refusing the push as a failed attempt, with a result once final', () => {
    const tm = open()
    const task = tm.create('replicate', 'file', ['a'], 4096)
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      tm.onPushFailed(task.id, 'a', 'NOT_ALLOWED: not my tracker', true)
      now += 60_000
    }
    assert.equal(tm.get(task.id)?.state, 'failed')
    assert.deepEqual(tm.results(task.id).map((r) => [r.peerId, r.ok, r.reason]), [['a', false, 'NOT_ALLOWED: not my tracker']])
  })

  it('ignores the failure of a superseded attempt', () => {
    const tm = open()
    const task = tm.create('replicate', 'file', ['a'], 4096)
    tm.onPushAcked(task.id, 'a', 2, false)
    assert.deepEqual(tm.onResult('a', result(task.id, { ok: false, attempt: 1 })), { duplicate: true })
    assert.equal(tm.assignments(task.id)[0].state, 'assigned')
  })

  it('backs off from an unreachable server without spending an attempt', () => {
    const tm = open()
    const task = tm.create('replicate', 'file', ['a'], 4096)
    tm.onPushFailed(task.id, 'a', 'dial failed', false)
    const a = tm.assignments(task.id)[0]
    assert.equal(a.state, 'pending')
    assert.equal(a.attempts, 0)
    assert.ok(a.nextAttemptAt > now)
    assert.equal(tm.due().length, 0)
  })

  it('pushes again a task the server no longer lists', () => {
    const tm = open()
    const task = tm.create('replicate', 'file', ['a'], 4096)
    tm.onPushAcked(task.id, 'a', 1, false)
    now += 1_000
    tm.onProgress('a', [])
    assert.equal(tm.assignments(task.id)[0].state, 'assigned', 'within the grace period')
    now += 60_000
    tm.onProgress('a', [])
    assert.equal(tm.assignments(task.id)[0].state, 'pending')
    assert.equal(tm.due().length, 1)
  })

  it('rejects results for unknown tasks and for servers the task was not given to', () => {
    const tm = open()
    const task = tm.create('replicate', 'file', ['a'], 4096)
    assert.throws(() => tm.onResult('a', result('no-such-task')), { name: 'UnknownTaskError' })
    assert.throws(() => tm.onResult('b', result(task.id)), { name: 'NotAllowedError' })
  })

  it('keeps every task, assignment, result and event across a reopen', () => {
    let tm = open()
    const task = tm.create('replicate', 'file', ['a', 'b'], 4096)
    tm.onPushAcked(task.id, 'a', 1, false)
    tm.onResult('a', result(task.id))
    db.close()
    tm = open()
    assert.equal(tm.get(task.id)?.state, 'pending', 'one done, one still to push')
    assert.deepEqual(tm.assignments(task.id).map((a) => [a.peerId, a.state]), [['a', 'done'], ['b', 'pending']])
    assert.equal(tm.results(task.id).length, 1)
    assert.deepEqual(tm.onResult('a', result(task.id)), { duplicate: true })
    assert.deepEqual(tm.events(task.id, 100).map((e) => e.type).slice(0, 4), ['created', 'acked', 'task-assigned', 'done'])
  })
})
