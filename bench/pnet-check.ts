// Does @libp2p/pnet (the pre-shared-key private network) hold up under bulk
// transfer? Two nodes in this process, TCP + pnet + Noise + yamux on
// 127.0.0.1, one stream, SIZE bytes. Prints the rate, or the error it died
// with, and checks that a wrong key is refused. Usage:
//   node --import tsx bench/pnet-check.ts [MiB, default 256] [--no-pnet]
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { generateKey, preSharedKey } from '@libp2p/pnet'
import { tcp } from '@libp2p/tcp'
import { createLibp2p, type Libp2p } from 'libp2p'
import { sendAll } from '../src/util/stream.js'

const MiB = 1024 * 1024
const SIZE = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 256) * MiB
const USE_PNET = !process.argv.includes('--no-pnet')
const BLOCK = Number(process.env.PNET_BLOCK_KIB ?? 256) * 1024
const PROTOCOL = '/shoal/pnet-check/1.0.0'

function key (): Uint8Array {
  const k = new Uint8Array(95)
  generateKey(k)
  return k
}

async function node (psk?: Uint8Array): Promise<Libp2p> {
  return createLibp2p({
    privateKey: await generateKeyPair('Ed25519'),
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionProtector: psk == null ? undefined : preSharedKey({ psk }),
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()]
  })
}

const psk = key()
const a = await node(USE_PNET ? psk : undefined)
const b = await node(USE_PNET ? psk : undefined)
let received = 0
const finished = Promise.withResolvers<void>()
await b.handle(PROTOCOL, (stream) => {
  stream.addEventListener('message', (evt) => {
    received += evt.data.byteLength
    if (received >= SIZE) finished.resolve()
  })
})
const started = performance.now()
let failure: unknown
try {
  const stream = await a.dialProtocol(b.getMultiaddrs()[0], PROTOCOL)
  const block = new Uint8Array(BLOCK).fill(1)
  let lastReport = started
  for (let sent = 0; sent < SIZE; sent += BLOCK) {
    await sendAll(stream, block, { signal: AbortSignal.timeout(60_000) })
    if (performance.now() - lastReport > 2_000) {
      lastReport = performance.now()
      console.log(`  ${(sent / MiB).toFixed(0)} MiB sent, ${(received / MiB).toFixed(0)} MiB received, RSS ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`)
    }
  }
  await Promise.race([finished.promise, new Promise((_resolve, reject) => setTimeout(() => reject(new Error('receiver stalled')), 60_000))])
} catch (err) {
  failure = err
}
const seconds = (performance.now() - started) / 1000
console.log(JSON.stringify({
  pnet: USE_PNET,
  mib: SIZE / MiB,
  receivedMiB: Math.floor(received / MiB),
  seconds: Number(seconds.toFixed(2)),
  mibPerSecond: Number((received / MiB / seconds).toFixed(1)),
  error: failure == null ? null : String((failure as Error).message ?? failure)
}))

if (USE_PNET) {
  // A node with another key must not get a connection at all.
  const stranger = await node(key())
  const refused = await stranger.dial(b.getMultiaddrs()[0], { signal: AbortSignal.timeout(10_000) }).then(() => false, () => true)
  console.log(JSON.stringify({ wrongKeyRefused: refused }))
  await stranger.stop()
}
await a.stop()
await b.stop()
process.exit(failure == null ? 0 : 1)
