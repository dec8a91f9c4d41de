import { TimeoutError } from '../errors.js'
import { DIRECT_IO_SLOT_BYTES, DIRECT_IO_SLOT_WAIT_MS, DIRECT_IO_SLOTS } from './constants.js'

/** Bytes in one WebAssembly page: the memory's size is set in these. */
const WASM_PAGE_BYTES = 64 * 1024

/**
 * Bounce buffers whose addresses are page aligned, as direct (O_DIRECT) I/O
 * needs. JavaScript cannot ask for an aligned ArrayBuffer, but V8 maps a
 * WebAssembly memory at a page boundary, so slices of one at multiples of the
 * alignment are aligned too. (DirectFile.open probes this before relying on it.)
 *
 * `acquire()` waits while every slot is in use; each holder does one read or
 * write and releases it, so the wait is short (and bounded: it fails after
 * DIRECT_IO_SLOT_WAIT_MS).
 */
export class AlignedPool {
  readonly slotBytes: number
  readonly #free: Uint8Array[] = []
  readonly #waiting: Array<(slot: Uint8Array) => void> = []

  constructor (slots = DIRECT_IO_SLOTS, slotBytes = DIRECT_IO_SLOT_BYTES) {
    this.slotBytes = slotBytes
    const pages = Math.ceil(slots * slotBytes / WASM_PAGE_BYTES)
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages })
    for (let i = 0; i < slots; i++) this.#free.push(new Uint8Array(memory.buffer, i * slotBytes, slotBytes))
  }

  async acquire (timeoutMs = DIRECT_IO_SLOT_WAIT_MS): Promise<Uint8Array> {
    const slot = this.#free.pop()
    if (slot != null) return slot
    return new Promise((resolve, reject) => {
      const waiter = (slot: Uint8Array): void => { clearTimeout(timer); resolve(slot) }
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1)
        reject(new TimeoutError(`no direct I/O buffer came free within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#waiting.push(waiter)
    })
  }

  release (slot: Uint8Array): void {
    const next = this.#waiting.shift()
    if (next != null) next(slot)
    else this.#free.push(slot)
  }

  /** Runs `op` with a slot, released however `op` ends. */
  async with<T> (op: (slot: Uint8Array) => Promise<T>): Promise<T> {
    const slot = await this.acquire()
    try {
      return await op(slot)
    } finally {
      this.release(slot)
    }
  }
}

let shared: AlignedPool | undefined

/** The process's pool, made on first use (its memory is only touched as slots are used). */
export function sharedAlignedPool (): AlignedPool {
  shared ??= new AlignedPool()
  return shared
}
