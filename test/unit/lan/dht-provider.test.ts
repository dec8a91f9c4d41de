import assert from 'node:assert/strict'
import type { KadDHT } from '@libp2p/kad-dht'
import { DhtProvider } from '../../../src/lan/dht-provider.js'
import { MemoryChunkStore } from '../../../src/store/index.js'
import { sleep } from '../../../src/util/sleep.js'
import { makeTestFile } from '../store/fixtures.js'

const WAIT_MS = 2_000
const RETRY_MS = 200

/** What kad-dht's provide() yields, reduced to what DhtProvider reads. */
type FakeEvent = { name: 'PEER_RESPONSE', messageName: 'FIND_NODE' | 'ADD_PROVIDER', from: string } | { name: 'QUERY_ERROR', from: string }

/** A DHT whose routing table has one peer and whose provide() yields the events given per call. */
function fakeDht (calls: FakeEvent[][]): { dht: KadDHT, provides: () => number } {
  let n = 0
  const routingTable = Object.assign(new EventTarget(), { size: 1 })
  const dht = {
    routingTable,
    async * provide () {
      const events = calls[Math.min(n++, calls.length - 1)]
      for (const e of events) yield { ...e, from: { toString: () => e.from } }
    }
  }
  return { dht: dht as unknown as KadDHT, provides: () => n }
}

async function until (test: () => boolean): Promise<void> {
  for (let waited = 0; !test() && waited < WAIT_MS; waited += 10) await sleep(10)
}

describe('DhtProvider (fake DHT)', () => {
  const log = Object.assign(() => {}, { enabled: false, trace: () => {}, error: () => {}, newScope: () => log }) as any

  async function storeWithCompleteFile (): Promise<{ store: MemoryChunkStore, key: string }> {
    const file = makeTestFile(64 * 1024)
    const store = new MemoryChunkStore()
    const stored = await store.open(file.info)
    for (let i = 0; i < file.chunks; i++) await stored.write(i, file.chunk(i))
    return { store, key: file.info.key }
  }

  it('reports the peers that were sent the record (ADD_PROVIDER), not the peers the lookup asked', async () => {
    const { store, key } = await storeWithCompleteFile()
    const { dht } = fakeDht([[
      { name: 'PEER_RESPONSE', messageName: 'FIND_NODE', from: 'looked-up' },
      { name: 'PEER_RESPONSE', messageName: 'ADD_PROVIDER', from: 'tracker' },
      { name: 'QUERY_ERROR', from: 'gone' },
      { name: 'PEER_RESPONSE', messageName: 'ADD_PROVIDER', from: 'x' }
    ]])
    const reports: Array<[string, string[]]> = []
    const provider = new DhtProvider({ dht, store, log, onProvided: (k, peers) => reports.push([k, peers]) })
    provider.start()
    try {
      await until(() => reports.length > 0)
      assert.deepEqual(reports, [[key, ['tracker', 'x']]])
    } finally {
      provider.stop()
    }
  })

  it('a provide that reached no peer is not reported and is tried again after retryMs', async () => {
    const { store, key } = await storeWithCompleteFile()
    const { dht, provides } = fakeDht([
      [{ name: 'PEER_RESPONSE', messageName: 'FIND_NODE', from: 'looked-up' }],
      [{ name: 'PEER_RESPONSE', messageName: 'ADD_PROVIDER', from: 'x' }]
    ])
    const reports: Array<[string, string[]]> = []
    const provider = new DhtProvider({ dht, store, log, onProvided: (k, peers) => reports.push([k, peers]), minIntervalMs: 0, retryMs: RETRY_MS })
    provider.start()
    try {
      await until(() => provides() === 1)
      assert.deepEqual(reports, [])
      await until(() => reports.length > 0)
      assert.equal(provides(), 2)
      assert.deepEqual(reports, [[key, ['x']]])
    } finally {
      provider.stop()
    }
  })
})
