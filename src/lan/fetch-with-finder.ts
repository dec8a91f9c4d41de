import type { CID } from 'multiformats/cid'
import { NoSourcesError } from '../errors.js'
import type { FetchOptions, FetchResult, Swarm } from '../swarm/index.js'
import { sleep } from '../util/sleep.js'
import { FIND_FIRST_ATTEMPTS, FIND_FIRST_RETRY_MS, FINDER_REFRESH_MS } from './constants.js'
import type { Holder, HolderFinder } from './holder-finder.js'

export interface FinderFetchOptions extends FetchOptions {
  /** Called with each set of holders found (for logs and events). */
  onHolders?(holders: Holder[]): void
}

/**
 * Downloads a file from the peers given and from the holders the finder turns
 * up (tracker hints, LAN peers, DHT providers). Without a given peer it waits
 * for a first holder (the manifest comes from one), then keeps looking every
 * FINDER_REFRESH_MS and adds whoever is new to the running download.
 */
export async function fetchWithFinder (swarm: Swarm, finder: HolderFinder, file: CID, options: FinderFetchOptions = {}): Promise<FetchResult> {
  const key = file.toString()
  const given = options.peers ?? []
  let holders: Holder[] = []
  for (let attempt = 1; attempt <= FIND_FIRST_ATTEMPTS; attempt++) {
    holders = await finder.find(file, { signal: options.signal })
    options.onHolders?.(holders)
    if (holders.length > 0 || given.length > 0) break
    if (attempt < FIND_FIRST_ATTEMPTS) await sleep(FIND_FIRST_RETRY_MS, options.signal)
  }
  if (holders.length === 0 && given.length === 0) {
    throw new NoSourcesError(`no holder of ${key} found (tracker, LAN or DHT) after ${FIND_FIRST_ATTEMPTS} tries`)
  }
  let looking = false
  const refresher = setInterval(() => {
    if (looking) return
    looking = true
    finder.find(file, { signal: options.signal })
      .then(async (found) => {
        options.onHolders?.(found)
        await swarm.addPeers(key, found.flatMap((h) => h.addrs))
      })
      .catch(() => {})
      .finally(() => { looking = false })
  }, FINDER_REFRESH_MS)
  try {
    return await swarm.fetch(file, { ...options, peers: [...given, ...holders.flatMap((h) => h.addrs)] })
  } finally {
    clearInterval(refresher)
  }
}
