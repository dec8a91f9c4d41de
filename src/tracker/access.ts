import { readFile } from 'node:fs/promises'
import type { Logger, PeerId } from '@libp2p/interface'
import { InvalidArgumentError } from '../errors.js'
import { AllowlistFile } from '../node/allowlist.js'
import { TrackerAuth } from './auth.js'
import { ClientTokens } from './tokens.js'
import { checkHttpToken, type HttpAuthInit } from './http-auth.js'

/** How often allowlist files are checked for changes: an edit takes effect within this (plus a heartbeat on servers). */
export const ALLOWLIST_RELOAD_MS = 2_000

export interface TrackerAccessOptions {
  /** File of server PeerIds (one per line): only they may register, heartbeat, announce, report results. */
  allowServersFile?: string
  /** File of client PeerIds: only they may upload and make operator calls (replicate, prefetch, commit). */
  allowClientsFile?: string
  /** Private swarm: only listed peers may connect at all (gater, after Noise). Needs a list. */
  private?: boolean
  /** File holding the bearer token for HTTP calls that change state (and for reads when not public). */
  httpTokenFile?: string
  /** Status reads without a token (default true). */
  publicStatus?: boolean
}

/**
 * The tracker's access control, assembled from its options: the role
 * allowlists (watched files), the connection rule of a private swarm and
 * the HTTP authorisation.
 */
export class TrackerAccess {
  readonly auth: TrackerAuth
  readonly http: HttpAuthInit
  /** The gater's rule when the swarm is private; undefined = anyone may connect. */
  readonly allow?: (peer: PeerId) => boolean
  /** Called after a list file changed (the tracker closes connections the new lists refuse). */
  onChange: () => void = () => {}
  readonly #files: AllowlistFile[]

  private constructor (auth: TrackerAuth, http: HttpAuthInit, isPrivate: boolean, files: AllowlistFile[]) {
    this.auth = auth
    this.http = http
    this.allow = isPrivate ? (peer) => auth.mayConnect(peer) : undefined
    this.#files = files
  }

  /** `dataDir` holds the client-token secret (tokens.ts; created on first use). */
  static async open (options: TrackerAccessOptions, log: Logger, dataDir?: string): Promise<TrackerAccess> {
    // Private: only listed peers connect, so a missing server list would lock every server out.
    if (options.private === true && options.allowServersFile == null) {
      throw new InvalidArgumentError('a private tracker needs --allow-servers (and --allow-clients for clients): only listed peers may connect')
    }
    const files: AllowlistFile[] = []
    let access: TrackerAccess | undefined
    const open = async (path: string | undefined): Promise<AllowlistFile | undefined> => {
      if (path == null) return undefined
      const file = await AllowlistFile.open(path, {
        intervalMs: ALLOWLIST_RELOAD_MS,
        onError: (err) => { log.error('allowlist %s not reloaded (the last good one stays): %s', path, err.message) },
        onChange: () => {
          log('allowlist %s changed: %d entries', path, file.list.size)
          access?.onChange()
        }
      })
      files.push(file)
      return file
    }
    try {
      const servers = await open(options.allowServersFile)
      const clients = await open(options.allowClientsFile)
      const token = options.httpTokenFile == null ? undefined : checkHttpToken(await readFile(options.httpTokenFile, 'utf8'), options.httpTokenFile)
      if (options.publicStatus === false && token == null) throw new InvalidArgumentError('a private status API needs --http-token-file')
      const tokens = dataDir == null ? undefined : await ClientTokens.open(dataDir)
      access = new TrackerAccess(new TrackerAuth({ servers: servers?.list, clients: clients?.list, tokens }), { token, publicReads: options.publicStatus !== false }, options.private === true, files)
      return access
    } catch (err) {
      for (const f of files) f.stop()
      throw err
    }
  }

  stop (): void {
    for (const f of this.#files) f.stop()
  }
}
