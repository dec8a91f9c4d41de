import { mkdir, readFile, writeFile, rename, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { KEY_FILE } from './constants.js'
import { InvalidArgumentError } from '../errors.js'

/**
 * Loads the node's private key from its data directory, creating it on first
 * use, so the PeerId survives restarts. The key is written to a temporary file
 * and renamed, so a crash never leaves half a key.
 */
export async function loadOrCreateKey (dataDir: string): Promise<PrivateKey> {
  const path = join(dataDir, KEY_FILE)
  try {
    return privateKeyFromProtobuf(await readFile(path))
  } catch (err: any) {
    if (err.code !== 'ENOENT') throw err
  }
  return createKeyFile(path)
}

/**
 * A client's or operator's identity (`--identity FILE|DIR`): an existing file
 * is a key file (as `peer.key`); a folder, or a path that does not exist and
 * does not end in `.key`, is a data folder whose `peer.key` is used (created
 * on first use); a missing path ending in `.key` is created as a key file.
 * Either way the PeerId is stable across runs, so it can be allowlisted.
 */
export async function loadIdentity (path: string): Promise<PrivateKey> {
  const info = await stat(path).catch((err) => { if (err.code === 'ENOENT') return undefined; throw err })
  if (info?.isFile() === true) {
    try {
      return privateKeyFromProtobuf(await readFile(path))
    } catch (err: any) {
      throw new InvalidArgumentError(`${path} is not a private key file (${String(err.message)})`)
    }
  }
  if (info == null && path.endsWith('.key')) return createKeyFile(path)
  return loadOrCreateKey(path)
}

/** Writes a new Ed25519 key to `path` (temporary file, then rename: a crash never leaves half a key). */
async function createKeyFile (path: string): Promise<PrivateKey> {
  await mkdir(dirname(path), { recursive: true })
  const key = await generateKeyPair('Ed25519')
  const tmp = `${path}.tmp`
  await writeFile(tmp, privateKeyToProtobuf(key), { mode: 0o600, flush: true })
  await rename(tmp, path)
  return key
}
