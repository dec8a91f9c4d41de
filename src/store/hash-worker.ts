import { createHash } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { AbortOptions } from '@libp2p/interface'
import { TimeoutError } from '../errors.js'
import { chunkHash, chunkLength, type Manifest } from '../manifest/index.js'
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
  parentPort.postMessage({ id, digest })
})
`

interface Job {
  resolve(digest: Uint8Array): void
  reject(err: Error): void
  slot: SharedArrayBuffer
  timer: NodeJS.Timeout
}

/**
 * SHA-256 of chunks on a worker thread. A download's main thread also
 * decrypts, parses and writes every byte; hashing there too (about 0.5 s per
 * GiB) made it the slowest link of a loopback fetch (bench/README.md). The
 * bytes are copied once into a SharedArrayBuffer slot that the worker reads in
 * place; slots are reused, so no fresh memory is touched per chunk.
 *
 * One worker per process, started on first use. It holds the process open only
 * while it has work. If it dies, its jobs fail and the next call starts another.
 */
export class HashWorker {
  #worker?: Worker
  #nextId = 0
  readonly #jobs = new Map<number, Job>()
  /** Free slots by byte length, HASH_FREE_BYTES in all at most. */
  readonly #free = new Map<number, SharedArrayBuffer[]>()
  #freeBytes = 0

  /** SHA-256 of `data`; small inputs are hashed inline, where a message would cost more than the hash. */
  async sha256 (data: Uint8Array, options: AbortOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted()
    if (data.byteLength < HASH_OFFLOAD_MIN_BYTES) return createHash('sha256').update(data).digest()
    const slot = this.#slot(data.byteLength)
    new Uint8Array(slot, 0, data.byteLength).set(data)
    const worker = this.#start()
    const id = this.#nextId++
    const { promise, resolve, reject } = Promise.withResolvers<Uint8Array>()
    const timer = setTimeout(() => { this.#settle(id, new TimeoutError(`hashing ${data.byteLength} bytes took over ${HASH_TIMEOUT_MS} ms`)) }, HASH_TIMEOUT_MS)
    this.#jobs.set(id, { resolve, reject, slot, timer })
    if (this.#jobs.size === 1) worker.ref()
    worker.postMessage({ id, buffer: slot, length: data.byteLength })
    return promise
  }

  #start (): Worker {
    if (this.#worker != null) return this.#worker
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    worker.unref()
    worker.on('message', ({ id, digest }: { id: number, digest: Uint8Array }) => { this.#settle(id, undefined, digest) })
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
    if (err != null) {
      // A timed-out job's slot may still be read by the worker: drop it rather than reuse it.
      job.reject(err)
      return
    }
    this.#release(job.slot)
    job.resolve(digest!)
  }

  #slot (bytes: number): SharedArrayBuffer {
    const slot = this.#free.get(bytes)?.pop()
    if (slot == null) return new SharedArrayBuffer(bytes)
    this.#freeBytes -= bytes
    return slot
  }

  #release (slot: SharedArrayBuffer): void {
    if (this.#freeBytes + slot.byteLength > HASH_FREE_BYTES) return
    let list = this.#free.get(slot.byteLength)
    if (list == null) this.#free.set(slot.byteLength, list = [])
    list.push(slot)
    this.#freeBytes += slot.byteLength
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
