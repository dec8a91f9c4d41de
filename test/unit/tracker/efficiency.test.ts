import assert from 'node:assert/strict'
import { efficiencyOf } from '../../../src/tracker/efficiency.js'

const MB = 1_000_000

describe('tracker: efficiency against the distribution bound', () => {
  it('a seed that sent every copy itself: the slowest download binds', () => {
    // Seed T sends 10 MB to each of two servers, each fetch taking 10 s: u_s = 20 MB / 10 s = 2 MB/s.
    const e = efficiencyOf({ fileSize: 10 * MB, actualMs: 20_000, servers: [
      { peerId: 'a', durationMs: 10_000, bytesFrom: { T: 10 * MB } },
      { peerId: 'b', durationMs: 10_000, bytesFrom: { T: 10 * MB } }
    ] })!
    assert.deepEqual(e.rates.seeds, ['T'])
    assert.equal(e.rates.seedUploadBps, 2 * MB)
    assert.equal(e.rates.minDownloadBps, 1 * MB)
    assert.equal(e.termsMs['seed-upload'], 5_000)
    assert.equal(e.termsMs['slowest-download'], 10_000)
    assert.equal(e.termsMs['total-upload'], 10_000) // 2 x 10 MB / 2 MB/s
    assert.equal(e.bound, 'slowest-download')
    assert.equal(e.tMinMs, 10_000)
    assert.equal(e.efficiency, 0.5)
  })

  it('servers sharing with each other raise the total upload; a slow seed binds', () => {
    // The seed sent 5 MB to each (window 10 s: 1 MB/s); a and b swapped 5 MB each.
    const e = efficiencyOf({ fileSize: 10 * MB, actualMs: 12_500, servers: [
      { peerId: 'a', durationMs: 10_000, bytesFrom: { T: 5 * MB, b: 5 * MB } },
      { peerId: 'b', durationMs: 5_000, bytesFrom: { T: 5 * MB, a: 5 * MB } }
    ] })!
    assert.equal(e.rates.seedUploadBps, 1 * MB)
    assert.equal(e.rates.uploadBps.a, 1 * MB) // to b, whose fetch took 5 s
    assert.equal(e.rates.uploadBps.b, 0.5 * MB) // to a, 10 s
    assert.equal(e.bound, 'seed-upload')
    assert.equal(e.tMinMs, 10_000)
    assert.equal(e.efficiency, 0.8)
  })

  it('the total-upload term binds with many downloaders', () => {
    const servers = ['a', 'b', 'c', 'd'].map((p) => ({ peerId: p, durationMs: 1_000, bytesFrom: { T: 1 * MB } }))
    const e = efficiencyOf({ fileSize: 1 * MB, actualMs: 4_000, servers })!
    // u_s = 4 MB/s, N·F/u = 4 MB / 4 MB/s = 1 s = F/d_min; F/u_s = 0.25 s. Ties go to the first of slowest-download, total-upload.
    assert.equal(e.tMinMs, 1_000)
    assert.equal(e.efficiency, 0.25)
  })

  it('nothing measured: undefined', () => {
    assert.equal(efficiencyOf({ fileSize: 1, actualMs: 1, servers: [] }), undefined)
    assert.equal(efficiencyOf({ fileSize: 1, actualMs: 1, servers: [{ peerId: 'a', durationMs: 5, bytesFrom: {} }] }), undefined)
    assert.equal(efficiencyOf({ fileSize: 0, actualMs: 1, servers: [{ peerId: 'a', durationMs: 5, bytesFrom: { T: 1 } }] }), undefined)
  })
})
