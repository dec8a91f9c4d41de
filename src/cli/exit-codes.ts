/**
 * Exit codes, so scripts can tell failures apart without parsing the message.
 * 1 stays the catch-all; 2 is bad usage (as most Unix tools).
 */
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
export const EXIT_TRACKER_UNREACHABLE = 3
export const EXIT_UNKNOWN_FILE = 4
export const EXIT_DISK_FULL = 5
export const EXIT_CHECKSUM_MISMATCH = 6

const BY_NAME: Record<string, number> = {
  TrackerUnreachableError: EXIT_TRACKER_UNREACHABLE,
  UnknownFileError: EXIT_UNKNOWN_FILE,
  UnknownTaskError: EXIT_UNKNOWN_FILE,
  DiskFullError: EXIT_DISK_FULL,
  ChunkHashMismatchError: EXIT_CHECKSUM_MISMATCH
}

/** The exit code for an error that is not a usage error. */
export function exitCodeFor (err: { name?: string }): number {
  return BY_NAME[err.name ?? ''] ?? EXIT_FAILURE
}
