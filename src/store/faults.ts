import { InvalidArgumentError } from '../errors.js'
import type { ChunkStore, StoredFile } from './types.js'

/**
 * TEST-ONLY fault injection: a chunk store wrapper for real server and
 * tracker processes, so the fault-*.test.ts suites can run a misbehaving
 * server as `node dist/peer.js server` (a crash or a kill is only real in a
 * real process), and the dashboard test can slow the tracker's seeding to
 * watch a task run. Read from the environment
 * variable SHOAL_FAULT, a comma-separated list; unset (the default, and the
 * only setting for production) means no fault and no wrapper at all.
 *
 * - `flip-served`: every chunk read for serving has one byte flipped after
 *   the store verified it: the server lies about every chunk it sends.
 * - `slow-served:<bytes per second>`: every chunk read for serving is held
 *   back as long as sending it at that rate would take: a trickle.
 */
export const FAULT_ENV = 'SHOAL_FAULT'

export interface Faults {
  flipServed: boolean
  /** Bytes per second; undefined = full speed. */
  slowServedBps?: number
  /** Reads of these chunks fail as a disk error would (in-process tests only; not in SHOAL_FAULT). */
  failReads?: ReadonlySet<number>
}

/** The faults named in SHOAL_FAULT, or undefined when it is unset or empty. Unknown names are an error, not ignored. */
export function faultsFromEnv (env: NodeJS.ProcessEnv = process.env): Faults | undefined {
  const spec = env[FAULT_ENV]?.trim()
  if (spec == null || spec === '') return undefined
  const faults: Faults = { flipServed: false }
  for (const item of spec.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const [name, arg] = item.split(':')
    if (name === 'flip-served') faults.flipServed = true
    else if (name === 'slow-served' && Number(arg) > 0) faults.slowServedBps = Number(arg)
    else throw new InvalidArgumentError(`${FAULT_ENV}: unknown fault "${item}" (flip-served, slow-served:<bytes/s>)`)
  }
  return faults
}

/** `store` with the faults applied to chunk reads; `store` itself when there are none. */
export function withFaults (store: ChunkStore, faults: Faults | undefined = faultsFromEnv()): ChunkStore {
  if (faults == null) return store
  const wrap = (file: StoredFile): StoredFile => new Proxy(file, {
    get (target, prop) {
      if (prop === 'read') {
        return async (index: number, options?: Parameters<StoredFile['read']>[1]) => {
          if (faults.failReads?.has(index) === true) throw Object.assign(new Error(`injected read error on chunk ${index}`), { code: 'EIO' })
          const data = await target.read(index, options)
          if (faults.slowServedBps != null) await new Promise((resolve) => setTimeout(resolve, data.byteLength / faults.slowServedBps! * 1000))
          if (!faults.flipServed) return data
          const bad = Buffer.from(data)
          bad[index % bad.byteLength] ^= 0xff
          return bad
        }
      }
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
  return {
    open: async (info, o) => wrap(await store.open(info, o)),
    get: async (key, o) => { const f = await store.get(key, o); return f == null ? undefined : wrap(f) },
    list: async (o) => store.list(o),
    summary: async (key, o) => store.summary(key, o),
    delete: async (key, o) => store.delete(key, o),
    close: async () => store.close()
  }
}
