import { createHash } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { AbortOptions } from '@libp2p/interface'
import { TimeoutError } from '../errors.js'
import { chunkHash, chunkLength, type Manifest } from '../manifest/index.js'
import { BufferPool } from '../util/buffer-pool.js'
import { HASH_FREE_BYTES, HASH_OFFLOAD_MIN_BYTES, HASH_TIMEOUT_MS } from './constants.js'

/**
 * The worker's whole program. Plain CommonJS run with `eval`, so the same code
 * works from dist/ and from the TypeScript sources (tests, bench) alike.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
parentPort.on('message', ({ id, buffer, length }) => {
  const digest = createHash('sha256').update(new Uint8Array(buffer, 0, length)).digest()
  parentPort.postMessage({ id, digest, buffer }, [buffer])
})
`

interface Job {
  resolve(digest: Uint8Array): void
  reject(err: Error): void
  timer: NodeJS.Timeout
}

/**
 * SHA-256 of chunks on a worker thread. A download's main thread also
 * decrypts, parses and writes every byte; hashing there too (about 0.6 s per
 * GiB) made it the slowest link of a loopback fetch (bench/README.md).
 *
 * The bytes are copied once into a slot, a plain ArrayBuffer that is
 * transferred (not copied) to the worker and back with the digest, then
 * reused: no fresh memory is touched per chunk. Not a SharedArrayBuffer:
 * V8 copies into shared memory with relaxed atomic moves, 0.46 s per GiB
 * here against 0.035 s into a plain buffer (bench/README.md, eighth look),
 * which cost the main thread nearly what the hash itself does.
 *
 * One worker per process, started on first use. It holds the process open only
 * while it has work. If it dies, its jobs fail and the next call starts another.
 */
export class HashWorker {
  #worker?: Worker
  #nextId = 0
  readonly #jobs = new Map<number, Job>()
  /** Slots between jobs, HASH_FREE_BYTES in all at most. */
  readonly #slots = new BufferPool(HASH_FREE_BYTES)

  /** SHA-256 of `data`; small inputs are hashed inline, where a message would cost more than the hash. */
  async sha256 (data: Uint8Array, options: AbortOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted()
    if (data.byteLength < HASH_OFFLOAD_MIN_BYTES) return createHash('sha256').update(data).digest()
    const slot = this.#slots.acquire(data.byteLength)
    slot.set(data)
    const worker = this.#start()
    const id = this.#nextId++
    const { promise, resolve, reject } = Promise.withResolvers<Uint8Array>()
    const timer = setTimeout(() => { this.#settle(id, new TimeoutError(`hashing ${data.byteLength} bytes took over ${HASH_TIMEOUT_MS} ms`)) }, HASH_TIMEOUT_MS)
    this.#jobs.set(id, { resolve, reject, timer })
    if (this.#jobs.size === 1) worker.ref()
    // Transferred: the slot is the worker's until it comes back with the digest.
    worker.postMessage({ id, buffer: slot.buffer, length: data.byteLength }, [slot.buffer])
    return promise
  }

  #start (): Worker {
    if (this.#worker != null) return this.#worker
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    worker.unref()
    worker.on('message', ({ id, digest, buffer }: { id: number, digest: Uint8Array, buffer: ArrayBuffer }) => {
      // The slot comes back even for a job that already timed out: it is free again either way.
      this.#slots.release(new Uint8Array(buffer))
      this.#settle(id, undefined, digest)
    })
    const fail = (err: Error): void => {
      if (this.#worker !== worker) return
      this.#worker = undefined
      for (const id of [...this.#jobs.keys()]) this.#settle(id, err)
    }
    worker.on('error', fail)
    worker.on('exit', (code) => { fail(new Error(`the hash worker exited (code ${code})`)) })
    this.#worker = worker
    return worker
  }

  #settle (id: number, err?: Error, digest?: Uint8Array): void {
    const job = this.#jobs.get(id)
    if (job == null) return
    this.#jobs.delete(id)
    clearTimeout(job.timer)
    if (this.#jobs.size === 0) this.#worker?.unref()
    if (err != null) job.reject(err)
    else job.resolve(digest!)
  }
}

let shared: HashWorker | undefined

/** The process's hash worker, started on first use (as sharedAlignedPool() for direct I/O). */
export function sharedHashWorker (): HashWorker {
  shared ??= new HashWorker()
  return shared
}

/** chunkMatches (manifest.ts) with the hash computed on the process's hash worker. */
export async function chunkMatchesOffThread (m: Manifest, index: number, data: Uint8Array, options?: AbortOptions): Promise<boolean> {
  if (data.byteLength !== chunkLength(m, index)) return false
  return Buffer.from(await sharedHashWorker().sha256(data, options)).equals(chunkHash(m, index))
}
