import type { Stream } from '@libp2p/interface'

/**
 * Just enough of a libp2p 3 stream for the readers (StreamReader and the
 * frame readers built on it): 'message', 'end' and 'close' events, pause and
 * resume, abort. Data is pushed by the test.
 */
export class FakeStream extends EventTarget {
  readStatus: 'readable' | 'paused' = 'readable'
  readableEnded = false
  status = 'open'
  abortedWith?: Error

  /** Data pushed while paused: a paused libp2p stream holds it back until resume(). */
  readonly #held: Uint8Array[] = []
  #ended = false

  pause (): void { this.readStatus = 'paused' }
  resume (): void {
    this.readStatus = 'readable'
    while (this.#held.length > 0 && this.readStatus === 'readable') this.#deliver(this.#held.shift()!)
    if (this.#held.length === 0 && this.#ended && !this.readableEnded) this.#finish()
  }

  abort (err: Error): void {
    if (this.status !== 'open') return
    this.status = 'aborted'
    this.abortedWith = err
    this.dispatchEvent(Object.assign(new Event('close'), { error: err }))
  }

  push (data: Uint8Array): void {
    if (this.readStatus === 'paused' || this.#held.length > 0) this.#held.push(data)
    else this.#deliver(data)
  }

  end (): void {
    this.#ended = true
    if (this.#held.length === 0) this.#finish()
  }

  /** Bytes held back by a pause. */
  get held (): number { return this.#held.reduce((n, b) => n + b.byteLength, 0) }

  #deliver (data: Uint8Array): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data }))
  }

  #finish (): void {
    this.readableEnded = true
    this.dispatchEvent(new Event('end'))
  }

  get stream (): Stream { return this as unknown as Stream }
}

/** Splits `bytes` at the given cut points (fractions of its length), as a network would. */
export function cut (bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.byteLength)))].sort((a, b) => a - b)
  const out: Uint8Array[] = []
  let from = 0
  for (const p of points) {
    if (p > from) out.push(bytes.subarray(from, p))
    from = Math.max(from, p)
  }
  out.push(bytes.subarray(from))
  return out.filter((b) => b.byteLength > 0)
}

/** Rejects if `p` has not settled within `ms`: a decoder must never hang. */
export async function within<T> (p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await Promise.race([p, new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error(`${what} hung for ${ms} ms`)), ms) })])
  } finally {
    clearTimeout(timer)
  }
}
