import assert from 'node:assert/strict'
import { peerIdFromString } from '@libp2p/peer-id'
import { ChunkFrame } from '../../../src/pb/chunk.js'
import { isSeeding, seedUntilCopies } from '../../../src/tracker/seeding.js'
import type { ServeContext } from '../../../src/swarm/serve-policy.js'

const PEER = peerIdFromString('12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA')

function ctx (over: Partial<ServeContext> = {}): ServeContext {
  return { fileKey: 'f', index: 0, peer: PEER, urgent: false, timesSent: 0, holdersElsewhere: 0, inFlightElsewhere: false, seeding: true, ...over }
}

describe('tracker/seeding', () => {
  it('serves until the group holds k complete copies, then answers NOT_SERVING', () => {
    let copies = 0
    const policy = seedUntilCopies({ copies: 2, completeCopies: () => copies })('f')
    assert.equal(policy.decide(ctx()), undefined)
    copies = 1
    assert.equal(policy.decide(ctx()), undefined)
    copies = 2
    assert.equal(policy.decide(ctx()), ChunkFrame.RejectReason.NOT_SERVING)
    assert.equal(policy.decide(ctx({ urgent: true })), ChunkFrame.RejectReason.NOT_SERVING, 'k copies exist: someone else has it')
    copies = 1
    assert.equal(policy.decide(ctx()), undefined, 'a holder died: seed again')
  })

  it('super-seeds while serving: a chunk another peer holds is left to it', () => {
    const policy = seedUntilCopies({ copies: 1, completeCopies: () => 0 })('f')
    assert.equal(policy.decide(ctx({ holdersElsewhere: 1 })), ChunkFrame.RejectReason.ELSEWHERE)
    assert.equal(policy.decide(ctx({ holdersElsewhere: 1, urgent: true })), undefined)
  })

  it('says when the tracker still seeds', () => {
    assert.equal(isSeeding(1, 0), true)
    assert.equal(isSeeding(1, 1), false)
    assert.equal(isSeeding(2, 1), true)
  })
})
