import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { loadIdentity, loadOrCreateKey } from '../../node/index.js'
import { InvalidArgumentError } from '../../errors.js'
import { parse, required } from '../args.js'
import { Output } from '../output.js'
import { USAGE } from '../usage.js'

export async function runId (args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' }, identity: { type: 'string' } })
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  if (values.data != null && values.identity != null) throw new InvalidArgumentError('give --data DIR or --identity FILE|DIR, not both')
  // --identity FILE|DIR: a client's key file or folder (loadIdentity), created if missing; --data: a node's data folder.
  const key = values.identity != null ? await loadIdentity(values.identity) : await loadOrCreateKey(required(values.data, 'data'))
  const peerId = peerIdFromPrivateKey(key).toString()
  out.event('id', { peerId }, peerId)
  return 0
}
