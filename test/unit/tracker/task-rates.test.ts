import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteTrackerDb } from '../../../src/tracker/sqlite-db.js'
import { TaskManager } from '../../../src/tracker/task-manager.js'
import { MAX_RATE_HISTORIES, RATE_HISTORY_POINTS, RATE_HISTORY_RETAIN_MS, RATE_SAMPLE_MS, RATE_WINDOW_MS, SERVER_RATE_STALE_MS, TaskRates } from '../../../src/tracker/task-rates.js'

const MiB = 1024 * 1024

describe('tracker/task-rates', () => {
  let now: number
  let rates: TaskRates

  beforeEach(() => {
    now = 1_000_000
    rates = new TaskRates(() => now)
  })

  it('derives a server\'s receive rate from the growth of its tasks between heartbeats', () => {
    rates.onServerProgress('a', [{ taskId: 't', bytes: 10 * MiB }])
    assert.equal(rates.serverRate('a'), 0, 'one heartbeat is no rate yet')
    now += 2000
    rates.onServerProgress('a', [{ taskId: 't', bytes: 14 * MiB }, { taskId: 'new', bytes: 50 * MiB }])
    assert.equal(rates.serverRate('a'), 2 * MiB, 'a task new to the server (resumed bytes) does not count')
    now += 2000
    rates.onServerProgress('a', [{ taskId: 'new', bytes: 51 * MiB }])
    assert.equal(rates.serverRate('a'), MiB / 2, 'a task that left the list (finished) does not count as negative')
    now += SERVER_RATE_STALE_MS + 1
    assert.equal(rates.serverRate('a'), 0, 'stale')
    assert.equal(rates.serverRate('unknown'), 0)
  })

  it('keeps one point per sample slot, rates averaged over the window, never negative', () => {
    rates.onTaskBytes('t', 0)
    for (let i = 1; i <= 10; i++) {
      now += RATE_SAMPLE_MS / 2
      rates.onTaskBytes('t', i * MiB)
    }
    const h = rates.history('t')
    // 5 s of samples every 0.5 s: one point per 1 s slot.
    assert.ok(h.length === 6, `points: ${h.length}`)
    assert.equal(h.at(-1)?.bytes, 10 * MiB)
    // 1 MiB per half second, over the window.
    assert.equal(h.at(-1)?.bytesPerSec, 2 * MiB)
    assert.ok(RATE_WINDOW_MS >= 2 * RATE_SAMPLE_MS)
    now += RATE_SAMPLE_MS
    rates.onTaskBytes('t', MiB)
    assert.equal(rates.history('t').at(-1)?.bytesPerSec, 0, 'a drop is 0, not negative')
  })

  it('is bounded: points per task, tasks, and time after the last sample', () => {
    for (let i = 0; i < RATE_HISTORY_POINTS + 50; i++) {
      now += RATE_SAMPLE_MS
      rates.onTaskBytes('t', i * MiB)
    }
    const h = rates.history('t')
    assert.equal(h.length, RATE_HISTORY_POINTS)
    assert.equal(h.at(-1)?.bytes, (RATE_HISTORY_POINTS + 49) * MiB, 'the newest are kept')
    assert.equal(h.at(-1)?.bytesPerSec, MiB)
    for (let i = 0; i < MAX_RATE_HISTORIES + 5; i++) rates.onTaskBytes(`x${i}`, 0)
    assert.equal(rates.history('t').length, 0, 'the stalest task went first')
    assert.equal(rates.history(`x${MAX_RATE_HISTORIES + 4}`).length, 1)
    now += RATE_HISTORY_RETAIN_MS + 1
    assert.equal(rates.history(`x${MAX_RATE_HISTORIES + 4}`).length, 0, 'dropped a while after its last sample')
  })

  it('is fed by the task manager: heartbeats sample the task and the server, a result adds the last point', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shoal-rates-'))
    const db = new SqliteTrackerDb(join(dir, 'tracker.db'))
    try {
      const tm = new TaskManager({ db, now: () => now, maxAttempts: 3 })
      const task = tm.create('replicate', 'file', ['a', 'b'], 8 * MiB)
      tm.onPushAcked(task.id, 'a', 1, false)
      tm.onPushAcked(task.id, 'b', 1, false)
      now += 1000
      tm.onProgress('a', [{ taskId: task.id, bytes: 2 * MiB, totalBytes: 8 * MiB }])
      now += 1000
      tm.onProgress('b', [{ taskId: task.id, bytes: 2 * MiB, totalBytes: 8 * MiB }])
      now += 1000
      tm.onProgress('a', [{ taskId: task.id, bytes: 6 * MiB, totalBytes: 8 * MiB }])
      assert.equal(tm.rates.serverRate('a'), 2 * MiB)
      assert.equal(tm.rates.serverRate('b'), 0, 'one heartbeat so far')
      now += 1000
      tm.onProgress('b', [{ taskId: task.id, bytes: 2 * MiB, totalBytes: 8 * MiB }])
      now += 1000
      tm.onResult('a', { taskId: task.id, ok: true, reason: '', attempt: 1, durationMs: 4000, resumedChunks: 0, fetchedChunks: 8, sha256: 'ab', bytesFrom: {} })
      const h = tm.rates.history(task.id)
      assert.deepEqual(h.map((p) => p.bytes / MiB), [0, 2, 4, 8, 8, 10], 'created, 4 heartbeats (one unchanged), the result')
      assert.deepEqual(h.map((p) => p.at - task.createdAt), [0, 1000, 2000, 3000, 4000, 5000])
      // The window (4 s) before the last point starts at 1 s: 8 MiB in 4 s.
      assert.equal(h.at(-1)?.bytesPerSec, 2 * MiB)
    } finally {
      db.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
