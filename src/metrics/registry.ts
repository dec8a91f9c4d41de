import { collectDefaultMetrics, Registry } from 'prom-client'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { METRIC_PREFIX, METRICS_PATH } from './names.js'

/**
 * A registry of our own (never prom-client's global one: libp2p's
 * prometheusMetrics clears that), with the process metrics (memory, CPU,
 * event loop lag, heap) under the shoal_ prefix.
 */
export function createRegistry (role: string): Registry {
  const registry = new Registry()
  registry.setDefaultLabels({ role })
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX })
  return registry
}

/** Answers GET /metrics in Prometheus text format; false for other paths. */
export function handleMetricsRequest (registry: Registry, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://metrics').pathname
  if (path !== METRICS_PATH) return false
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
    res.end('only GET and HEAD are supported\n')
    return true
  }
  registry.metrics().then((text) => {
    res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
    res.end(req.method === 'HEAD' ? undefined : text)
  }, (err: Error) => {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`metrics failed: ${err.message}\n`)
  })
  return true
}
