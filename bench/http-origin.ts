/**
 * Minimal static HTTP origin for the "http" scenario: serves one file at any
 * path, with single-range support so resumable clients behave normally.
 * Runs inside the origin's namespace; prints {"event":"listening"} when ready.
 *
 *   node --import tsx bench/http-origin.ts --file PATH --host IP --port PORT
 */
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'

const RANGE = /^bytes=(\d*)-(\d*)$/

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    host: { type: 'string', default: '0.0.0.0' },
    port: { type: 'string', default: '8080' }
  }
})
if (values.file == null) {
  console.error('usage: http-origin --file PATH [--host IP] [--port PORT]')
  process.exit(2)
}
const file = values.file
const size = statSync(file).size

/** Parse one "bytes=a-b" range; null for absent, 'bad' for unsatisfiable. */
function parseRange (header: string | undefined): { start: number, end: number } | null | 'bad' {
  if (header == null) return null
  const m = RANGE.exec(header.trim())
  if (m == null) return null // multi-range or odd units: serve the whole file, as allowed
  let start: number
  let end: number
  if (m[1] === '') { // suffix range: the last N bytes
    const n = Number(m[2])
    if (n === 0) return 'bad'
    start = Math.max(0, size - n)
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  }
  if (start >= size || start > end) return 'bad'
  return { start, end }
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end()
    return
  }
  const range = parseRange(req.headers.range)
  if (range === 'bad') {
    res.writeHead(416, { 'content-range': `bytes */${size}` }).end()
    return
  }
  const start = range?.start ?? 0
  const end = range?.end ?? size - 1
  const headers: Record<string, string | number> = {
    'content-type': 'application/octet-stream',
    'content-length': end - start + 1,
    'accept-ranges': 'bytes',
    'content-disposition': `attachment; filename="${basename(file)}"`
  }
  if (range != null) headers['content-range'] = `bytes ${start}-${end}/${size}`
  res.writeHead(range != null ? 206 : 200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(file, { start, end })
  stream.on('error', () => res.destroy())
  stream.pipe(res)
})

server.listen(Number(values.port), values.host, () => {
  console.log(JSON.stringify({ event: 'listening', host: values.host, port: Number(values.port), size }))
})

for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.once(sig, () => {
    server.close()
    server.closeAllConnections()
    process.exit(0)
  })
}
