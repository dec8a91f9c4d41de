import { generateKeyPair } from '@libp2p/crypto/keys'
import { InvalidArgumentError } from '../errors.js'
import { createShoalNode, loadIdentity } from '../node/index.js'
import { TrackerClient } from '../server/tracker-client.js'
import { parseMultiaddr } from './args.js'

/**
 * Runs `fn` with a client of the tracker at `addr`, on a throwaway node: a
 * fresh key and no listening address, since an operator command only dials
 * out and should not leave a key behind. With `identity` (a key file or a
 * folder holding one) that key is used instead: a tracker with a client
 * allowlist takes operator calls only from listed PeerIds, or from a caller
 * with a `token` it issued.
 */
export async function withTracker<T> (addr: string, fn: (client: TrackerClient) => Promise<T>, identity?: string, token?: string): Promise<T> {
  const ma = parseMultiaddr(addr, '--tracker')
  if (ma.getComponents().find((c) => c.name === 'p2p') == null) throw new InvalidArgumentError('--tracker needs /p2p/<tracker peer id> at the end')
  const privateKey = identity == null ? await generateKeyPair('Ed25519') : await loadIdentity(identity)
  const node = await createShoalNode({ privateKey, listen: [] })
  try {
    const client = new TrackerClient(node, ma)
    client.token = token
    return await fn(client)
  } finally {
    await node.stop()
  }
}
