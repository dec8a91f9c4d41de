import type { AbortOptions, Logger, PeerId } from '@libp2p/interface'
import { ChunkHashMismatchError, NoSourcesError } from '../errors.js'
import { chunkCount, chunkLength } from '../manifest/index.js'
import { ChunkFrame } from '../pb/chunk.js'
import { sleep } from '../util/sleep.js'
import {
  BAN_AFTER_FAILURES, ENDGAME_DUPLICATES, MAX_WRITES_IN_FLIGHT, PROGRESS_INTERVAL_MS,
  REDIAL_BACKOFF_MS, REJECT_BACKOFF_MS, STALL_TIMEOUT_MS, URGENT_AFTER_REJECTS
} from './constants.js'
import { FetchSession, type FetchSessionHandler, type ReceivedPiece } from './fetch-session.js'
import { MissingSet } from './missing-set.js'
import { rarestFirst, type PiecePicker } from './picker.js'
import { SessionDialer } from './session-dialer.js'
import { reviewSession } from './session-health.js'
import type { DownloaderInit, DownloadResult } from './download-types.js'

export type { DownloaderInit, DownloadProgress, DownloadResult } from './download-types.js'
import type { SwarmFile } from './swarm-file.js'

/** How often stalls and timeouts are reviewed. */
const TICK_MS = 1_000

/**
 * Pulls a file's missing chunks from every peer that has them: rarest first,
 * several requests in flight per peer (its path's bandwidth-delay product plus
 * one chunk, pipeline-depth.ts), duplicate
 * requests for the last chunks (endgame), stalled peers' requests moved to
 * others, peers that send bad chunks blamed and then dropped.
 */
export class Downloader implements FetchSessionHandler {
  readonly #file: SwarmFile
  readonly #init: DownloaderInit
  readonly #picker: PiecePicker
  readonly #log: Logger
  readonly #sessions = new Map<string, FetchSession>()
  readonly #dialer: SessionDialer
  readonly #banned = new Set<string>()
  readonly #failures = new Map<string, number>()
  readonly #availability: Uint32Array
  readonly #inflight = new Map<number, Set<FetchSession>>()
  /** Chunks being verified and written, with the peer that sent each. */
  readonly #writing = new Map<number, string>()
  readonly #avoidUntil = new Map<string, number>()
  readonly #rejects: Uint8Array
  readonly #bytesFrom = new Map<string, number>()
  readonly #missing: MissingSet
  readonly #requested: Uint8Array
  readonly #controller = new AbortController()
  readonly #resumedChunks: number
  #fetchedChunks = 0
  #lastProgress = 0
  #done = Promise.withResolvers<void>()
  #timer?: ReturnType<typeof setInterval>

  constructor (init: DownloaderInit) {
    this.#init = init
    this.#file = init.file
    this.#log = init.log
    this.#picker = init.picker ?? rarestFirst
    const n = chunkCount(init.file.info.manifest)
    this.#availability = new Uint32Array(n)
    this.#rejects = new Uint8Array(n)
    this.#requested = new Uint8Array(n)
    this.#missing = new MissingSet(n, init.file.stored.bitfield.missing())
    this.#resumedChunks = n - this.#missing.size
    const { info, stored } = init.file
    this.#dialer = new SessionDialer({
      open: async (peer, signal) => FetchSession.open(await init.dial(peer, { signal }), peer, info.id, stored.bitfield, this.#log, { signal }),
      admit: init.admit,
      attach: (session) => { this.#attach(session) },
      wanted: () => this.#missing.size > 0,
      signal: this.#controller.signal,
      log: this.#log,
      label: info.key
    })
  }

  get sessions (): ReadonlyMap<string, FetchSession> { return this.#sessions }

  /** Resolves when every chunk is verified and stored. */
  async run (options: AbortOptions = {}): Promise<DownloadResult> {
    const started = Date.now()
    const onAbort = (): void => { this.#done.reject(options.signal?.reason) }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    this.#timer = setInterval(() => { this.#tick() }, TICK_MS)
    try {
      if (this.#missing.size > 0) await this.#done.promise
      return {
        fileKey: this.#file.info.key,
        seconds: (Date.now() - started) / 1000,
        resumedChunks: this.#resumedChunks,
        fetchedChunks: this.#fetchedChunks,
        requestedChunks: this.#requested.reduce((sum, r) => sum + r, 0),
        bytesFrom: Object.fromEntries(this.#bytesFrom),
        banned: [...this.#banned]
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort)
      this.stop()
    }
  }

  stop (): void {
    clearInterval(this.#timer)
    this.#controller.abort()
    for (const session of this.#sessions.values()) void session.close()
  }

  /** A peer that may hold chunks: connect to it unless we already are. */
  addPeer (peer: PeerId): void {
    const key = peer.toString()
    if (this.#sessions.has(key) || this.#dialer.connecting(key) || this.#banned.has(key)) return
    if (this.#missing.size === 0 || this.#controller.signal.aborted) return
    this.#dialer.dial(peer)
  }

  /** The store gained a chunk (from us or any other path): announce and stop asking for it. */
  onStored (index: number): void {
    const from = this.#writing.get(index)
    if (from != null) {
      this.#fetchedChunks++
      this.#bytesFrom.set(from, (this.#bytesFrom.get(from) ?? 0) + chunkLength(this.#file.info.manifest, index))
      this.#file.received(from, chunkLength(this.#file.info.manifest, index))
    }
    this.#missing.delete(index)
    for (const session of this.#inflight.get(index) ?? []) session.cancel(index)
    this.#inflight.delete(index)
    // Tell every peer, seeds included: a seed uses it to leave this chunk to us (prefer-others).
    for (const session of this.#sessions.values()) session.announce(index)
    this.#progress()
    if (this.#missing.size === 0) this.#done.resolve()
    else this.#schedule()
  }

  #attach (session: FetchSession): void {
    this.#sessions.set(session.peer.toString(), session)
    for (const index of session.remote.indices()) this.#availability[index]++
    void session.run(this)
    this.#schedule()
  }

  onHave (_session: FetchSession, index: number): void {
    this.#availability[index]++
    this.#schedule()
  }

  onPeers (_session: FetchSession, addrs: Uint8Array[]): void {
    void this.#file.learnPeers(addrs).then((peers) => { for (const p of peers) this.addPeer(p) })
  }

  onReject (session: FetchSession, index: number, reason: ChunkFrame.RejectReason): void {
    this.#release(session, index)
    if (reason === ChunkFrame.RejectReason.ELSEWHERE) {
      this.#rejects[index] = Math.min(255, this.#rejects[index] + 1)
      this.#avoidUntil.set(avoidKey(session, index), Date.now() + REJECT_BACKOFF_MS)
    } else if (reason === ChunkFrame.RejectReason.NOT_HELD) {
      // The remote lost it (e.g. found it corrupt on read): stop counting it there.
      if (session.remote.clear(index)) this.#availability[index]--
    } else {
      this.#avoidUntil.set(avoidKey(session, index), Date.now() + REJECT_BACKOFF_MS)
    }
    this.#schedule()
  }

  onPiece (session: FetchSession, index: number, piece: ReceivedPiece): void {
    this.#release(session, index)
    if (!this.#file.stored.has(index) && !this.#writing.has(index)) {
      this.#writing.set(index, session.peer.toString())
      // Success is counted in onStored (the store's 'chunk' event), which runs before write() resolves.
      this.#file.stored.write(index, piece.data, { signal: this.#controller.signal }).catch((err) => {
        if (err instanceof ChunkHashMismatchError) this.#blame(session, index)
        else if (!this.#controller.signal.aborted) this.#done.reject(err)
      }).finally(() => {
        // The store keeps no reference to the bytes once write() settles (StoredFile.write).
        piece.release()
        this.#writing.delete(index)
        this.#schedule()
      })
    } else {
      piece.release()
    }
    this.#schedule()
  }

  onClose (session: FetchSession): void {
    const key = session.peer.toString()
    if (this.#sessions.get(key) !== session) return
    this.#sessions.delete(key)
    for (const index of session.remote.indices()) this.#availability[index]--
    for (const index of session.pending.keys()) this.#release(session, index)
    session.pending.clear()
    if (!this.#banned.has(key) && this.#missing.size > 0 && !this.#controller.signal.aborted) {
      // The peer may come back (restart): try again after a pause, within the dial budget.
      void sleep(REDIAL_BACKOFF_MS, this.#controller.signal).then(() => { this.addPeer(session.peer) }, () => {})
    }
    this.#schedule()
  }

  #blame (session: FetchSession, index: number): void {
    const key = session.peer.toString()
    const failures = (this.#failures.get(key) ?? 0) + 1
    this.#failures.set(key, failures)
    this.#log('chunk %d from %p failed its hash (%d)', index, session.peer, failures)
    this.#file.blamed(session.peer, index)
    if (failures >= BAN_AFTER_FAILURES && !this.#banned.has(key)) {
      this.#banned.add(key)
      this.#log('banning %p for %s', session.peer, this.#file.info.key)
      session.abort(new ChunkHashMismatchError(`banned after ${failures} bad chunks`))
    }
  }

  #release (session: FetchSession, index: number): void {
    const holders = this.#inflight.get(index)
    if (holders == null) return
    holders.delete(session)
    if (holders.size === 0) this.#inflight.delete(index)
  }

  /** Fills every session's pipeline. Cheap when nothing can be asked. */
  #schedule (): void {
    if (this.#missing.size === 0 || this.#controller.signal.aborted) return
    // The disk sets the pace when it is slower than the links: what is received and not yet durable is lost if we die.
    if (this.#writing.size >= MAX_WRITES_IN_FLIGHT) return
    const { manifest } = this.#file.info
    const now = Date.now()
    // Endgame once everything missing is already asked for (an estimate: duplicates count twice).
    const endgame = this.#inflight.size + this.#writing.size >= this.#missing.size
    for (const session of this.#sessions.values()) {
      if (session.closed || this.#banned.has(session.peer.toString())) continue
      while (session.pending.size < session.pipeline) {
        const eligible = (index: number): boolean => {
          if (this.#writing.has(index) || session.pending.has(index)) return false
          const until = this.#avoidUntil.get(avoidKey(session, index))
          if (until !== undefined && until > now) return false
          const inflight = this.#inflight.get(index)?.size ?? 0
          return endgame ? inflight < ENDGAME_DUPLICATES : inflight === 0
        }
        const index = this.#picker.pick({ missing: this.#missing.items, remote: session.remote, availability: this.#availability, eligible })
        if (index === undefined) break
        let holders = this.#inflight.get(index)
        if (holders == null) this.#inflight.set(index, holders = new Set())
        holders.add(session)
        // Urgent: the remote told us to go elsewhere, but no one else has it.
        const urgent = this.#rejects[index] >= URGENT_AFTER_REJECTS && this.#availability[index] <= 1
        this.#requested[index] = 1
        session.request(index, chunkLength(manifest, index), urgent)
      }
    }
  }

  #tick (): void {
    const now = Date.now()
    for (const session of this.#sessions.values()) {
      const { expired, stalled } = reviewSession(session, now)
      for (const index of expired) {
        session.cancel(index)
        this.#release(session, index)
        this.#avoidUntil.set(avoidKey(session, index), now + STALL_TIMEOUT_MS)
      }
      if (stalled) this.#log('%p stalled; its requests move to other peers', session.peer)
    }
    for (const [key, until] of this.#avoidUntil) if (until <= now) this.#avoidUntil.delete(key)
    if (this.#sessions.size === 0 && !this.#dialer.busy && this.#missing.size > 0 && this.#noPeerLeft()) {
      this.#done.reject(new NoSourcesError(`no peer can supply the remaining ${this.#missing.size} chunks of ${this.#file.info.key}`))
    }
    this.#schedule()
  }

  /** True when no peer is left to try: every known peer is banned or out of dial attempts. */
  #noPeerLeft (): boolean {
    return !this.#dialer.attemptsLeft && this.#dialer.unreached + this.#banned.size > 0
  }

  #progress (): void {
    const now = Date.now()
    const total = this.#file.info.manifest
    if (this.#missing.size > 0 && now - this.#lastProgress < PROGRESS_INTERVAL_MS) return
    this.#lastProgress = now
    const chunks = chunkCount(total) - this.#missing.size
    this.#init.onProgress?.({
      fileKey: this.#file.info.key,
      chunks,
      totalChunks: chunkCount(total),
      bytes: this.#file.stored.verifiedBytes,
      totalBytes: total.size
    })
  }
}

function avoidKey (session: FetchSession, index: number): string {
  return `${session.peer.toString()}/${index}`
}
