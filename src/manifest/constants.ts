/** Manifest format version written by this code. */
export const MANIFEST_VERSION = 1

/**
 * Default chunk size: 1 MiB. Measured on loopback (README, "Chunk size"): 1 MiB
 * keeps per-chunk overhead (header, hash, fsync, request round trip) under a few
 * percent at 150+ MiB/s while a 256 MiB file still has 256 chunks to spread
 * across a swarm; 4 MiB was no faster and makes stalls cost more.
 */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024

/** Smallest chunk size accepted: 16 KiB (smaller makes the manifest larger than useful). */
export const MIN_CHUNK_SIZE = 16 * 1024

/** Largest chunk size accepted: 16 MiB, so one chunk always fits in memory comfortably. */
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024

/** Most chunks in one file: 2^20, so a bitfield is at most 128 KiB (1 TiB at 1 MiB chunks). */
export const MAX_CHUNKS = 1 << 20

/** Bytes of one SHA-256 digest. */
export const HASH_BYTES = 32

/** Largest encoded manifest: every chunk hash plus room for the name and fields. */
export const MAX_MANIFEST_BYTES = MAX_CHUNKS * HASH_BYTES + 64 * 1024

/** Longest file name kept in a manifest, in bytes. */
export const MAX_NAME_BYTES = 1024

/** Read buffer used while chunking a file from disk. */
export const HASH_READ_BYTES = 4 * 1024 * 1024
