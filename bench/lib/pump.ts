/**
 * Bench-only protocol /shoal/bench/pump/1.0.0: the dialer asks for N bytes, the
 * listener sends N raw bytes as fast as the stream takes them, then closes.
 * Run over the same Noise + yamux connection as the chunk exchange it is the
 * ceiling a swarm fetch can reach: same crypto, same muxer, no framing, no
 * hashing, no disk.
 */
import { randomBytes } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import type { PeerId, Stream } from '@libp2p/interface'
import { Uint8ArrayList } from 'uint8arraylist'
import { YAMUX_STREAM_WINDOW } from '../../src/node/constants.js'
import type { ShoalNode } from '../../src/node/index.js'
import { sendAll } from '../../src/swarm/framing.js'

export const PUMP_PROTOCOL = '/shoal/bench/pump/1.0.0'

/** The request: the byte count as one big-endian uint64. */
const REQUEST_BYTES = 8

/** What is sent over and over: 1 MiB, the size of a default chunk, so each send() matches a piece's payload. */
const PUMP_BLOCK_BYTES = 1024 * 1024

/** Refuse absurd requests so a bad peer cannot keep the pump running for ever (1 TiB). */
const MAX_PUMP_BYTES = 2 ** 40

/** A pump (or pump-store) stream is bench traffic between two processes; a few at once is plenty. */
export const MAX_PUMP_STREAMS = 4

/** With a disk sink, received bytes are written in blocks of this size, like 1 MiB chunks into a store. */
const SINK_BLOCK_BYTES = 1024 * 1024

/** With a disk sink, the stream is paused while this much is unwritten (the chunk reader's high water). */
const SINK_HIGH_WATER = 4 * 1024 * 1024

/**
 * Read buffer of a pump stream with a disk sink. A paused yamux stream stops
 * granting window, but the sender may still use all it was granted, and the
 * window grows up to 16 x YAMUX_STREAM_WINDOW (create-node.ts): far above the
 * node's 4 MiB STREAM_MAX_READ_BUFFER, which then resets the stream
 * (StreamBufferError, seen here). Twice the largest window is always enough.
 */
const SINK_MAX_READ_BUFFER = 2 * 16 * YAMUX_STREAM_WINDOW

/** Random so nothing on the way could profit from repeated content. */
const BLOCK = randomBytes(PUMP_BLOCK_BYTES)

export interface PumpResult { bytes: number, seconds: number }

/** Registers the sending side on a node. */
export async function handlePump (node: ShoalNode): Promise<void> {
  await node.handle(PUMP_PROTOCOL, (stream) => { servePump(stream) }, {
    maxInboundStreams: MAX_PUMP_STREAMS,
    maxOutboundStreams: MAX_PUMP_STREAMS
  })
}

/**
 * Reads the 8-byte request from 'message' events (attached synchronously: no
 * `for await`, which can miss early data, LIBP2P.md), then pumps.
 */
function servePump (stream: Stream): void {
  const request = new Uint8ArrayList()
  let started = false
  stream.addEventListener('message', (evt) => {
    if (started) return
    request.append(evt.data)
    if (request.byteLength < REQUEST_BYTES) return
    started = true
    const head = request.subarray(0, REQUEST_BYTES)
    const n = Number(new DataView(head.buffer, head.byteOffset, REQUEST_BYTES).getBigUint64(0))
    pump(stream, n).catch((err: Error) => { stream.abort(err) })
  })
}

async function pump (stream: Stream, n: number): Promise<void> {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_PUMP_BYTES) throw new Error(`pump request of ${n} bytes refused`)
  // sendAll waits for 'drain' every time send() returns false, so at most one
  // block beyond the stream's buffer is ever queued (LIBP2P.md: onDrain() waits only once).
  for (let left = n; left > 0; left -= PUMP_BLOCK_BYTES) {
    await sendAll(stream, left >= PUMP_BLOCK_BYTES ? BLOCK : BLOCK.subarray(0, left))
  }
  await stream.close()
}

/**
 * Pulls `bytes` from a peer's pump over the existing connection and times it,
 * from opening the stream to the end of the data (and, with `sinkPath`, to the
 * data being written to that file and fdatasync'ed). Without a sink the data is
 * only counted: the network ceiling. With one it is the ceiling for anything
 * that stores what it receives on this machine's disk.
 */
export async function pullPump (node: ShoalNode, peer: PeerId, bytes: number, signal: AbortSignal, sinkPath?: string): Promise<PumpResult> {
  const started = performance.now()
  const sink = sinkPath == null ? undefined : new DiskSink(await open(sinkPath, 'w'))
  try {
    const stream = await node.dialProtocol(peer, PUMP_PROTOCOL, { signal })
    if (sink != null) stream.maxReadBufferLength = SINK_MAX_READ_BUFFER
    let got = 0
    const done = new Promise<void>((resolve, reject) => {
      stream.addEventListener('message', (evt) => {
        got += evt.data.byteLength
        sink?.add(evt.data, stream)
      })
      // abort() and a remote reset also emit 'end' (before 'close' carries the error): only a clean end counts.
      stream.addEventListener('end', () => { if (stream.status !== 'aborted' && stream.status !== 'reset') resolve() })
      stream.addEventListener('close', (evt) => { if (evt.error != null) reject(evt.error); else resolve() })
      signal.addEventListener('abort', () => { stream.abort(signal.reason); reject(signal.reason) }, { once: true })
    })
    const request = new Uint8Array(REQUEST_BYTES)
    new DataView(request.buffer).setBigUint64(0, BigInt(bytes))
    await sendAll(stream, request, { signal })
    // We ask nothing more: half-close so the stream ends when the pump closes its side.
    await stream.close({ signal })
    await done
    await sink?.finish()
    const seconds = (performance.now() - started) / 1000
    if (got !== bytes) throw new Error(`pump delivered ${got} of ${bytes} bytes`)
    return { bytes: got, seconds }
  } finally {
    await sink?.close()
  }
}

/**
 * Writes what arrives to a file in 1 MiB blocks at increasing offsets, several
 * writes in flight; pauses the stream while too much is unwritten and resumes
 * once the writes catch up (the pause/resume pattern of LIBP2P.md).
 */
class DiskSink {
  readonly #fh: FileHandle
  #pending = new Uint8ArrayList()
  #offset = 0
  #unwritten = 0
  #writes = new Set<Promise<void>>()
  #error?: Error

  constructor (fh: FileHandle) { this.#fh = fh }

  add (data: Uint8Array | Uint8ArrayList, stream: Stream): void {
    this.#pending.append(data)
    if (this.#pending.byteLength >= SINK_BLOCK_BYTES) this.#flush(stream)
  }

  async finish (): Promise<void> {
    this.#flush()
    await Promise.all(this.#writes)
    if (this.#error != null) throw this.#error
    await this.#fh.datasync()
  }

  async close (): Promise<void> {
    await Promise.allSettled(this.#writes)
    await this.#fh.close()
  }

  #flush (stream?: Stream): void {
    if (this.#pending.byteLength === 0) return
    // One contiguous block per write, as a chunk reader hands a whole chunk to the store.
    const block = this.#pending.subarray()
    this.#pending = new Uint8ArrayList()
    const at = this.#offset
    this.#offset += block.byteLength
    this.#unwritten += block.byteLength
    // Paused in a microtask, not here: when this runs inside the dispatch that
    // resume() does before it re-enables yamux's window updates, a pause() here
    // would be undone at once (libp2p-utils resume(): dispatchReadBuffer(), then
    // sendResume()) and the "paused" stream would keep granting window (seen).
    if (stream != null && this.#unwritten > SINK_HIGH_WATER) {
      queueMicrotask(() => { if (this.#unwritten > SINK_HIGH_WATER && stream.readStatus === 'readable') stream.pause() })
    }
    const write: Promise<void> = this.#fh.write(block, 0, block.byteLength, at).then(() => {
      this.#unwritten -= block.byteLength
      if (stream?.readStatus === 'paused' && this.#unwritten <= SINK_HIGH_WATER / 2) stream.resume()
    }, (err: Error) => {
      this.#error ??= err
      stream?.abort(err)
    }).finally(() => this.#writes.delete(write))
    this.#writes.add(write)
  }
}
