import { readFile, stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { peerIdFromString } from '@libp2p/peer-id'
import type { PeerId } from '@libp2p/interface'
import { InvalidArgumentError } from '../errors.js'

/** Most PeerIds one allowlist holds: a bound on memory and on the member list the tracker sends. */
export const MAX_ALLOWLIST_ENTRIES = 65_536

/** Largest allowlist file read: MAX_ALLOWLIST_ENTRIES ids of ~53 characters, with room for comments. */
export const MAX_ALLOWLIST_FILE_BYTES = 8 * 1024 * 1024

/**
 * A set of PeerIds allowed to do something (connect, register, upload).
 * Mutable: the tracker's list is re-read when its file changes, and servers
 * replace theirs with what the tracker sends.
 */
export class Allowlist {
  #ids: Set<string>
  #digest: string

  constructor (ids: Iterable<string> = []) {
    this.#ids = new Set(ids)
    this.#digest = digestOf(this.#ids)
  }

  get size (): number { return this.#ids.size }

  /** A short fingerprint of the contents: equal lists have equal digests. */
  get digest (): string { return this.#digest }

  has (peer: PeerId | string): boolean {
    return this.#ids.has(typeof peer === 'string' ? peer : peer.toString())
  }

  /** Replaces the contents; true when they changed. */
  replace (ids: Iterable<string>): boolean {
    const next = new Set(ids)
    const digest = digestOf(next)
    if (digest === this.#digest) return false
    this.#ids = next
    this.#digest = digest
    return true
  }

  list (): string[] {
    return [...this.#ids].sort()
  }
}

function digestOf (ids: Set<string>): string {
  return createHash('sha256').update([...ids].sort().join('\n')).digest('hex').slice(0, 16)
}

/**
 * Parses an allowlist file: one PeerId per line (what `peer.js id --data DIR`
 * prints); blank lines and `#` comments are ignored, and so is anything after
 * the id on a line (a name, say). A line that is not a PeerId is an error
 * naming the line: a typo must not silently lock a server out.
 */
export function parseAllowlist (text: string, source = 'allowlist'): string[] {
  const ids: string[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const word = lines[i].replace(/#.*$/, '').trim().split(/\s+/)[0]
    if (word == null || word === '') continue
    try {
      ids.push(peerIdFromString(word).toString())
    } catch {
      throw new InvalidArgumentError(`${source}:${i + 1}: "${word}" is not a PeerId`)
    }
    if (ids.length > MAX_ALLOWLIST_ENTRIES) throw new InvalidArgumentError(`${source}: more than ${MAX_ALLOWLIST_ENTRIES} entries`)
  }
  return ids
}

/** Reads and parses an allowlist file. */
export async function readAllowlistFile (path: string): Promise<string[]> {
  const { size } = await stat(path)
  if (size > MAX_ALLOWLIST_FILE_BYTES) throw new InvalidArgumentError(`${path}: larger than ${MAX_ALLOWLIST_FILE_BYTES} bytes`)
  return parseAllowlist(await readFile(path, 'utf8'), path)
}

/**
 * An Allowlist backed by a file that is re-read when it changes (checked
 * every `intervalMs`), so an operator adds a server by editing one file and
 * nothing restarts. A file that stops parsing keeps the last good list (and
 * reports the error): a half-saved edit must not lock everyone out.
 */
export class AllowlistFile {
  readonly path: string
  readonly list: Allowlist
  readonly #onError: (err: Error) => void
  readonly #onChange: () => void
  #mtimeMs = -1
  #size = -1
  #timer?: ReturnType<typeof setInterval>

  private constructor (path: string, list: Allowlist, onError: (err: Error) => void, onChange: () => void) {
    this.path = path
    this.list = list
    this.#onError = onError
    this.#onChange = onChange
  }

  /** Loads the file (a missing or bad file is an error at start) and watches it. */
  static async open (path: string, options: { intervalMs: number, onError?(err: Error): void, onChange?(): void }): Promise<AllowlistFile> {
    const file = new AllowlistFile(path, new Allowlist(), options.onError ?? (() => {}), options.onChange ?? (() => {}))
    await file.reload(true)
    file.#timer = setInterval(() => { void file.reload(false) }, options.intervalMs)
    file.#timer.unref()
    return file
  }

  /** Re-reads the file if its size or mtime changed. The first load (`initial`) throws; later ones report and keep the last list. */
  async reload (initial: boolean): Promise<void> {
    try {
      const st = await stat(this.path)
      if (st.mtimeMs === this.#mtimeMs && st.size === this.#size) return
      const ids = await readAllowlistFile(this.path)
      this.#mtimeMs = st.mtimeMs
      this.#size = st.size
      if (this.list.replace(ids) && !initial) this.#onChange()
    } catch (err: any) {
      if (initial) throw err
      this.#onError(err)
    }
  }

  stop (): void {
    clearInterval(this.#timer)
  }
}
