/**
 * @packageDocumentation
 *
 * Verified chunk storage: a small interface (types.ts), a disk store and a
 * memory store that pass one shared test suite, and importFile() to seed a
 * store from a local file.
 *
 * @example
 *
 * ```ts
 * import { FsChunkStore, importFile } from './store/index.js'
 * import { manifestFromFile } from './manifest/index.js'
 *
 * const store = new FsChunkStore('/var/lib/shoal')
 * const info = await manifestFromFile('big.iso')
 * const file = await importFile(store, 'big.iso', info)
 * file.complete // true
 * ```
 */
export type { BlobSummary, ChunkStore, StoredFile, StoredFileEvents } from './types.js'
export { Bitfield } from './bitfield.js'
export { MemoryChunkStore } from './memory.js'
export { FsChunkStore, type FsChunkStoreOptions } from './fs.js'
export { importFile, type ImportFileOptions } from './import.js'
export { verifyWholeFile } from './util.js'
export * from './constants.js'
