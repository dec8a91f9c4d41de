import assert from 'node:assert/strict'
import { BufferPool } from '../../../src/util/buffer-pool.js'

describe('BufferPool', () => {
  it('hands back a released buffer for the next request of its length, and a new one otherwise', () => {
    const pool = new BufferPool(1024)
    const a = pool.acquire(100)
    assert.equal(a.byteLength, 100)
    pool.release(a)
    assert.equal(pool.freeBytes, 100)
    assert.equal(pool.acquire(100), a)
    assert.equal(pool.freeBytes, 0)
    assert.notEqual(pool.acquire(100), a)
    assert.equal(pool.acquire(50).byteLength, 50)
  })

  it('keeps at most maxFreeBytes in free buffers', () => {
    const pool = new BufferPool(250)
    const bufs = [pool.acquire(100), pool.acquire(100), pool.acquire(100)]
    for (const b of bufs) pool.release(b)
    assert.equal(pool.freeBytes, 200)
  })

  it('keeps only buffers that own their whole ArrayBuffer, so any kept one can be transferred', () => {
    const pool = new BufferPool(1 << 20)
    pool.release(new Uint8Array(new ArrayBuffer(64), 16, 32))
    pool.release(new Uint8Array(new SharedArrayBuffer(64)))
    pool.release(new Uint8Array(0))
    const detached = new Uint8Array(64)
    structuredClone(detached.buffer, { transfer: [detached.buffer] })
    pool.release(detached)
    assert.equal(pool.freeBytes, 0)
    const own = pool.acquire(64)
    pool.release(own)
    assert.equal(pool.freeBytes, 64)
  })
})

describe('BufferPool eviction', () => {
  it('lets buffers of a length no one asks for again (a short last chunk) go before the ones in use', () => {
    const chunk = 1024
    const pool = new BufferPool(4 * chunk)
    // Files' last chunks: one odd length each, released once and never acquired again.
    for (const odd of [700, 300, 900]) pool.release(pool.acquire(odd))
    const inUse = [pool.acquire(chunk), pool.acquire(chunk), pool.acquire(chunk)]
    for (const b of inUse) pool.release(b)
    // All three chunk-sized buffers are kept: the oldest odd ones (700, then 300) made room, the 900 still fits.
    assert.equal(pool.freeBytes, 900 + 3 * chunk)
    for (let i = 0; i < inUse.length; i++) assert.ok(inUse.includes(pool.acquire(chunk)), 'a chunk-sized buffer is reused')
    assert.equal(pool.freeBytes, 900)
  })

  it('evicts the least recently used length first', () => {
    const pool = new BufferPool(400)
    const a = pool.acquire(100)
    const b = pool.acquire(100)
    const c = pool.acquire(150)
    pool.release(a)
    pool.release(c)
    pool.release(b) // the 100s used again: now the 150 is the oldest length
    assert.equal(pool.freeBytes, 350)
    const d = pool.acquire(90)
    pool.release(d) // 440 > 400: the 150 goes, not a 100
    assert.equal(pool.freeBytes, 290)
    assert.notEqual(pool.acquire(150), c)
    assert.ok([a, b].includes(pool.acquire(100)))
  })
})
