import assert from 'node:assert/strict'
import { Bitfield } from '../../../src/store/bitfield.js'
import { rarestFirst, sequential, type PickContext } from '../../../src/swarm/picker.js'
import { preferOthers, serveAll, type ServeContext } from '../../../src/swarm/serve-policy.js'
import { ChunkFrame } from '../../../src/pb/chunk.js'
import { peerIdFromString } from '@libp2p/peer-id'

function ctx (n: number, remote: number[], availability: number[], ineligible: number[] = []): PickContext {
  const r = new Bitfield(n)
  for (const i of remote) r.set(i)
  return {
    missing: Array.from({ length: n }, (_, i) => i),
    remote: r,
    availability: Uint32Array.from(availability),
    eligible: (i) => !ineligible.includes(i)
  }
}

describe('piece pickers', () => {
  it('rarest-first picks the rarest chunk the peer holds', () => {
    for (let round = 0; round < 20; round++) {
      assert.equal(rarestFirst.pick(ctx(5, [0, 2, 3], [3, 1, 2, 5, 1])), 2)
    }
  })

  it('rarest-first skips ineligible chunks and returns undefined when nothing fits', () => {
    assert.equal(rarestFirst.pick(ctx(3, [0, 1], [1, 2, 1], [0])), 1)
    assert.equal(rarestFirst.pick(ctx(3, [0], [1, 1, 1], [0])), undefined)
    assert.equal(rarestFirst.pick(ctx(0, [], [])), undefined)
  })

  it('rarest-first spreads ties across chunks', () => {
    const picks = new Set<number>()
    for (let round = 0; round < 200; round++) picks.add(rarestFirst.pick(ctx(8, [0, 1, 2, 3, 4, 5, 6, 7], new Array(8).fill(1)))!)
    assert.ok(picks.size >= 4, `only ${picks.size} distinct picks`)
  })

  it('sequential picks the lowest eligible index', () => {
    assert.equal(sequential.pick(ctx(5, [1, 3, 4], [1, 1, 1, 1, 1], [1])), 3)
  })
})

describe('serve policies', () => {
  const peer = peerIdFromString('12D3KooWSuQnkprG7JNykBXHZr1Wo3oMgXDsqyHKFBSD6mmdk2ZB')
  const base: ServeContext = { fileKey: 'f', index: 0, peer, urgent: false, timesSent: 0, holdersElsewhere: 0, inFlightElsewhere: false, seeding: true }

  it('serve-all serves everything', () => {
    assert.equal(serveAll.decide({ ...base, holdersElsewhere: 3 }), undefined)
  })

  it('prefer-others sends a seed\'s requesters elsewhere when another peer holds or is receiving the chunk', () => {
    assert.equal(preferOthers.decide(base), undefined)
    assert.equal(preferOthers.decide({ ...base, holdersElsewhere: 1 }), ChunkFrame.RejectReason.ELSEWHERE)
    assert.equal(preferOthers.decide({ ...base, inFlightElsewhere: true }), ChunkFrame.RejectReason.ELSEWHERE)
  })

  it('prefer-others serves urgent requests, and never restricts a peer that is still downloading', () => {
    assert.equal(preferOthers.decide({ ...base, holdersElsewhere: 1, urgent: true }), undefined)
    // Still on its way to another peer: urgent waits for that peer's HAVE.
    assert.equal(preferOthers.decide({ ...base, inFlightElsewhere: true, urgent: true }), ChunkFrame.RejectReason.ELSEWHERE)
    assert.equal(preferOthers.decide({ ...base, holdersElsewhere: 1, seeding: false }), undefined)
  })
})
