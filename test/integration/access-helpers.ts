import type { Tracker } from '../../src/tracker/tracker.js'
import type { TestFile } from '../unit/store/fixtures.js'

/** Puts a test file into a running tracker's store and catalog (what `add --tracker` does). */
export async function importBytes (tracker: Tracker, file: TestFile): Promise<void> {
  const stored = await tracker.store.open(file.info)
  for (let i = 0; i < file.chunks; i++) await stored.write(i, file.chunk(i))
  tracker.catalog.addFile(file.info)
  await tracker.swarm.serve(file.info.key)
}

/** How often waitUntil re-checks. */
const POLL_MS = 100

/** Resolves once `test` holds; rejects after `timeoutMs`. */
export async function waitUntil (test: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await test()) return
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}
