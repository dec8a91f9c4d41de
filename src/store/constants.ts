/** Folder under a store's root that holds one folder per blob, named by file id. */
export const BLOBS_DIR = 'blobs'

/** The file's bytes at their offsets; once complete, this file IS the file. */
export const DATA_FILE = 'data'

/** The canonical manifest bytes; they hash to the blob folder's name. */
export const MANIFEST_FILE = 'manifest'

/** The persisted bitfield of verified chunks (format in fs-bitfield-file.ts). */
export const BITFIELD_FILE = 'bitfield'

/** Suffix of a file being written before it is renamed into place. */
export const TMP_SUFFIX = '.tmp'

/** First bytes of a bitfield file: "SHBF". Anything else is not ours and is rechecked. */
export const BITFIELD_MAGIC = Uint8Array.of(0x53, 0x48, 0x42, 0x46)

/** Bitfield file format version; a different version is treated like a damaged file (recheck). */
export const BITFIELD_FORMAT_VERSION = 1

/**
 * Read buffer for whole-file passes (recheck, digest): 4 MiB keeps a sequential
 * read near disk speed while memory stays bounded for files of any size.
 */
export const SCAN_READ_BYTES = 4 * 1024 * 1024

/**
 * Chunks importFile() keeps in flight. Group commit shares one fdatasync among
 * the writes waiting for it, so several writes must be queued for it to pay off;
 * 8 x 1 MiB chunks covers the ~4 ms a flush takes at disk speed, and bounds
 * memory to 8 chunks (128 MiB at the largest chunk size).
 */
export const IMPORT_CHUNKS_IN_FLIGHT = 8

/**
 * Alignment of direct (O_DIRECT) I/O: file offsets, lengths and memory. 4096
 * covers disks with 512-byte and 4 KiB logical blocks, and matches the page
 * size, so a direct write never shares a page with a buffered one.
 */
export const DIRECT_IO_ALIGN = 4096

/** One aligned bounce buffer: direct reads and writes go through it in pieces of this size. */
export const DIRECT_IO_SLOT_BYTES = 1024 * 1024

/** Aligned bounce buffers per process (16 MiB in all); a direct I/O waits while every one is in use. */
export const DIRECT_IO_SLOTS = 16

/**
 * Longest wait for a free bounce buffer. Each holder does one read or write,
 * so a wait this long means the disk has stopped answering: the I/O fails with
 * a TimeoutError instead of queueing behind it for ever.
 */
export const DIRECT_IO_SLOT_WAIT_MS = 30_000

/**
 * Inputs below this are hashed on the calling thread: posting a job to the
 * hash worker (hash-worker.ts) costs more than hashing 64 KiB there.
 */
export const HASH_OFFLOAD_MIN_BYTES = 64 * 1024

/**
 * Shared memory kept for reuse by the hash worker's slots: every chunk a
 * download has in flight (MAX_WRITES_IN_FLIGHT x 1 MiB, several downloads
 * at once) without allocating fresh memory per chunk.
 */
export const HASH_FREE_BYTES = 32 * 1024 * 1024

/** A hash job that has not answered after this long fails (hashing 16 MiB takes ~10 ms). */
export const HASH_TIMEOUT_MS = 30_000
