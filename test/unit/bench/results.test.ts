import assert from 'node:assert/strict'
import { busyPercent, parseProcStat } from '../../../bench/lib/cpu.js'
import { eventsOf, parseEventLine, parsePeerIdOutput } from '../../../bench/lib/events.js'
import { formatTable, scenarioResult, type BenchResult } from '../../../bench/lib/report.js'
import { niceStep, renderChart } from '../../../bench/lib/svg.js'
import { parseBenchArgs } from '../../../bench/lib/args.js'

const PEER = '12D3KooWQ7J2pWmbL8EB3hQnUgbYh8ZLwkqqhd7Y3Kqb8k3aZ7Yx'

describe('bench result parsing', () => {
  it('parses Shoal JSON event lines', () => {
    const p = parseEventLine('{"event":"progress","fileId":"bafk1","chunks":3,"totalChunks":8,"bytes":3145728,"totalBytes":8388608}')
    assert.deepEqual(p, { event: 'progress', fileId: 'bafk1', chunks: 3, totalChunks: 8, bytes: 3145728, totalBytes: 8388608 })
    const c = parseEventLine('{"event":"complete","fileId":"bafk1","sha256":"ab","seconds":1.5}')
    assert.equal(c?.event, 'complete')
    assert.deepEqual(parseEventLine('{"event":"stats","bytesSent":42}'), { event: 'stats', bytesSent: 42 })
  })

  it('accepts "fileKey" for "fileId"', () => {
    const p = parseEventLine('{"event":"progress","fileKey":"bafk2","chunks":1,"totalChunks":2,"bytes":1,"totalBytes":2}')
    assert.equal(p?.event === 'progress' ? p.fileId : null, 'bafk2')
  })

  it('ignores logs, broken JSON, unknown events and events missing fields', () => {
    for (const line of ['starting up', '{"event":', '[1,2]', '{"event":"mystery"}', '{"event":"progress","fileId":"x","bytes":"12"}', '']) {
      assert.equal(parseEventLine(line), null, line)
    }
  })

  it('finds events in mixed output', () => {
    const out = `warning: something\n{"event":"added","fileId":"bafkX","name":"f","size":10,"chunks":1,"sha256":"00"}\n`
    assert.equal(eventsOf(out, 'added')[0]?.fileId, 'bafkX')
    assert.equal(eventsOf(out, 'complete').length, 0)
  })

  it('reads a PeerId from plain or JSON output', () => {
    assert.equal(parsePeerIdOutput(`${PEER}\n`), PEER)
    assert.equal(parsePeerIdOutput(`{"peerId":"${PEER}"}`), PEER)
    assert.throws(() => parsePeerIdOutput('no id here'))
  })

  it('computes CPU use from /proc/stat', () => {
    const a = parseProcStat('cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 1 2 3 4\n')
    const b = parseProcStat('cpu  200 0 200 900 0 0 0 0 0 0\n')
    assert.deepEqual(a, { busy: 200, total: 1000 })
    assert.ok(Math.abs(busyPercent(a, b) - 200 / 3) < 1e-9)
  })

  it('builds scenario results: last receiver, ratio, copies, verification', () => {
    const r = scenarioResult('http', {
      receivers: [
        { name: 'r0', seconds: 10, verified: true, bytes: 100 },
        { name: 'r1', seconds: 20, verified: true, bytes: 100 }
      ],
      series: [],
      notes: []
    }, 250, null, 100, 8)
    assert.equal(r.lastSeconds, 20)
    assert.equal(r.ratio, 2.5)
    assert.equal(r.originCopies, 2.5)
    assert.equal(r.verified, true)
    assert.deepEqual(r.receivers, [10, 20])
  })

  it('an unfinished receiver leaves no last time and fails verification', () => {
    const r = scenarioResult('shoal', {
      receivers: [{ name: 'r0', seconds: 10, verified: true, bytes: 1 }, { name: 'r1', seconds: null, verified: false, bytes: 0 }],
      series: [],
      notes: []
    }, 0, null, 1, 1)
    assert.equal(r.lastSeconds, null)
    assert.equal(r.ratio, null)
    assert.equal(r.verified, false)
    const report: BenchResult = {
      timestamp: 't', argv: [], machine: { cores: 2, kernel: 'k', node: 'v' }, receivers: 2, fileBytes: 1,
      links: { originUpBps: 1e6, originDownBps: 1e6, receiverUpBps: 1e6, receiverDownBps: 1e6 },
      tMinSeconds: 1, tMinBinding: 'source-upload', clientServerSeconds: 2, timeoutSeconds: 9, scenarios: [r]
    }
    assert.match(formatTable(report), /timeout \(1\/2\)/)
  })

  it('renders a well-formed chart', () => {
    const svg = renderChart([{ label: 'r<0>', samples: [{ t: 0, bytes: 0 }, { t: 2, bytes: 1024 * 1024 }] }], { title: 'x', totalBytes: 1024 * 1024, tMinSeconds: 1 })
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    assert.match(svg, /<polyline /)
    assert.match(svg, /r&lt;0&gt;/)
    assert.equal(niceStep(13.4), 5)
    assert.equal(niceStep(107), 20)
  })

  it('parses the command line', () => {
    const o = parseBenchArgs(['--receivers', '3', '--size', '8MiB', '--rate', '10mbit', '--scenarios', 'http'])
    assert.equal(o.receivers, 3)
    assert.equal(o.sizeBytes, 8 * 1024 * 1024)
    assert.equal(o.originRateBps, 10e6)
    assert.deepEqual(o.scenarios, ['http'])
    assert.throws(() => parseBenchArgs(['--scenarios', 'ftp']))
    assert.throws(() => parseBenchArgs(['--loss', '120']))
    assert.throws(() => parseBenchArgs(['--receivers', '0']))
  })
})
