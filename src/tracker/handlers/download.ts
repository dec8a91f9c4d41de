import { ProtocolError } from '../../errors.js'
import type { Handler } from '../context.js'
import { handleGetPeers } from './get-peers.js'

/**
 * DOWNLOAD: a client wants a file: its manifest and the ranked holders
 * (GET_PEERS with the manifest, for a caller that says where it is). Kept a
 * request of its own so the tracker can later act on client demand, e.g.
 * prefetch to a server near the client.
 */
export const handleDownload: Handler = async (ctx, caller, req) => {
  const d = req.download
  if (d == null) throw new ProtocolError('DOWNLOAD without a download body')
  return handleGetPeers(ctx, caller, { ...req, getPeers: { fileId: d.fileId, wantManifest: true, max: d.max, subnet: d.subnet, network: d.network, banned: [] } })
}
