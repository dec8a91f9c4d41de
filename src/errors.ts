/**
 * Named errors a caller can branch on (`err.name`), and that the CLI turns into
 * one line for a person. Tests assert on `.name`, never on message text.
 */
export class ShoalError extends Error {
  static override name = 'ShoalError'
  override name = 'ShoalError'
}

function named (name: string): typeof ShoalError {
  return class extends ShoalError {
    static override name = name
    override name = name
  }
}

/** Bad command-line or API input. */
export class InvalidArgumentError extends named('InvalidArgumentError') {}
/** A manifest that cannot be decoded, is inconsistent, or does not match its id. */
export class InvalidManifestError extends named('InvalidManifestError') {}
/** A chunk whose bytes do not hash to the manifest's digest. */
export class ChunkHashMismatchError extends named('ChunkHashMismatchError') {}
/** A chunk index or byte range outside the file. */
export class OutOfRangeError extends named('OutOfRangeError') {}
/** A chunk asked for that the store does not hold. */
export class ChunkNotHeldError extends named('ChunkNotHeldError') {}
/** A file id unknown to this store or peer. */
export class UnknownFileError extends named('UnknownFileError') {}
/** A frame that is too large, truncated, or not a valid message. */
export class ProtocolError extends named('ProtocolError') {}
/** A wait that ran past its deadline. */
export class TimeoutError extends named('TimeoutError') {}
/** The remote refused a request (see `reason`). */
export class RejectedError extends named('RejectedError') {}
/** No peer could supply the remaining chunks. */
export class NoSourcesError extends named('NoSourcesError') {}
/** The store was closed while an operation was running. */
export class StoreClosedError extends named('StoreClosedError') {}
/** The running Node.js is too old. */
export class UnsupportedRuntimeError extends named('UnsupportedRuntimeError') {}
/** A peer asked for something it may not do (e.g. a task pushed by a peer that is not our tracker). */
export class NotAllowedError extends named('NotAllowedError') {}
/** A task id that the tracker or server does not know. */
export class UnknownTaskError extends named('UnknownTaskError') {}
/** A server PeerId that the tracker's registry does not know. */
export class UnknownServerError extends named('UnknownServerError') {}
/** The caller must register with the tracker first. */
export class NotRegisteredError extends named('NotRegisteredError') {}
/** A task state change the state machine does not allow. */
export class InvalidTransitionError extends named('InvalidTransitionError') {}
/** The remote failed on its side (it answered with an internal error). */
export class RemoteError extends named('RemoteError') {}
/** A task could not be carried out (see the message for why). */
export class TaskFailedError extends named('TaskFailedError') {}
/** The tracker could not be reached (dial failed or it did not answer in time). */
export class TrackerUnreachableError extends named('TrackerUnreachableError') {}
/** No ingest server (nor the tracker) could take an upload: none offered, or none answered its probe. */
export class NoIngestServerError extends named('NoIngestServerError') {}
/** The local disk (or the remote's) is full. */
export class DiskFullError extends named('DiskFullError') {}
/** An upload did not finish: the ingest server failed or kept dropping the streams. */
export class UploadFailedError extends named('UploadFailedError') {}
/** A download did not finish: no peer and no fallback source could supply the remaining chunks. */
export class DownloadFailedError extends named('DownloadFailedError') {}
/** A client token that is forged, damaged, expired, revoked or bound to another PeerId (tracker/tokens.ts). */
export class InvalidTokenError extends named('InvalidTokenError') {}
/** An upload larger than the receiver takes, or one that would exceed its ingest quota (limits.ts). */
export class QuotaExceededError extends named('QuotaExceededError') {}
