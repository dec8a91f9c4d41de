import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileInfo, MIN_CHUNK_SIZE, sha256 } from '../../../src/manifest/index.js'
import { Bitfield } from '../../../src/store/bitfield.js'
import { Catalog } from '../../../src/tracker/catalog.js'
import type { AssignmentRow } from '../../../src/tracker/db.js'
import { hintsFor } from '../../../src/tracker/peer-hints.js'
import { locality } from '../../../src/tracker/hints.js'
import { NetworkPlan } from '../../../src/tracker/network-plan.js'
import { crossNetworkView } from '../../../src/tracker/network-view.js'
import { Registry } from '../../../src/tracker/registry.js'
import { SqliteTrackerDb } from '../../../src/tracker/sqlite-db.js'
import { TaskManager } from '../../../src/tracker/task-manager.js'

const CHUNKS = 8
const HEAD_START_MS = 60_000

function info () {
  const chunkHashes = new Uint8Array(CHUNKS * 32)
  for (let i = 0; i < CHUNKS; i++) chunkHashes.set(sha256(Uint8Array.of(i)), i * 32)
  return fileInfo({ version: 1, name: 'f.bin', size: CHUNKS * MIN_CHUNK_SIZE, chunkSize: MIN_CHUNK_SIZE, chunkHashes, sha256: sha256(Uint8Array.of(1)) })
}

describe('tracker/network-plan: who fetches across networks', () => {
  let dir: string
  let db: SqliteTrackerDb
  let now: number
  let registry: Registry
  let catalog: Catalog
  let tasks: TaskManager
  let plan: NetworkPlan
  const f = info()

  const server = (id: string, network: string, subnet: string): void => {
    registry.register(id, { addrs: [`/ip4/10.0.0.1/tcp/1/p2p/${id}`], lanAddrs: [], subnet, network, capacityBytes: 0 })
  }
  const hold = (id: string, chunks: number): void => {
    const bf = new Bitfield(CHUNKS)
    for (let i = 0; i < chunks; i++) bf.set(i)
    catalog.applyAnnounce(id, [{ fileKey: f.key, bitfield: bf.bytes, complete: chunks === CHUNKS }], false)
  }
  const assignment = (taskId: string, peerId: string): AssignmentRow => tasks.assignments(taskId).find((a) => a.peerId === peerId)!

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoal-plan-'))
    db = new SqliteTrackerDb(join(dir, 'tracker.db'))
    now = 1_000
    registry = new Registry({ db, now: () => now, heartbeatTimeoutMs: 10_000 })
    catalog = new Catalog({ db, now: () => now })
    tasks = new TaskManager({ db, now: () => now, maxAttempts: 4 })
    catalog.addFile(f)
    plan = new NetworkPlan({ db, registry, catalog, trackerNetwork: 'a', seeding: () => false, crossFetchers: 1, headStartTimeoutMs: HEAD_START_MS, now: () => now })
    server('a0', 'a', '10.1.0.0/24')
    server('a1', 'a', '10.1.0.0/24')
    server('b0', 'b', '10.2.0.0/24')
    server('b1', 'b', '10.2.0.0/24')
    server('b2', 'b', '10.2.0.0/24')
    hold('a0', CHUNKS)
  })

  afterEach(async () => {
    db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('a network with a copy fetches inside; one server of the other fetches across first', () => {
    const t = tasks.create('replicate', f.key, ['a1', 'b0', 'b1', 'b2'], f.manifest.size)
    assert.deepEqual(plan.crossFetchers(f.key, 'a'), [], 'network a holds a copy')
    assert.deepEqual(plan.crossFetchers(f.key, 'b'), ['b0'], 'one cross-fetcher, chosen deterministically')
    const created = tasks.get(t.id)!.createdAt
    assert.equal(plan.mayPush(assignment(t.id, 'a1'), f.key, created), true)
    assert.equal(plan.mayPush(assignment(t.id, 'b0'), f.key, created), true)
    assert.equal(plan.mayPush(assignment(t.id, 'b1'), f.key, created), false, 'the rest of b waits for the cross-fetcher')
    hold('b0', 1)
    assert.equal(plan.mayPush(assignment(t.id, 'b1'), f.key, created), true, 'once it holds a chunk, the rest of b starts')
    assert.deepEqual(plan.crossFetchers(f.key, 'b'), ['b0'], 'the choice is kept')
  })

  it('a server that holds part of the file but has no task for it is never the cross-fetcher', () => {
    hold('b2', CHUNKS / 2)
    tasks.create('replicate', f.key, ['b0', 'b1'], f.manifest.size)
    assert.deepEqual(plan.crossFetchers(f.key, 'b'), ['b0'], 'b2 is not fetching, so it would never bring the rest across')
  })

  it('the rest of a network is pushed anyway after the head-start timeout', () => {
    const t = tasks.create('replicate', f.key, ['b0', 'b1'], f.manifest.size)
    assert.equal(plan.mayPush(assignment(t.id, 'b1'), f.key, t.createdAt), false)
    now += HEAD_START_MS + 1
    for (const id of ['a0', 'b0', 'b1']) registry.heartbeat(id, 0)
    assert.equal(plan.mayPush(assignment(t.id, 'b1'), f.key, t.createdAt), true)
  })

  it('hints: the cross-fetcher gets every holder, the rest of its network only the inside, restricted', () => {
    tasks.create('replicate', f.key, ['b0', 'b1', 'b2'], f.manifest.size)
    hold('b0', 2)
    const src = { registry, catalog, policy: locality }
    const ask = (id: string) => ({ peerId: id, subnet: '10.2.0.0/24', network: 'b' })
    assert.equal(plan.scopeFor(f.key, ask('b0')), undefined, 'the cross-fetcher is not restricted')
    assert.deepEqual(hintsFor(src, f.key, ask('b0'), 16).map((h) => h.peerId), ['a0'])
    const scope = plan.scopeFor(f.key, ask('b1'))
    assert.ok(scope != null)
    assert.deepEqual(hintsFor({ ...src, scope }, f.key, ask('b1'), 16).map((h) => h.peerId), ['b0'], 'only the in-network holder')
    hold('b0', CHUNKS)
    assert.deepEqual(plan.crossFetchers(f.key, 'b'), [], 'b holds a copy now')
    assert.deepEqual(plan.chosen(f.key, 'b'), ['b0'])
    assert.ok(plan.scopeFor(f.key, ask('b0')) != null, 'now everyone in b stays inside')
  })

  it('unlabelled servers are left alone', () => {
    server('u0', '', '')
    tasks.create('replicate', f.key, ['u0'], f.manifest.size)
    assert.equal(plan.scopeFor(f.key, { peerId: 'u0', subnet: '', network: '' }), undefined)
  })

  it('counts cross-network bytes per task from the results', () => {
    const view = crossNetworkView({ networkOf: (id) => id[0] === 't' ? 'a' : id[0], plan }, f.key, f.manifest.size, ['b0', 'b1'], [
      { taskId: 't', peerId: 'b0', ok: true, reason: '', attempt: 1, durationMs: 1, resumedChunks: 0, fetchedChunks: CHUNKS, sha256: '', bytesFrom: { a0: f.manifest.size }, recordedAt: 1 },
      { taskId: 't', peerId: 'b1', ok: true, reason: '', attempt: 1, durationMs: 1, resumedChunks: 0, fetchedChunks: CHUNKS, sha256: '', bytesFrom: { b0: f.manifest.size / 2, tracker: f.manifest.size / 2 }, recordedAt: 1 }
    ])
    assert.equal(view.crossNetworkBytes, f.manifest.size * 1.5)
    assert.equal(view.crossNetworkCopies, 1.5)
    assert.deepEqual(view.bytesByNetworkPath, { 'a -> b': f.manifest.size * 1.5, 'b -> b': f.manifest.size / 2 })
    assert.equal(view.networks.b.servers, 2)
  })
})
