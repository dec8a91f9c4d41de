import type { Logger } from '@libp2p/interface'
import { ChunkHashMismatchError, ProtocolError, TimeoutError } from '../errors.js'
import { chunkLength, chunkOffset, type FileInfo } from '../manifest/index.js'
import { parseContentRange } from '../server/http-range.js'
import type { StoredFile } from '../store/types.js'
import { HTTP_IDLE_TIMEOUT_MS, HTTP_MAX_BAD_CHUNKS, HTTP_MAX_FAILURES, HTTP_PARALLEL, HTTP_RUN_CHUNKS } from './constants.js'

export interface HttpSourcesInit {
  info: FileInfo
  stored: StoredFile
  /** URLs of the whole blob, best first. */
  urls: string[]
  log: Logger
  /** A chunk is about to be written from `url` (so its bytes are credited there). */
  onWriting(index: number, url: string): void
}

/**
 * The HTTP fallback: fetches the chunks still missing from HTTP blob
 * endpoints with Range requests (HTTP_PARALLEL at once, HTTP_RUN_CHUNKS
 * consecutive chunks each), and stores each chunk through StoredFile.write,
 * which verifies it against the manifest exactly like a chunk from a peer.
 * A source that sends bad chunks or keeps failing is dropped for the next.
 * It runs beside the P2P download on the same store: chunks either path
 * stores are skipped by the other.
 */
export class HttpSources {
  readonly #init: HttpSourcesInit
  readonly #claimed = new Set<number>()
  readonly #failures = new Map<string, number>()
  readonly #bad = new Map<string, number>()
  #cursor = 0
  lastError?: Error

  constructor (init: HttpSourcesInit) {
    this.#init = init
  }

  /** Resolves when every chunk is stored; rejects when every source was dropped first. */
  async run (signal: AbortSignal): Promise<void> {
    const workers = Array.from({ length: HTTP_PARALLEL }, async () => this.#worker(signal))
    await Promise.all(workers)
    if (!this.#init.stored.complete) throw this.lastError ?? new ProtocolError('no HTTP source could supply the file')
  }

  #usable (): string | undefined {
    return this.#init.urls.find((u) => (this.#failures.get(u) ?? 0) < HTTP_MAX_FAILURES && (this.#bad.get(u) ?? 0) < HTTP_MAX_BAD_CHUNKS)
  }

  async #worker (signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted()
      const url = this.#usable()
      if (url == null) return
      const run = this.#claim()
      if (run.length === 0) return
      try {
        await this.#fetchRun(url, run, signal)
        this.#failures.set(url, 0)
      } catch (err: any) {
        signal.throwIfAborted()
        this.lastError = err
        if (!(err instanceof ChunkHashMismatchError)) this.#failures.set(url, (this.#failures.get(url) ?? 0) + 1)
        this.#init.log('HTTP %s chunks %d..%d failed: %s', url, run[0], run[run.length - 1], err.message)
      } finally {
        for (const i of run) this.#claimed.delete(i)
      }
    }
  }

  /** The next run of consecutive chunks neither stored nor being fetched here. */
  #claim (): number[] {
    const { stored } = this.#init
    const n = stored.bitfield.length
    const run: number[] = []
    for (let step = 0; step < n && run.length < HTTP_RUN_CHUNKS; step++) {
      const i = (this.#cursor + step) % n
      const free = !stored.has(i) && !this.#claimed.has(i)
      if (free && (run.length === 0 || i === run[run.length - 1] + 1)) run.push(i)
      else if (run.length > 0) break
    }
    for (const i of run) this.#claimed.add(i)
    if (run.length > 0) this.#cursor = (run[run.length - 1] + 1) % n
    return run
  }

  async #fetchRun (url: string, run: number[], signal: AbortSignal): Promise<void> {
    const m = this.#init.info.manifest
    const start = chunkOffset(m, run[0])
    const end = chunkOffset(m, run[run.length - 1]) + chunkLength(m, run[run.length - 1]) - 1
    const idle = new AbortController()
    let timer = setTimeout(() => idle.abort(new TimeoutError(`HTTP source idle for ${HTTP_IDLE_TIMEOUT_MS} ms`)), HTTP_IDLE_TIMEOUT_MS)
    const touch = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => idle.abort(new TimeoutError(`HTTP source idle for ${HTTP_IDLE_TIMEOUT_MS} ms`)), HTTP_IDLE_TIMEOUT_MS)
    }
    try {
      const res = await fetch(url, { headers: { range: `bytes=${start}-${end}` }, signal: AbortSignal.any([signal, idle.signal]) })
      const got = parseContentRange(res.headers.get('content-range'))
      if (res.status !== 206 || got == null || got.start !== start || got.end !== end || got.size !== m.size) {
        await res.body?.cancel().catch(() => {})
        throw new ProtocolError(`HTTP ${res.status} from ${url} for bytes ${start}-${end} (content-range ${String(res.headers.get('content-range'))})`)
      }
      if (res.body == null) throw new ProtocolError(`HTTP response from ${url} has no body`)
      await this.#store(url, run, res.body.getReader(), touch)
    } finally {
      clearTimeout(timer)
    }
  }

  /** Cuts the body into chunks and stores each (verified) as soon as it is whole. */
  async #store (url: string, run: number[], reader: ReadableStreamDefaultReader<Uint8Array>, touch: () => void): Promise<void> {
    const { info, stored } = this.#init
    let k = 0
    let buf = Buffer.allocUnsafe(chunkLength(info.manifest, run[0]))
    let filled = 0
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        touch()
        for (let pos = 0; pos < value.byteLength;) {
          if (k >= run.length) throw new ProtocolError(`HTTP source ${url} sent more than asked`)
          const n = Math.min(buf.byteLength - filled, value.byteLength - pos)
          buf.set(value.subarray(pos, pos + n), filled)
          filled += n
          pos += n
          if (filled < buf.byteLength) continue
          await this.#write(url, run[k], buf)
          k++
          if (k < run.length) { buf = Buffer.allocUnsafe(chunkLength(info.manifest, run[k])); filled = 0 }
        }
      }
    } finally {
      await reader.cancel().catch(() => {})
    }
    if (k < run.length && !stored.has(run[k])) throw new ProtocolError(`HTTP source ${url} ended early`)
  }

  async #write (url: string, index: number, data: Uint8Array): Promise<void> {
    const { stored } = this.#init
    if (stored.has(index)) return
    this.#init.onWriting(index, url)
    try {
      await stored.write(index, data)
    } catch (err) {
      if (err instanceof ChunkHashMismatchError) this.#bad.set(url, (this.#bad.get(url) ?? 0) + 1)
      throw err
    }
  }
}
