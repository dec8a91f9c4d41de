import type { AbortOptions, PeerId } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'
import { InvalidArgumentError, ProtocolError } from '../errors.js'
import type { ShoalNode } from '../node/index.js'
import {
  TrackerRequest, TrackerResponse, type Announce, type FallbackRequest, type FallbackResponse, type FileEntry, type GetPeers,
  type Heartbeat, type IngestCommit, type IngestCommitResponse, type Members, type Peers, type Register, type RegisterResponse,
  type TaskResult, type TaskStatus, type UploadCandidates, type UploadRequest
} from '../pb/tracker.js'
import { CALL_TIMEOUT_MS, LARGE_CALL_TIMEOUT_MS, MAX_TRACKER_RESPONSE_BYTES, TRACKER_PROTOCOL } from '../rpc/constants.js'
import { callRpc } from '../rpc/rpc.js'
import { errorOf } from '../rpc/tracker-errors.js'

const { Type } = TrackerRequest

/**
 * Calls to a tracker over /shoal/tracker/1.0.0, one stream per call, each with
 * a deadline. An error reply becomes the matching named error (errorOf).
 * Used by task servers and by the operator commands.
 */
export class TrackerClient {
  readonly node: ShoalNode
  readonly addr: Multiaddr
  readonly peerId: PeerId
  /**
   * Private swarm: where the member list the tracker sends with REGISTER and
   * HEARTBEAT answers goes (a server's gater reads it). Its digest rides on
   * each heartbeat, so the list travels only when it changed.
   */
  members?: { readonly digest: string, update(members: Members): void }
  /** A client token the tracker issued, sent with every call (clients not on the tracker's client list). */
  token?: string

  constructor (node: ShoalNode, addr: Multiaddr) {
    const id = addr.getComponents().find((c) => c.name === 'p2p')?.value
    if (id == null) throw new InvalidArgumentError(`tracker address ${addr.toString()} needs /p2p/<tracker peer id> at the end`)
    this.node = node
    this.addr = addr
    this.peerId = peerIdFromString(id)
  }

  async register (body: Partial<Register>, options?: AbortOptions): Promise<RegisterResponse> {
    const res = await this.#call({ type: Type.REGISTER, register: fill(body) }, options)
    const register = need(res.register, 'register')
    if (register.members != null) this.members?.update(register.members)
    return register
  }

  /** False when the tracker asks us to register again (it does not know us). */
  async heartbeat (body: Partial<Heartbeat>, options?: AbortOptions): Promise<boolean> {
    const res = await this.#call({ type: Type.HEARTBEAT, heartbeat: { load: body.load ?? 0, tasks: body.tasks ?? [], bytesSent: body.bytesSent ?? 0n, bytesReceived: body.bytesReceived ?? 0n, membersDigest: this.members?.digest ?? '' } }, options)
    const heartbeat = need(res.heartbeat, 'heartbeat')
    if (heartbeat.members != null) this.members?.update(heartbeat.members)
    return heartbeat.reregister !== true
  }

  async announce (body: Announce, options?: AbortOptions): Promise<void> {
    await this.#call({ type: Type.ANNOUNCE, announce: body }, options)
  }

  async getPeers (fileId: CID, body: Partial<GetPeers> = {}, options?: AbortOptions): Promise<Peers> {
    const res = await this.#call({
      type: Type.GET_PEERS,
      getPeers: { fileId: fileId.bytes as Uint8Array<ArrayBuffer>, wantManifest: false, max: 0, subnet: '', network: '', ...body, banned: body.banned ?? [] }
    }, { ...options, large: body.wantManifest === true })
    return need(res.peers, 'peers')
  }

  /** Sends a task result; true when the tracker had recorded it before (a duplicate). */
  async reportResult (body: TaskResult, options?: AbortOptions): Promise<boolean> {
    const res = await this.#call({ type: Type.TASK_RESULT, taskResult: body }, options)
    return need(res.taskResult, 'taskResult').duplicate
  }

  async commit (fileId: CID, options?: AbortOptions): Promise<{ known: boolean }> {
    const res = await this.#call({ type: Type.COMMIT, commit: { fileId: fileId.bytes as Uint8Array<ArrayBuffer> } }, options)
    return { known: need(res.commit, 'commit').known }
  }

  async replicate (fileId: CID, to: string[], options?: AbortOptions): Promise<{ taskId: string, servers: string[] }> {
    const res = await this.#call({ type: Type.REPLICATE, replicate: { fileId: fileId.bytes as Uint8Array<ArrayBuffer>, to } }, options)
    return need(res.replicate, 'replicate')
  }

  async prefetch (fileId: CID, server: string, options?: AbortOptions): Promise<{ taskId: string, servers: string[] }> {
    const res = await this.#call({ type: Type.PREFETCH, prefetch: { fileId: fileId.bytes as Uint8Array<ArrayBuffer>, server } }, options)
    return need(res.replicate, 'replicate')
  }

  async taskStatus (taskId: string, options?: AbortOptions): Promise<TaskStatus> {
    const res = await this.#call({ type: Type.TASK_STATUS, taskStatus: { taskId } }, options)
    return need(res.taskStatus, 'taskStatus')
  }

  /** Client: ranked ingest candidates for an upload of `size` bytes. */
  async upload (body: Partial<UploadRequest>, options?: AbortOptions): Promise<UploadCandidates> {
    const res = await this.#call({ type: Type.UPLOAD, upload: { size: 0n, subnet: '', network: '', max: 0, ...body } }, options)
    return need(res.upload, 'upload')
  }

  /** Ingest server: a client's upload is complete and verified here; record it and replicate. */
  async ingestCommit (body: Partial<IngestCommit>, options?: AbortOptions): Promise<IngestCommitResponse> {
    const res = await this.#call({
      type: Type.INGEST_COMMIT,
      ingestCommit: { manifest: new Uint8Array(), replicateTo: [], replicateNetwork: '', replicateAll: false, ...body }
    }, { ...options, large: true })
    return need(res.ingestCommit, 'ingestCommit')
  }

  /** Client: the manifest and ranked holders of a file. */
  async download (fileId: CID, body: { subnet?: string, network?: string, max?: number } = {}, options?: AbortOptions): Promise<Peers> {
    const res = await this.#call({
      type: Type.DOWNLOAD,
      download: { fileId: fileId.bytes as Uint8Array<ArrayBuffer>, subnet: body.subnet ?? '', network: body.network ?? '', max: body.max ?? 0 }
    }, { ...options, large: true })
    return need(res.peers, 'peers')
  }

  /** Client: other sources (HTTP) when P2P is impossible or too slow. */
  async fallback (fileId: CID, body: Partial<Omit<FallbackRequest, 'fileId'>> = {}, options?: AbortOptions): Promise<FallbackResponse> {
    const res = await this.#call({
      type: Type.FALLBACK,
      fallback: { fileId: fileId.bytes as Uint8Array<ArrayBuffer>, reason: '', unreachable: [], subnet: '', network: '', ...body }
    }, options)
    return need(res.fallback, 'fallback')
  }

  async listFiles (max = 0, options?: AbortOptions): Promise<FileEntry[]> {
    const res = await this.#call({ type: Type.LIST_FILES, listFiles: { max } }, { ...options, large: true })
    return need(res.files, 'files').files
  }

  async listTasks (max = 0, options?: AbortOptions): Promise<TaskStatus[]> {
    const res = await this.#call({ type: Type.LIST_TASKS, listTasks: { max } }, options)
    return need(res.tasks, 'tasks').tasks
  }

  async #call (request: Partial<TrackerRequest>, options: AbortOptions & { large?: boolean } = {}): Promise<TrackerResponse> {
    if (this.token != null && this.token !== '') request = { ...request, token: this.token }
    const bytes = await callRpc(this.node, this.addr, TRACKER_PROTOCOL, TrackerRequest.encode(request), {
      timeoutMs: options.large === true ? LARGE_CALL_TIMEOUT_MS : CALL_TIMEOUT_MS,
      maxResponseBytes: MAX_TRACKER_RESPONSE_BYTES,
      what: `tracker ${String(request.type)}`,
      signal: options.signal
    })
    let res: TrackerResponse
    try {
      res = TrackerResponse.decode(bytes)
    } catch (err: any) {
      throw new ProtocolError(`tracker response does not decode: ${err.message}`)
    }
    if (res.error != null) throw errorOf(res.error)
    return res
  }
}

function fill (r: Partial<Register>): Register {
  return { addrs: [], lanAddrs: [], subnet: '', network: '', capacityBytes: 0n, ingest: false, httpUrl: '', ...r }
}

function need<T> (value: T | undefined, field: string): T {
  if (value == null) throw new ProtocolError(`tracker response lacks ${field}`)
  return value
}
