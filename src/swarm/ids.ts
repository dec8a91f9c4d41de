import { CID } from 'multiformats/cid'
import { ProtocolError } from '../errors.js'

/** The string key of a file id received on the wire. */
export function fileKeyFromBytes (bytes: Uint8Array): string {
  try {
    return CID.decode(bytes).toString()
  } catch {
    throw new ProtocolError('frame carries no valid file id')
  }
}
