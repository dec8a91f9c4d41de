import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PEER_JS } from '../../examples/lib/peer-process.js'
import { tempDir } from '../unit/store/fixtures.js'

const run = promisify(execFile)

async function peer (args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [PEER_JS, ...args], { timeout: 30_000 })
    return { code: 0, stdout, stderr }
  } catch (err: any) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('CLI limits (server and tracker flags)', function () {
  this.timeout(60_000)

  it('bad limit values get one line naming the flag and exit 2', async () => {
    const dir = await tempDir()
    try {
      for (const [role, flag, value] of [['server', '--max-connections', '0'], ['server', '--chunk-streams-in', 'lots'],
        ['server', '--serve-rate-per-peer', '1000'], ['server', '--max-upload-size', '3 parsecs'], ['tracker', '--ingest-quota', '5 apples'],
        ['tracker', '--max-pieces-per-peer', '2.5'], ['tracker', '--rpc-streams-in', '99999999']]) {
        const { code, stderr } = await peer([role, '--data', join(dir.path, role), '--listen', '/ip4/127.0.0.1/tcp/0', flag, value])
        assert.equal(code, 2, `${role} ${flag} ${value}: exit ${code}, ${stderr}`)
        assert.equal(stderr.trim().split('\n').length, 1, stderr)
        assert.match(stderr, new RegExp(flag.replace(/^--/, '')), `names the flag: ${stderr}`)
      }
    } finally {
      await dir.remove()
    }
  })

  it('good limit values are taken: the server starts and stops', async () => {
    const dir = await tempDir()
    try {
      const { code, stdout, stderr } = await peer(['server', '--data', dir.path, '--listen', '/ip4/127.0.0.1/tcp/0', '--exit-when-done',
        '--max-connections', '20', '--chunk-streams-in', '8', '--serve-rate-per-peer', '10MiB', '--max-pieces-per-peer', '2',
        '--max-upload-size', '1GiB', '--ingest-quota', '0'])
      assert.equal(code, 0, stderr)
      assert.match(stdout, /\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\//)
    } finally {
      await dir.remove()
    }
  })
})
