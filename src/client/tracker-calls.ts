import { ShoalError, TrackerUnreachableError } from '../errors.js'

/**
 * Runs a tracker call and tells "the tracker said no" (a named error whose
 * message starts with "tracker: ", from its error reply) from "the tracker
 * could not be reached" (dial failure, timeout, a stream cut): the latter
 * becomes TrackerUnreachableError naming the address.
 */
export async function trackerCall<T> (addr: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await call()
  } catch (err: any) {
    if (signal?.aborted === true) throw err
    if (err instanceof ShoalError && err.message.startsWith('tracker: ')) throw err
    throw new TrackerUnreachableError(`tracker ${addr} unreachable: ${String(err.message ?? err)}`)
  }
}
