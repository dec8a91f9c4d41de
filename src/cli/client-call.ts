import { createClient, type ShoalClient } from '../client/client.js'
import { readFile } from 'node:fs/promises'
import { InvalidArgumentError } from '../errors.js'
import { parseMultiaddr, required } from './args.js'

/** Client options every client command takes. */
export const CLIENT_OPTIONS = {
  tracker: { type: 'string' },
  subnet: { type: 'string' },
  network: { type: 'string' },
  identity: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' }
} as const

/** Largest token file read: a token is a few hundred characters. */
const MAX_TOKEN_FILE_BYTES = 4096

/**
 * The client token from --token or --token-file (a file keeps it out of the
 * process list and the shell history); undefined when neither is given.
 */
export async function tokenFromArgs (values: { token?: string, 'token-file'?: string }): Promise<string | undefined> {
  if (values.token != null && values['token-file'] != null) throw new InvalidArgumentError('give --token or --token-file, not both')
  if (values['token-file'] == null) return values.token
  const text = await readFile(values['token-file'], 'utf8').catch((err) => { throw new InvalidArgumentError(`--token-file ${values['token-file'] as string}: ${String(err.message)}`) })
  if (text.length > MAX_TOKEN_FILE_BYTES) throw new InvalidArgumentError(`--token-file ${values['token-file']}: larger than ${MAX_TOKEN_FILE_BYTES} bytes`)
  return text.trim()
}

/** Exit code after SIGINT/SIGTERM, as shells report a signal (128 + 2). */
export const EXIT_INTERRUPTED = 130

/**
 * Runs `fn` with a client of the tracker named by --tracker. SIGINT/SIGTERM
 * abort the operation (a download keeps its partial file, an upload its
 * chunks on the server, so running the command again resumes), and the
 * client's node is always stopped.
 */
export async function withClient (values: { tracker?: string, subnet?: string, network?: string, identity?: string, token?: string, 'token-file'?: string }, fn: (client: ShoalClient, signal: AbortSignal) => Promise<number>): Promise<number> {
  const tracker = parseMultiaddr(required(values.tracker, 'tracker'), '--tracker')
  const client = await createClient({ tracker, subnet: values.subnet, network: values.network, identity: values.identity, token: await tokenFromArgs(values) })
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
