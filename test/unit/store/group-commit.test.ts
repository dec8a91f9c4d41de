import assert from 'node:assert/strict'
import { GroupCommit } from '../../../src/store/group-commit.js'

describe('GroupCommit', () => {
  it('flushes a lone item at once', async () => {
    const batches: number[][] = []
    const commit = new GroupCommit<number>(async items => { batches.push(items) })
    await commit.add(1)
    assert.deepEqual(batches, [[1]])
  })

  it('shares one flush among the items that arrive while a flush runs', async () => {
    const batches: number[][] = []
    let release!: () => void
    const commit = new GroupCommit<number>(async items => {
      batches.push(items)
      if (batches.length === 1) await new Promise<void>(resolve => { release = resolve })
    })
    const first = commit.add(0)
    const rest = [1, 2, 3, 4].map(async i => { await commit.add(i) })
    await Promise.resolve()
    assert.deepEqual(batches, [[0]], 'later items wait for the running flush')
    release()
    await Promise.all([first, ...rest])
    assert.deepEqual(batches, [[0], [1, 2, 3, 4]])
  })

  it('fails every item of a failed batch, and only those', async () => {
    let fail = true
    let release!: () => void
    const commit = new GroupCommit<number>(async () => {
      if (fail) {
        await new Promise<void>(resolve => { release = resolve })
        fail = false
        throw new Error('EIO')
      }
    })
    const a = commit.add(1)
    await Promise.resolve()
    const b = commit.add(2)
    release()
    await assert.rejects(a, /EIO/)
    await b
    await commit.idle()
  })

  it('is idle once nothing is queued', async () => {
    let flushed = 0
    const commit = new GroupCommit<number>(async () => { await new Promise(resolve => setTimeout(resolve, 5)); flushed++ })
    void commit.add(1)
    void commit.add(2)
    await commit.idle()
    assert.equal(flushed, 2)
  })
})
