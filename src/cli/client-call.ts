import { createClient, type ShoalClient } from '../client/client.js'
import { parseMultiaddr, required } from './args.js'

/** Client options every client command takes. */
export const CLIENT_OPTIONS = {
  tracker: { type: 'string' },
  subnet: { type: 'string' },
  network: { type: 'string' }
} as const

/** Exit code after SIGINT/SIGTERM, as shells report a signal (128 + 2). */
export const EXIT_INTERRUPTED = 130

/**
 * Runs `fn` with a client of the tracker named by --tracker. SIGINT/SIGTERM
 * abort the operation (a download keeps its partial file, an upload its
 * chunks on the server, so running the command again resumes), and the
 * client's node is always stopped.
 */
export async function withClient (values: { tracker?: string, subnet?: string, network?: string }, fn: (client: ShoalClient, signal: AbortSignal) => Promise<number>): Promise<number> {
  const tracker = parseMultiaddr(required(values.tracker, 'tracker'), '--tracker')
  const client = await createClient({ tracker, subnet: values.subnet, network: values.network })
  const controller = new AbortController()
  const onSignal = (): void => { controller.abort(new Error('interrupted')) }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    return await fn(client, controller.signal)
  } catch (err) {
    if (controller.signal.aborted) {
      process.stderr.write('\ninterrupted; run the same command again to resume\n')
      return EXIT_INTERRUPTED
    }
    throw err
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await client.stop()
  }
}
