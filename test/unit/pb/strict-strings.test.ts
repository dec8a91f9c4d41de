import assert from 'node:assert/strict'
import { TaskServerStatus } from '../../../src/pb/tracker.js'

/** Field 1 (peerId, a string) with the given bytes, as on the wire. */
function withPeerId (bytes: number[]): Uint8Array {
  return Uint8Array.from([0x0a, bytes.length, ...bytes])
}

describe('generated decoders: string fields are strict UTF-8', () => {
  it('round-trips valid UTF-8 of every length class, short and long (protons writes them two ways)', () => {
    for (const peerId of ['', 'a', 'é', '中', '😀', 'x'.repeat(39) + '😀', '中'.repeat(60) + '😀']) {
      assert.equal(TaskServerStatus.decode(TaskServerStatus.encode({ ...TaskServerStatus.decode(new Uint8Array()), peerId })).peerId, peerId)
    }
  })

  it('keeps a leading byte-order mark (it is content)', () => {
    assert.equal(TaskServerStatus.decode(withPeerId([0xef, 0xbb, 0xbf, 0x61])).peerId, '\ufeffa')
  })

  for (const [what, bytes] of [
    ['a lone low surrogate (CESU)', [0xed, 0xb3, 0x80]],
    ['a lone high surrogate', [0xed, 0xa0, 0x80]],
    ['an overlong NUL', [0xc0, 0x80]],
    ['a 4-byte form below U+10000', [0xf0, 0x80, 0x80, 0x80]],
    ['a stray continuation byte', [0x61, 0x80]],
    ['a truncated sequence', [0xe4, 0xb8]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]]
  ] as const) {
    it(`refuses ${what} with a ProtocolError`, () => {
      assert.throws(() => TaskServerStatus.decode(withPeerId([...bytes])), { name: 'ProtocolError' })
    })
  }
})
