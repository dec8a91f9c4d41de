/**
 * TEST HELPER, run only inside a network namespace a test made (see
 * fault-mdns-spoof.test.ts): never on the machine's own interfaces, since
 * mDNS joins the multicast group on every interface there is.
 *
 *   node --import tsx test/e2e/mdns-spoofer.ts stranger IP FILE_ID SECONDS
 *     A Shoal node with a fresh key (on no allowlist) that announces itself by
 *     mDNS and, for every peer it discovers, dials it and asks for chunk 0.
 *   node --import tsx test/e2e/mdns-spoofer.ts impersonate IP CLAIMED_PEER_ID SECONDS
 *     Forged mDNS answers claiming CLAIMED_PEER_ID (an allowlisted id whose key
 *     we do not have) at IP:4001, where a TCP proxy counts the connections it
 *     gets and passes them to our own libp2p node (our own key).
 *
 * Prints JSON events, then one `summary` line, and exits after SECONDS.
 */
import { createServer, connect, type Socket } from 'node:net'
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Stream } from '@libp2p/interface'
import makeMdns from 'multicast-dns'
import { createShoalNode, MDNS_SERVICE_TAG } from '../../src/node/index.js'
import { parseFileId } from '../../src/manifest/index.js'
import { ChunkFrame } from '../../src/pb/chunk.js'
import { CHUNK_PROTOCOL } from '../../src/swarm/index.js'
import { encodeFrame, FrameReader } from '../../src/swarm/framing.js'

const { Type } = ChunkFrame
/** Port of the address we claim (the lab's port); our own libp2p node listens on the next one. */
const CLAIM_PORT = 4001
const NODE_PORT = 4002
/** How often forged answers are sent unasked (the victim also queries every 10 s and at start). */
const SPOOF_EVERY_MS = 500
const DIAL_TIMEOUT_MS = 5_000

const [mode, ip, arg, secondsText] = process.argv.slice(2)
const seconds = Number(secondsText)
if (!['stranger', 'impersonate'].includes(mode) || ip == null || arg == null || !(seconds > 0 && seconds <= 120)) {
  process.stderr.write('usage: mdns-spoofer.ts stranger|impersonate IP FILE_ID|PEER_ID SECONDS\n')
  process.exit(2)
}
const emit = (event: string, fields: Record<string, unknown> = {}): void => { process.stdout.write(JSON.stringify({ event, ...fields }) + '\n') }

/** connectionsOpened counts inbound connections only. */
const counts = { found: 0, dialFailed: 0, dialErrors: [] as string[], streamsOpened: 0, chunkBytes: 0, connectionsOpened: 0, handlerCalls: 0, tcpAccepted: 0 }

const node = await createShoalNode({
  privateKey: await generateKeyPair('Ed25519'),
  listen: [`/ip4/${ip}/tcp/${mode === 'stranger' ? CLAIM_PORT : NODE_PORT}`],
  services: mode === 'stranger' ? { mdns: { intervalMs: 1_000 } } : {}
})
// Connections others opened to us (ours to the victim may look open here for a moment before its gater's close arrives).
node.addEventListener('connection:open', (e) => {
  if (e.detail.direction === 'inbound') counts.connectionsOpened++
  emit('connection', { peer: e.detail.remotePeer.toString(), direction: e.detail.direction })
})
await node.handle(CHUNK_PROTOCOL, (stream: Stream) => { counts.handlerCalls++; stream.abort(new Error('spoofer')) })
emit('listening', { peerId: node.peerId.toString(), mode })

const sockets: Socket[] = []
let stopSpoofing = (): void => {}

if (mode === 'stranger') {
  const fileId = parseFileId(arg)
  const asked = new Set<string>()
  node.services.mdns!.addEventListener('peer', (e) => {
    const peer = e.detail.id
    if (asked.has(peer.toString())) return
    asked.add(peer.toString())
    counts.found++
    emit('found', { peerId: peer.toString(), addrs: e.detail.multiaddrs.map(String) })
    void (async () => {
      try {
        const addrs = e.detail.multiaddrs.map((a) => a.encapsulate(`/p2p/${peer.toString()}`))
        await node.peerStore.merge(peer, { multiaddrs: addrs })
        const stream = await node.dialProtocol(peer, CHUNK_PROTOCOL, { signal: AbortSignal.timeout(DIAL_TIMEOUT_MS) })
        counts.streamsOpened++
        const reader = new FrameReader(stream)
        stream.send(encodeFrame({ type: Type.HELLO, fileId: fileId.bytes as Uint8Array<ArrayBuffer> }))
        stream.send(encodeFrame({ type: Type.REQUEST, index: 0, offset: 0, length: 1024 }))
        for (;;) {
          const f = await reader.next({ signal: AbortSignal.timeout(DIAL_TIMEOUT_MS) })
          if (f == null) break
          if (f.type === Type.PIECE) { await reader.bytes(f.length); counts.chunkBytes += f.length }
        }
      } catch (err: any) {
        counts.dialFailed++
        counts.dialErrors.push(String(err.name ?? err.code ?? err.constructor?.name))
        emit('dial-failed', { peerId: peer.toString(), error: err.name, message: err.message })
      }
    })()
  })
} else {
  // A TCP proxy at the claimed address: it shows the victim did dial the forged address.
  const proxy = createServer((socket) => {
    counts.tcpAccepted++
    const up = connect(NODE_PORT, ip)
    sockets.push(socket, up)
    socket.pipe(up).pipe(socket)
    socket.on('error', () => up.destroy())
    up.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(CLAIM_PORT, ip, resolve))
  const mdns = makeMdns()
  const name = `spoof${Math.floor(Math.random() * 1e9)}`
  const answers: any[] = [
    { name: MDNS_SERVICE_TAG, type: 'PTR', class: 'IN', ttl: 120, data: `${name}.${MDNS_SERVICE_TAG}` },
    { name: `${name}.${MDNS_SERVICE_TAG}`, type: 'TXT', class: 'IN', ttl: 120, data: `dnsaddr=/ip4/${ip}/tcp/${CLAIM_PORT}/p2p/${arg}` }
  ]
  mdns.on('query', (q: any) => { if (q.questions?.[0]?.name === MDNS_SERVICE_TAG) mdns.respond({ answers }) })
  const timer = setInterval(() => { mdns.respond({ answers }) }, SPOOF_EVERY_MS)
  mdns.respond({ answers })
  stopSpoofing = () => { clearInterval(timer); mdns.destroy(); proxy.close() }
}

await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
stopSpoofing()
for (const s of sockets) s.destroy()
emit('summary', counts)
await Promise.resolve(node.stop()).catch(() => {})
process.exit(0)
