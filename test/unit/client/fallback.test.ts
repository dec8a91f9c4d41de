import assert from 'node:assert/strict'
import { SlowWatch } from '../../../src/client/fallback.js'
import { RateMeter } from '../../../src/client/rate-meter.js'
import { formatDuration, renderProgress } from '../../../src/cli/progress.js'

const MiB = 1024 * 1024

describe('client: fallback trigger', () => {
  function watch (): { w: SlowWatch, tick (ms: number, total: number): string | undefined } {
    let now = 0
    const w = new SlowWatch({ minRate: MiB, slowForMs: 5000, now: () => now })
    return { w, tick: (ms, total) => { now += ms; return w.check(total) } }
  }

  it('falls back when nothing arrives for the whole period (no holder could be dialled)', () => {
    const { tick } = watch()
    let reason: string | undefined
    for (let t = 0; t < 20 && reason == null; t++) reason = tick(500, 0)
    assert.ok(reason != null)
    assert.match(reason, /below 1\.0 MiB\/s for 5 s/)
  })

  it('does not fall back while P2P is fast', () => {
    const { tick } = watch()
    for (let t = 1; t <= 40; t++) assert.equal(tick(500, t * 5 * MiB), undefined)
  })

  it('falls back when a fast download slows to a crawl and stays there', () => {
    const { tick } = watch()
    let total = 0
    for (let t = 0; t < 10; t++) assert.equal(tick(500, total += 5 * MiB), undefined)
    let reason: string | undefined
    let ticks = 0
    for (; ticks < 40 && reason == null; ticks++) reason = tick(500, total += 10 * 1024)
    assert.ok(reason != null, 'fell back')
    assert.ok(ticks * 500 >= 5000, `not before the slow spell lasted 5 s (${ticks * 500} ms)`)
  })

  it('forgets a short slow spell', () => {
    const { tick } = watch()
    let total = 0
    for (let t = 0; t < 6; t++) assert.equal(tick(500, total), undefined)
    for (let t = 0; t < 20; t++) assert.equal(tick(500, total += 5 * MiB), undefined)
  })
})

describe('client: rate meter and progress line', () => {
  it('averages over its window and gives an ETA', () => {
    let now = 0
    const m = new RateMeter({ windowMs: 2000, now: () => now })
    for (let t = 0; t <= 10; t++) { m.update(t * MiB); now += 500 }
    now -= 500
    assert.equal(Math.round(m.rate), 2 * MiB)
    assert.equal(m.eta(10 * MiB), 5)
  })

  it('renders a bar with percent, sizes, rate and ETA', () => {
    const line = renderProgress('upload', { done: 128 * MiB, total: 256 * MiB, rateBps: 32 * MiB, etaSeconds: 4, note: 'uploading' })
    assert.equal(line, 'upload [############............]   50%  128.0 MiB/256.0 MiB  32.0 MiB/s  ETA 0:04  uploading')
    assert.equal(formatDuration(3725), '1:02:05')
  })
})
