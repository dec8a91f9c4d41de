import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { HASH_OFFLOAD_MIN_BYTES } from '../../../src/store/constants.js'
import { HashWorker } from '../../../src/store/hash-worker.js'

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')
const hex = (data: Uint8Array): string => Buffer.from(data).toString('hex')

describe('HashWorker', () => {
  it('gives the SHA-256 of inputs hashed inline and of inputs sent to the worker', async () => {
    const worker = new HashWorker()
    for (const size of [0, 1, HASH_OFFLOAD_MIN_BYTES - 1, HASH_OFFLOAD_MIN_BYTES, 1024 * 1024 + 3]) {
      const data = randomBytes(size)
      assert.equal(hex(await worker.sha256(data)), sha256(data), `${size} bytes`)
    }
  })

  it('keeps jobs apart while many run at once and their slots are reused', async () => {
    const worker = new HashWorker()
    const size = 256 * 1024
    for (let round = 0; round < 3; round++) {
      const inputs = Array.from({ length: 24 }, () => randomBytes(size))
      const digests = await Promise.all(inputs.map(async (d) => worker.sha256(d)))
      digests.forEach((d, i) => { assert.equal(hex(d), sha256(inputs[i]), `round ${round} job ${i}`) })
    }
  })

  it('hashes the bytes as they were when called: the caller may reuse its buffer at once', async () => {
    const worker = new HashWorker()
    const data = randomBytes(HASH_OFFLOAD_MIN_BYTES * 2)
    const expected = sha256(data)
    const pending = worker.sha256(data)
    data.fill(0)
    assert.equal(hex(await pending), expected)
  })

  it('refuses an aborted call', async () => {
    const worker = new HashWorker()
    await assert.rejects(worker.sha256(randomBytes(HASH_OFFLOAD_MIN_BYTES), { signal: AbortSignal.abort() }), { name: 'AbortError' })
  })
})
