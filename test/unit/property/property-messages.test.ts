import assert from 'node:assert/strict'
import fc from 'fast-check'
import * as chunkPb from '../../../src/pb/chunk.js'
import * as ingestPb from '../../../src/pb/ingest.js'
import * as lanPb from '../../../src/pb/lan.js'
import * as manifestPb from '../../../src/pb/manifest.js'
import * as probePb from '../../../src/pb/probe.js'
import * as taskPb from '../../../src/pb/task.js'
import * as trackerPb from '../../../src/pb/tracker.js'
import { peekType } from '../../../src/tracker/protocol.js'
import { protobufish } from './arbitraries.js'

interface Codec { encode(m: any): Uint8Array, decode(b: Uint8Array): any }

/** Every message codec generated from protocols/*.proto: a message added later is covered without a change here. */
const CODECS: Array<[string, Codec]> = Object.entries({ ...chunkPb, ...ingestPb, ...lanPb, ...manifestPb, ...probePb, ...taskPb, ...trackerPb })
  .filter(([, v]) => typeof (v as any)?.decode === 'function' && typeof (v as any)?.encode === 'function')
  .map(([name, v]) => [name, v as unknown as Codec])

/** Decoding a few hundred bytes must take far less; more means a loop that does not advance. */
const DECODE_MS = 200
const RUNS = { numRuns: 400 }

describe('property: every protocol message decoder', function () {
  this.timeout(120_000)

  it(`covers the messages of every schema (${CODECS.length})`, () => {
    for (const name of ['ChunkFrame', 'TaskPush', 'TaskAck', 'TrackerRequest', 'TrackerResponse', 'Manifest', 'IngestFrame', 'ProbeRequest', 'LanRequest', 'Members']) {
      assert.ok(CODECS.some(([n]) => n === name), name)
    }
  })

  for (const [name, codec] of CODECS) {
    it(`${name}: arbitrary bytes decode to a message that round-trips, or throw an Error, quickly`, () => {
      let decoded = 0
      fc.assert(fc.property(protobufish, (bytes) => {
        const started = performance.now()
        let msg: any
        try {
          msg = codec.decode(bytes)
        } catch (err) {
          assert.ok(err instanceof Error, `threw a non-Error: ${String(err)}`)
          return
        } finally {
          assert.ok(performance.now() - started < DECODE_MS, `decode took ${performance.now() - started} ms`)
        }
        decoded++
        // Round trip: what was decoded encodes, and decodes back to the same message.
        assert.deepEqual(codec.decode(codec.encode(msg)), msg)
      }), RUNS)
      // Not a property, a sanity check that the generator reaches past the first field.
      assert.ok(decoded > 0, 'no input decoded: the generator is too far from protobuf')
    })
  }

  it('peekType (the tracker\'s unknown-type check) never throws and never reads past the input', () => {
    fc.assert(fc.property(protobufish, (bytes) => {
      const t = peekType(bytes)
      assert.ok(t === undefined || (Number.isSafeInteger(t) && t >= 0))
    }), RUNS)
  })
})
