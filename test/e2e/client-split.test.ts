import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PeerProcess } from '../../examples/lib/peer-process.js'
import { writeRandomFile } from '../../examples/lib/random-file.js'
import { ok, runClient } from './client-process.js'
import { ClientLab, labUnavailable, type LabHost } from './client-lab.js'

const MiB = 1024 * 1024
/** 64 MiB over one 50 Mbit/s path: 10.7 s, above SPLIT_MIN_SECONDS (8), so a split is considered. */
const SIZE = 64 * MiB
/** Each path from the client to an ingest server. */
const PATH_BPS = 50e6
/** The tracker takes uploads too: a slow link, so it is neither chosen nor split to. */
const TRACKER_BPS = 10e6
const START_TIMEOUT_MS = 30_000
const STEP_TIMEOUT_MS = 120_000
/** The split must beat one path by a clear margin: under this share of the single-path time. */
const MAX_SHARE_OF_ONE_PATH = 0.8
/** Each server must carry a substantial part. */
const MIN_PART = 0.25
/** Kill the interrupted split upload once this share is stored (low enough that the rest still merits a split). */
const KILL_AT = 0.3

const unavailable = labUnavailable()

async function sha256Of (path: string): Promise<string> {
  const h = createHash('sha256')
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer)
  return h.digest('hex')
}

describe('client over two equal shaped paths (network namespaces): the upload is split across both ingest servers', function () {
  this.timeout(4 * STEP_TIMEOUT_MS)
  let lab: ClientLab | undefined
  let dir: string
  const procs: PeerProcess[] = []
  let trackerAddr = ''
  let hosts: Record<'t' | 'a' | 'b' | 'c', LabHost>
  const servers = new Map<string, PeerProcess>()
  const hostOf = new Map<string, LabHost>()
  /** The split upload's whole command, for the comparison with one target. */
  let splitSeconds: number | undefined

  before(async function () {
    if (unavailable != null) {
      console.log(`      skipped: ${unavailable}`)
      this.skip()
    }
    dir = await mkdtemp(join(tmpdir(), 'shoal-split-'))
    lab = ClientLab.create()
    hosts = {
      t: lab.addHost('t', TRACKER_BPS, TRACKER_BPS),
      a: lab.addHost('a', 0, 0),
      b: lab.addHost('b', 0, 0),
      c: lab.addHost('c', 0, 0)
    }
    // The client's path to each server is 50 Mbit/s; the servers reach each other unshaped (a LAN).
    lab.shapePaths(hosts.c, [hosts.a, hosts.b], PATH_BPS)
    const spawnIn = (host: LabHost, args: string[]): PeerProcess => {
      const p = new PeerProcess(args, { command: lab!.exec(host) })
      procs.push(p)
      return p
    }
    const tracker = spawnIn(hosts.t, ['tracker', '--data', join(dir, 't'), '--listen', `/ip4/${hosts.t.ip}/tcp/4001`])
    trackerAddr = (await tracker.listening()).addrs[0]
    for (const host of [hosts.a, hosts.b]) {
      const s = spawnIn(host, ['server', '--data', join(dir, host.name), '--listen', `/ip4/${host.ip}/tcp/0`, '--tracker', trackerAddr, '--ingest'])
      await s.waitFor((e) => e.event === 'registered', START_TIMEOUT_MS, `server ${host.name} registered`)
      servers.set(s.last('listening')!.peerId, s)
      hostOf.set(s.last('listening')!.peerId, host)
    }
  })

  after(async () => {
    await Promise.all(procs.map(async (p) => p.stop()))
    lab?.close()
    if (dir != null) await rm(dir, { recursive: true, force: true })
  })

  it('sends a substantial part to each, beats one path clearly, and ends with one file, one task and the same SHA-256 everywhere', async () => {
    const rawA = await lab!.rawRate(hosts.c, hosts.a, 8 * MiB, STEP_TIMEOUT_MS)
    const path = join(dir, 'file.bin')
    const sha256 = await writeRandomFile(path, SIZE)
    const rx0 = { a: lab!.rxBytes(hosts.a), b: lab!.rxBytes(hosts.b) }
    const run = await runClient(['upload', path, '--tracker', trackerAddr, '--replicate', 'all'], { command: lab!.exec(hosts.c) })
    const up = ok(run, 'upload')
    const rx = { a: lab!.rxBytes(hosts.a) - rx0.a, b: lab!.rxBytes(hosts.b) - rx0.b }
    const onePathSeconds = SIZE * 8 / PATH_BPS
    const mbps = (bps: number): string => (bps * 8 / 1e6).toFixed(1)
    const probes = (up.probes as any[]).map((p) => `${p.tracker === true ? 'tracker' : p.peerId.slice(-6)} ${mbps(p.rateBps)}`).join(', ')
    console.log(`      raw TCP on one path ${mbps(rawA)} Mbit/s; parallel probes (Mbit/s): ${probes}; the primary alone: ${up.aloneRateBps == null ? '-' : mbps(up.aloneRateBps)}`)
    for (const t of up.targets as any[]) {
      console.log(`      ${t.primary === true ? 'primary' : 'part   '} ${t.peerId.slice(-6)}: ${(t.bytesSent / MiB).toFixed(1)} MiB sent (${(t.bytesSent / SIZE * 100).toFixed(0)}%), ${mbps(t.uploadRateBps)} Mbit/s over ${t.uploadSeconds.toFixed(2)} s`)
    }
    console.log(`      ${SIZE / MiB} MiB: data ${up.uploadSeconds.toFixed(2)} s at ${mbps(up.uploadRateBps)} Mbit/s vs ${onePathSeconds.toFixed(2)} s for one 50 Mbit/s path ` +
      `(${(up.uploadSeconds / onePathSeconds * 100).toFixed(0)}%); whole command ${up.seconds.toFixed(2)} s, of which the commit (the primary fetching the other part, hashing, the tracker call) ${up.commitSeconds.toFixed(2)} s; received on the wire: a ${(rx.a / MiB).toFixed(1)} MiB, b ${(rx.b / MiB).toFixed(1)} MiB`)

    assert.equal(up.targets.length, 2, 'split across both servers')
    assert.equal(up.targets.filter((t: any) => t.tracker === true).length, 0, 'not to the tracker')
    for (const t of up.targets as any[]) assert.ok(t.bytesSent >= MIN_PART * SIZE, `${t.peerId} got ${t.bytesSent} bytes, >= ${MIN_PART * 100}% of the file`)
    assert.equal(up.bytesSent, SIZE, 'every chunk sent once, to one server')
    assert.ok(up.uploadSeconds < MAX_SHARE_OF_ONE_PATH * onePathSeconds, `data took ${up.uploadSeconds} s, under ${MAX_SHARE_OF_ONE_PATH} x ${onePathSeconds.toFixed(2)} s`)
    assert.equal(up.sha256, sha256)

    // The primary committed once; the replicate task copies the file to the other server, which fetches what it lacks.
    const primary = servers.get(up.targets[0].peerId)!
    const other = servers.get(up.targets[1].peerId)!
    const committed = await primary.waitFor((e) => e.event === 'ingest-committed' && e.fileId === up.fileId, STEP_TIMEOUT_MS, 'ingest-committed')
    assert.equal(committed.taskId, up.taskId)
    assert.deepEqual(up.servers, [up.targets[1].peerId], 'the task replicates to the other server only (the primary holds it all)')
    const done = await other.waitFor((e) => e.event === 'task-done' && e.taskId === up.taskId, STEP_TIMEOUT_MS, 'task-done')
    assert.equal(done.ok, true)
    for (const [name, host] of [['a', hosts.a], ['b', hosts.b]] as const) {
      assert.equal(await sha256Of(join(dir, host.name, 'blobs', up.fileId, 'data')), sha256, `server ${name} holds the file`)
    }

    const ls = ok(await runClient(['ls', '--tracker', trackerAddr], { command: lab!.exec(hosts.c) }), 'ls')
    assert.equal(ls.count, 1, 'the tracker records one file')
    const tasks = ok(await runClient(['status', '--tracker', trackerAddr], { command: lab!.exec(hosts.c) }), 'status')
    assert.equal(tasks.count, 1, 'and one task')
    splitSeconds = up.seconds
  })

  it('a split upload killed at ~30% and run again: each target says what it holds, only the rest is sent', async function () {
    if (splitSeconds == null) this.skip()
    const path = join(dir, 'resume.bin')
    const sha256 = await writeRandomFile(path, SIZE)
    const args = ['upload', path, '--tracker', trackerAddr, '--replicate', 'none']
    const first = await runClient(args, { command: lab!.exec(hosts.c), killWhen: (e) => e.event === 'progress' && e.phase === 'uploading' && e.bytes >= SIZE * KILL_AT })
    assert.notEqual(first.code, 0, 'the first upload was killed')
    assert.equal(first.events.filter((e) => e.event === 'target').length, 2, 'the first run was split')
    const second = ok(await runClient(args, { command: lab!.exec(hosts.c) }), 'resumed upload')
    console.log(`      killed at ${(first.events.filter((e) => e.event === 'progress').at(-1)!.bytes / MiB).toFixed(1)} MiB stored; the second run found ${(second.resumedBytes / MiB).toFixed(1)} MiB held ` +
      `(${(second.targets as any[]).map((t) => `${t.peerId.slice(-6)} ${(t.resumedBytes / MiB).toFixed(1)}`).join(', ')} MiB) and sent ${(second.bytesSent / MiB).toFixed(1)} MiB`)
    assert.equal(second.sha256, sha256)
    assert.equal(second.targets.length, 2, 'split again')
    assert.ok(second.targets.every((t: any) => t.resumedBytes > 0), 'both targets held a part')
    assert.equal(second.bytesSent, SIZE - second.resumedBytes, 'nothing any target held was sent again')
  })

  it('the same upload held to one target (--max-targets 1) takes longer, end to end', async function () {
    if (splitSeconds == null) this.skip()
    const path = join(dir, 'single.bin')
    await writeRandomFile(path, SIZE)
    const up = ok(await runClient(['upload', path, '--tracker', trackerAddr, '--replicate', 'none', '--max-targets', '1'], { command: lab!.exec(hosts.c) }), 'single-target upload')
    console.log(`      one target: data ${up.uploadSeconds.toFixed(2)} s at ${(up.uploadRateBps * 8 / 1e6).toFixed(1)} Mbit/s, whole command ${up.seconds.toFixed(2)} s (commit ${up.commitSeconds.toFixed(2)} s); ` +
      `split: whole command ${splitSeconds!.toFixed(2)} s (${(splitSeconds! / up.seconds * 100).toFixed(0)}%)`)
    assert.equal(up.targets.length, 1)
    assert.ok(splitSeconds! < up.seconds, 'the split upload finished sooner, probes and the commit\'s fetch included')
  })

  // Last: it leaves one server dead.
  it('a split upload whose second target dies midway: the client drops it, the primary gets its part, one file results', async function () {
    if (splitSeconds == null) this.skip()
    const path = join(dir, 'drop.bin')
    const sha256 = await writeRandomFile(path, SIZE)
    let victim: string | undefined
    const run = await runClient(['upload', path, '--tracker', trackerAddr, '--replicate', 'none'], {
      command: lab!.exec(hosts.c),
      at: {
        when: (e) => e.event === 'progress' && e.phase === 'uploading' && e.bytes >= SIZE * KILL_AT,
        then: (events) => {
          // The targets are announced primary first.
          victim = events.filter((e) => e.event === 'target')[1]?.peerId
          if (victim != null) servers.get(victim)?.kill()
        }
      }
    })
    assert.ok(victim != null, 'the upload was split, and its second target was killed')
    const up = ok(run, 'upload with a target killed')
    const [primary, part] = up.targets as any[]
    console.log(`      second target killed at ${(SIZE * KILL_AT / MiB).toFixed(0)} MiB stored; primary sent ${(primary.bytesSent / MiB).toFixed(1)} MiB, ` +
      `the dead one ${(part.bytesSent / MiB).toFixed(1)} MiB (${String(part.error)}); reconnects: primary ${String(primary.reconnects)}, the dead one ${String(part.reconnects)}; ${up.seconds.toFixed(2)} s`)
    assert.equal(up.sha256, sha256)
    assert.equal(part.peerId, victim)
    // Its part went to the primary while it was still reconnecting: the commit did not wait for its back-off to run out.
    assert.match(String(part.error), /committed without it/, 'the dead target is reported with its error, given up once the file was committed')
    assert.equal(primary.storedBytes, SIZE, 'the primary ends up with every chunk')
    // Its path carried the rest at full rate: libp2p's ping monitor must not take the queued data for a dead link.
    assert.equal(primary.reconnects, 0, 'the primary\'s connection was never cut')
    const committed = await servers.get(primary.peerId)!.waitFor((e) => e.event === 'ingest-committed' && e.fileId === up.fileId, STEP_TIMEOUT_MS, 'ingest-committed')
    assert.equal(committed.taskId, up.taskId)
    assert.equal(await sha256Of(join(dir, hostOf.get(primary.peerId)!.name, 'blobs', up.fileId, 'data')), sha256, 'the primary holds the file')
  })
})
