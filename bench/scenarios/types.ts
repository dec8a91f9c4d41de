/** What a scenario gets from the harness and what it hands back. */
import type { ProcessGroup } from '../lib/procs.js'
import type { Series } from '../lib/svg.js'
import type { Testbed } from '../lib/testbed.js'

export interface SourceFile { path: string, size: number, sha256: string }

export interface ScenarioContext {
  repoRoot: string
  testbed: Testbed
  file: SourceFile
  /** Scratch directory of this scenario; removed by the harness afterwards. */
  workDir: string
  /** Hard limit for the transfer phase, from the moment receivers start. */
  timeoutMs: number
  procs: ProcessGroup
  /** Call once the origin is ready and receivers are about to start. */
  begin: () => void
  /** Call when every receiver finished or the time limit hit, before verification. */
  end: () => void
  /** Milliseconds since begin(). */
  elapsedMs: () => number
  log: (msg: string) => void
  /** Shoal only: give receivers every receiver's address, not just the origin's. */
  shoalFullMesh: boolean
  /** Two-network scenarios: the link between the LANs, bits per second each way. */
  crossRateBps: number
}

export interface ReceiverOutcome {
  name: string
  /** Completion time since scenario start, null if it never completed. */
  seconds: number | null
  /** SHA-256 of the received file matched the source. */
  verified: boolean
  /** Bytes received by the end (file size on completion, last progress otherwise). */
  bytes: number
  error?: string
}

export interface ScenarioOutcome {
  receivers: ReceiverOutcome[]
  series: Series[]
  /** Application-level byte counters some scenarios expose (e.g. Shoal's stats events). */
  appBytesSent?: Record<string, number>
  /** Set instead of running when a prerequisite is missing. */
  skipped?: string
  /** Scenarios that build their own network: the origin's wire bytes (the harness's testbed origin is idle then). */
  originTxBytes?: number
  /** Two-network scenarios: bytes that crossed the link between the LANs, both directions, headers included. */
  crossLinkBytes?: number
  notes: string[]
}

export interface Scenario {
  name: string
  run: (ctx: ScenarioContext) => Promise<ScenarioOutcome>
}
