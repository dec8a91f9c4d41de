import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import type { PeerId } from '@libp2p/interface'
import { logger } from '@libp2p/logger'
import { RejectedError } from '../../../src/errors.js'
import type { FetchSession } from '../../../src/swarm/fetch-session.js'
import { SessionDialer, type SessionDialerInit } from '../../../src/swarm/session-dialer.js'

const WAIT_MS = 2_000

async function newPeer (): Promise<PeerId> { return peerIdFromPrivateKey(await generateKeyPair('Ed25519')) }

async function until (test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A dialer whose `open` fails `failures` times (RejectedError when `busy`), then hands out a stand-in session. */
function dialer (opts: { failures?: number, busy?: boolean, admit?: SessionDialerInit['admit'], maxAttempts?: number, wanted?: () => boolean } = {}) {
  const controller = new AbortController()
  const opened: string[] = []
  const attached: FetchSession[] = []
  let failures = opts.failures ?? 0
  const d = new SessionDialer({
    open: async (peer) => {
      opened.push(peer.toString())
      if (failures-- > 0) throw opts.busy === true ? new RejectedError('busy') : new Error('refused')
      return { peer } as unknown as FetchSession
    },
    admit: opts.admit,
    attach: (session) => { attached.push(session) },
    wanted: opts.wanted ?? (() => true),
    signal: controller.signal,
    log: logger('shoal:test:session-dialer'),
    label: 'file',
    backoffMs: 10,
    maxAttempts: opts.maxAttempts ?? 3
  })
  return { d, opened, attached, controller }
}

describe('SessionDialer', () => {
  it('opens a session and attaches it; a second dial while the first runs is ignored', async () => {
    const peer = await newPeer()
    const { d, opened, attached } = dialer()
    d.dial(peer)
    d.dial(peer)
    assert.equal(d.connecting(peer.toString()), true)
    await until(() => !d.busy, 'the dial to end')
    assert.deepEqual(opened, [peer.toString()])
    assert.equal(attached.length, 1)
    assert.equal(d.unreached, 0, 'a reached peer has its attempts cleared')
  })

  it('retries after a failure, and gives up after maxAttempts', async () => {
    const peer = await newPeer()
    const retried = dialer({ failures: 2 })
    retried.d.dial(peer)
    await until(() => !retried.d.busy, 'the dial to end')
    assert.equal(retried.opened.length, 3)
    assert.equal(retried.attached.length, 1)

    const failing = dialer({ failures: 100, busy: true })
    failing.d.dial(peer)
    await until(() => !failing.d.busy, 'the dial to end')
    assert.equal(failing.opened.length, 3, 'three attempts, then no more')
    assert.equal(failing.attached.length, 0)
    assert.equal(failing.d.attemptsLeft, false)
    assert.equal(failing.d.unreached, 1)
  })

  it('does not open a session with a peer that is not admitted (or whose admission throws)', async () => {
    const [a, b] = [await newPeer(), await newPeer()]
    const { d, opened } = dialer({ admit: (peer) => { if (peer.equals(b)) throw new Error('lookup failed'); return false } })
    d.dial(a)
    d.dial(b)
    await until(() => !d.busy, 'the dials to end')
    assert.deepEqual(opened, [])
    assert.equal(d.unreached, 0)
  })

  it('stops retrying when the signal aborts or sessions are no longer wanted', async () => {
    const peer = await newPeer()
    const aborted = dialer({ failures: 100, maxAttempts: 1000 })
    aborted.d.dial(peer)
    await until(() => aborted.opened.length >= 2, 'a retry')
    aborted.controller.abort()
    await until(() => !aborted.d.busy, 'the dial to end')
    const after = aborted.opened.length
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(aborted.opened.length, after, 'no attempt after the abort')
    assert.equal(aborted.d.attemptsLeft, true, 'the peer was not exhausted, only stopped')

    let wanted = true
    const done = dialer({ failures: 100, maxAttempts: 1000, wanted: () => wanted })
    done.d.dial(peer)
    await until(() => done.opened.length >= 2, 'a retry')
    wanted = false
    await until(() => !done.d.busy, 'the dial to end')
  })
})
