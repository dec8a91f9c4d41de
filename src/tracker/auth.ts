import type { PeerId } from '@libp2p/interface'
import { NotAllowedError } from '../errors.js'
import type { ClientTokens } from './tokens.js'
import type { Allowlist } from '../node/allowlist.js'
import { TrackerRequest, type Members, type TrackerResponse } from '../pb/tracker.js'

const { Type } = TrackerRequest

/** Who makes a call: a task server, or a client (people's uploads, downloads and operator commands). */
export type Role = 'server' | 'client'

/**
 * The roles that may make each request. Calls only a server makes (they put
 * the caller in the registry, or claim work and holdings) are the servers';
 * uploads and operator calls (which create tasks or catalog files) are the
 * clients'; lookups are both, since servers ask for hints too. A type
 * missing here is refused whenever any allowlist is set.
 */
const ROLES: Partial<Record<TrackerRequest.Type, readonly Role[]>> = {
  [Type.REGISTER]: ['server'],
  [Type.HEARTBEAT]: ['server'],
  [Type.ANNOUNCE]: ['server'],
  [Type.TASK_RESULT]: ['server'],
  [Type.INGEST_COMMIT]: ['server'],
  [Type.UPLOAD]: ['client'],
  [Type.REPLICATE]: ['client'],
  [Type.PREFETCH]: ['client'],
  [Type.COMMIT]: ['client'],
  [Type.GET_PEERS]: ['server', 'client'],
  [Type.DOWNLOAD]: ['server', 'client'],
  [Type.FALLBACK]: ['server', 'client'],
  [Type.TASK_STATUS]: ['server', 'client'],
  [Type.LIST_FILES]: ['server', 'client'],
  [Type.LIST_TASKS]: ['server', 'client']
}

export interface TrackerAuthInit {
  /** PeerIds allowed to act as task servers; undefined = any peer. */
  servers?: Allowlist
  /** PeerIds allowed to upload and to make operator calls; undefined = any peer. */
  clients?: Allowlist
  /** Client tokens the tracker issued (tokens.ts): a valid one gives its caller the client role. */
  tokens?: ClientTokens
  now?(): number
}

/** PeerIds holding the client role by token at once: a bound on memory however many tokens are used. */
const MAX_TOKEN_GRANTS = 65_536

/**
 * Who may do what at the tracker: a server allowlist and a client allowlist
 * (files of PeerIds, re-read when they change). With neither set the tracker
 * is open, as before. With one set, the calls of that role need a listed
 * PeerId; the other role stays open. The caller is the stream's
 * Noise-authenticated PeerId, so it cannot be claimed falsely.
 *
 * The union of both lists is the private swarm's member list: sent to the
 * servers with REGISTER and HEARTBEAT answers, so their gaters admit exactly
 * the peers the tracker admits, and an edit of a list file reaches every
 * server within a heartbeat.
 */
export class TrackerAuth {
  readonly #init: TrackerAuthInit
  #members?: Members
  /**
   * Callers that showed a valid client token: its id and expiry (ms). Only the
   * tracker's own ingest endpoint reads this (an upload stream carries no
   * token; the client's UPLOAD call just showed it); tracker calls must show
   * the token every time, so a revocation counts from the next call.
   */
  readonly #granted = new Map<string, { id: string, until: number }>()

  constructor (init: TrackerAuthInit) {
    this.#init = init
  }

  /** True when some allowlist is configured. */
  get restricted (): boolean { return this.#init.servers != null || this.#init.clients != null }

  /** Whether `peer` holds `role` (true for every peer when that role has no list). */
  hasRole (peer: PeerId | string, role: Role): boolean {
    return this.#listed(peer, role) || (role === 'client' && this.byTokenOnly(peer))
  }

  /** Whether `peer` holds `role` by the allowlist (or because that role has no list). */
  #listed (peer: PeerId | string, role: Role): boolean {
    const list = role === 'server' ? this.#init.servers : this.#init.clients
    return list == null || list.has(peer)
  }

  /** True when `peer` holds the client role only by a token (not by the list), still valid and not known revoked. */
  byTokenOnly (peer: PeerId | string): boolean {
    const grant = this.#granted.get(peer.toString())
    if (grant == null) return false
    if (grant.until > (this.#init.now ?? Date.now)() && this.#init.tokens?.knownRevoked(grant.id) === false) return true
    this.#granted.delete(peer.toString())
    return false
  }

  /**
   * check(), but a caller without the role may show a client token for
   * client calls. A token that does not hold (forged, expired, revoked,
   * another PeerId's) is InvalidTokenError; nothing changes before the
   * token is verified, and only the grant (in memory) after.
   */
  async authorize (caller: PeerId, type: TrackerRequest.Type, token: string): Promise<void> {
    if (!this.restricted) return
    const roles = ROLES[type] ?? []
    if (roles.some((r) => this.#listed(caller, r))) return
    if (token !== '' && roles.includes('client') && this.#init.tokens != null) {
      const claims = await this.#init.tokens.verify(token, caller)
      this.#granted.delete(caller.toString())
      this.#granted.set(caller.toString(), { id: claims.id, until: claims.exp * 1000 })
      if (this.#granted.size > MAX_TOKEN_GRANTS) this.#granted.delete(this.#granted.keys().next().value!)
      return
    }
    this.check(caller, type)
  }

  /** Throws NotAllowedError unless the caller holds a role that may make this request. */
  check (caller: PeerId, type: TrackerRequest.Type): void {
    if (!this.restricted) return
    const roles = ROLES[type] ?? []
    if (roles.some((r) => this.#listed(caller, r))) return
    throw new NotAllowedError(`${caller.toString()} may not make ${String(type)} requests (${roles.join(' or ') || 'no'} role needed)`)
  }

  /** Private swarm: whether `peer` may connect to the tracker at all. Unlisted roles admit no one here. */
  mayConnect (peer: PeerId): boolean {
    return this.#init.servers?.has(peer) === true || this.#init.clients?.has(peer) === true
  }

  /** The member list (servers and clients), or undefined when the tracker keeps no lists. */
  members (): Members | undefined {
    if (!this.restricted) return undefined
    const servers = this.#init.servers?.list() ?? []
    const clients = this.#init.clients?.list() ?? []
    const digest = `${this.#init.servers?.digest ?? '-'}.${this.#init.clients?.digest ?? '-'}`
    if (this.#members?.digest !== digest) {
      this.#members = { peerIds: [...new Set([...servers, ...clients])].sort(), clients, clientsListed: this.#init.clients != null, digest }
    }
    return this.#members
  }

  /**
   * Adds the member list to a REGISTER answer, and to a HEARTBEAT answer when
   * the caller's copy is out of date. Only servers get it.
   */
  withMembers (caller: PeerId, request: TrackerRequest, response: TrackerResponse): TrackerResponse {
    const members = this.members()
    if (members == null || !this.hasRole(caller, 'server')) return response
    if (response.register != null) return { ...response, register: { ...response.register, members } }
    if (response.heartbeat != null && request.heartbeat?.membersDigest !== members.digest) {
      return { ...response, heartbeat: { ...response.heartbeat, members } }
    }
    return response
  }
}
