import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PEER_JS } from '../../examples/lib/peer-process.js'
import { tempDir } from '../unit/store/fixtures.js'

const run = promisify(execFile)

/** Runs dist/peer.js and returns its exit code and output, never throwing on a non-zero exit. */
async function peer (args: string[], node = process.execPath): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await run(node, [PEER_JS, ...args], { timeout: 30_000 })
    return { code: 0, stdout, stderr }
  } catch (err: any) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

function oneLine (text: string): void {
  assert.equal(text.trim().split('\n').length, 1, `expected one line, got: ${text}`)
  assert.doesNotMatch(text, /\n\s+at /, 'no stack trace')
}

describe('CLI (dist/peer.js)', function () {
  this.timeout(60_000)

  it('--help lists the roles and options', async () => {
    const { code, stdout } = await peer(['--help'])
    assert.equal(code, 0)
    for (const word of ['server', 'add', '--data', '--listen', '--peer']) assert.match(stdout, new RegExp(word))
  })

  it('bad arguments get one clear line and exit 2', async () => {
    for (const args of [['nonsense'], ['server'], ['server', '--data'], ['server', '--data', '/tmp/x', '--bogus'],
      ['server', '--data', '/tmp/x', '--peer', 'not-an-addr'], ['server', '--data', '/tmp/x', '--fetch', 'nope'],
      ['add', '--data', '/tmp/x'], ['server', '--data', '/tmp/x', '--picker', 'fastest'],
      ['server', '--data', '/tmp/x', '--relay'], ['server', '--data', '/tmp/x', '--relay-allow', '/tmp/x/relay.allow']]) {
      const { code, stderr } = await peer(args)
      assert.equal(code, 2, `${args.join(' ')}: exit ${code}, ${stderr}`)
      oneLine(stderr)
    }
  })

  it('a missing file to add is one line and a failure exit', async () => {
    const dir = await tempDir()
    try {
      const { code, stderr } = await peer(['add', join(dir.path, 'missing.bin'), '--data', dir.path])
      assert.notEqual(code, 0)
      oneLine(stderr)
    } finally {
      await dir.remove()
    }
  })

  it('keeps its PeerId across runs (the key is persisted in the data directory)', async () => {
    const dir = await tempDir()
    try {
      const a = await peer(['id', '--data', dir.path])
      const b = await peer(['id', '--data', dir.path])
      assert.equal(a.code, 0)
      assert.match(a.stdout.trim(), /^12D3KooW/)
      assert.equal(a.stdout, b.stdout)
    } finally {
      await dir.remove()
    }
  })

  it('stops at once with one line on a Node.js older than 22', async function () {
    const old = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p))
    if (old == null) return this.skip()
    const { stdout: version } = await run(old, ['--version'])
    if (Number(version.trim().slice(1).split('.')[0]) >= 22) return this.skip()
    const { code, stderr } = await peer(['server', '--data', '/tmp/never'], old)
    assert.equal(code, 1)
    oneLine(stderr)
    assert.match(stderr, /Node\.js 22/)
  })
})
