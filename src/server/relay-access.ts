import type { Logger, PeerId } from '@libp2p/interface'
import type { CircuitRelayService } from '@libp2p/circuit-relay-v2'
import { InvalidArgumentError } from '../errors.js'
import { AllowlistFile } from '../node/allowlist.js'
import { LOCAL_ALLOWLIST_RELOAD_MS, type Membership } from './membership.js'

/**
 * Throws InvalidArgumentError unless a relay's options name who may use it:
 * a relay needs an allowlist file or a private swarm, and the file needs the
 * relay. Checked before a server creates anything.
 */
export function checkRelayGate (o: { relay?: boolean, allowFile?: string, isPrivate: boolean }): void {
  if (o.allowFile != null && o.relay !== true) throw new InvalidArgumentError('a relay allowlist (--relay-allow) needs the relay (--relay)')
  if (o.relay === true && o.allowFile == null && !o.isPrivate) {
    throw new InvalidArgumentError('a relay on a server that is not private needs --relay-allow FILE (the peers that may listen through it); without a list it would carry anyone\'s traffic without limit')
  }
}

export interface RelayAccessInit {
  /** `--relay-allow FILE`: PeerIds (one per line) that may reserve, re-read when the file changes. */
  allowFile?: string
  /** A private server's members (the tracker's list, the tracker and --allow): they may reserve too. */
  members?: Membership
  log: Logger
}

/**
 * Who may make a reservation on a server's relay, that is, listen through
 * it so that others reach them by way of this server.
 *
 * circuit-relay-v2 carries a connection only to a peer that holds a
 * reservation, and Shoal's relay sets no data or time limit on it (a chunk
 * stream needs neither). So the reservation is the gate: a relay that took
 * anyone's reservation would carry any traffic to anyone, without limit.
 * Reservations are taken from the PeerIds in `allowFile` and, on a private
 * server, from the swarm's members. A server that is not private must have
 * the file (`InvalidArgumentError` otherwise). When the list changes, a
 * reservation held by a peer no longer on it is dropped: no new connection
 * reaches that peer through us (those open stay open).
 */
export class RelayAccess {
  readonly #file: AllowlistFile | undefined
  readonly #members: Membership | undefined
  #relay?: CircuitRelayService
  readonly #log: Logger

  private constructor (file: AllowlistFile | undefined, init: RelayAccessInit) {
    this.#file = file
    this.#members = init.members
    this.#log = init.log
  }

  static async open (init: RelayAccessInit): Promise<RelayAccess> {
    checkRelayGate({ relay: true, allowFile: init.allowFile, isPrivate: init.members != null })
    let access: RelayAccess | undefined
    const file = init.allowFile == null
      ? undefined
      : await AllowlistFile.open(init.allowFile, {
        intervalMs: LOCAL_ALLOWLIST_RELOAD_MS,
        onError: (err) => { init.log.error('relay allowlist %s not reloaded (the last good one stays): %s', init.allowFile, err.message) },
        onChange: () => { access?.revoke() }
      })
    access = new RelayAccess(file, init)
    return access
  }

  /** For the connection gater: whether `peer` may reserve. */
  readonly mayReserve = (peer: PeerId): boolean =>
    this.#file?.list.has(peer) === true || this.#members?.allow(peer) === true

  /** The node's relay service, once the node exists: revoke() drops its reservations. */
  set relay (relay: CircuitRelayService | undefined) { this.#relay = relay }

  /** Drops every reservation whose holder may no longer reserve. */
  revoke (): void {
    const reservations = this.#relay?.reservations
    if (reservations == null) return
    let dropped = 0
    for (const peer of [...reservations.keys()]) {
      if (this.mayReserve(peer)) continue
      reservations.delete(peer)
      dropped++
    }
    if (dropped > 0) this.#log('relay: dropped %d reservation(s) of peers no longer allowed', dropped)
  }

  stop (): void {
    this.#file?.stop()
  }
}
