/**
 * Bench-only protocol /shoal/bench/pump-store/1.0.0: storing a stream with no
 * chunk protocol. The dialer names a file; the listener sends its manifest, then
 * every chunk in order as raw bytes, read from its store (one read ahead). The
 * dialer stores each chunk through its own store exactly as a swarm fetch does
 * (read into a reused buffer, then `StoredFile.write`: hashed against the
 * manifest on the hash worker, written, group-committed with fdatasync), with
 * MAX_WRITES_IN_FLIGHT writes at once.
 *
 * What it leaves out of a fetch is the chunk exchange itself: requests,
 * frames, scheduling, pipelining. So `pump` -> `pump-store` is what verifying
 * and storing costs on this machine, and `pump-store` -> `fetch` about what the
 * protocol costs. Not a bound: the seed here reads one chunk ahead, where a
 * serve session reads up to three, so a fetch can run faster.
 */
import type { PeerId, Stream } from '@libp2p/interface'
import { chunkCount, chunkLength, fileInfoFromBytes, MAX_MANIFEST_BYTES } from '../../src/manifest/index.js'
import type { ShoalNode } from '../../src/node/index.js'
import type { ChunkStore } from '../../src/store/index.js'
import { MAX_WRITES_IN_FLIGHT, PIECE_BUFFERS_FREE_BYTES, READ_HIGH_WATER } from '../../src/swarm/constants.js'
import { BufferPool } from '../../src/util/buffer-pool.js'
import { lengthPrefixed, sendAll, StreamReader } from '../../src/util/stream.js'
import { MAX_PUMP_STREAMS } from './pump.js'

export const PUMP_STORE_PROTOCOL = '/shoal/bench/pump-store/1.0.0'

/** A file id (a CID string) is far shorter than this. */
const MAX_FILE_ID_BYTES = 256

export interface PumpStoreResult { bytes: number, seconds: number }

/** Registers the sending side: chunks come from `store`. */
export async function handlePumpStore (node: ShoalNode, store: ChunkStore): Promise<void> {
  await node.handle(PUMP_STORE_PROTOCOL, (stream) => {
    servePumpStore(stream, store).catch((err: Error) => { stream.abort(err) })
  }, { maxInboundStreams: MAX_PUMP_STREAMS, maxOutboundStreams: MAX_PUMP_STREAMS })
}

async function servePumpStore (stream: Stream, store: ChunkStore): Promise<void> {
  // Attached before any await (LIBP2P.md): no early byte is missed.
  const reader = new StreamReader(stream, { highWater: MAX_FILE_ID_BYTES })
  const length = await reader.length()
  if (length === undefined || length > MAX_FILE_ID_BYTES) throw new Error('bad pump-store request')
  const fileId = new TextDecoder().decode(await reader.take(length))
  const stored = await store.get(fileId)
  if (stored == null || !stored.complete) throw new Error(`pump-store: ${fileId} is not held whole`)
  await sendAll(stream, lengthPrefixed(stored.info.bytes))
  const n = chunkCount(stored.info.manifest)
  let next = stored.read(0)
  for (let i = 0; i < n; i++) {
    const data = await next
    if (i + 1 < n) next = stored.read(i + 1)
    await sendAll(stream, data)
  }
  await stream.close()
}

/**
 * Pulls a whole file from a peer over the existing connection into `store`,
 * timed from opening the stream until every chunk is verified and durable.
 */
export async function pullPumpStore (node: ShoalNode, store: ChunkStore, peer: PeerId, fileId: string, signal: AbortSignal): Promise<PumpStoreResult> {
  const started = performance.now()
  const stream = await node.dialProtocol(peer, PUMP_STORE_PROTOCOL, { signal })
  const reader = new StreamReader(stream, { highWater: READ_HIGH_WATER })
  try {
    const id = new TextEncoder().encode(fileId)
    await sendAll(stream, lengthPrefixed(id), { signal })
    await stream.close({ signal })
    const length = await reader.length({ signal })
    if (length === undefined || length > MAX_MANIFEST_BYTES) throw new Error('pump-store: bad manifest length')
    const info = fileInfoFromBytes(await reader.take(length, { signal }), fileId)
    const stored = await store.open(info, { signal })
    const m = info.manifest
    const buffers = new BufferPool(PIECE_BUFFERS_FREE_BYTES)
    const writes = new Set<Promise<void>>()
    for (let i = 0; i < chunkCount(m); i++) {
      while (writes.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(writes)
      const data = await reader.takeInto(buffers.acquire(chunkLength(m, i)), { signal })
      const write: Promise<void> = stored.write(i, data, { signal }).finally(() => {
        writes.delete(write)
        buffers.release(data)
      })
      writes.add(write)
    }
    await Promise.all(writes)
    if (!stored.complete) throw new Error('pump-store: file incomplete after the last chunk')
    return { bytes: m.size, seconds: (performance.now() - started) / 1000 }
  } catch (err: any) {
    stream.abort(err)
    throw err
  }
}
