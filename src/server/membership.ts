import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger, PeerId } from '@libp2p/interface'
import { Allowlist, AllowlistFile, parseAllowlist } from '../node/allowlist.js'
import { InvalidArgumentError } from '../errors.js'
import type { Members } from '../pb/tracker.js'

/** Where a private server keeps the tracker's last member list, so a restart during a tracker outage still admits the swarm. */
export const MEMBERS_FILE = 'members.json'

export interface MembershipInit {
  dataDir: string
  /** The tracker: always a member (the server must reach it to learn the rest). */
  tracker?: PeerId
  /** The operator's own list (`--allow FILE`), on top of the tracker's. */
  local?: Allowlist
  log: Logger
  /** The list changed: close connections it no longer admits. */
  onChange(): void
}

/**
 * A private server's view of who belongs to the swarm: the tracker, the
 * member list the tracker sends (REGISTER and HEARTBEAT answers carry it
 * when it changed) and the local --allow list. The tracker's list is kept on
 * disk too. It is the server's connection gater rule, and its `clients` part
 * says who may upload.
 */
export class Membership {
  readonly members = new Allowlist()
  readonly clients = new Allowlist()
  readonly #init: MembershipInit
  #digest = ''
  /** The tracker keeps a client list: only those clients may upload here. */
  #clientsListed = false
  /** Saves run one after another, so an older list never lands last. */
  #saving: Promise<void> = Promise.resolve()

  constructor (init: MembershipInit) {
    this.#init = init
  }

  /** Digest of the tracker's list held ("" before the first one): sent with each heartbeat. */
  get digest (): string { return this.#digest }

  readonly allow = (peer: PeerId): boolean =>
    this.#init.tracker?.equals(peer) === true || this.members.has(peer) || this.#init.local?.has(peer) === true

  /** Whether `peer` may upload to us (ingest): an authorised client, when the tracker keeps a client list. */
  readonly mayUpload = (peer: PeerId): boolean => !this.#clientsListed || this.clients.has(peer)

  /** Restores the list saved by an earlier run; a missing or damaged file leaves it empty. */
  async load (): Promise<void> {
    try {
      const saved = JSON.parse(await readFile(join(this.#init.dataDir, MEMBERS_FILE), 'utf8'))
      this.#apply({ peerIds: parseAllowlist((saved.peerIds ?? []).join('\n')), clients: parseAllowlist((saved.clients ?? []).join('\n')), clientsListed: saved.clientsListed === true, digest: String(saved.digest ?? '') })
    } catch (err: any) {
      if (err.code !== 'ENOENT') this.#init.log('saved member list ignored: %s', err.message)
    }
  }

  /** Where changes go (set once the node exists: it closes connections the list no longer admits). */
  set onChange (fn: () => void) { this.#init.onChange = fn }

  /** The local list changed. */
  changed (): void { this.#init.onChange() }

  /** A list from the tracker. */
  update (m: Members): void {
    if (m.digest === this.#digest) return
    let ids: string[]
    let clients: string[]
    try {
      ids = parseAllowlist(m.peerIds.join('\n'), 'member list')
      clients = parseAllowlist(m.clients.join('\n'), 'member list')
    } catch (err: any) {
      this.#init.log.error('the tracker sent a bad member list (kept the old one): %s', err.message)
      return
    }
    const saved = { peerIds: ids, clients, clientsListed: m.clientsListed, digest: m.digest }
    this.#apply(saved)
    this.#init.log('member list from the tracker: %d peers', ids.length)
    this.#init.onChange()
    this.#saving = this.#saving.then(async () => this.#save(saved))
  }

  #apply (m: Members): void {
    this.members.replace(m.peerIds)
    this.clients.replace(m.clients)
    this.#clientsListed = m.clientsListed
    this.#digest = m.digest
  }

  async #save (m: Members): Promise<void> {
    const path = join(this.#init.dataDir, MEMBERS_FILE)
    try {
      await writeFile(`${path}.tmp`, JSON.stringify(m), { flush: true })
      await rename(`${path}.tmp`, path)
    } catch (err: any) {
      this.#init.log.error('saving the member list failed: %s', err.message)
    }
  }
}

/** How often a server's --allow file is checked for changes. */
export const LOCAL_ALLOWLIST_RELOAD_MS = 2_000

export interface ServerAccessOptions {
  /** Private swarm: only the tracker, the tracker's members and `allowFile` may connect. */
  private?: boolean
  /** File of PeerIds (one per line) admitted besides the tracker's list; needed without a tracker. */
  allowFile?: string
}

/** A private server's membership and the watcher of its --allow file (stop it with the server). */
export async function openServerAccess (options: ServerAccessOptions, dataDir: string, tracker: PeerId | undefined, log: Logger): Promise<{ membership: Membership, stop(): void }> {
  if (tracker == null && options.allowFile == null) throw new InvalidArgumentError('a private server needs --tracker or --allow (who may connect)')
  let membership: Membership | undefined
  const file = options.allowFile == null
    ? undefined
    : await AllowlistFile.open(options.allowFile, {
      intervalMs: LOCAL_ALLOWLIST_RELOAD_MS,
      onError: (err) => { log.error('allowlist %s not reloaded (the last good one stays): %s', options.allowFile, err.message) },
      onChange: () => { membership?.changed() }
    })
  membership = new Membership({ dataDir, tracker, local: file?.list, log, onChange: () => {} })
  await membership.load()
  return { membership, stop: () => file?.stop() }
}
