import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TaskJournal, type JournalEntry } from '../../../src/server/task-journal.js'

function entry (id: string, over: Partial<JournalEntry> = {}): JournalEntry {
  return { id, kind: 'replicate', fileKey: 'bafk', manifest: 'AA==', attempt: 1, state: 'accepted', reported: false, receivedAt: 1, updatedAt: 1, ...over }
}

describe('server/task-journal', () => {
  let dir: string

  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'shoal-journal-')) })
  afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

  it('keeps entries across a reopen and sorts what to resume from what to report', async () => {
    const j = new TaskJournal(join(dir, 'tasks'))
    await j.open()
    await j.put(entry('t1'))
    await j.put(entry('t2', { receivedAt: 2 }))
    await j.put({ ...entry('t2', { receivedAt: 2 }), state: 'done', outcome: { ok: true, reason: '', durationMs: 1, resumedChunks: 0, fetchedChunks: 1, requestedChunks: 1, sha256: 'ab', bytesFrom: {}, fetchAttempts: 1 } })
    await j.put(entry('t3', { receivedAt: 3, state: 'failed', reported: true }))
    const again = new TaskJournal(join(dir, 'tasks'))
    const all = await again.open()
    assert.deepEqual(all.map((e) => e.id), ['t1', 't2', 't3'])
    assert.deepEqual(again.unfinished().map((e) => e.id), ['t1'])
    assert.deepEqual(again.unreported().map((e) => e.id), ['t2'])
    assert.equal(again.get('t2')?.outcome?.sha256, 'ab')
  })

  it('leaves no temporary file behind and ignores one left by a crash', async () => {
    const j = new TaskJournal(join(dir, 'tasks'))
    await j.open()
    await j.put(entry('t1'))
    assert.deepEqual(await readdir(join(dir, 'tasks')), ['t1.json'])
    await writeFile(join(dir, 'tasks', 't9.json.tmp'), '{"id": "t9", "half')
    await writeFile(join(dir, 'tasks', 't8.json'), 'not json')
    const again = new TaskJournal(join(dir, 'tasks'))
    assert.deepEqual((await again.open()).map((e) => e.id), ['t1'])
  })

  it('refuses task ids that could escape the folder', async () => {
    const j = new TaskJournal(join(dir, 'tasks'))
    await j.open()
    await assert.rejects(j.put(entry('../evil')), { name: 'InvalidArgumentError' })
    await assert.rejects(j.put(entry('')), { name: 'InvalidArgumentError' })
  })

  it('applies concurrent writes of one task in order', async () => {
    const j = new TaskJournal(join(dir, 'tasks'))
    await j.open()
    await Promise.all([1, 2, 3, 4, 5].map(async (attempt) => j.put(entry('t1', { attempt }))))
    const again = new TaskJournal(join(dir, 'tasks'))
    await again.open()
    assert.equal(again.get('t1')?.attempt, 5)
  })

  it('prunes finished, acknowledged tasks past the retention or the count, never work still owed', async () => {
    const j = new TaskJournal(join(dir, 'tasks'))
    await j.open()
    const DAY = 24 * 3600_000
    const now = 100 * DAY
    await j.put(entry('old-done', { state: 'done', reported: true, updatedAt: now - 10 * DAY }))
    await j.put(entry('old-unreported', { state: 'done', reported: false, updatedAt: now - 10 * DAY }))
    await j.put(entry('old-accepted', { state: 'accepted', updatedAt: now - 10 * DAY }))
    for (let i = 0; i < 4; i++) await j.put(entry(`recent-${i}`, { state: 'failed', reported: true, updatedAt: now - i * 1000 }))
    const gone = await j.prune({ retentionMs: 7 * DAY, keepFinished: 3, now })
    assert.deepEqual(gone.sort(), ['old-done', 'recent-3'])
    const again = new TaskJournal(join(dir, 'tasks'))
    const ids = (await again.open()).map((e) => e.id).sort()
    assert.deepEqual(ids, ['old-accepted', 'old-unreported', 'recent-0', 'recent-1', 'recent-2'])
    assert.deepEqual(await j.prune({ retentionMs: 7 * DAY, keepFinished: 3, now }), [])
  })
})
