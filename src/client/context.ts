import type { Logger, TypedEventTarget } from '@libp2p/interface'
import type { ShoalNode } from '../node/index.js'
import type { TrackerClient } from '../server/tracker-client.js'
import type { ClientEvents } from './types.js'

/** What the client's operations (upload, download) share: its node, its tracker, where it is, where events go. */
export interface ClientContext {
  node: ShoalNode
  tracker: TrackerClient
  /** The tracker's multiaddr as given, for error messages. */
  trackerAddr: string
  subnet: string
  network: string
  log: Logger
  events: TypedEventTarget<ClientEvents> & { safeDispatchEvent<K extends keyof ClientEvents>(type: K, init?: { detail: ClientEvents[K]['detail'] }): boolean }
}
