import assert from 'node:assert/strict'
import type { TaskServerView, TaskView } from '../../../src/client/client.js'
import { redrawPrefix, renderTaskTable } from '../../../src/cli/status-table.js'

const MiB = 1024 * 1024
const CREATED = Date.parse('2026-01-01T00:00:00Z')

function server (peerId: string, over: Partial<TaskServerView> = {}): TaskServerView {
  return { peerId, state: 'running', progressBytes: 0, totalBytes: 64 * MiB, attempts: 1, durationMs: 0, lastError: '', ...over }
}

function task (servers: TaskServerView[], over: Partial<TaskView> = {}): TaskView {
  return {
    taskId: 'a3c1f7e2-0000-4000-8000-000000000001',
    kind: 'replicate',
    fileId: 'bafkreiexample',
    state: 'running',
    serversTotal: servers.length,
    serversDone: servers.filter((s) => s.state === 'done').length,
    serversFailed: servers.filter((s) => s.state === 'failed').length,
    createdAt: new Date(CREATED),
    updatedAt: new Date(CREATED + 5_000),
    servers,
    ...over
  }
}

describe('cli: status table', () => {
  const A = '12D3KooWAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1111'
  const B = '12D3KooWBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB2222'
  const C = '12D3KooWCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC3333'

  it('a running task: a header, then one aligned row per server with bar, percent, bytes and time', () => {
    const lines = renderTaskTable(task([
      server(A, { state: 'done', progressBytes: 64 * MiB, durationMs: 6_800 }),
      server(B, { progressBytes: 16 * MiB }),
      server(C, { state: 'pending', totalBytes: 0 })
    ]), { now: CREATED + 75_000 })
    assert.equal(lines[0], 'task a3c1f7e2-0000-4000-8000-000000000001  replicate  running  1/3 done  1:15 elapsed  file bafkreiexample')
    assert.deepEqual(lines.slice(1), [
      'server           state    progress                     bytes              time',
      '12D3KooW…AA1111  done     [####################] 100%  64.0 MiB/64.0 MiB  6.8 s',
      '12D3KooW…BB2222  running  [#####...............]  25%  16.0 MiB/64.0 MiB',
      '12D3KooW…CC3333  pending  [....................]   0%  -'
    ])
  })

  it('a finished task shows its duration (creation to last change), failures and retries', () => {
    const lines = renderTaskTable(task([
      server(A, { state: 'done', progressBytes: 64 * MiB, durationMs: 4_000, attempts: 2 }),
      server(B, { state: 'failed', progressBytes: 63 * MiB, lastError: 'disk full', attempts: 4 })
    ], { state: 'failed' }), { now: CREATED + 999_000 })
    assert.match(lines[0], /failed {2}1\/2 done, 1 failed {2}0:05 {2}file/)
    assert.match(lines[2], /done .* 100% .*4\.0 s \(attempt 2\)$/)
    // Never rounds up to 100% before the server is done.
    assert.match(lines[3], /failed .*\[###################\.\] {2}98% .*disk full \(attempt 4\)$/)
  })

  it('a task without per-server rows (an older tracker) is just the header', () => {
    assert.equal(renderTaskTable(task([]), { now: CREATED }).length, 1)
  })

  it('cuts lines to the terminal width so an in-place redraw never wraps', () => {
    const lines = renderTaskTable(task([server(A, { progressBytes: MiB })]), { now: CREATED, width: 40 })
    for (const l of lines) assert.ok(l.length <= 40, l)
    assert.ok(lines[0].endsWith('…'))
  })

  it('redraw moves up over the lines drawn before and clears below', () => {
    assert.equal(redrawPrefix(0), '')
    assert.equal(redrawPrefix(4), '\x1b[4F\x1b[J')
  })
})
