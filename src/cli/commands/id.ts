import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { loadOrCreateKey } from '../../node/index.js'
import { parse, required } from '../args.js'
import { Output } from '../output.js'
import { USAGE } from '../usage.js'

export async function runId (args: string[]): Promise<number> {
  const { values } = parse(args, { data: { type: 'string' } })
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0 }
  const out = new Output(values.json)
  const peerId = peerIdFromPrivateKey(await loadOrCreateKey(required(values.data, 'data'))).toString()
  out.event('id', { peerId }, peerId)
  return 0
}
