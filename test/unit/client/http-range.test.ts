import assert from 'node:assert/strict'
import { contentRange, parseContentRange, parseRange } from '../../../src/server/http-range.js'

describe('HTTP blob ranges', () => {
  const size = 1000

  it('serves the whole blob without a Range header', () => {
    assert.deepEqual(parseRange(undefined, size), { kind: 'whole' })
  })

  it('parses a closed range', () => {
    assert.deepEqual(parseRange('bytes=100-199', size), { kind: 'range', range: { start: 100, end: 199 } })
  })

  it('parses an open range to the end', () => {
    assert.deepEqual(parseRange('bytes=900-', size), { kind: 'range', range: { start: 900, end: 999 } })
  })

  it('parses a suffix range (the last N bytes)', () => {
    assert.deepEqual(parseRange('bytes=-100', size), { kind: 'range', range: { start: 900, end: 999 } })
    assert.deepEqual(parseRange('bytes=-5000', size), { kind: 'range', range: { start: 0, end: 999 } })
  })

  it('clamps an end past the blob', () => {
    assert.deepEqual(parseRange('bytes=500-5000', size), { kind: 'range', range: { start: 500, end: 999 } })
  })

  it('answers 416 for a range that starts past the end, or an empty suffix', () => {
    assert.deepEqual(parseRange('bytes=1000-', size), { kind: 'unsatisfiable' })
    assert.deepEqual(parseRange('bytes=-0', size), { kind: 'unsatisfiable' })
    assert.deepEqual(parseRange('bytes=0-0', 0), { kind: 'unsatisfiable' })
  })

  it('ignores what it does not serve: other units, several ranges, nonsense, reversed ranges', () => {
    for (const h of ['items=0-1', 'bytes=0-1,5-9', 'bytes=abc', 'bytes=', 'bytes=-', 'bytes=9-1']) {
      assert.deepEqual(parseRange(h, size), { kind: 'whole' }, h)
    }
  })

  it('round-trips Content-Range', () => {
    const header = contentRange({ start: 10, end: 19 }, size)
    assert.equal(header, 'bytes 10-19/1000')
    assert.deepEqual(parseContentRange(header), { start: 10, end: 19, size })
    assert.equal(parseContentRange('bytes */1000'), undefined)
    assert.equal(parseContentRange('bytes 20-10/1000'), undefined)
    assert.equal(parseContentRange(null), undefined)
  })
})

describe('tracker fallback: its HTTP URL as a client can use it', () => {
  it('replaces a wildcard bind address with a listening IPv4 address', async () => {
    const { reachableUrl } = await import('../../../src/tracker/handlers/fallback.js')
    assert.equal(reachableUrl('http://0.0.0.0:8080', ['/ip4/127.0.0.1/tcp/1/p2p/x', '/ip4/10.0.0.5/tcp/1/p2p/x']), 'http://10.0.0.5:8080')
    assert.equal(reachableUrl('http://0.0.0.0:8080', ['/ip4/127.0.0.1/tcp/1']), 'http://127.0.0.1:8080')
    assert.equal(reachableUrl('http://10.1.1.1:8080', []), 'http://10.1.1.1:8080')
    assert.equal(reachableUrl('', []), '')
  })
})
