import type { Logger } from '@libp2p/interface'
import type { Limits } from '../limits.js'
import type { TrackerAccessOptions } from './access.js'
import type { EventRow } from './db.js'

export interface TrackerOptions {
  /** Holds the key (peer.key), the chunk store (blobs/) and the database (tracker.db). */
  dataDir: string
  listen?: string[]
  announce?: string[]
  httpHost?: string
  httpPort?: number
  /** Complete copies the group must hold before the tracker stops serving a file (default 1). */
  seedCopies?: number
  /** Name of the hint ranking policy (default "locality"). */
  hintPolicy?: string
  /** The tracker's own network label (README, "Locality"): "" = near every network. */
  network?: string
  /** Servers per network that fetch a file across networks before the rest of their network (default 1). */
  crossFetchers?: number
  /** Relay connections for servers that cannot be dialled directly (circuit-relay-v2, no data limit). */
  relay?: boolean
  /** Join the swarm's private DHT (a bootstrap peer for servers). */
  dht?: boolean
  /** Allowlists, private swarm and HTTP authorisation (access.ts, README, "Guarantees"). Default: open. */
  access?: TrackerAccessOptions
  /** Resource limits (limits.ts, README, "Limits"): connections, streams, per-peer rates, upload size and quota. */
  limits?: Partial<Limits>
  now?(): number
  log?: Logger
}

export interface TrackerEvents {
  /** A task event was recorded (created, acked, running, done, ...). */
  'task-event': CustomEvent<EventRow>
}
