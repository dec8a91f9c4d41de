/**
 * Fallback HTTP client for the "http" scenario when curl is not installed:
 * GET a URL into a file, exit 0 on a complete 200 response, non-zero otherwise.
 *
 *   node --import tsx bench/http-fetch.ts URL OUTFILE
 */
import { createWriteStream } from 'node:fs'
import { get } from 'node:http'
import { pipeline } from 'node:stream/promises'

const [url, out] = process.argv.slice(2)
if (url == null || out == null) {
  console.error('usage: http-fetch URL OUTFILE')
  process.exit(2)
}

get(url, res => {
  if (res.statusCode !== 200) {
    console.error(`http-fetch: HTTP ${String(res.statusCode)}`)
    res.resume()
    process.exit(1)
  }
  const expected = Number(res.headers['content-length'] ?? NaN)
  let received = 0
  res.on('data', (d: Buffer) => { received += d.length })
  pipeline(res, createWriteStream(out)).then(() => {
    if (Number.isFinite(expected) && received !== expected) {
      console.error(`http-fetch: short body ${received}/${expected}`)
      process.exit(1)
    }
    process.exit(0)
  }, (err: Error) => {
    console.error(`http-fetch: ${err.message}`)
    process.exit(1)
  })
}).on('error', err => {
  console.error(`http-fetch: ${err.message}`)
  process.exit(1)
})
