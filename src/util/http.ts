import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Starts an HTTP server listening; rejects on a bind error (port taken) instead of emitting it. */
export async function listenHttp (server: Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => { server.off('error', reject); resolve() })
  })
  return server.address() as AddressInfo
}
