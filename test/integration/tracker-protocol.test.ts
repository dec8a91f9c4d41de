import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import * as varint from 'uint8-varint'
import { fileInfo, MIN_CHUNK_SIZE, sha256 } from '../../src/manifest/index.js'
import { createShoalNode, type ShoalNode } from '../../src/node/index.js'
import { TaskAck, TaskPush } from '../../src/pb/task.js'
import { TrackerError, TrackerRequest, TrackerResponse } from '../../src/pb/tracker.js'
import { MAX_TASK_ACK_BYTES, MAX_TRACKER_REQUEST_BYTES, MAX_TRACKER_RESPONSE_BYTES, TASK_PROTOCOL, TRACKER_PROTOCOL } from '../../src/rpc/constants.js'
import { callRpc } from '../../src/rpc/rpc.js'
import { createServer, type ShoalServer } from '../../src/server/server.js'
import { TrackerClient } from '../../src/server/tracker-client.js'
import { createTracker, type Tracker } from '../../src/tracker/tracker.js'

const CALL = { timeoutMs: 5_000, what: 'test call' }

function smallFile () {
  const chunkHashes = sha256(Uint8Array.of(1))
  return fileInfo({ version: 1, name: 'x.bin', size: MIN_CHUNK_SIZE, chunkSize: MIN_CHUNK_SIZE, chunkHashes, sha256: sha256(Uint8Array.of(2)) })
}

describe('tracker and task protocols: bad input gets an error or an aborted stream, never a crash', function () {
  this.timeout(30_000)
  let dir: string
  let tracker: Tracker
  let client: ShoalNode
  let trackerAddr: string

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-proto-'))
    tracker = await createTracker({ dataDir: join(dir, 'tracker'), listen: ['/ip4/127.0.0.1/tcp/0'] })
    trackerAddr = tracker.multiaddrs()[0].toString()
    client = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: ['/ip4/127.0.0.1/tcp/0'] })
  })

  after(async () => {
    await client?.stop()
    await tracker?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  async function raw (bytes: Uint8Array): Promise<TrackerResponse> {
    return TrackerResponse.decode(await callRpc(client, multiaddr(trackerAddr), TRACKER_PROTOCOL, bytes, { ...CALL, maxResponseBytes: MAX_TRACKER_RESPONSE_BYTES }))
  }

  it('answers a request that does not decode with BAD_REQUEST', async () => {
    const res = await raw(Uint8Array.of(0xff, 0xff, 0xff))
    assert.equal(res.error?.code, TrackerError.Code.BAD_REQUEST)
  })

  it('answers an unknown request type with UNSUPPORTED', async () => {
    const res = await raw(Uint8Array.of(0x08, 99))
    assert.equal(res.error?.code, TrackerError.Code.UNSUPPORTED)
  })

  it('answers a request without its body with BAD_REQUEST', async () => {
    const res = await raw(TrackerRequest.encode({ type: TrackerRequest.Type.REGISTER }))
    assert.equal(res.error?.code, TrackerError.Code.BAD_REQUEST)
  })

  it('aborts the stream when the announced length is over the limit', async () => {
    const node = client
    const stream = await node.dialProtocol(multiaddr(trackerAddr), TRACKER_PROTOCOL)
    const closed = new Promise<Error | undefined>((resolve) => stream.addEventListener('close', (evt) => resolve(evt.error), { once: true }))
    stream.send(varint.encode(MAX_TRACKER_REQUEST_BYTES + 1))
    stream.send(new Uint8Array(1024))
    const err = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('timeout'), 5_000))])
    assert.notEqual(err, 'timeout', 'the tracker cut the stream')
  })

  it('maps error codes to named errors for callers', async () => {
    const tc = new TrackerClient(client, multiaddr(trackerAddr))
    await assert.rejects(tc.announce({ holdings: [], full: true }), { name: 'NotRegisteredError' })
    await assert.rejects(tc.taskStatus('no-such-task'), { name: 'UnknownTaskError' })
    await assert.rejects(tc.getPeers(smallFile().id), { name: 'UnknownFileError' })
    await assert.rejects(tc.reportResult({ taskId: 'x', ok: true, reason: '', bytesFrom: [], durationMs: 0, resumedChunks: 0, fetchedChunks: 0, sha256: new Uint8Array(), attempt: 1, fetchAttempts: 1 }), { name: 'UnknownTaskError' })
    // And the tracker still works.
    const reg = await tc.register({ addrs: [client.getMultiaddrs()[0].toString()], subnet: '10.9.0.3/16' })
    assert.ok(reg.heartbeatIntervalMs > 0)
    assert.equal(tracker.registry.get(client.peerId.toString())?.subnet, '10.9.0.0/16')
  })

  describe('task receiving', () => {
    let server: ShoalServer
    let serverDir: string

    before(async () => {
      serverDir = join(dir, 'server')
      // The server's "tracker" is our client node: only it may push tasks.
      server = await createServer({ dataDir: serverDir, listen: ['/ip4/127.0.0.1/tcp/0'], tracker: { tracker: client.getMultiaddrs()[0] } })
      await server.start()
    })

    after(async () => { await server?.stop() })

    async function push (from: ShoalNode, bytes: Uint8Array): Promise<TaskAck> {
      return TaskAck.decode(await callRpc(from, server.multiaddrs()[0], TASK_PROTOCOL, bytes, { ...CALL, maxResponseBytes: MAX_TASK_ACK_BYTES }))
    }

    const valid = (taskId: string): Uint8Array => {
      const f = smallFile()
      return TaskPush.encode({ taskId, kind: TaskPush.Kind.REPLICATE, fileId: f.id.bytes as Uint8Array<ArrayBuffer>, manifest: f.bytes as Uint8Array<ArrayBuffer>, attempt: 1 })
    }

    it('refuses tasks from any peer but its tracker', async () => {
      const stranger = await createShoalNode({ privateKey: await generateKeyPair('Ed25519'), listen: [] })
      try {
        const ack = await push(stranger, valid('from-a-stranger'))
        assert.equal(ack.code, TaskAck.Code.NOT_ALLOWED)
        assert.equal(existsSync(join(serverDir, 'tasks', 'from-a-stranger.json')), false)
      } finally {
        await stranger.stop()
      }
    })

    it('answers a malformed push, a bad id and a manifest of another file with BAD_REQUEST', async () => {
      assert.equal((await push(client, Uint8Array.of(0xff, 0xff))).code, TaskAck.Code.BAD_REQUEST)
      assert.equal((await push(client, valid('../escape'))).code, TaskAck.Code.BAD_REQUEST)
      const other = fileInfo({ ...smallFile().manifest, name: 'other.bin' })
      const mismatched = TaskPush.encode({ ...TaskPush.decode(valid('mismatch')), fileId: other.id.bytes as Uint8Array<ArrayBuffer> })
      assert.equal((await push(client, mismatched)).code, TaskAck.Code.BAD_REQUEST)
    })

    it('journals a task before acknowledging it, and acknowledges a repeat without a second entry', async () => {
      const ack = await push(client, valid('task-1'))
      assert.equal(ack.code, TaskAck.Code.ACCEPTED)
      assert.equal(existsSync(join(serverDir, 'tasks', 'task-1.json')), true, 'on disk when acked')
      const again = await push(client, valid('task-1'))
      assert.equal(again.code, TaskAck.Code.ACCEPTED)
      assert.equal(server.tasks!.journal.entries().filter((e) => e.id === 'task-1').length, 1)
    })
  })
})
