import { MemoryChunkStore } from '../../../src/store/index.js'
import { describeChunkStore } from './chunk-store-suite.js'

describeChunkStore('MemoryChunkStore', async () => {
  const store = new MemoryChunkStore()
  return { store, teardown: async () => { await store.close() } }
})
