import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { useLab } from './lab-peers.js'
import type { Host, NetLab } from './netns.js'

const FILE_SIZE = 4 * 1024 * 1024
const STEP_TIMEOUT_MS = 60_000
/** How long each spoofer announces: several of the victim's mDNS rounds (it queries at start, then every 10 s; we answer every 0.5 s). */
const SPOOF_SECONDS = 8
const SPOOFER = fileURLToPath(new URL('./mdns-spoofer.ts', import.meta.url))

/** Runs mdns-spoofer.ts inside `host`'s namespace (never outside: mDNS would reach the real interfaces). */
async function spoof (lab: NetLab, host: Host, args: string[], children: ChildProcess[]): Promise<{ events: any[], summary: any }> {
  const child = spawn(lab.exec(host)[0], [...lab.exec(host).slice(1), process.execPath, '--import', 'tsx', SPOOFER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  const events: any[] = []
  const stderr: string[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => { try { events.push(JSON.parse(line)) } catch {} })
  createInterface({ input: child.stderr! }).on('line', (line) => { stderr.push(line) })
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`spoofer did not finish: ${stderr.slice(-5).join(' | ')}`)) }, (SPOOF_SECONDS + 30) * 1000)
    child.once('exit', (c) => { clearTimeout(timer); resolve(c) })
  })
  const summary = events.find((e) => e.event === 'summary')
  assert.equal(code, 0, `spoofer exit ${code}: ${stderr.slice(-5).join(' | ')}`)
  assert.ok(summary != null, 'spoofer summary')
  return { events, summary }
}

/**
 * Suite item 10, spoofed mDNS: inside a namespace LAN, a private server with
 * --mdns (allowlist: a friend and an absent "ghost" member) serves the friend
 * it finds by mDNS (the control: mDNS works here). Then a stranger (on no list)
 * announces itself by mDNS and dials the server, and an impersonator sends
 * forged mDNS answers that claim the ghost's PeerId at the attacker's address.
 * The server never dials the stranger, cuts the stranger's own dial right after
 * Noise, and the forged address fails Noise (the attacker has not the ghost's
 * key): no connection opens, no chunk protocol handler runs, no chunk byte goes out.
 */
describe('fault: spoofed mDNS announcements against a private server', function () {
  this.timeout(6 * STEP_TIMEOUT_MS)
  const env = useLab()
  const children: ChildProcess[] = []
  after(() => { for (const c of children) if (c.exitCode == null) c.kill('SIGKILL') })

  it('a stranger announcing itself, and an answer claiming an allowed PeerId at the attacker\'s address, are refused before any handler or chunk byte', async () => {
    const lab = env.open('mdns')
    const lan = lab.addLan('a', '10.62.1')
    const [vh, fh, eh, gh] = ['v', 'f', 'e', 'g'].map((name, i) => lab.addHost(name, [{ lan, octet: 10 + i }]))
    const cluster = await env.cluster(lab)
    const file = await cluster.addFile(FILE_SIZE, ['victim'])
    const idOf = async (name: string): Promise<string> => (await cluster.command(vh, ['id', '--data', cluster.dataDir(name)])).peerId
    const [victimId, friendId, ghostId] = [await idOf('victim'), await idOf('friend'), await idOf('ghost')]
    const victimAllow = join(cluster.dir, 'victim.allow')
    const friendAllow = join(cluster.dir, 'friend.allow')
    await writeFile(victimAllow, `${friendId} friend\n${ghostId} ghost (never runs; its key stays in its folder)\n`)
    await writeFile(friendAllow, `${victimId} victim\n`)

    const victim = await cluster.startServer(vh, 'victim', ['--private', '--allow', victimAllow, '--mdns'])
    // Control: an allowed friend finds the victim by mDNS alone and fetches the file from it.
    const friend = await cluster.startServer(fh, 'friend', ['--private', '--allow', friendAllow, '--mdns', '--fetch', file.fileId, '--exit-when-done'])
    const complete = await friend.waitFor((e) => e.event === 'complete', STEP_TIMEOUT_MS, 'friend complete')
    assert.equal(complete.sha256, file.sha256)
    assert.deepEqual(Object.keys(complete.bytesFrom), [victimId])
    await victim.waitFor((e) => e.event === 'stats' && e.bytesSent >= FILE_SIZE, STEP_TIMEOUT_MS, 'victim served the friend')
    await friend.exited
    // The victim reports its counters every second when they change: after two, they are final for the friend.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    const before = victim.last('stats')!

    // 1. A stranger announces itself and dials whoever it finds.
    const stranger = await spoof(lab, eh, ['stranger', eh.ips.a, file.fileId, String(SPOOF_SECONDS)], children)
    const strangerId = stranger.events.find((e) => e.event === 'listening').peerId
    assert.ok(stranger.events.some((e) => e.event === 'found' && e.peerId === victimId), 'the stranger found the victim by mDNS')
    assert.equal(stranger.summary.streamsOpened, 0, 'no stream to the victim')
    assert.ok(stranger.summary.dialFailed >= 1, 'its dial failed')
    assert.equal(stranger.summary.chunkBytes, 0)
    assert.equal(stranger.summary.connectionsOpened, 0, 'the victim never connected to the stranger')
    const strangerSide = stranger.events.filter((e) => e.event === 'connection').length
    const refusedStranger = victim.events.filter((e) => e.event === 'refused' && e.who === strangerId).map((e) => e.reason)
    assert.ok(refusedStranger.includes('not-allowed'), `the gater cut the stranger after Noise: ${JSON.stringify(refusedStranger)}`)
    assert.ok(refusedStranger.includes('not-dialled'), `the victim found the stranger by mDNS and did not dial it: ${JSON.stringify(refusedStranger)}`)

    // 2. Forged answers: the ghost's PeerId at the impersonator's address.
    const impostor = await spoof(lab, gh, ['impersonate', gh.ips.a, ghostId, String(SPOOF_SECONDS)], children)
    assert.ok(impostor.summary.tcpAccepted >= 1, 'the victim believed the forged answer and dialled the attacker\'s address')
    assert.equal(impostor.summary.connectionsOpened, 0, 'Noise failed: the attacker cannot prove the ghost\'s PeerId')
    assert.equal(impostor.summary.handlerCalls, 0)

    // Nothing was served to either: the victim's counters are where the friend left them.
    await victim.stop()
    const after = victim.last('stats')!
    assert.equal(after.servedSessions, before.servedSessions, `chunk handler runs: ${before.servedSessions as number} before the attacks, ${after.servedSessions as number} after`)
    assert.equal(after.bytesSent, before.bytesSent)
    console.log(`      control: friend fetched ${FILE_SIZE / 2 ** 20} MiB by mDNS (${before.servedSessions as number} chunk sessions); stranger: found the victim, ` +
      `${stranger.summary.dialFailed as number} dial(s) refused (${[...new Set(stranger.summary.dialErrors)].join(', ')}), victim refusals ${JSON.stringify(refusedStranger)} (the stranger saw ${strangerSide} of its own dials look open before the close); ` +
      `impostor: ${impostor.summary.tcpAccepted as number} TCP connection(s) from the victim, 0 completed; chunk bytes to attackers: 0`)
  })
})
