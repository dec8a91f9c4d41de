import {
  InvalidArgumentError, InvalidManifestError, InvalidTokenError, NotAllowedError, NotRegisteredError, ProtocolError, RemoteError,
  ShoalError, UnknownFileError, UnknownServerError, UnknownTaskError
} from '../errors.js'
import { TrackerError } from '../pb/tracker.js'

const { Code } = TrackerError

/** The wire code for an error a tracker handler threw; anything unnamed is INTERNAL. */
export function codeOf (err: unknown): TrackerError.Code {
  const name = (err as Error)?.name
  switch (name) {
    case InvalidArgumentError.name:
    case InvalidManifestError.name:
    case ProtocolError.name:
      return Code.BAD_REQUEST
    case UnknownFileError.name: return Code.UNKNOWN_FILE
    case UnknownTaskError.name: return Code.UNKNOWN_TASK
    case UnknownServerError.name: return Code.UNKNOWN_SERVER
    case NotAllowedError.name: return Code.NOT_ALLOWED
    case NotRegisteredError.name: return Code.NOT_REGISTERED
    case InvalidTokenError.name: return Code.INVALID_TOKEN
    default: return Code.INTERNAL
  }
}

/** The named error a caller sees for a tracker's error reply, so it can branch on `.name`. */
export function errorOf (e: TrackerError): ShoalError {
  const message = `tracker: ${e.message === '' ? e.code : e.message}`
  switch (e.code) {
    case Code.BAD_REQUEST: return new ProtocolError(message)
    case Code.UNSUPPORTED: return new ProtocolError(message)
    case Code.UNKNOWN_FILE: return new UnknownFileError(message)
    case Code.UNKNOWN_TASK: return new UnknownTaskError(message)
    case Code.UNKNOWN_SERVER: return new UnknownServerError(message)
    case Code.NOT_ALLOWED: return new NotAllowedError(message)
    case Code.NOT_REGISTERED: return new NotRegisteredError(message)
    case Code.INVALID_TOKEN: return new InvalidTokenError(message)
    default: return new RemoteError(message)
  }
}
