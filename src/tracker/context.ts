import type { Logger, PeerId } from '@libp2p/interface'
import type { ShoalNode } from '../node/index.js'
import type { TrackerRequest, TrackerResponse } from '../pb/tracker.js'
import type { ChunkStore } from '../store/types.js'
import type { Swarm } from '../swarm/index.js'
import type { TrackerAuth } from './auth.js'
import type { Rescues } from './rescue.js'
import type { Catalog } from './catalog.js'
import type { HintPolicy } from './hints.js'
import type { NetworkPlan } from './network-plan.js'
import type { Registry } from './registry.js'
import type { RelayGrants } from './relay-offer.js'
import type { TaskManager } from './task-manager.js'

/** What the tracker's request handlers share. */
export interface TrackerContext {
  readonly node: ShoalNode
  readonly store: ChunkStore
  readonly swarm: Swarm
  readonly registry: Registry
  readonly catalog: Catalog
  readonly tasks: TaskManager
  readonly hintPolicy: HintPolicy
  readonly seedCopies: number
  readonly heartbeatIntervalMs: number
  readonly heartbeatTimeoutMs: number
  readonly log: Logger
  /** True while the tracker still serves the file (fewer than seedCopies complete copies live). */
  seeding(fileKey: string): boolean
  /** A server registered: measure its RTT, push it any waiting tasks. */
  onRegistered(peerId: PeerId): void
  /** New work for the dispatcher: look for tasks to push now rather than at the next tick. */
  kick(): void
  /** A file joined the catalog. */
  onFileAdded(fileKey: string): void
  /** Network-aware distribution: who fetches across networks, and whose hints stay inside. */
  readonly networkPlan?: NetworkPlan
  /** Base URL of the tracker's HTTP server (it serves /blobs/ too); empty before it listens. */
  httpUrl(): string
  /** Who may make which calls (allowlists); undefined = an open tracker. */
  readonly auth?: TrackerAuth
  /** Servers that reported a liar: the tracker serves them itself (rescue.ts). */
  readonly rescues?: Rescues
  /** Clients a FALLBACK answer offered relays to: the tracker's relay carries them to those holders (relay-offer.ts). */
  readonly relayGrants?: RelayGrants
}

/** One request type's handler: the caller is the stream's authenticated remote peer. */
export type Handler = (ctx: TrackerContext, caller: PeerId, request: TrackerRequest) => Promise<TrackerResponse> | TrackerResponse
