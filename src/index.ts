/**
 * Shoal as a library: embed a task server (or just the swarm) in a Node service.
 *
 * @example
 *
 * ```ts
 * import { createServer, manifestFromFile, importFile } from 'shoal'
 *
 * const seed = await createServer({ dataDir: '/var/lib/shoal/a', listen: ['/ip4/0.0.0.0/tcp/4001'] })
 * const info = await manifestFromFile('/srv/big.iso')
 * await importFile(seed.store, '/srv/big.iso', info)
 *
 * const peer = await createServer({ dataDir: '/var/lib/shoal/b' })
 * const result = await peer.swarm.fetch(info.key, { peers: [seed.multiaddrs()[0]], signal: AbortSignal.timeout(600_000) })
 * ```
 *
 * Or, against a tracker and its servers, the client (README, "Client"):
 *
 * ```ts
 * import { createClient } from 'shoal'
 *
 * const client = await createClient({ tracker: '/ip4/10.0.0.1/tcp/4001/p2p/12D3KooW...' })
 * const { fileId, taskId } = await client.upload('/srv/big.iso')
 * await client.download(fileId, '/tmp/big.iso')
 * ```
 */
export * from './errors.js'
export { DEFAULT_LIMITS, LIMIT_NAMES, resolveLimits, type Limits } from './limits.js'
export * from './manifest/index.js'
export * from './store/index.js'
export * from './swarm/index.js'
export { createShoalNode, loadOrCreateKey, loadIdentity, type ShoalNode, type ShoalNodeOptions } from './node/index.js'
export { createServer, ShoalServer, type ServerFetchResult, type ServerOptions } from './server/server.js'
export { parseSize, formatBytes } from './util/units.js'
export { createTracker, Tracker, type TrackerOptions } from './tracker/tracker.js'
export { ClientTokens, type TokenClaims } from './tracker/tokens.js'
export { HolderFinder, Locality, fetchWithFinder, type Holder, type HolderSource, type LocalityOptions } from './lan/index.js'
export * from './client/index.js'
