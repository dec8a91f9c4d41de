import assert from 'node:assert/strict'
import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import { runClient } from './client-process.js'
import { TrackerCluster } from './tracker-cluster.js'

const UNKNOWN_FILE = 'bafkreiajnzpnplllii77fyqk2zztk4f5jx5hlfwqsit2fout7trmrd6qua'

describe('client CLI: one clear line and a distinct exit code per failure', function () {
  this.timeout(120_000)
  let cluster: TrackerCluster
  before(async () => {
    cluster = await TrackerCluster.create('shoal-client-cli-')
    await cluster.startTracker()
  })
  after(async () => { await cluster.close() })

  const expectFailure = async (args: string[], code: number, pattern: RegExp): Promise<void> => {
    const run = await runClient(args)
    assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr.join(' | ')}`)
    assert.equal(run.stderr.length, 1, `one line: ${run.stderr.join(' | ')}`)
    assert.match(run.stderr[0], pattern)
  }

  it('unknown file 4, unknown task 4, tracker unreachable 3, bad usage 2', async () => {
    await expectFailure(['download', UNKNOWN_FILE, '-o', join(cluster.dir, 'x'), '--tracker', cluster.trackerAddr], 4, /^shoal download: tracker: the tracker does not know/)
    await expectFailure(['status', 'no-such-task', '--tracker', cluster.trackerAddr], 4, /^shoal status: tracker: no task/)
    const dead = `/ip4/127.0.0.1/tcp/1/p2p/${cluster.trackerPeerId}`
    await expectFailure(['ls', '--tracker', dead], 3, /^shoal ls: tracker .* unreachable/)
    await expectFailure(['download', UNKNOWN_FILE, '--tracker', cluster.trackerAddr], 2, /--output/)
    await expectFailure(['upload', join(cluster.dir, 'missing.bin'), '--tracker', cluster.trackerAddr], 2, /no such file/)
    await writeFile(join(cluster.dir, 'small.bin'), 'x')
    await expectFailure(['upload', join(cluster.dir, 'small.bin'), '--tracker', cluster.trackerAddr, '--replicate', 'nobody'], 2, /--replicate "nobody"/)
  })

  it('an empty tracker: ls and status say so and succeed', async () => {
    const ls = await runClient(['ls', '--tracker', cluster.trackerAddr])
    assert.equal(ls.code, 0)
    assert.deepEqual(ls.last, { event: 'files', count: 0 })
    const status = await runClient(['status', '--tracker', cluster.trackerAddr])
    assert.deepEqual(status.last, { event: 'tasks', count: 0 })
  })
})
