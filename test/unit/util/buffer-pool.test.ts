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
