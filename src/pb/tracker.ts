import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'
import { readUtf8 } from '../util/utf8.js'
import { writeUint64 } from '../util/uint64.js'

export interface TrackerRequest {
  type: TrackerRequest.Type
  register?: Register
  heartbeat?: Heartbeat
  announce?: Announce
  getPeers?: GetPeers
  commit?: Commit
  taskResult?: TaskResult
  replicate?: Replicate
  taskStatus?: TaskStatusRequest
  prefetch?: Prefetch
  upload?: UploadRequest
  ingestCommit?: IngestCommit
  download?: DownloadRequest
  fallback?: FallbackRequest
  listFiles?: ListFiles
  listTasks?: ListTasks
  token: string
}

export namespace TrackerRequest {
  export enum Type {
    UNSPECIFIED = 'UNSPECIFIED',
    REGISTER = 'REGISTER',
    HEARTBEAT = 'HEARTBEAT',
    ANNOUNCE = 'ANNOUNCE',
    GET_PEERS = 'GET_PEERS',
    COMMIT = 'COMMIT',
    TASK_RESULT = 'TASK_RESULT',
    REPLICATE = 'REPLICATE',
    TASK_STATUS = 'TASK_STATUS',
    PREFETCH = 'PREFETCH',
    UPLOAD = 'UPLOAD',
    INGEST_COMMIT = 'INGEST_COMMIT',
    DOWNLOAD = 'DOWNLOAD',
    FALLBACK = 'FALLBACK',
    LIST_FILES = 'LIST_FILES',
    LIST_TASKS = 'LIST_TASKS'
  }

  enum __TypeValues {
    UNSPECIFIED = 0,
    REGISTER = 1,
    HEARTBEAT = 2,
    ANNOUNCE = 3,
    GET_PEERS = 4,
    COMMIT = 5,
    TASK_RESULT = 6,
    REPLICATE = 7,
    TASK_STATUS = 8,
    PREFETCH = 9,
    UPLOAD = 10,
    INGEST_COMMIT = 11,
    DOWNLOAD = 12,
    FALLBACK = 13,
    LIST_FILES = 14,
    LIST_TASKS = 15
  }

  export namespace Type {
    export const codec = (): Codec<Type> => {
      return enumeration<Type>(__TypeValues)
    }
  }

  let _codec: Codec<TrackerRequest>

  export const codec = (): Codec<TrackerRequest> => {
    if (_codec == null) {
      _codec = message<TrackerRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.type != null && __TypeValues[obj.type] !== 0) {
          w.uint32(8)
          TrackerRequest.Type.codec().encode(obj.type, w)
        }

        if (obj.register != null) {
          w.uint32(18)
          Register.codec().encode(obj.register, w)
        }

        if (obj.heartbeat != null) {
          w.uint32(26)
          Heartbeat.codec().encode(obj.heartbeat, w)
        }

        if (obj.announce != null) {
          w.uint32(34)
          Announce.codec().encode(obj.announce, w)
        }

        if (obj.getPeers != null) {
          w.uint32(42)
          GetPeers.codec().encode(obj.getPeers, w)
        }

        if (obj.commit != null) {
          w.uint32(50)
          Commit.codec().encode(obj.commit, w)
        }

        if (obj.taskResult != null) {
          w.uint32(58)
          TaskResult.codec().encode(obj.taskResult, w)
        }

        if (obj.replicate != null) {
          w.uint32(66)
          Replicate.codec().encode(obj.replicate, w)
        }

        if (obj.taskStatus != null) {
          w.uint32(74)
          TaskStatusRequest.codec().encode(obj.taskStatus, w)
        }

        if (obj.prefetch != null) {
          w.uint32(82)
          Prefetch.codec().encode(obj.prefetch, w)
        }

        if (obj.upload != null) {
          w.uint32(90)
          UploadRequest.codec().encode(obj.upload, w)
        }

        if (obj.ingestCommit != null) {
          w.uint32(98)
          IngestCommit.codec().encode(obj.ingestCommit, w)
        }

        if (obj.download != null) {
          w.uint32(106)
          DownloadRequest.codec().encode(obj.download, w)
        }

        if (obj.fallback != null) {
          w.uint32(114)
          FallbackRequest.codec().encode(obj.fallback, w)
        }

        if (obj.listFiles != null) {
          w.uint32(122)
          ListFiles.codec().encode(obj.listFiles, w)
        }

        if (obj.listTasks != null) {
          w.uint32(130)
          ListTasks.codec().encode(obj.listTasks, w)
        }

        if ((obj.token != null && obj.token !== '')) {
          w.uint32(138)
          w.string(obj.token)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          type: Type.UNSPECIFIED,
          token: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.type = TrackerRequest.Type.codec().decode(reader)
              break
            }
            case 2: {
              obj.register = Register.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.register
              })
              break
            }
            case 3: {
              obj.heartbeat = Heartbeat.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.heartbeat
              })
              break
            }
            case 4: {
              obj.announce = Announce.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.announce
              })
              break
            }
            case 5: {
              obj.getPeers = GetPeers.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.getPeers
              })
              break
            }
            case 6: {
              obj.commit = Commit.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.commit
              })
              break
            }
            case 7: {
              obj.taskResult = TaskResult.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.taskResult
              })
              break
            }
            case 8: {
              obj.replicate = Replicate.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.replicate
              })
              break
            }
            case 9: {
              obj.taskStatus = TaskStatusRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.taskStatus
              })
              break
            }
            case 10: {
              obj.prefetch = Prefetch.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.prefetch
              })
              break
            }
            case 11: {
              obj.upload = UploadRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.upload
              })
              break
            }
            case 12: {
              obj.ingestCommit = IngestCommit.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ingestCommit
              })
              break
            }
            case 13: {
              obj.download = DownloadRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.download
              })
              break
            }
            case 14: {
              obj.fallback = FallbackRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fallback
              })
              break
            }
            case 15: {
              obj.listFiles = ListFiles.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.listFiles
              })
              break
            }
            case 16: {
              obj.listTasks = ListTasks.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.listTasks
              })
              break
            }
            case 17: {
              obj.token = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.type`,
                value: TrackerRequest.Type.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield * Register.codec().stream(reader, reader.uint32(), `${prefix}.register`, {
                limits: opts.limits?.register
              })

              break
            }
            case 3: {
              yield * Heartbeat.codec().stream(reader, reader.uint32(), `${prefix}.heartbeat`, {
                limits: opts.limits?.heartbeat
              })

              break
            }
            case 4: {
              yield * Announce.codec().stream(reader, reader.uint32(), `${prefix}.announce`, {
                limits: opts.limits?.announce
              })

              break
            }
            case 5: {
              yield * GetPeers.codec().stream(reader, reader.uint32(), `${prefix}.getPeers`, {
                limits: opts.limits?.getPeers
              })

              break
            }
            case 6: {
              yield * Commit.codec().stream(reader, reader.uint32(), `${prefix}.commit`, {
                limits: opts.limits?.commit
              })

              break
            }
            case 7: {
              yield * TaskResult.codec().stream(reader, reader.uint32(), `${prefix}.taskResult`, {
                limits: opts.limits?.taskResult
              })

              break
            }
            case 8: {
              yield * Replicate.codec().stream(reader, reader.uint32(), `${prefix}.replicate`, {
                limits: opts.limits?.replicate
              })

              break
            }
            case 9: {
              yield * TaskStatusRequest.codec().stream(reader, reader.uint32(), `${prefix}.taskStatus`, {
                limits: opts.limits?.taskStatus
              })

              break
            }
            case 10: {
              yield * Prefetch.codec().stream(reader, reader.uint32(), `${prefix}.prefetch`, {
                limits: opts.limits?.prefetch
              })

              break
            }
            case 11: {
              yield * UploadRequest.codec().stream(reader, reader.uint32(), `${prefix}.upload`, {
                limits: opts.limits?.upload
              })

              break
            }
            case 12: {
              yield * IngestCommit.codec().stream(reader, reader.uint32(), `${prefix}.ingestCommit`, {
                limits: opts.limits?.ingestCommit
              })

              break
            }
            case 13: {
              yield * DownloadRequest.codec().stream(reader, reader.uint32(), `${prefix}.download`, {
                limits: opts.limits?.download
              })

              break
            }
            case 14: {
              yield * FallbackRequest.codec().stream(reader, reader.uint32(), `${prefix}.fallback`, {
                limits: opts.limits?.fallback
              })

              break
            }
            case 15: {
              yield * ListFiles.codec().stream(reader, reader.uint32(), `${prefix}.listFiles`, {
                limits: opts.limits?.listFiles
              })

              break
            }
            case 16: {
              yield * ListTasks.codec().stream(reader, reader.uint32(), `${prefix}.listTasks`, {
                limits: opts.limits?.listTasks
              })

              break
            }
            case 17: {
              yield {
                field: `${prefix}.token`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TrackerRequestTypeFieldEvent {
    field: '$.type'
    value: TrackerRequest.Type
  }

  export interface TrackerRequestRegisterAddrsFieldEvent {
    field: '$.register.addrs[]'
    index: number
    value: string
  }

  export interface TrackerRequestRegisterLanAddrsFieldEvent {
    field: '$.register.lanAddrs[]'
    index: number
    value: string
  }

  export interface TrackerRequestRegisterSubnetFieldEvent {
    field: '$.register.subnet'
    value: string
  }

  export interface TrackerRequestRegisterNetworkFieldEvent {
    field: '$.register.network'
    value: string
  }

  export interface TrackerRequestRegisterCapacityBytesFieldEvent {
    field: '$.register.capacityBytes'
    value: bigint
  }

  export interface TrackerRequestRegisterIngestFieldEvent {
    field: '$.register.ingest'
    value: boolean
  }

  export interface TrackerRequestRegisterHttpUrlFieldEvent {
    field: '$.register.httpUrl'
    value: string
  }

  export interface TrackerRequestHeartbeatLoadFieldEvent {
    field: '$.heartbeat.load'
    value: number
  }

  export interface TrackerRequestHeartbeatTasksTaskIdFieldEvent {
    field: '$.heartbeat.tasks[].taskId'
    value: string
    index: number
  }

  export interface TrackerRequestHeartbeatTasksBytesFieldEvent {
    field: '$.heartbeat.tasks[].bytes'
    value: bigint
    index: number
  }

  export interface TrackerRequestHeartbeatTasksTotalBytesFieldEvent {
    field: '$.heartbeat.tasks[].totalBytes'
    value: bigint
    index: number
  }

  export interface TrackerRequestHeartbeatBytesSentFieldEvent {
    field: '$.heartbeat.bytesSent'
    value: bigint
  }

  export interface TrackerRequestHeartbeatBytesReceivedFieldEvent {
    field: '$.heartbeat.bytesReceived'
    value: bigint
  }

  export interface TrackerRequestHeartbeatMembersDigestFieldEvent {
    field: '$.heartbeat.membersDigest'
    value: string
  }

  export interface TrackerRequestAnnounceHoldingsFileIdFieldEvent {
    field: '$.announce.holdings[].fileId'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface TrackerRequestAnnounceHoldingsBitfieldFieldEvent {
    field: '$.announce.holdings[].bitfield'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface TrackerRequestAnnounceHoldingsCompleteFieldEvent {
    field: '$.announce.holdings[].complete'
    value: boolean
    index: number
  }

  export interface TrackerRequestAnnounceFullFieldEvent {
    field: '$.announce.full'
    value: boolean
  }

  export interface TrackerRequestGetPeersFileIdFieldEvent {
    field: '$.getPeers.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestGetPeersWantManifestFieldEvent {
    field: '$.getPeers.wantManifest'
    value: boolean
  }

  export interface TrackerRequestGetPeersMaxFieldEvent {
    field: '$.getPeers.max'
    value: number
  }

  export interface TrackerRequestGetPeersSubnetFieldEvent {
    field: '$.getPeers.subnet'
    value: string
  }

  export interface TrackerRequestGetPeersNetworkFieldEvent {
    field: '$.getPeers.network'
    value: string
  }

  export interface TrackerRequestGetPeersBannedFieldEvent {
    field: '$.getPeers.banned[]'
    index: number
    value: string
  }

  export interface TrackerRequestCommitFileIdFieldEvent {
    field: '$.commit.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestTaskResultTaskIdFieldEvent {
    field: '$.taskResult.taskId'
    value: string
  }

  export interface TrackerRequestTaskResultOkFieldEvent {
    field: '$.taskResult.ok'
    value: boolean
  }

  export interface TrackerRequestTaskResultReasonFieldEvent {
    field: '$.taskResult.reason'
    value: string
  }

  export interface TrackerRequestTaskResultBytesFromPeerIdFieldEvent {
    field: '$.taskResult.bytesFrom[].peerId'
    value: string
    index: number
  }

  export interface TrackerRequestTaskResultBytesFromBytesFieldEvent {
    field: '$.taskResult.bytesFrom[].bytes'
    value: bigint
    index: number
  }

  export interface TrackerRequestTaskResultDurationMsFieldEvent {
    field: '$.taskResult.durationMs'
    value: number
  }

  export interface TrackerRequestTaskResultResumedChunksFieldEvent {
    field: '$.taskResult.resumedChunks'
    value: number
  }

  export interface TrackerRequestTaskResultFetchedChunksFieldEvent {
    field: '$.taskResult.fetchedChunks'
    value: number
  }

  export interface TrackerRequestTaskResultSha256FieldEvent {
    field: '$.taskResult.sha256'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestTaskResultAttemptFieldEvent {
    field: '$.taskResult.attempt'
    value: number
  }

  export interface TrackerRequestTaskResultFetchAttemptsFieldEvent {
    field: '$.taskResult.fetchAttempts'
    value: number
  }

  export interface TrackerRequestReplicateFileIdFieldEvent {
    field: '$.replicate.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestReplicateToFieldEvent {
    field: '$.replicate.to[]'
    index: number
    value: string
  }

  export interface TrackerRequestTaskStatusTaskIdFieldEvent {
    field: '$.taskStatus.taskId'
    value: string
  }

  export interface TrackerRequestPrefetchFileIdFieldEvent {
    field: '$.prefetch.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestPrefetchServerFieldEvent {
    field: '$.prefetch.server'
    value: string
  }

  export interface TrackerRequestUploadSizeFieldEvent {
    field: '$.upload.size'
    value: bigint
  }

  export interface TrackerRequestUploadSubnetFieldEvent {
    field: '$.upload.subnet'
    value: string
  }

  export interface TrackerRequestUploadNetworkFieldEvent {
    field: '$.upload.network'
    value: string
  }

  export interface TrackerRequestUploadMaxFieldEvent {
    field: '$.upload.max'
    value: number
  }

  export interface TrackerRequestIngestCommitManifestFieldEvent {
    field: '$.ingestCommit.manifest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestIngestCommitReplicateToFieldEvent {
    field: '$.ingestCommit.replicateTo[]'
    index: number
    value: string
  }

  export interface TrackerRequestIngestCommitReplicateNetworkFieldEvent {
    field: '$.ingestCommit.replicateNetwork'
    value: string
  }

  export interface TrackerRequestIngestCommitReplicateAllFieldEvent {
    field: '$.ingestCommit.replicateAll'
    value: boolean
  }

  export interface TrackerRequestDownloadFileIdFieldEvent {
    field: '$.download.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestDownloadSubnetFieldEvent {
    field: '$.download.subnet'
    value: string
  }

  export interface TrackerRequestDownloadNetworkFieldEvent {
    field: '$.download.network'
    value: string
  }

  export interface TrackerRequestDownloadMaxFieldEvent {
    field: '$.download.max'
    value: number
  }

  export interface TrackerRequestFallbackFileIdFieldEvent {
    field: '$.fallback.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerRequestFallbackReasonFieldEvent {
    field: '$.fallback.reason'
    value: string
  }

  export interface TrackerRequestFallbackUnreachableFieldEvent {
    field: '$.fallback.unreachable[]'
    index: number
    value: string
  }

  export interface TrackerRequestFallbackSubnetFieldEvent {
    field: '$.fallback.subnet'
    value: string
  }

  export interface TrackerRequestFallbackNetworkFieldEvent {
    field: '$.fallback.network'
    value: string
  }

  export interface TrackerRequestListFilesMaxFieldEvent {
    field: '$.listFiles.max'
    value: number
  }

  export interface TrackerRequestListTasksMaxFieldEvent {
    field: '$.listTasks.max'
    value: number
  }

  export interface TrackerRequestTokenFieldEvent {
    field: '$.token'
    value: string
  }

  export function encode (obj: Partial<TrackerRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TrackerRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerRequest>): TrackerRequest {
    return decodeMessage(buf, TrackerRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerRequest>): Generator<TrackerRequestTypeFieldEvent | TrackerRequestRegisterAddrsFieldEvent | TrackerRequestRegisterLanAddrsFieldEvent | TrackerRequestRegisterSubnetFieldEvent | TrackerRequestRegisterNetworkFieldEvent | TrackerRequestRegisterCapacityBytesFieldEvent | TrackerRequestRegisterIngestFieldEvent | TrackerRequestRegisterHttpUrlFieldEvent | TrackerRequestHeartbeatLoadFieldEvent | TrackerRequestHeartbeatTasksTaskIdFieldEvent | TrackerRequestHeartbeatTasksBytesFieldEvent | TrackerRequestHeartbeatTasksTotalBytesFieldEvent | TrackerRequestHeartbeatBytesSentFieldEvent | TrackerRequestHeartbeatBytesReceivedFieldEvent | TrackerRequestHeartbeatMembersDigestFieldEvent | TrackerRequestAnnounceHoldingsFileIdFieldEvent | TrackerRequestAnnounceHoldingsBitfieldFieldEvent | TrackerRequestAnnounceHoldingsCompleteFieldEvent | TrackerRequestAnnounceFullFieldEvent | TrackerRequestGetPeersFileIdFieldEvent | TrackerRequestGetPeersWantManifestFieldEvent | TrackerRequestGetPeersMaxFieldEvent | TrackerRequestGetPeersSubnetFieldEvent | TrackerRequestGetPeersNetworkFieldEvent | TrackerRequestGetPeersBannedFieldEvent | TrackerRequestCommitFileIdFieldEvent | TrackerRequestTaskResultTaskIdFieldEvent | TrackerRequestTaskResultOkFieldEvent | TrackerRequestTaskResultReasonFieldEvent | TrackerRequestTaskResultBytesFromPeerIdFieldEvent | TrackerRequestTaskResultBytesFromBytesFieldEvent | TrackerRequestTaskResultDurationMsFieldEvent | TrackerRequestTaskResultResumedChunksFieldEvent | TrackerRequestTaskResultFetchedChunksFieldEvent | TrackerRequestTaskResultSha256FieldEvent | TrackerRequestTaskResultAttemptFieldEvent | TrackerRequestTaskResultFetchAttemptsFieldEvent | TrackerRequestReplicateFileIdFieldEvent | TrackerRequestReplicateToFieldEvent | TrackerRequestTaskStatusTaskIdFieldEvent | TrackerRequestPrefetchFileIdFieldEvent | TrackerRequestPrefetchServerFieldEvent | TrackerRequestUploadSizeFieldEvent | TrackerRequestUploadSubnetFieldEvent | TrackerRequestUploadNetworkFieldEvent | TrackerRequestUploadMaxFieldEvent | TrackerRequestIngestCommitManifestFieldEvent | TrackerRequestIngestCommitReplicateToFieldEvent | TrackerRequestIngestCommitReplicateNetworkFieldEvent | TrackerRequestIngestCommitReplicateAllFieldEvent | TrackerRequestDownloadFileIdFieldEvent | TrackerRequestDownloadSubnetFieldEvent | TrackerRequestDownloadNetworkFieldEvent | TrackerRequestDownloadMaxFieldEvent | TrackerRequestFallbackFileIdFieldEvent | TrackerRequestFallbackReasonFieldEvent | TrackerRequestFallbackUnreachableFieldEvent | TrackerRequestFallbackSubnetFieldEvent | TrackerRequestFallbackNetworkFieldEvent | TrackerRequestListFilesMaxFieldEvent | TrackerRequestListTasksMaxFieldEvent | TrackerRequestTokenFieldEvent> {
    return streamMessage(buf, TrackerRequest.codec(), opts)
  }
}

export interface Register {
  addrs: string[]
  lanAddrs: string[]
  subnet: string
  network: string
  capacityBytes: bigint
  ingest: boolean
  httpUrl: string
}

export namespace Register {
  let _codec: Codec<Register>

  export const codec = (): Codec<Register> => {
    if (_codec == null) {
      _codec = message<Register>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.addrs != null && obj.addrs.length > 0) {
          for (const value of obj.addrs) {
            w.uint32(10)
            w.string(value)
          }
        }

        if (obj.lanAddrs != null && obj.lanAddrs.length > 0) {
          for (const value of obj.lanAddrs) {
            w.uint32(18)
            w.string(value)
          }
        }

        if ((obj.subnet != null && obj.subnet !== '')) {
          w.uint32(26)
          w.string(obj.subnet)
        }

        if ((obj.network != null && obj.network !== '')) {
          w.uint32(34)
          w.string(obj.network)
        }

        if ((obj.capacityBytes != null && obj.capacityBytes !== 0n)) {
          w.uint32(40)
          writeUint64(w, obj.capacityBytes)
        }

        if ((obj.ingest != null && obj.ingest !== false)) {
          w.uint32(48)
          w.bool(obj.ingest)
        }

        if ((obj.httpUrl != null && obj.httpUrl !== '')) {
          w.uint32(58)
          w.string(obj.httpUrl)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          addrs: [],
          lanAddrs: [],
          subnet: '',
          network: '',
          capacityBytes: 0n,
          ingest: false,
          httpUrl: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.addrs != null && obj.addrs.length === opts.limits.addrs) {
                throw new MaxLengthError('Decode error - repeated field "addrs" had too many elements')
              }

              obj.addrs.push(readUtf8(reader))
              break
            }
            case 2: {
              if (opts.limits?.lanAddrs != null && obj.lanAddrs.length === opts.limits.lanAddrs) {
                throw new MaxLengthError('Decode error - repeated field "lanAddrs" had too many elements')
              }

              obj.lanAddrs.push(readUtf8(reader))
              break
            }
            case 3: {
              obj.subnet = readUtf8(reader)
              break
            }
            case 4: {
              obj.network = readUtf8(reader)
              break
            }
            case 5: {
              obj.capacityBytes = reader.uint64()
              break
            }
            case 6: {
              obj.ingest = reader.bool()
              break
            }
            case 7: {
              obj.httpUrl = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          addrs: 0,
          lanAddrs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.addrs != null && obj.addrs === opts.limits.addrs) {
                throw new MaxLengthError('Streaming decode error - repeated field "addrs" had too many elements')
              }

              yield {
                field: `${prefix}.addrs[]`,
                index: obj.addrs,
                value: readUtf8(reader)
              }

              obj.addrs++

              break
            }
            case 2: {
              if (opts.limits?.lanAddrs != null && obj.lanAddrs === opts.limits.lanAddrs) {
                throw new MaxLengthError('Streaming decode error - repeated field "lanAddrs" had too many elements')
              }

              yield {
                field: `${prefix}.lanAddrs[]`,
                index: obj.lanAddrs,
                value: readUtf8(reader)
              }

              obj.lanAddrs++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.subnet`,
                value: readUtf8(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.network`,
                value: readUtf8(reader)
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.capacityBytes`,
                value: reader.uint64()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.ingest`,
                value: reader.bool()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.httpUrl`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface RegisterAddrsFieldEvent {
    field: '$.addrs[]'
    index: number
    value: string
  }

  export interface RegisterLanAddrsFieldEvent {
    field: '$.lanAddrs[]'
    index: number
    value: string
  }

  export interface RegisterSubnetFieldEvent {
    field: '$.subnet'
    value: string
  }

  export interface RegisterNetworkFieldEvent {
    field: '$.network'
    value: string
  }

  export interface RegisterCapacityBytesFieldEvent {
    field: '$.capacityBytes'
    value: bigint
  }

  export interface RegisterIngestFieldEvent {
    field: '$.ingest'
    value: boolean
  }

  export interface RegisterHttpUrlFieldEvent {
    field: '$.httpUrl'
    value: string
  }

  export function encode (obj: Partial<Register>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Register.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Register>): Register {
    return decodeMessage(buf, Register.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Register>): Generator<RegisterAddrsFieldEvent | RegisterLanAddrsFieldEvent | RegisterSubnetFieldEvent | RegisterNetworkFieldEvent | RegisterCapacityBytesFieldEvent | RegisterIngestFieldEvent | RegisterHttpUrlFieldEvent> {
    return streamMessage(buf, Register.codec(), opts)
  }
}

export interface RegisterResponse {
  heartbeatIntervalMs: number
  heartbeatTimeoutMs: number
  members?: Members
}

export namespace RegisterResponse {
  let _codec: Codec<RegisterResponse>

  export const codec = (): Codec<RegisterResponse> => {
    if (_codec == null) {
      _codec = message<RegisterResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.heartbeatIntervalMs != null && obj.heartbeatIntervalMs !== 0)) {
          w.uint32(8)
          w.uint32(obj.heartbeatIntervalMs)
        }

        if ((obj.heartbeatTimeoutMs != null && obj.heartbeatTimeoutMs !== 0)) {
          w.uint32(16)
          w.uint32(obj.heartbeatTimeoutMs)
        }

        if (obj.members != null) {
          w.uint32(162)
          Members.codec().encode(obj.members, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          heartbeatIntervalMs: 0,
          heartbeatTimeoutMs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.heartbeatIntervalMs = reader.uint32()
              break
            }
            case 2: {
              obj.heartbeatTimeoutMs = reader.uint32()
              break
            }
            case 20: {
              obj.members = Members.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.members
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.heartbeatIntervalMs`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.heartbeatTimeoutMs`,
                value: reader.uint32()
              }
              break
            }
            case 20: {
              yield * Members.codec().stream(reader, reader.uint32(), `${prefix}.members`, {
                limits: opts.limits?.members
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface RegisterResponseHeartbeatIntervalMsFieldEvent {
    field: '$.heartbeatIntervalMs'
    value: number
  }

  export interface RegisterResponseHeartbeatTimeoutMsFieldEvent {
    field: '$.heartbeatTimeoutMs'
    value: number
  }

  export interface RegisterResponseMembersPeerIdsFieldEvent {
    field: '$.members.peerIds[]'
    index: number
    value: string
  }

  export interface RegisterResponseMembersDigestFieldEvent {
    field: '$.members.digest'
    value: string
  }

  export interface RegisterResponseMembersClientsFieldEvent {
    field: '$.members.clients[]'
    index: number
    value: string
  }

  export interface RegisterResponseMembersClientsListedFieldEvent {
    field: '$.members.clientsListed'
    value: boolean
  }

  export function encode (obj: Partial<RegisterResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RegisterResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RegisterResponse>): RegisterResponse {
    return decodeMessage(buf, RegisterResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RegisterResponse>): Generator<RegisterResponseHeartbeatIntervalMsFieldEvent | RegisterResponseHeartbeatTimeoutMsFieldEvent | RegisterResponseMembersPeerIdsFieldEvent | RegisterResponseMembersDigestFieldEvent | RegisterResponseMembersClientsFieldEvent | RegisterResponseMembersClientsListedFieldEvent> {
    return streamMessage(buf, RegisterResponse.codec(), opts)
  }
}

export interface Heartbeat {
  load: number
  tasks: TaskProgress[]
  bytesSent: bigint
  bytesReceived: bigint
  membersDigest: string
}

export namespace Heartbeat {
  let _codec: Codec<Heartbeat>

  export const codec = (): Codec<Heartbeat> => {
    if (_codec == null) {
      _codec = message<Heartbeat>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.load != null && obj.load !== 0)) {
          w.uint32(8)
          w.uint32(obj.load)
        }

        if (obj.tasks != null && obj.tasks.length > 0) {
          for (const value of obj.tasks) {
            w.uint32(18)
            TaskProgress.codec().encode(value, w)
          }
        }

        if ((obj.bytesSent != null && obj.bytesSent !== 0n)) {
          w.uint32(24)
          writeUint64(w, obj.bytesSent)
        }

        if ((obj.bytesReceived != null && obj.bytesReceived !== 0n)) {
          w.uint32(32)
          writeUint64(w, obj.bytesReceived)
        }

        if ((obj.membersDigest != null && obj.membersDigest !== '')) {
          w.uint32(162)
          w.string(obj.membersDigest)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          load: 0,
          tasks: [],
          bytesSent: 0n,
          bytesReceived: 0n,
          membersDigest: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.load = reader.uint32()
              break
            }
            case 2: {
              if (opts.limits?.tasks != null && obj.tasks.length === opts.limits.tasks) {
                throw new MaxLengthError('Decode error - repeated field "tasks" had too many elements')
              }

              obj.tasks.push(TaskProgress.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.tasks$
              }))
              break
            }
            case 3: {
              obj.bytesSent = reader.uint64()
              break
            }
            case 4: {
              obj.bytesReceived = reader.uint64()
              break
            }
            case 20: {
              obj.membersDigest = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          tasks: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.load`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              if (opts.limits?.tasks != null && obj.tasks === opts.limits.tasks) {
                throw new MaxLengthError('Streaming decode error - repeated field "tasks" had too many elements')
              }

              for (const evt of TaskProgress.codec().stream(reader, reader.uint32(), `${prefix}.tasks[]`, {
                limits: opts.limits?.tasks$
              })) {
                yield {
                  ...evt,
                  index: obj.tasks
                }
              }

              obj.tasks++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.bytesSent`,
                value: reader.uint64()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.bytesReceived`,
                value: reader.uint64()
              }
              break
            }
            case 20: {
              yield {
                field: `${prefix}.membersDigest`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HeartbeatLoadFieldEvent {
    field: '$.load'
    value: number
  }

  export interface HeartbeatTasksTaskIdFieldEvent {
    field: '$.tasks[].taskId'
    value: string
    index: number
  }

  export interface HeartbeatTasksBytesFieldEvent {
    field: '$.tasks[].bytes'
    value: bigint
    index: number
  }

  export interface HeartbeatTasksTotalBytesFieldEvent {
    field: '$.tasks[].totalBytes'
    value: bigint
    index: number
  }

  export interface HeartbeatBytesSentFieldEvent {
    field: '$.bytesSent'
    value: bigint
  }

  export interface HeartbeatBytesReceivedFieldEvent {
    field: '$.bytesReceived'
    value: bigint
  }

  export interface HeartbeatMembersDigestFieldEvent {
    field: '$.membersDigest'
    value: string
  }

  export function encode (obj: Partial<Heartbeat>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Heartbeat.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Heartbeat {
    return decodeMessage(buf, Heartbeat.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Generator<HeartbeatLoadFieldEvent | HeartbeatTasksTaskIdFieldEvent | HeartbeatTasksBytesFieldEvent | HeartbeatTasksTotalBytesFieldEvent | HeartbeatBytesSentFieldEvent | HeartbeatBytesReceivedFieldEvent | HeartbeatMembersDigestFieldEvent> {
    return streamMessage(buf, Heartbeat.codec(), opts)
  }
}

export interface TaskProgress {
  taskId: string
  bytes: bigint
  totalBytes: bigint
}

export namespace TaskProgress {
  let _codec: Codec<TaskProgress>

  export const codec = (): Codec<TaskProgress> => {
    if (_codec == null) {
      _codec = message<TaskProgress>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(10)
          w.string(obj.taskId)
        }

        if ((obj.bytes != null && obj.bytes !== 0n)) {
          w.uint32(16)
          writeUint64(w, obj.bytes)
        }

        if ((obj.totalBytes != null && obj.totalBytes !== 0n)) {
          w.uint32(24)
          writeUint64(w, obj.totalBytes)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: '',
          bytes: 0n,
          totalBytes: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.taskId = readUtf8(reader)
              break
            }
            case 2: {
              obj.bytes = reader.uint64()
              break
            }
            case 3: {
              obj.totalBytes = reader.uint64()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.taskId`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.bytes`,
                value: reader.uint64()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.totalBytes`,
                value: reader.uint64()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TaskProgressTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface TaskProgressBytesFieldEvent {
    field: '$.bytes'
    value: bigint
  }

  export interface TaskProgressTotalBytesFieldEvent {
    field: '$.totalBytes'
    value: bigint
  }

  export function encode (obj: Partial<TaskProgress>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskProgress.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskProgress>): TaskProgress {
    return decodeMessage(buf, TaskProgress.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskProgress>): Generator<TaskProgressTaskIdFieldEvent | TaskProgressBytesFieldEvent | TaskProgressTotalBytesFieldEvent> {
    return streamMessage(buf, TaskProgress.codec(), opts)
  }
}

export interface HeartbeatResponse {
  reregister: boolean
  members?: Members
}

export namespace HeartbeatResponse {
  let _codec: Codec<HeartbeatResponse>

  export const codec = (): Codec<HeartbeatResponse> => {
    if (_codec == null) {
      _codec = message<HeartbeatResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.reregister != null && obj.reregister !== false)) {
          w.uint32(8)
          w.bool(obj.reregister)
        }

        if (obj.members != null) {
          w.uint32(162)
          Members.codec().encode(obj.members, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          reregister: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.reregister = reader.bool()
              break
            }
            case 20: {
              obj.members = Members.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.members
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.reregister`,
                value: reader.bool()
              }
              break
            }
            case 20: {
              yield * Members.codec().stream(reader, reader.uint32(), `${prefix}.members`, {
                limits: opts.limits?.members
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HeartbeatResponseReregisterFieldEvent {
    field: '$.reregister'
    value: boolean
  }

  export interface HeartbeatResponseMembersPeerIdsFieldEvent {
    field: '$.members.peerIds[]'
    index: number
    value: string
  }

  export interface HeartbeatResponseMembersDigestFieldEvent {
    field: '$.members.digest'
    value: string
  }

  export interface HeartbeatResponseMembersClientsFieldEvent {
    field: '$.members.clients[]'
    index: number
    value: string
  }

  export interface HeartbeatResponseMembersClientsListedFieldEvent {
    field: '$.members.clientsListed'
    value: boolean
  }

  export function encode (obj: Partial<HeartbeatResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HeartbeatResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HeartbeatResponse>): HeartbeatResponse {
    return decodeMessage(buf, HeartbeatResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HeartbeatResponse>): Generator<HeartbeatResponseReregisterFieldEvent | HeartbeatResponseMembersPeerIdsFieldEvent | HeartbeatResponseMembersDigestFieldEvent | HeartbeatResponseMembersClientsFieldEvent | HeartbeatResponseMembersClientsListedFieldEvent> {
    return streamMessage(buf, HeartbeatResponse.codec(), opts)
  }
}

export interface Members {
  peerIds: string[]
  digest: string
  clients: string[]
  clientsListed: boolean
}

export namespace Members {
  let _codec: Codec<Members>

  export const codec = (): Codec<Members> => {
    if (_codec == null) {
      _codec = message<Members>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.peerIds != null && obj.peerIds.length > 0) {
          for (const value of obj.peerIds) {
            w.uint32(10)
            w.string(value)
          }
        }

        if ((obj.digest != null && obj.digest !== '')) {
          w.uint32(18)
          w.string(obj.digest)
        }

        if (obj.clients != null && obj.clients.length > 0) {
          for (const value of obj.clients) {
            w.uint32(26)
            w.string(value)
          }
        }

        if ((obj.clientsListed != null && obj.clientsListed !== false)) {
          w.uint32(32)
          w.bool(obj.clientsListed)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          peerIds: [],
          digest: '',
          clients: [],
          clientsListed: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.peerIds != null && obj.peerIds.length === opts.limits.peerIds) {
                throw new MaxLengthError('Decode error - repeated field "peerIds" had too many elements')
              }

              obj.peerIds.push(readUtf8(reader))
              break
            }
            case 2: {
              obj.digest = readUtf8(reader)
              break
            }
            case 3: {
              if (opts.limits?.clients != null && obj.clients.length === opts.limits.clients) {
                throw new MaxLengthError('Decode error - repeated field "clients" had too many elements')
              }

              obj.clients.push(readUtf8(reader))
              break
            }
            case 4: {
              obj.clientsListed = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          peerIds: 0,
          clients: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.peerIds != null && obj.peerIds === opts.limits.peerIds) {
                throw new MaxLengthError('Streaming decode error - repeated field "peerIds" had too many elements')
              }

              yield {
                field: `${prefix}.peerIds[]`,
                index: obj.peerIds,
                value: readUtf8(reader)
              }

              obj.peerIds++

              break
            }
            case 2: {
              yield {
                field: `${prefix}.digest`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              if (opts.limits?.clients != null && obj.clients === opts.limits.clients) {
                throw new MaxLengthError('Streaming decode error - repeated field "clients" had too many elements')
              }

              yield {
                field: `${prefix}.clients[]`,
                index: obj.clients,
                value: readUtf8(reader)
              }

              obj.clients++

              break
            }
            case 4: {
              yield {
                field: `${prefix}.clientsListed`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface MembersPeerIdsFieldEvent {
    field: '$.peerIds[]'
    index: number
    value: string
  }

  export interface MembersDigestFieldEvent {
    field: '$.digest'
    value: string
  }

  export interface MembersClientsFieldEvent {
    field: '$.clients[]'
    index: number
    value: string
  }

  export interface MembersClientsListedFieldEvent {
    field: '$.clientsListed'
    value: boolean
  }

  export function encode (obj: Partial<Members>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Members.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Members>): Members {
    return decodeMessage(buf, Members.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Members>): Generator<MembersPeerIdsFieldEvent | MembersDigestFieldEvent | MembersClientsFieldEvent | MembersClientsListedFieldEvent> {
    return streamMessage(buf, Members.codec(), opts)
  }
}

export interface Announce {
  holdings: Holding[]
  full: boolean
}

export namespace Announce {
  let _codec: Codec<Announce>

  export const codec = (): Codec<Announce> => {
    if (_codec == null) {
      _codec = message<Announce>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.holdings != null && obj.holdings.length > 0) {
          for (const value of obj.holdings) {
            w.uint32(10)
            Holding.codec().encode(value, w)
          }
        }

        if ((obj.full != null && obj.full !== false)) {
          w.uint32(16)
          w.bool(obj.full)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          holdings: [],
          full: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.holdings != null && obj.holdings.length === opts.limits.holdings) {
                throw new MaxLengthError('Decode error - repeated field "holdings" had too many elements')
              }

              obj.holdings.push(Holding.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.holdings$
              }))
              break
            }
            case 2: {
              obj.full = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          holdings: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.holdings != null && obj.holdings === opts.limits.holdings) {
                throw new MaxLengthError('Streaming decode error - repeated field "holdings" had too many elements')
              }

              for (const evt of Holding.codec().stream(reader, reader.uint32(), `${prefix}.holdings[]`, {
                limits: opts.limits?.holdings$
              })) {
                yield {
                  ...evt,
                  index: obj.holdings
                }
              }

              obj.holdings++

              break
            }
            case 2: {
              yield {
                field: `${prefix}.full`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AnnounceHoldingsFileIdFieldEvent {
    field: '$.holdings[].fileId'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface AnnounceHoldingsBitfieldFieldEvent {
    field: '$.holdings[].bitfield'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface AnnounceHoldingsCompleteFieldEvent {
    field: '$.holdings[].complete'
    value: boolean
    index: number
  }

  export interface AnnounceFullFieldEvent {
    field: '$.full'
    value: boolean
  }

  export function encode (obj: Partial<Announce>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Announce.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Announce>): Announce {
    return decodeMessage(buf, Announce.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Announce>): Generator<AnnounceHoldingsFileIdFieldEvent | AnnounceHoldingsBitfieldFieldEvent | AnnounceHoldingsCompleteFieldEvent | AnnounceFullFieldEvent> {
    return streamMessage(buf, Announce.codec(), opts)
  }
}

export interface Holding {
  fileId: Uint8Array<ArrayBuffer>
  bitfield: Uint8Array<ArrayBuffer>
  complete: boolean
}

export namespace Holding {
  let _codec: Codec<Holding>

  export const codec = (): Codec<Holding> => {
    if (_codec == null) {
      _codec = message<Holding>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.bitfield != null && obj.bitfield.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.bitfield)
        }

        if ((obj.complete != null && obj.complete !== false)) {
          w.uint32(24)
          w.bool(obj.complete)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          bitfield: uint8ArrayAlloc(0),
          complete: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.bitfield = reader.bytes()
              break
            }
            case 3: {
              obj.complete = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.bitfield`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.complete`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HoldingFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HoldingBitfieldFieldEvent {
    field: '$.bitfield'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HoldingCompleteFieldEvent {
    field: '$.complete'
    value: boolean
  }

  export function encode (obj: Partial<Holding>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Holding.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Holding>): Holding {
    return decodeMessage(buf, Holding.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Holding>): Generator<HoldingFileIdFieldEvent | HoldingBitfieldFieldEvent | HoldingCompleteFieldEvent> {
    return streamMessage(buf, Holding.codec(), opts)
  }
}

export interface GetPeers {
  fileId: Uint8Array<ArrayBuffer>
  wantManifest: boolean
  max: number
  subnet: string
  network: string
  banned: string[]
}

export namespace GetPeers {
  let _codec: Codec<GetPeers>

  export const codec = (): Codec<GetPeers> => {
    if (_codec == null) {
      _codec = message<GetPeers>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.wantManifest != null && obj.wantManifest !== false)) {
          w.uint32(16)
          w.bool(obj.wantManifest)
        }

        if ((obj.max != null && obj.max !== 0)) {
          w.uint32(24)
          w.uint32(obj.max)
        }

        if ((obj.subnet != null && obj.subnet !== '')) {
          w.uint32(34)
          w.string(obj.subnet)
        }

        if ((obj.network != null && obj.network !== '')) {
          w.uint32(42)
          w.string(obj.network)
        }

        if (obj.banned != null && obj.banned.length > 0) {
          for (const value of obj.banned) {
            w.uint32(162)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          wantManifest: false,
          max: 0,
          subnet: '',
          network: '',
          banned: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.wantManifest = reader.bool()
              break
            }
            case 3: {
              obj.max = reader.uint32()
              break
            }
            case 4: {
              obj.subnet = readUtf8(reader)
              break
            }
            case 5: {
              obj.network = readUtf8(reader)
              break
            }
            case 20: {
              if (opts.limits?.banned != null && obj.banned.length === opts.limits.banned) {
                throw new MaxLengthError('Decode error - repeated field "banned" had too many elements')
              }

              obj.banned.push(readUtf8(reader))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          banned: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.wantManifest`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.max`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.subnet`,
                value: readUtf8(reader)
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.network`,
                value: readUtf8(reader)
              }
              break
            }
            case 20: {
              if (opts.limits?.banned != null && obj.banned === opts.limits.banned) {
                throw new MaxLengthError('Streaming decode error - repeated field "banned" had too many elements')
              }

              yield {
                field: `${prefix}.banned[]`,
                index: obj.banned,
                value: readUtf8(reader)
              }

              obj.banned++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface GetPeersFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface GetPeersWantManifestFieldEvent {
    field: '$.wantManifest'
    value: boolean
  }

  export interface GetPeersMaxFieldEvent {
    field: '$.max'
    value: number
  }

  export interface GetPeersSubnetFieldEvent {
    field: '$.subnet'
    value: string
  }

  export interface GetPeersNetworkFieldEvent {
    field: '$.network'
    value: string
  }

  export interface GetPeersBannedFieldEvent {
    field: '$.banned[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<GetPeers>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, GetPeers.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GetPeers>): GetPeers {
    return decodeMessage(buf, GetPeers.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GetPeers>): Generator<GetPeersFileIdFieldEvent | GetPeersWantManifestFieldEvent | GetPeersMaxFieldEvent | GetPeersSubnetFieldEvent | GetPeersNetworkFieldEvent | GetPeersBannedFieldEvent> {
    return streamMessage(buf, GetPeers.codec(), opts)
  }
}

export interface Peers {
  manifest: Uint8Array<ArrayBuffer>
  peers: PeerHint[]
  policy: string
  restricted?: boolean
}

export namespace Peers {
  let _codec: Codec<Peers>

  export const codec = (): Codec<Peers> => {
    if (_codec == null) {
      _codec = message<Peers>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.manifest != null && obj.manifest.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.manifest)
        }

        if (obj.peers != null && obj.peers.length > 0) {
          for (const value of obj.peers) {
            w.uint32(18)
            PeerHint.codec().encode(value, w)
          }
        }

        if ((obj.policy != null && obj.policy !== '')) {
          w.uint32(26)
          w.string(obj.policy)
        }

        if (obj.restricted != null) {
          w.uint32(128)
          w.bool(obj.restricted)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          manifest: uint8ArrayAlloc(0),
          peers: [],
          policy: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.manifest = reader.bytes()
              break
            }
            case 2: {
              if (opts.limits?.peers != null && obj.peers.length === opts.limits.peers) {
                throw new MaxLengthError('Decode error - repeated field "peers" had too many elements')
              }

              obj.peers.push(PeerHint.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.peers$
              }))
              break
            }
            case 3: {
              obj.policy = readUtf8(reader)
              break
            }
            case 16: {
              obj.restricted = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          peers: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.manifest`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              if (opts.limits?.peers != null && obj.peers === opts.limits.peers) {
                throw new MaxLengthError('Streaming decode error - repeated field "peers" had too many elements')
              }

              for (const evt of PeerHint.codec().stream(reader, reader.uint32(), `${prefix}.peers[]`, {
                limits: opts.limits?.peers$
              })) {
                yield {
                  ...evt,
                  index: obj.peers
                }
              }

              obj.peers++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.policy`,
                value: readUtf8(reader)
              }
              break
            }
            case 16: {
              yield {
                field: `${prefix}.restricted`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PeersManifestFieldEvent {
    field: '$.manifest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PeersPeersPeerIdFieldEvent {
    field: '$.peers[].peerId'
    value: string
    index: number
  }

  export interface PeersPeersAddrsFieldEvent {
    field: '$.peers[].addrs[]'
    index: number
    value: string
  }

  export interface PeersPeersChunksFieldEvent {
    field: '$.peers[].chunks'
    value: number
    index: number
  }

  export interface PeersPeersCompleteFieldEvent {
    field: '$.peers[].complete'
    value: boolean
    index: number
  }

  export interface PeersPeersSubnetFieldEvent {
    field: '$.peers[].subnet'
    value: string
    index: number
  }

  export interface PeersPeersNetworkFieldEvent {
    field: '$.peers[].network'
    value: string
    index: number
  }

  export interface PeersPeersTrackerFieldEvent {
    field: '$.peers[].tracker'
    value: boolean
    index: number
  }

  export interface PeersPolicyFieldEvent {
    field: '$.policy'
    value: string
  }

  export interface PeersRestrictedFieldEvent {
    field: '$.restricted'
    value: boolean
  }

  export function encode (obj: Partial<Peers>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Peers.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Peers>): Peers {
    return decodeMessage(buf, Peers.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Peers>): Generator<PeersManifestFieldEvent | PeersPeersPeerIdFieldEvent | PeersPeersAddrsFieldEvent | PeersPeersChunksFieldEvent | PeersPeersCompleteFieldEvent | PeersPeersSubnetFieldEvent | PeersPeersNetworkFieldEvent | PeersPeersTrackerFieldEvent | PeersPolicyFieldEvent | PeersRestrictedFieldEvent> {
    return streamMessage(buf, Peers.codec(), opts)
  }
}

export interface PeerHint {
  peerId: string
  addrs: string[]
  chunks: number
  complete: boolean
  subnet: string
  network: string
  tracker: boolean
}

export namespace PeerHint {
  let _codec: Codec<PeerHint>

  export const codec = (): Codec<PeerHint> => {
    if (_codec == null) {
      _codec = message<PeerHint>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.peerId != null && obj.peerId !== '')) {
          w.uint32(10)
          w.string(obj.peerId)
        }

        if (obj.addrs != null && obj.addrs.length > 0) {
          for (const value of obj.addrs) {
            w.uint32(18)
            w.string(value)
          }
        }

        if ((obj.chunks != null && obj.chunks !== 0)) {
          w.uint32(24)
          w.uint32(obj.chunks)
        }

        if ((obj.complete != null && obj.complete !== false)) {
          w.uint32(32)
          w.bool(obj.complete)
        }

        if ((obj.subnet != null && obj.subnet !== '')) {
          w.uint32(42)
          w.string(obj.subnet)
        }

        if ((obj.network != null && obj.network !== '')) {
          w.uint32(50)
          w.string(obj.network)
        }

        if ((obj.tracker != null && obj.tracker !== false)) {
          w.uint32(56)
          w.bool(obj.tracker)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          peerId: '',
          addrs: [],
          chunks: 0,
          complete: false,
          subnet: '',
          network: '',
          tracker: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.peerId = readUtf8(reader)
              break
            }
            case 2: {
              if (opts.limits?.addrs != null && obj.addrs.length === opts.limits.addrs) {
                throw new MaxLengthError('Decode error - repeated field "addrs" had too many elements')
              }

              obj.addrs.push(readUtf8(reader))
              break
            }
            case 3: {
              obj.chunks = reader.uint32()
              break
            }
            case 4: {
              obj.complete = reader.bool()
              break
            }
            case 5: {
              obj.subnet = readUtf8(reader)
              break
            }
            case 6: {
              obj.network = readUtf8(reader)
              break
            }
            case 7: {
              obj.tracker = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          addrs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.peerId`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              if (opts.limits?.addrs != null && obj.addrs === opts.limits.addrs) {
                throw new MaxLengthError('Streaming decode error - repeated field "addrs" had too many elements')
              }

              yield {
                field: `${prefix}.addrs[]`,
                index: obj.addrs,
                value: readUtf8(reader)
              }

              obj.addrs++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.chunks`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.complete`,
                value: reader.bool()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.subnet`,
                value: readUtf8(reader)
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.network`,
                value: readUtf8(reader)
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.tracker`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PeerHintPeerIdFieldEvent {
    field: '$.peerId'
    value: string
  }

  export interface PeerHintAddrsFieldEvent {
    field: '$.addrs[]'
    index: number
    value: string
  }

  export interface PeerHintChunksFieldEvent {
    field: '$.chunks'
    value: number
  }

  export interface PeerHintCompleteFieldEvent {
    field: '$.complete'
    value: boolean
  }

  export interface PeerHintSubnetFieldEvent {
    field: '$.subnet'
    value: string
  }

  export interface PeerHintNetworkFieldEvent {
    field: '$.network'
    value: string
  }

  export interface PeerHintTrackerFieldEvent {
    field: '$.tracker'
    value: boolean
  }

  export function encode (obj: Partial<PeerHint>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, PeerHint.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PeerHint>): PeerHint {
    return decodeMessage(buf, PeerHint.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PeerHint>): Generator<PeerHintPeerIdFieldEvent | PeerHintAddrsFieldEvent | PeerHintChunksFieldEvent | PeerHintCompleteFieldEvent | PeerHintSubnetFieldEvent | PeerHintNetworkFieldEvent | PeerHintTrackerFieldEvent> {
    return streamMessage(buf, PeerHint.codec(), opts)
  }
}

export interface Commit {
  fileId: Uint8Array<ArrayBuffer>
}

export namespace Commit {
  let _codec: Codec<Commit>

  export const codec = (): Codec<Commit> => {
    if (_codec == null) {
      _codec = message<Commit>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CommitFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Commit>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Commit.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Commit>): Commit {
    return decodeMessage(buf, Commit.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Commit>): Generator<CommitFileIdFieldEvent> {
    return streamMessage(buf, Commit.codec(), opts)
  }
}

export interface CommitResponse {
  fileId: Uint8Array<ArrayBuffer>
  known: boolean
}

export namespace CommitResponse {
  let _codec: Codec<CommitResponse>

  export const codec = (): Codec<CommitResponse> => {
    if (_codec == null) {
      _codec = message<CommitResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.known != null && obj.known !== false)) {
          w.uint32(16)
          w.bool(obj.known)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          known: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.known = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.known`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CommitResponseFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface CommitResponseKnownFieldEvent {
    field: '$.known'
    value: boolean
  }

  export function encode (obj: Partial<CommitResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, CommitResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CommitResponse>): CommitResponse {
    return decodeMessage(buf, CommitResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CommitResponse>): Generator<CommitResponseFileIdFieldEvent | CommitResponseKnownFieldEvent> {
    return streamMessage(buf, CommitResponse.codec(), opts)
  }
}

export interface TaskResult {
  taskId: string
  ok: boolean
  reason: string
  bytesFrom: SourceBytes[]
  durationMs: number
  resumedChunks: number
  fetchedChunks: number
  sha256: Uint8Array<ArrayBuffer>
  attempt: number
  fetchAttempts: number
}

export namespace TaskResult {
  let _codec: Codec<TaskResult>

  export const codec = (): Codec<TaskResult> => {
    if (_codec == null) {
      _codec = message<TaskResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(10)
          w.string(obj.taskId)
        }

        if ((obj.ok != null && obj.ok !== false)) {
          w.uint32(16)
          w.bool(obj.ok)
        }

        if ((obj.reason != null && obj.reason !== '')) {
          w.uint32(26)
          w.string(obj.reason)
        }

        if (obj.bytesFrom != null && obj.bytesFrom.length > 0) {
          for (const value of obj.bytesFrom) {
            w.uint32(34)
            SourceBytes.codec().encode(value, w)
          }
        }

        if ((obj.durationMs != null && obj.durationMs !== 0)) {
          w.uint32(40)
          w.uint32(obj.durationMs)
        }

        if ((obj.resumedChunks != null && obj.resumedChunks !== 0)) {
          w.uint32(48)
          w.uint32(obj.resumedChunks)
        }

        if ((obj.fetchedChunks != null && obj.fetchedChunks !== 0)) {
          w.uint32(56)
          w.uint32(obj.fetchedChunks)
        }

        if ((obj.sha256 != null && obj.sha256.byteLength > 0)) {
          w.uint32(66)
          w.bytes(obj.sha256)
        }

        if ((obj.attempt != null && obj.attempt !== 0)) {
          w.uint32(72)
          w.uint32(obj.attempt)
        }

        if ((obj.fetchAttempts != null && obj.fetchAttempts !== 0)) {
          w.uint32(80)
          w.uint32(obj.fetchAttempts)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: '',
          ok: false,
          reason: '',
          bytesFrom: [],
          durationMs: 0,
          resumedChunks: 0,
          fetchedChunks: 0,
          sha256: uint8ArrayAlloc(0),
          attempt: 0,
          fetchAttempts: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.taskId = readUtf8(reader)
              break
            }
            case 2: {
              obj.ok = reader.bool()
              break
            }
            case 3: {
              obj.reason = readUtf8(reader)
              break
            }
            case 4: {
              if (opts.limits?.bytesFrom != null && obj.bytesFrom.length === opts.limits.bytesFrom) {
                throw new MaxLengthError('Decode error - repeated field "bytesFrom" had too many elements')
              }

              obj.bytesFrom.push(SourceBytes.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.bytesFrom$
              }))
              break
            }
            case 5: {
              obj.durationMs = reader.uint32()
              break
            }
            case 6: {
              obj.resumedChunks = reader.uint32()
              break
            }
            case 7: {
              obj.fetchedChunks = reader.uint32()
              break
            }
            case 8: {
              obj.sha256 = reader.bytes()
              break
            }
            case 9: {
              obj.attempt = reader.uint32()
              break
            }
            case 10: {
              obj.fetchAttempts = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          bytesFrom: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.taskId`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.ok`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.reason`,
                value: readUtf8(reader)
              }
              break
            }
            case 4: {
              if (opts.limits?.bytesFrom != null && obj.bytesFrom === opts.limits.bytesFrom) {
                throw new MaxLengthError('Streaming decode error - repeated field "bytesFrom" had too many elements')
              }

              for (const evt of SourceBytes.codec().stream(reader, reader.uint32(), `${prefix}.bytesFrom[]`, {
                limits: opts.limits?.bytesFrom$
              })) {
                yield {
                  ...evt,
                  index: obj.bytesFrom
                }
              }

              obj.bytesFrom++

              break
            }
            case 5: {
              yield {
                field: `${prefix}.durationMs`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.resumedChunks`,
                value: reader.uint32()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.fetchedChunks`,
                value: reader.uint32()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.sha256`,
                value: reader.bytes()
              }
              break
            }
            case 9: {
              yield {
                field: `${prefix}.attempt`,
                value: reader.uint32()
              }
              break
            }
            case 10: {
              yield {
                field: `${prefix}.fetchAttempts`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TaskResultTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface TaskResultOkFieldEvent {
    field: '$.ok'
    value: boolean
  }

  export interface TaskResultReasonFieldEvent {
    field: '$.reason'
    value: string
  }

  export interface TaskResultBytesFromPeerIdFieldEvent {
    field: '$.bytesFrom[].peerId'
    value: string
    index: number
  }

  export interface TaskResultBytesFromBytesFieldEvent {
    field: '$.bytesFrom[].bytes'
    value: bigint
    index: number
  }

  export interface TaskResultDurationMsFieldEvent {
    field: '$.durationMs'
    value: number
  }

  export interface TaskResultResumedChunksFieldEvent {
    field: '$.resumedChunks'
    value: number
  }

  export interface TaskResultFetchedChunksFieldEvent {
    field: '$.fetchedChunks'
    value: number
  }

  export interface TaskResultSha256FieldEvent {
    field: '$.sha256'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TaskResultAttemptFieldEvent {
    field: '$.attempt'
    value: number
  }

  export interface TaskResultFetchAttemptsFieldEvent {
    field: '$.fetchAttempts'
    value: number
  }

  export function encode (obj: Partial<TaskResult>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskResult>): TaskResult {
    return decodeMessage(buf, TaskResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskResult>): Generator<TaskResultTaskIdFieldEvent | TaskResultOkFieldEvent | TaskResultReasonFieldEvent | TaskResultBytesFromPeerIdFieldEvent | TaskResultBytesFromBytesFieldEvent | TaskResultDurationMsFieldEvent | TaskResultResumedChunksFieldEvent | TaskResultFetchedChunksFieldEvent | TaskResultSha256FieldEvent | TaskResultAttemptFieldEvent | TaskResultFetchAttemptsFieldEvent> {
    return streamMessage(buf, TaskResult.codec(), opts)
  }
}

export interface SourceBytes {
  peerId: string
  bytes: bigint
}

export namespace SourceBytes {
  let _codec: Codec<SourceBytes>

  export const codec = (): Codec<SourceBytes> => {
    if (_codec == null) {
      _codec = message<SourceBytes>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.peerId != null && obj.peerId !== '')) {
          w.uint32(10)
          w.string(obj.peerId)
        }

        if ((obj.bytes != null && obj.bytes !== 0n)) {
          w.uint32(16)
          writeUint64(w, obj.bytes)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          peerId: '',
          bytes: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.peerId = readUtf8(reader)
              break
            }
            case 2: {
              obj.bytes = reader.uint64()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.peerId`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.bytes`,
                value: reader.uint64()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SourceBytesPeerIdFieldEvent {
    field: '$.peerId'
    value: string
  }

  export interface SourceBytesBytesFieldEvent {
    field: '$.bytes'
    value: bigint
  }

  export function encode (obj: Partial<SourceBytes>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, SourceBytes.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SourceBytes>): SourceBytes {
    return decodeMessage(buf, SourceBytes.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SourceBytes>): Generator<SourceBytesPeerIdFieldEvent | SourceBytesBytesFieldEvent> {
    return streamMessage(buf, SourceBytes.codec(), opts)
  }
}

export interface TaskResultResponse {
  duplicate: boolean
}

export namespace TaskResultResponse {
  let _codec: Codec<TaskResultResponse>

  export const codec = (): Codec<TaskResultResponse> => {
    if (_codec == null) {
      _codec = message<TaskResultResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.duplicate != null && obj.duplicate !== false)) {
          w.uint32(8)
          w.bool(obj.duplicate)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          duplicate: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.duplicate = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.duplicate`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TaskResultResponseDuplicateFieldEvent {
    field: '$.duplicate'
    value: boolean
  }

  export function encode (obj: Partial<TaskResultResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskResultResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskResultResponse>): TaskResultResponse {
    return decodeMessage(buf, TaskResultResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskResultResponse>): Generator<TaskResultResponseDuplicateFieldEvent> {
    return streamMessage(buf, TaskResultResponse.codec(), opts)
  }
}

export interface Replicate {
  fileId: Uint8Array<ArrayBuffer>
  to: string[]
}

export namespace Replicate {
  let _codec: Codec<Replicate>

  export const codec = (): Codec<Replicate> => {
    if (_codec == null) {
      _codec = message<Replicate>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if (obj.to != null && obj.to.length > 0) {
          for (const value of obj.to) {
            w.uint32(18)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          to: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              if (opts.limits?.to != null && obj.to.length === opts.limits.to) {
                throw new MaxLengthError('Decode error - repeated field "to" had too many elements')
              }

              obj.to.push(readUtf8(reader))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          to: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              if (opts.limits?.to != null && obj.to === opts.limits.to) {
                throw new MaxLengthError('Streaming decode error - repeated field "to" had too many elements')
              }

              yield {
                field: `${prefix}.to[]`,
                index: obj.to,
                value: readUtf8(reader)
              }

              obj.to++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ReplicateFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface ReplicateToFieldEvent {
    field: '$.to[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<Replicate>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Replicate.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Replicate>): Replicate {
    return decodeMessage(buf, Replicate.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Replicate>): Generator<ReplicateFileIdFieldEvent | ReplicateToFieldEvent> {
    return streamMessage(buf, Replicate.codec(), opts)
  }
}

export interface Prefetch {
  fileId: Uint8Array<ArrayBuffer>
  server: string
}

export namespace Prefetch {
  let _codec: Codec<Prefetch>

  export const codec = (): Codec<Prefetch> => {
    if (_codec == null) {
      _codec = message<Prefetch>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.server != null && obj.server !== '')) {
          w.uint32(18)
          w.string(obj.server)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          server: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.server = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.server`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PrefetchFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface PrefetchServerFieldEvent {
    field: '$.server'
    value: string
  }

  export function encode (obj: Partial<Prefetch>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Prefetch.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Prefetch>): Prefetch {
    return decodeMessage(buf, Prefetch.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Prefetch>): Generator<PrefetchFileIdFieldEvent | PrefetchServerFieldEvent> {
    return streamMessage(buf, Prefetch.codec(), opts)
  }
}

export interface ReplicateResponse {
  taskId: string
  servers: string[]
}

export namespace ReplicateResponse {
  let _codec: Codec<ReplicateResponse>

  export const codec = (): Codec<ReplicateResponse> => {
    if (_codec == null) {
      _codec = message<ReplicateResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(10)
          w.string(obj.taskId)
        }

        if (obj.servers != null && obj.servers.length > 0) {
          for (const value of obj.servers) {
            w.uint32(18)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: '',
          servers: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.taskId = readUtf8(reader)
              break
            }
            case 2: {
              if (opts.limits?.servers != null && obj.servers.length === opts.limits.servers) {
                throw new MaxLengthError('Decode error - repeated field "servers" had too many elements')
              }

              obj.servers.push(readUtf8(reader))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          servers: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.taskId`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              if (opts.limits?.servers != null && obj.servers === opts.limits.servers) {
                throw new MaxLengthError('Streaming decode error - repeated field "servers" had too many elements')
              }

              yield {
                field: `${prefix}.servers[]`,
                index: obj.servers,
                value: readUtf8(reader)
              }

              obj.servers++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ReplicateResponseTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface ReplicateResponseServersFieldEvent {
    field: '$.servers[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<ReplicateResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ReplicateResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReplicateResponse>): ReplicateResponse {
    return decodeMessage(buf, ReplicateResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ReplicateResponse>): Generator<ReplicateResponseTaskIdFieldEvent | ReplicateResponseServersFieldEvent> {
    return streamMessage(buf, ReplicateResponse.codec(), opts)
  }
}

export interface TaskStatusRequest {
  taskId: string
}

export namespace TaskStatusRequest {
  let _codec: Codec<TaskStatusRequest>

  export const codec = (): Codec<TaskStatusRequest> => {
    if (_codec == null) {
      _codec = message<TaskStatusRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(10)
          w.string(obj.taskId)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.taskId = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.taskId`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TaskStatusRequestTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export function encode (obj: Partial<TaskStatusRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskStatusRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskStatusRequest>): TaskStatusRequest {
    return decodeMessage(buf, TaskStatusRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskStatusRequest>): Generator<TaskStatusRequestTaskIdFieldEvent> {
    return streamMessage(buf, TaskStatusRequest.codec(), opts)
  }
}

export interface TaskStatus {
  taskId: string
  state: string
  serversTotal: number
  serversDone: number
  serversFailed: number
  fileId: Uint8Array<ArrayBuffer>
  kind: string
  createdAtMs: bigint
  updatedAtMs: bigint
  servers: TaskServerStatus[]
}

export namespace TaskStatus {
  let _codec: Codec<TaskStatus>

  export const codec = (): Codec<TaskStatus> => {
    if (_codec == null) {
      _codec = message<TaskStatus>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(10)
          w.string(obj.taskId)
        }

        if ((obj.state != null && obj.state !== '')) {
          w.uint32(18)
          w.string(obj.state)
        }

        if ((obj.serversTotal != null && obj.serversTotal !== 0)) {
          w.uint32(24)
          w.uint32(obj.serversTotal)
        }

        if ((obj.serversDone != null && obj.serversDone !== 0)) {
          w.uint32(32)
          w.uint32(obj.serversDone)
        }

        if ((obj.serversFailed != null && obj.serversFailed !== 0)) {
          w.uint32(40)
          w.uint32(obj.serversFailed)
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(50)
          w.bytes(obj.fileId)
        }

        if ((obj.kind != null && obj.kind !== '')) {
          w.uint32(58)
          w.string(obj.kind)
        }

        if ((obj.createdAtMs != null && obj.createdAtMs !== 0n)) {
          w.uint32(64)
          writeUint64(w, obj.createdAtMs)
        }

        if ((obj.updatedAtMs != null && obj.updatedAtMs !== 0n)) {
          w.uint32(72)
          writeUint64(w, obj.updatedAtMs)
        }

        if (obj.servers != null && obj.servers.length > 0) {
          for (const value of obj.servers) {
            w.uint32(82)
            TaskServerStatus.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: '',
          state: '',
          serversTotal: 0,
          serversDone: 0,
          serversFailed: 0,
          fileId: uint8ArrayAlloc(0),
          kind: '',
          createdAtMs: 0n,
          updatedAtMs: 0n,
          servers: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.taskId = readUtf8(reader)
              break
            }
            case 2: {
              obj.state = readUtf8(reader)
              break
            }
            case 3: {
              obj.serversTotal = reader.uint32()
              break
            }
            case 4: {
              obj.serversDone = reader.uint32()
              break
            }
            case 5: {
              obj.serversFailed = reader.uint32()
              break
            }
            case 6: {
              obj.fileId = reader.bytes()
              break
            }
            case 7: {
              obj.kind = readUtf8(reader)
              break
            }
            case 8: {
              obj.createdAtMs = reader.uint64()
              break
            }
            case 9: {
              obj.updatedAtMs = reader.uint64()
              break
            }
            case 10: {
              if (opts.limits?.servers != null && obj.servers.length === opts.limits.servers) {
                throw new MaxLengthError('Decode error - repeated field "servers" had too many elements')
              }

              obj.servers.push(TaskServerStatus.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.servers$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          servers: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.taskId`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.state`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.serversTotal`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.serversDone`,
                value: reader.uint32()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.serversFailed`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.kind`,
                value: readUtf8(reader)
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.createdAtMs`,
                value: reader.uint64()
              }
              break
            }
            case 9: {
              yield {
                field: `${prefix}.updatedAtMs`,
                value: reader.uint64()
              }
              break
            }
            case 10: {
              if (opts.limits?.servers != null && obj.servers === opts.limits.servers) {
                throw new MaxLengthError('Streaming decode error - repeated field "servers" had too many elements')
              }

              for (const evt of TaskServerStatus.codec().stream(reader, reader.uint32(), `${prefix}.servers[]`, {
                limits: opts.limits?.servers$
              })) {
                yield {
                  ...evt,
                  index: obj.servers
                }
              }

              obj.servers++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TaskStatusTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface TaskStatusStateFieldEvent {
    field: '$.state'
    value: string
  }

  export interface TaskStatusServersTotalFieldEvent {
    field: '$.serversTotal'
    value: number
  }

  export interface TaskStatusServersDoneFieldEvent {
    field: '$.serversDone'
    value: number
  }

  export interface TaskStatusServersFailedFieldEvent {
    field: '$.serversFailed'
    value: number
  }

  export interface TaskStatusFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TaskStatusKindFieldEvent {
    field: '$.kind'
    value: string
  }

  export interface TaskStatusCreatedAtMsFieldEvent {
    field: '$.createdAtMs'
    value: bigint
  }

  export interface TaskStatusUpdatedAtMsFieldEvent {
    field: '$.updatedAtMs'
    value: bigint
  }

  export interface TaskStatusServersPeerIdFieldEvent {
    field: '$.servers[].peerId'
    value: string
    index: number
  }

  export interface TaskStatusServersStateFieldEvent {
    field: '$.servers[].state'
    value: string
    index: number
  }

  export interface TaskStatusServersProgressBytesFieldEvent {
    field: '$.servers[].progressBytes'
    value: bigint
    index: number
  }

  export interface TaskStatusServersTotalBytesFieldEvent {
    field: '$.servers[].totalBytes'
    value: bigint
    index: number
  }

  export interface TaskStatusServersAttemptsFieldEvent {
    field: '$.servers[].attempts'
    value: number
    index: number
  }

  export interface TaskStatusServersDurationMsFieldEvent {
    field: '$.servers[].durationMs'
    value: bigint
    index: number
  }

  export interface TaskStatusServersLastErrorFieldEvent {
    field: '$.servers[].lastError'
    value: string
    index: number
  }

  export function encode (obj: Partial<TaskStatus>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskStatus.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskStatus>): TaskStatus {
    return decodeMessage(buf, TaskStatus.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskStatus>): Generator<TaskStatusTaskIdFieldEvent | TaskStatusStateFieldEvent | TaskStatusServersTotalFieldEvent | TaskStatusServersDoneFieldEvent | TaskStatusServersFailedFieldEvent | TaskStatusFileIdFieldEvent | TaskStatusKindFieldEvent | TaskStatusCreatedAtMsFieldEvent | TaskStatusUpdatedAtMsFieldEvent | TaskStatusServersPeerIdFieldEvent | TaskStatusServersStateFieldEvent | TaskStatusServersProgressBytesFieldEvent | TaskStatusServersTotalBytesFieldEvent | TaskStatusServersAttemptsFieldEvent | TaskStatusServersDurationMsFieldEvent | TaskStatusServersLastErrorFieldEvent> {
    return streamMessage(buf, TaskStatus.codec(), opts)
  }
}

export interface TaskServerStatus {
  peerId: string
  state: string
  progressBytes: bigint
  totalBytes: bigint
  attempts: number
  durationMs: bigint
  lastError: string
}

export namespace TaskServerStatus {
  let _codec: Codec<TaskServerStatus>

  export const codec = (): Codec<TaskServerStatus> => {
    if (_codec == null) {
      _codec = message<TaskServerStatus>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.peerId != null && obj.peerId !== '')) {
          w.uint32(10)
          w.string(obj.peerId)
        }

        if ((obj.state != null && obj.state !== '')) {
          w.uint32(18)
          w.string(obj.state)
        }

        if ((obj.progressBytes != null && obj.progressBytes !== 0n)) {
          w.uint32(24)
          writeUint64(w, obj.progressBytes)
        }

        if ((obj.totalBytes != null && obj.totalBytes !== 0n)) {
          w.uint32(32)
          writeUint64(w, obj.totalBytes)
        }

        if ((obj.attempts != null && obj.attempts !== 0)) {
          w.uint32(40)
          w.uint32(obj.attempts)
        }

        if ((obj.durationMs != null && obj.durationMs !== 0n)) {
          w.uint32(48)
          writeUint64(w, obj.durationMs)
        }

        if ((obj.lastError != null && obj.lastError !== '')) {
          w.uint32(58)
          w.string(obj.lastError)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          peerId: '',
          state: '',
          progressBytes: 0n,
          totalBytes: 0n,
          attempts: 0,
          durationMs: 0n,
          lastError: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.peerId = readUtf8(reader)
              break
            }
            case 2: {
              obj.state = readUtf8(reader)
              break
            }
            case 3: {
              obj.progressBytes = reader.uint64()
              break
            }
            case 4: {
              obj.totalBytes = reader.uint64()
              break
            }
            case 5: {
              obj.attempts = reader.uint32()
              break
            }
            case 6: {
              obj.durationMs = reader.uint64()
              break
            }
            case 7: {
              obj.lastError = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.peerId`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.state`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.progressBytes`,
                value: reader.uint64()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.totalBytes`,
                value: reader.uint64()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.attempts`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.durationMs`,
                value: reader.uint64()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.lastError`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TaskServerStatusPeerIdFieldEvent {
    field: '$.peerId'
    value: string
  }

  export interface TaskServerStatusStateFieldEvent {
    field: '$.state'
    value: string
  }

  export interface TaskServerStatusProgressBytesFieldEvent {
    field: '$.progressBytes'
    value: bigint
  }

  export interface TaskServerStatusTotalBytesFieldEvent {
    field: '$.totalBytes'
    value: bigint
  }

  export interface TaskServerStatusAttemptsFieldEvent {
    field: '$.attempts'
    value: number
  }

  export interface TaskServerStatusDurationMsFieldEvent {
    field: '$.durationMs'
    value: bigint
  }

  export interface TaskServerStatusLastErrorFieldEvent {
    field: '$.lastError'
    value: string
  }

  export function encode (obj: Partial<TaskServerStatus>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskServerStatus.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskServerStatus>): TaskServerStatus {
    return decodeMessage(buf, TaskServerStatus.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskServerStatus>): Generator<TaskServerStatusPeerIdFieldEvent | TaskServerStatusStateFieldEvent | TaskServerStatusProgressBytesFieldEvent | TaskServerStatusTotalBytesFieldEvent | TaskServerStatusAttemptsFieldEvent | TaskServerStatusDurationMsFieldEvent | TaskServerStatusLastErrorFieldEvent> {
    return streamMessage(buf, TaskServerStatus.codec(), opts)
  }
}

export interface UploadRequest {
  size: bigint
  subnet: string
  network: string
  max: number
}

export namespace UploadRequest {
  let _codec: Codec<UploadRequest>

  export const codec = (): Codec<UploadRequest> => {
    if (_codec == null) {
      _codec = message<UploadRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.size != null && obj.size !== 0n)) {
          w.uint32(8)
          writeUint64(w, obj.size)
        }

        if ((obj.subnet != null && obj.subnet !== '')) {
          w.uint32(18)
          w.string(obj.subnet)
        }

        if ((obj.network != null && obj.network !== '')) {
          w.uint32(26)
          w.string(obj.network)
        }

        if ((obj.max != null && obj.max !== 0)) {
          w.uint32(32)
          w.uint32(obj.max)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          size: 0n,
          subnet: '',
          network: '',
          max: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.size = reader.uint64()
              break
            }
            case 2: {
              obj.subnet = readUtf8(reader)
              break
            }
            case 3: {
              obj.network = readUtf8(reader)
              break
            }
            case 4: {
              obj.max = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.size`,
                value: reader.uint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.subnet`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.network`,
                value: readUtf8(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.max`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface UploadRequestSizeFieldEvent {
    field: '$.size'
    value: bigint
  }

  export interface UploadRequestSubnetFieldEvent {
    field: '$.subnet'
    value: string
  }

  export interface UploadRequestNetworkFieldEvent {
    field: '$.network'
    value: string
  }

  export interface UploadRequestMaxFieldEvent {
    field: '$.max'
    value: number
  }

  export function encode (obj: Partial<UploadRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, UploadRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<UploadRequest>): UploadRequest {
    return decodeMessage(buf, UploadRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<UploadRequest>): Generator<UploadRequestSizeFieldEvent | UploadRequestSubnetFieldEvent | UploadRequestNetworkFieldEvent | UploadRequestMaxFieldEvent> {
    return streamMessage(buf, UploadRequest.codec(), opts)
  }
}

export interface UploadCandidates {
  peers: PeerHint[]
  policy: string
}

export namespace UploadCandidates {
  let _codec: Codec<UploadCandidates>

  export const codec = (): Codec<UploadCandidates> => {
    if (_codec == null) {
      _codec = message<UploadCandidates>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.peers != null && obj.peers.length > 0) {
          for (const value of obj.peers) {
            w.uint32(10)
            PeerHint.codec().encode(value, w)
          }
        }

        if ((obj.policy != null && obj.policy !== '')) {
          w.uint32(18)
          w.string(obj.policy)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          peers: [],
          policy: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.peers != null && obj.peers.length === opts.limits.peers) {
                throw new MaxLengthError('Decode error - repeated field "peers" had too many elements')
              }

              obj.peers.push(PeerHint.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.peers$
              }))
              break
            }
            case 2: {
              obj.policy = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          peers: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.peers != null && obj.peers === opts.limits.peers) {
                throw new MaxLengthError('Streaming decode error - repeated field "peers" had too many elements')
              }

              for (const evt of PeerHint.codec().stream(reader, reader.uint32(), `${prefix}.peers[]`, {
                limits: opts.limits?.peers$
              })) {
                yield {
                  ...evt,
                  index: obj.peers
                }
              }

              obj.peers++

              break
            }
            case 2: {
              yield {
                field: `${prefix}.policy`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface UploadCandidatesPeersPeerIdFieldEvent {
    field: '$.peers[].peerId'
    value: string
    index: number
  }

  export interface UploadCandidatesPeersAddrsFieldEvent {
    field: '$.peers[].addrs[]'
    index: number
    value: string
  }

  export interface UploadCandidatesPeersChunksFieldEvent {
    field: '$.peers[].chunks'
    value: number
    index: number
  }

  export interface UploadCandidatesPeersCompleteFieldEvent {
    field: '$.peers[].complete'
    value: boolean
    index: number
  }

  export interface UploadCandidatesPeersSubnetFieldEvent {
    field: '$.peers[].subnet'
    value: string
    index: number
  }

  export interface UploadCandidatesPeersNetworkFieldEvent {
    field: '$.peers[].network'
    value: string
    index: number
  }

  export interface UploadCandidatesPeersTrackerFieldEvent {
    field: '$.peers[].tracker'
    value: boolean
    index: number
  }

  export interface UploadCandidatesPolicyFieldEvent {
    field: '$.policy'
    value: string
  }

  export function encode (obj: Partial<UploadCandidates>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, UploadCandidates.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<UploadCandidates>): UploadCandidates {
    return decodeMessage(buf, UploadCandidates.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<UploadCandidates>): Generator<UploadCandidatesPeersPeerIdFieldEvent | UploadCandidatesPeersAddrsFieldEvent | UploadCandidatesPeersChunksFieldEvent | UploadCandidatesPeersCompleteFieldEvent | UploadCandidatesPeersSubnetFieldEvent | UploadCandidatesPeersNetworkFieldEvent | UploadCandidatesPeersTrackerFieldEvent | UploadCandidatesPolicyFieldEvent> {
    return streamMessage(buf, UploadCandidates.codec(), opts)
  }
}

export interface IngestCommit {
  manifest: Uint8Array<ArrayBuffer>
  replicateTo: string[]
  replicateNetwork: string
  replicateAll: boolean
}

export namespace IngestCommit {
  let _codec: Codec<IngestCommit>

  export const codec = (): Codec<IngestCommit> => {
    if (_codec == null) {
      _codec = message<IngestCommit>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.manifest != null && obj.manifest.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.manifest)
        }

        if (obj.replicateTo != null && obj.replicateTo.length > 0) {
          for (const value of obj.replicateTo) {
            w.uint32(18)
            w.string(value)
          }
        }

        if ((obj.replicateNetwork != null && obj.replicateNetwork !== '')) {
          w.uint32(26)
          w.string(obj.replicateNetwork)
        }

        if ((obj.replicateAll != null && obj.replicateAll !== false)) {
          w.uint32(32)
          w.bool(obj.replicateAll)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          manifest: uint8ArrayAlloc(0),
          replicateTo: [],
          replicateNetwork: '',
          replicateAll: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.manifest = reader.bytes()
              break
            }
            case 2: {
              if (opts.limits?.replicateTo != null && obj.replicateTo.length === opts.limits.replicateTo) {
                throw new MaxLengthError('Decode error - repeated field "replicateTo" had too many elements')
              }

              obj.replicateTo.push(readUtf8(reader))
              break
            }
            case 3: {
              obj.replicateNetwork = readUtf8(reader)
              break
            }
            case 4: {
              obj.replicateAll = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          replicateTo: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.manifest`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              if (opts.limits?.replicateTo != null && obj.replicateTo === opts.limits.replicateTo) {
                throw new MaxLengthError('Streaming decode error - repeated field "replicateTo" had too many elements')
              }

              yield {
                field: `${prefix}.replicateTo[]`,
                index: obj.replicateTo,
                value: readUtf8(reader)
              }

              obj.replicateTo++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.replicateNetwork`,
                value: readUtf8(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.replicateAll`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface IngestCommitManifestFieldEvent {
    field: '$.manifest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface IngestCommitReplicateToFieldEvent {
    field: '$.replicateTo[]'
    index: number
    value: string
  }

  export interface IngestCommitReplicateNetworkFieldEvent {
    field: '$.replicateNetwork'
    value: string
  }

  export interface IngestCommitReplicateAllFieldEvent {
    field: '$.replicateAll'
    value: boolean
  }

  export function encode (obj: Partial<IngestCommit>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, IngestCommit.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IngestCommit>): IngestCommit {
    return decodeMessage(buf, IngestCommit.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IngestCommit>): Generator<IngestCommitManifestFieldEvent | IngestCommitReplicateToFieldEvent | IngestCommitReplicateNetworkFieldEvent | IngestCommitReplicateAllFieldEvent> {
    return streamMessage(buf, IngestCommit.codec(), opts)
  }
}

export interface IngestCommitResponse {
  fileId: Uint8Array<ArrayBuffer>
  known: boolean
  taskId: string
  servers: string[]
}

export namespace IngestCommitResponse {
  let _codec: Codec<IngestCommitResponse>

  export const codec = (): Codec<IngestCommitResponse> => {
    if (_codec == null) {
      _codec = message<IngestCommitResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.known != null && obj.known !== false)) {
          w.uint32(16)
          w.bool(obj.known)
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(26)
          w.string(obj.taskId)
        }

        if (obj.servers != null && obj.servers.length > 0) {
          for (const value of obj.servers) {
            w.uint32(34)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          known: false,
          taskId: '',
          servers: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.known = reader.bool()
              break
            }
            case 3: {
              obj.taskId = readUtf8(reader)
              break
            }
            case 4: {
              if (opts.limits?.servers != null && obj.servers.length === opts.limits.servers) {
                throw new MaxLengthError('Decode error - repeated field "servers" had too many elements')
              }

              obj.servers.push(readUtf8(reader))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          servers: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.known`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.taskId`,
                value: readUtf8(reader)
              }
              break
            }
            case 4: {
              if (opts.limits?.servers != null && obj.servers === opts.limits.servers) {
                throw new MaxLengthError('Streaming decode error - repeated field "servers" had too many elements')
              }

              yield {
                field: `${prefix}.servers[]`,
                index: obj.servers,
                value: readUtf8(reader)
              }

              obj.servers++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface IngestCommitResponseFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface IngestCommitResponseKnownFieldEvent {
    field: '$.known'
    value: boolean
  }

  export interface IngestCommitResponseTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface IngestCommitResponseServersFieldEvent {
    field: '$.servers[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<IngestCommitResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, IngestCommitResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IngestCommitResponse>): IngestCommitResponse {
    return decodeMessage(buf, IngestCommitResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IngestCommitResponse>): Generator<IngestCommitResponseFileIdFieldEvent | IngestCommitResponseKnownFieldEvent | IngestCommitResponseTaskIdFieldEvent | IngestCommitResponseServersFieldEvent> {
    return streamMessage(buf, IngestCommitResponse.codec(), opts)
  }
}

export interface DownloadRequest {
  fileId: Uint8Array<ArrayBuffer>
  subnet: string
  network: string
  max: number
}

export namespace DownloadRequest {
  let _codec: Codec<DownloadRequest>

  export const codec = (): Codec<DownloadRequest> => {
    if (_codec == null) {
      _codec = message<DownloadRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.subnet != null && obj.subnet !== '')) {
          w.uint32(18)
          w.string(obj.subnet)
        }

        if ((obj.network != null && obj.network !== '')) {
          w.uint32(26)
          w.string(obj.network)
        }

        if ((obj.max != null && obj.max !== 0)) {
          w.uint32(32)
          w.uint32(obj.max)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          subnet: '',
          network: '',
          max: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.subnet = readUtf8(reader)
              break
            }
            case 3: {
              obj.network = readUtf8(reader)
              break
            }
            case 4: {
              obj.max = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.subnet`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.network`,
                value: readUtf8(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.max`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface DownloadRequestFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface DownloadRequestSubnetFieldEvent {
    field: '$.subnet'
    value: string
  }

  export interface DownloadRequestNetworkFieldEvent {
    field: '$.network'
    value: string
  }

  export interface DownloadRequestMaxFieldEvent {
    field: '$.max'
    value: number
  }

  export function encode (obj: Partial<DownloadRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, DownloadRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DownloadRequest>): DownloadRequest {
    return decodeMessage(buf, DownloadRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DownloadRequest>): Generator<DownloadRequestFileIdFieldEvent | DownloadRequestSubnetFieldEvent | DownloadRequestNetworkFieldEvent | DownloadRequestMaxFieldEvent> {
    return streamMessage(buf, DownloadRequest.codec(), opts)
  }
}

export interface FallbackRequest {
  fileId: Uint8Array<ArrayBuffer>
  reason: string
  unreachable: string[]
  subnet: string
  network: string
}

export namespace FallbackRequest {
  let _codec: Codec<FallbackRequest>

  export const codec = (): Codec<FallbackRequest> => {
    if (_codec == null) {
      _codec = message<FallbackRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.reason != null && obj.reason !== '')) {
          w.uint32(18)
          w.string(obj.reason)
        }

        if (obj.unreachable != null && obj.unreachable.length > 0) {
          for (const value of obj.unreachable) {
            w.uint32(26)
            w.string(value)
          }
        }

        if ((obj.subnet != null && obj.subnet !== '')) {
          w.uint32(34)
          w.string(obj.subnet)
        }

        if ((obj.network != null && obj.network !== '')) {
          w.uint32(42)
          w.string(obj.network)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          reason: '',
          unreachable: [],
          subnet: '',
          network: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.reason = readUtf8(reader)
              break
            }
            case 3: {
              if (opts.limits?.unreachable != null && obj.unreachable.length === opts.limits.unreachable) {
                throw new MaxLengthError('Decode error - repeated field "unreachable" had too many elements')
              }

              obj.unreachable.push(readUtf8(reader))
              break
            }
            case 4: {
              obj.subnet = readUtf8(reader)
              break
            }
            case 5: {
              obj.network = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          unreachable: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.reason`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              if (opts.limits?.unreachable != null && obj.unreachable === opts.limits.unreachable) {
                throw new MaxLengthError('Streaming decode error - repeated field "unreachable" had too many elements')
              }

              yield {
                field: `${prefix}.unreachable[]`,
                index: obj.unreachable,
                value: readUtf8(reader)
              }

              obj.unreachable++

              break
            }
            case 4: {
              yield {
                field: `${prefix}.subnet`,
                value: readUtf8(reader)
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.network`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface FallbackRequestFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface FallbackRequestReasonFieldEvent {
    field: '$.reason'
    value: string
  }

  export interface FallbackRequestUnreachableFieldEvent {
    field: '$.unreachable[]'
    index: number
    value: string
  }

  export interface FallbackRequestSubnetFieldEvent {
    field: '$.subnet'
    value: string
  }

  export interface FallbackRequestNetworkFieldEvent {
    field: '$.network'
    value: string
  }

  export function encode (obj: Partial<FallbackRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, FallbackRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FallbackRequest>): FallbackRequest {
    return decodeMessage(buf, FallbackRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FallbackRequest>): Generator<FallbackRequestFileIdFieldEvent | FallbackRequestReasonFieldEvent | FallbackRequestUnreachableFieldEvent | FallbackRequestSubnetFieldEvent | FallbackRequestNetworkFieldEvent> {
    return streamMessage(buf, FallbackRequest.codec(), opts)
  }
}

export interface FallbackResponse {
  http: HttpSource[]
  relays: string[]
}

export namespace FallbackResponse {
  let _codec: Codec<FallbackResponse>

  export const codec = (): Codec<FallbackResponse> => {
    if (_codec == null) {
      _codec = message<FallbackResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.http != null && obj.http.length > 0) {
          for (const value of obj.http) {
            w.uint32(10)
            HttpSource.codec().encode(value, w)
          }
        }

        if (obj.relays != null && obj.relays.length > 0) {
          for (const value of obj.relays) {
            w.uint32(18)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          http: [],
          relays: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.http != null && obj.http.length === opts.limits.http) {
                throw new MaxLengthError('Decode error - repeated field "http" had too many elements')
              }

              obj.http.push(HttpSource.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.http$
              }))
              break
            }
            case 2: {
              if (opts.limits?.relays != null && obj.relays.length === opts.limits.relays) {
                throw new MaxLengthError('Decode error - repeated field "relays" had too many elements')
              }

              obj.relays.push(readUtf8(reader))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          http: 0,
          relays: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.http != null && obj.http === opts.limits.http) {
                throw new MaxLengthError('Streaming decode error - repeated field "http" had too many elements')
              }

              for (const evt of HttpSource.codec().stream(reader, reader.uint32(), `${prefix}.http[]`, {
                limits: opts.limits?.http$
              })) {
                yield {
                  ...evt,
                  index: obj.http
                }
              }

              obj.http++

              break
            }
            case 2: {
              if (opts.limits?.relays != null && obj.relays === opts.limits.relays) {
                throw new MaxLengthError('Streaming decode error - repeated field "relays" had too many elements')
              }

              yield {
                field: `${prefix}.relays[]`,
                index: obj.relays,
                value: readUtf8(reader)
              }

              obj.relays++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface FallbackResponseHttpUrlFieldEvent {
    field: '$.http[].url'
    value: string
    index: number
  }

  export interface FallbackResponseHttpPeerIdFieldEvent {
    field: '$.http[].peerId'
    value: string
    index: number
  }

  export interface FallbackResponseHttpTrackerFieldEvent {
    field: '$.http[].tracker'
    value: boolean
    index: number
  }

  export interface FallbackResponseRelaysFieldEvent {
    field: '$.relays[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<FallbackResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, FallbackResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FallbackResponse>): FallbackResponse {
    return decodeMessage(buf, FallbackResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FallbackResponse>): Generator<FallbackResponseHttpUrlFieldEvent | FallbackResponseHttpPeerIdFieldEvent | FallbackResponseHttpTrackerFieldEvent | FallbackResponseRelaysFieldEvent> {
    return streamMessage(buf, FallbackResponse.codec(), opts)
  }
}

export interface HttpSource {
  url: string
  peerId: string
  tracker: boolean
}

export namespace HttpSource {
  let _codec: Codec<HttpSource>

  export const codec = (): Codec<HttpSource> => {
    if (_codec == null) {
      _codec = message<HttpSource>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.url != null && obj.url !== '')) {
          w.uint32(10)
          w.string(obj.url)
        }

        if ((obj.peerId != null && obj.peerId !== '')) {
          w.uint32(18)
          w.string(obj.peerId)
        }

        if ((obj.tracker != null && obj.tracker !== false)) {
          w.uint32(24)
          w.bool(obj.tracker)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          url: '',
          peerId: '',
          tracker: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.url = readUtf8(reader)
              break
            }
            case 2: {
              obj.peerId = readUtf8(reader)
              break
            }
            case 3: {
              obj.tracker = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.url`,
                value: readUtf8(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.peerId`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.tracker`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HttpSourceUrlFieldEvent {
    field: '$.url'
    value: string
  }

  export interface HttpSourcePeerIdFieldEvent {
    field: '$.peerId'
    value: string
  }

  export interface HttpSourceTrackerFieldEvent {
    field: '$.tracker'
    value: boolean
  }

  export function encode (obj: Partial<HttpSource>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HttpSource.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HttpSource>): HttpSource {
    return decodeMessage(buf, HttpSource.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HttpSource>): Generator<HttpSourceUrlFieldEvent | HttpSourcePeerIdFieldEvent | HttpSourceTrackerFieldEvent> {
    return streamMessage(buf, HttpSource.codec(), opts)
  }
}

export interface ListFiles {
  max: number
}

export namespace ListFiles {
  let _codec: Codec<ListFiles>

  export const codec = (): Codec<ListFiles> => {
    if (_codec == null) {
      _codec = message<ListFiles>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.max != null && obj.max !== 0)) {
          w.uint32(8)
          w.uint32(obj.max)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          max: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.max = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.max`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ListFilesMaxFieldEvent {
    field: '$.max'
    value: number
  }

  export function encode (obj: Partial<ListFiles>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ListFiles.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ListFiles>): ListFiles {
    return decodeMessage(buf, ListFiles.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ListFiles>): Generator<ListFilesMaxFieldEvent> {
    return streamMessage(buf, ListFiles.codec(), opts)
  }
}

export interface FileList {
  files: FileEntry[]
}

export namespace FileList {
  let _codec: Codec<FileList>

  export const codec = (): Codec<FileList> => {
    if (_codec == null) {
      _codec = message<FileList>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.files != null && obj.files.length > 0) {
          for (const value of obj.files) {
            w.uint32(10)
            FileEntry.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          files: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.files != null && obj.files.length === opts.limits.files) {
                throw new MaxLengthError('Decode error - repeated field "files" had too many elements')
              }

              obj.files.push(FileEntry.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.files$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          files: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.files != null && obj.files === opts.limits.files) {
                throw new MaxLengthError('Streaming decode error - repeated field "files" had too many elements')
              }

              for (const evt of FileEntry.codec().stream(reader, reader.uint32(), `${prefix}.files[]`, {
                limits: opts.limits?.files$
              })) {
                yield {
                  ...evt,
                  index: obj.files
                }
              }

              obj.files++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface FileListFilesFileIdFieldEvent {
    field: '$.files[].fileId'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface FileListFilesNameFieldEvent {
    field: '$.files[].name'
    value: string
    index: number
  }

  export interface FileListFilesSizeFieldEvent {
    field: '$.files[].size'
    value: bigint
    index: number
  }

  export interface FileListFilesChunksFieldEvent {
    field: '$.files[].chunks'
    value: number
    index: number
  }

  export interface FileListFilesHoldersFieldEvent {
    field: '$.files[].holders'
    value: number
    index: number
  }

  export interface FileListFilesCompleteCopiesFieldEvent {
    field: '$.files[].completeCopies'
    value: number
    index: number
  }

  export interface FileListFilesAddedAtMsFieldEvent {
    field: '$.files[].addedAtMs'
    value: bigint
    index: number
  }

  export interface FileListFilesSha256FieldEvent {
    field: '$.files[].sha256'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export function encode (obj: Partial<FileList>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, FileList.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FileList>): FileList {
    return decodeMessage(buf, FileList.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FileList>): Generator<FileListFilesFileIdFieldEvent | FileListFilesNameFieldEvent | FileListFilesSizeFieldEvent | FileListFilesChunksFieldEvent | FileListFilesHoldersFieldEvent | FileListFilesCompleteCopiesFieldEvent | FileListFilesAddedAtMsFieldEvent | FileListFilesSha256FieldEvent> {
    return streamMessage(buf, FileList.codec(), opts)
  }
}

export interface FileEntry {
  fileId: Uint8Array<ArrayBuffer>
  name: string
  size: bigint
  chunks: number
  holders: number
  completeCopies: number
  addedAtMs: bigint
  sha256: Uint8Array<ArrayBuffer>
}

export namespace FileEntry {
  let _codec: Codec<FileEntry>

  export const codec = (): Codec<FileEntry> => {
    if (_codec == null) {
      _codec = message<FileEntry>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.fileId)
        }

        if ((obj.name != null && obj.name !== '')) {
          w.uint32(18)
          w.string(obj.name)
        }

        if ((obj.size != null && obj.size !== 0n)) {
          w.uint32(24)
          writeUint64(w, obj.size)
        }

        if ((obj.chunks != null && obj.chunks !== 0)) {
          w.uint32(32)
          w.uint32(obj.chunks)
        }

        if ((obj.holders != null && obj.holders !== 0)) {
          w.uint32(40)
          w.uint32(obj.holders)
        }

        if ((obj.completeCopies != null && obj.completeCopies !== 0)) {
          w.uint32(48)
          w.uint32(obj.completeCopies)
        }

        if ((obj.addedAtMs != null && obj.addedAtMs !== 0n)) {
          w.uint32(56)
          writeUint64(w, obj.addedAtMs)
        }

        if ((obj.sha256 != null && obj.sha256.byteLength > 0)) {
          w.uint32(66)
          w.bytes(obj.sha256)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          name: '',
          size: 0n,
          chunks: 0,
          holders: 0,
          completeCopies: 0,
          addedAtMs: 0n,
          sha256: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.fileId = reader.bytes()
              break
            }
            case 2: {
              obj.name = readUtf8(reader)
              break
            }
            case 3: {
              obj.size = reader.uint64()
              break
            }
            case 4: {
              obj.chunks = reader.uint32()
              break
            }
            case 5: {
              obj.holders = reader.uint32()
              break
            }
            case 6: {
              obj.completeCopies = reader.uint32()
              break
            }
            case 7: {
              obj.addedAtMs = reader.uint64()
              break
            }
            case 8: {
              obj.sha256 = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.name`,
                value: readUtf8(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.size`,
                value: reader.uint64()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.chunks`,
                value: reader.uint32()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.holders`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.completeCopies`,
                value: reader.uint32()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.addedAtMs`,
                value: reader.uint64()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.sha256`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface FileEntryFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface FileEntryNameFieldEvent {
    field: '$.name'
    value: string
  }

  export interface FileEntrySizeFieldEvent {
    field: '$.size'
    value: bigint
  }

  export interface FileEntryChunksFieldEvent {
    field: '$.chunks'
    value: number
  }

  export interface FileEntryHoldersFieldEvent {
    field: '$.holders'
    value: number
  }

  export interface FileEntryCompleteCopiesFieldEvent {
    field: '$.completeCopies'
    value: number
  }

  export interface FileEntryAddedAtMsFieldEvent {
    field: '$.addedAtMs'
    value: bigint
  }

  export interface FileEntrySha256FieldEvent {
    field: '$.sha256'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<FileEntry>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, FileEntry.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FileEntry>): FileEntry {
    return decodeMessage(buf, FileEntry.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FileEntry>): Generator<FileEntryFileIdFieldEvent | FileEntryNameFieldEvent | FileEntrySizeFieldEvent | FileEntryChunksFieldEvent | FileEntryHoldersFieldEvent | FileEntryCompleteCopiesFieldEvent | FileEntryAddedAtMsFieldEvent | FileEntrySha256FieldEvent> {
    return streamMessage(buf, FileEntry.codec(), opts)
  }
}

export interface ListTasks {
  max: number
}

export namespace ListTasks {
  let _codec: Codec<ListTasks>

  export const codec = (): Codec<ListTasks> => {
    if (_codec == null) {
      _codec = message<ListTasks>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.max != null && obj.max !== 0)) {
          w.uint32(8)
          w.uint32(obj.max)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          max: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.max = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.max`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ListTasksMaxFieldEvent {
    field: '$.max'
    value: number
  }

  export function encode (obj: Partial<ListTasks>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ListTasks.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ListTasks>): ListTasks {
    return decodeMessage(buf, ListTasks.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ListTasks>): Generator<ListTasksMaxFieldEvent> {
    return streamMessage(buf, ListTasks.codec(), opts)
  }
}

export interface TaskList {
  tasks: TaskStatus[]
}

export namespace TaskList {
  let _codec: Codec<TaskList>

  export const codec = (): Codec<TaskList> => {
    if (_codec == null) {
      _codec = message<TaskList>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.tasks != null && obj.tasks.length > 0) {
          for (const value of obj.tasks) {
            w.uint32(10)
            TaskStatus.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          tasks: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.tasks != null && obj.tasks.length === opts.limits.tasks) {
                throw new MaxLengthError('Decode error - repeated field "tasks" had too many elements')
              }

              obj.tasks.push(TaskStatus.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.tasks$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          tasks: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.tasks != null && obj.tasks === opts.limits.tasks) {
                throw new MaxLengthError('Streaming decode error - repeated field "tasks" had too many elements')
              }

              for (const evt of TaskStatus.codec().stream(reader, reader.uint32(), `${prefix}.tasks[]`, {
                limits: opts.limits?.tasks$
              })) {
                yield {
                  ...evt,
                  index: obj.tasks
                }
              }

              obj.tasks++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TaskListTasksTaskIdFieldEvent {
    field: '$.tasks[].taskId'
    value: string
    index: number
  }

  export interface TaskListTasksStateFieldEvent {
    field: '$.tasks[].state'
    value: string
    index: number
  }

  export interface TaskListTasksServersTotalFieldEvent {
    field: '$.tasks[].serversTotal'
    value: number
    index: number
  }

  export interface TaskListTasksServersDoneFieldEvent {
    field: '$.tasks[].serversDone'
    value: number
    index: number
  }

  export interface TaskListTasksServersFailedFieldEvent {
    field: '$.tasks[].serversFailed'
    value: number
    index: number
  }

  export interface TaskListTasksFileIdFieldEvent {
    field: '$.tasks[].fileId'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface TaskListTasksKindFieldEvent {
    field: '$.tasks[].kind'
    value: string
    index: number
  }

  export interface TaskListTasksCreatedAtMsFieldEvent {
    field: '$.tasks[].createdAtMs'
    value: bigint
    index: number
  }

  export interface TaskListTasksUpdatedAtMsFieldEvent {
    field: '$.tasks[].updatedAtMs'
    value: bigint
    index: number
  }

  export interface TaskListTasksServersPeerIdFieldEvent {
    field: '$.tasks[].servers[].peerId'
    value: string
    index: number
  }

  export interface TaskListTasksServersStateFieldEvent {
    field: '$.tasks[].servers[].state'
    value: string
    index: number
  }

  export interface TaskListTasksServersProgressBytesFieldEvent {
    field: '$.tasks[].servers[].progressBytes'
    value: bigint
    index: number
  }

  export interface TaskListTasksServersTotalBytesFieldEvent {
    field: '$.tasks[].servers[].totalBytes'
    value: bigint
    index: number
  }

  export interface TaskListTasksServersAttemptsFieldEvent {
    field: '$.tasks[].servers[].attempts'
    value: number
    index: number
  }

  export interface TaskListTasksServersDurationMsFieldEvent {
    field: '$.tasks[].servers[].durationMs'
    value: bigint
    index: number
  }

  export interface TaskListTasksServersLastErrorFieldEvent {
    field: '$.tasks[].servers[].lastError'
    value: string
    index: number
  }

  export function encode (obj: Partial<TaskList>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskList.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskList>): TaskList {
    return decodeMessage(buf, TaskList.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskList>): Generator<TaskListTasksTaskIdFieldEvent | TaskListTasksStateFieldEvent | TaskListTasksServersTotalFieldEvent | TaskListTasksServersDoneFieldEvent | TaskListTasksServersFailedFieldEvent | TaskListTasksFileIdFieldEvent | TaskListTasksKindFieldEvent | TaskListTasksCreatedAtMsFieldEvent | TaskListTasksUpdatedAtMsFieldEvent | TaskListTasksServersPeerIdFieldEvent | TaskListTasksServersStateFieldEvent | TaskListTasksServersProgressBytesFieldEvent | TaskListTasksServersTotalBytesFieldEvent | TaskListTasksServersAttemptsFieldEvent | TaskListTasksServersDurationMsFieldEvent | TaskListTasksServersLastErrorFieldEvent> {
    return streamMessage(buf, TaskList.codec(), opts)
  }
}

export interface TrackerError {
  code: TrackerError.Code
  message: string
}

export namespace TrackerError {
  export enum Code {
    UNSPECIFIED = 'UNSPECIFIED',
    BAD_REQUEST = 'BAD_REQUEST',
    UNSUPPORTED = 'UNSUPPORTED',
    NOT_REGISTERED = 'NOT_REGISTERED',
    UNKNOWN_FILE = 'UNKNOWN_FILE',
    UNKNOWN_TASK = 'UNKNOWN_TASK',
    UNKNOWN_SERVER = 'UNKNOWN_SERVER',
    NOT_ALLOWED = 'NOT_ALLOWED',
    INTERNAL = 'INTERNAL',
    INVALID_TOKEN = 'INVALID_TOKEN'
  }

  enum __CodeValues {
    UNSPECIFIED = 0,
    BAD_REQUEST = 1,
    UNSUPPORTED = 2,
    NOT_REGISTERED = 3,
    UNKNOWN_FILE = 4,
    UNKNOWN_TASK = 5,
    UNKNOWN_SERVER = 6,
    NOT_ALLOWED = 7,
    INTERNAL = 8,
    INVALID_TOKEN = 9
  }

  export namespace Code {
    export const codec = (): Codec<Code> => {
      return enumeration<Code>(__CodeValues)
    }
  }

  let _codec: Codec<TrackerError>

  export const codec = (): Codec<TrackerError> => {
    if (_codec == null) {
      _codec = message<TrackerError>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.code != null && __CodeValues[obj.code] !== 0) {
          w.uint32(8)
          TrackerError.Code.codec().encode(obj.code, w)
        }

        if ((obj.message != null && obj.message !== '')) {
          w.uint32(18)
          w.string(obj.message)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          code: Code.UNSPECIFIED,
          message: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.code = TrackerError.Code.codec().decode(reader)
              break
            }
            case 2: {
              obj.message = readUtf8(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.code`,
                value: TrackerError.Code.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.message`,
                value: readUtf8(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TrackerErrorCodeFieldEvent {
    field: '$.code'
    value: TrackerError.Code
  }

  export interface TrackerErrorMessageFieldEvent {
    field: '$.message'
    value: string
  }

  export function encode (obj: Partial<TrackerError>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TrackerError.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerError>): TrackerError {
    return decodeMessage(buf, TrackerError.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerError>): Generator<TrackerErrorCodeFieldEvent | TrackerErrorMessageFieldEvent> {
    return streamMessage(buf, TrackerError.codec(), opts)
  }
}

export interface TrackerResponse {
  error?: TrackerError
  register?: RegisterResponse
  heartbeat?: HeartbeatResponse
  peers?: Peers
  commit?: CommitResponse
  taskResult?: TaskResultResponse
  replicate?: ReplicateResponse
  taskStatus?: TaskStatus
  upload?: UploadCandidates
  ingestCommit?: IngestCommitResponse
  fallback?: FallbackResponse
  files?: FileList
  tasks?: TaskList
}

export namespace TrackerResponse {
  let _codec: Codec<TrackerResponse>

  export const codec = (): Codec<TrackerResponse> => {
    if (_codec == null) {
      _codec = message<TrackerResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.error != null) {
          w.uint32(10)
          TrackerError.codec().encode(obj.error, w)
        }

        if (obj.register != null) {
          w.uint32(18)
          RegisterResponse.codec().encode(obj.register, w)
        }

        if (obj.heartbeat != null) {
          w.uint32(26)
          HeartbeatResponse.codec().encode(obj.heartbeat, w)
        }

        if (obj.peers != null) {
          w.uint32(34)
          Peers.codec().encode(obj.peers, w)
        }

        if (obj.commit != null) {
          w.uint32(42)
          CommitResponse.codec().encode(obj.commit, w)
        }

        if (obj.taskResult != null) {
          w.uint32(50)
          TaskResultResponse.codec().encode(obj.taskResult, w)
        }

        if (obj.replicate != null) {
          w.uint32(58)
          ReplicateResponse.codec().encode(obj.replicate, w)
        }

        if (obj.taskStatus != null) {
          w.uint32(66)
          TaskStatus.codec().encode(obj.taskStatus, w)
        }

        if (obj.upload != null) {
          w.uint32(74)
          UploadCandidates.codec().encode(obj.upload, w)
        }

        if (obj.ingestCommit != null) {
          w.uint32(82)
          IngestCommitResponse.codec().encode(obj.ingestCommit, w)
        }

        if (obj.fallback != null) {
          w.uint32(90)
          FallbackResponse.codec().encode(obj.fallback, w)
        }

        if (obj.files != null) {
          w.uint32(98)
          FileList.codec().encode(obj.files, w)
        }

        if (obj.tasks != null) {
          w.uint32(106)
          TaskList.codec().encode(obj.tasks, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.error = TrackerError.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.error
              })
              break
            }
            case 2: {
              obj.register = RegisterResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.register
              })
              break
            }
            case 3: {
              obj.heartbeat = HeartbeatResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.heartbeat
              })
              break
            }
            case 4: {
              obj.peers = Peers.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.peers
              })
              break
            }
            case 5: {
              obj.commit = CommitResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.commit
              })
              break
            }
            case 6: {
              obj.taskResult = TaskResultResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.taskResult
              })
              break
            }
            case 7: {
              obj.replicate = ReplicateResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.replicate
              })
              break
            }
            case 8: {
              obj.taskStatus = TaskStatus.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.taskStatus
              })
              break
            }
            case 9: {
              obj.upload = UploadCandidates.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.upload
              })
              break
            }
            case 10: {
              obj.ingestCommit = IngestCommitResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ingestCommit
              })
              break
            }
            case 11: {
              obj.fallback = FallbackResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.fallback
              })
              break
            }
            case 12: {
              obj.files = FileList.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.files
              })
              break
            }
            case 13: {
              obj.tasks = TaskList.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.tasks
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * TrackerError.codec().stream(reader, reader.uint32(), `${prefix}.error`, {
                limits: opts.limits?.error
              })

              break
            }
            case 2: {
              yield * RegisterResponse.codec().stream(reader, reader.uint32(), `${prefix}.register`, {
                limits: opts.limits?.register
              })

              break
            }
            case 3: {
              yield * HeartbeatResponse.codec().stream(reader, reader.uint32(), `${prefix}.heartbeat`, {
                limits: opts.limits?.heartbeat
              })

              break
            }
            case 4: {
              yield * Peers.codec().stream(reader, reader.uint32(), `${prefix}.peers`, {
                limits: opts.limits?.peers
              })

              break
            }
            case 5: {
              yield * CommitResponse.codec().stream(reader, reader.uint32(), `${prefix}.commit`, {
                limits: opts.limits?.commit
              })

              break
            }
            case 6: {
              yield * TaskResultResponse.codec().stream(reader, reader.uint32(), `${prefix}.taskResult`, {
                limits: opts.limits?.taskResult
              })

              break
            }
            case 7: {
              yield * ReplicateResponse.codec().stream(reader, reader.uint32(), `${prefix}.replicate`, {
                limits: opts.limits?.replicate
              })

              break
            }
            case 8: {
              yield * TaskStatus.codec().stream(reader, reader.uint32(), `${prefix}.taskStatus`, {
                limits: opts.limits?.taskStatus
              })

              break
            }
            case 9: {
              yield * UploadCandidates.codec().stream(reader, reader.uint32(), `${prefix}.upload`, {
                limits: opts.limits?.upload
              })

              break
            }
            case 10: {
              yield * IngestCommitResponse.codec().stream(reader, reader.uint32(), `${prefix}.ingestCommit`, {
                limits: opts.limits?.ingestCommit
              })

              break
            }
            case 11: {
              yield * FallbackResponse.codec().stream(reader, reader.uint32(), `${prefix}.fallback`, {
                limits: opts.limits?.fallback
              })

              break
            }
            case 12: {
              yield * FileList.codec().stream(reader, reader.uint32(), `${prefix}.files`, {
                limits: opts.limits?.files
              })

              break
            }
            case 13: {
              yield * TaskList.codec().stream(reader, reader.uint32(), `${prefix}.tasks`, {
                limits: opts.limits?.tasks
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TrackerResponseErrorCodeFieldEvent {
    field: '$.error.code'
    value: TrackerError.Code
  }

  export interface TrackerResponseErrorMessageFieldEvent {
    field: '$.error.message'
    value: string
  }

  export interface TrackerResponseRegisterHeartbeatIntervalMsFieldEvent {
    field: '$.register.heartbeatIntervalMs'
    value: number
  }

  export interface TrackerResponseRegisterHeartbeatTimeoutMsFieldEvent {
    field: '$.register.heartbeatTimeoutMs'
    value: number
  }

  export interface TrackerResponseRegisterMembersPeerIdsFieldEvent {
    field: '$.register.members.peerIds[]'
    index: number
    value: string
  }

  export interface TrackerResponseRegisterMembersDigestFieldEvent {
    field: '$.register.members.digest'
    value: string
  }

  export interface TrackerResponseRegisterMembersClientsFieldEvent {
    field: '$.register.members.clients[]'
    index: number
    value: string
  }

  export interface TrackerResponseRegisterMembersClientsListedFieldEvent {
    field: '$.register.members.clientsListed'
    value: boolean
  }

  export interface TrackerResponseHeartbeatReregisterFieldEvent {
    field: '$.heartbeat.reregister'
    value: boolean
  }

  export interface TrackerResponseHeartbeatMembersPeerIdsFieldEvent {
    field: '$.heartbeat.members.peerIds[]'
    index: number
    value: string
  }

  export interface TrackerResponseHeartbeatMembersDigestFieldEvent {
    field: '$.heartbeat.members.digest'
    value: string
  }

  export interface TrackerResponseHeartbeatMembersClientsFieldEvent {
    field: '$.heartbeat.members.clients[]'
    index: number
    value: string
  }

  export interface TrackerResponseHeartbeatMembersClientsListedFieldEvent {
    field: '$.heartbeat.members.clientsListed'
    value: boolean
  }

  export interface TrackerResponsePeersManifestFieldEvent {
    field: '$.peers.manifest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerResponsePeersPeersPeerIdFieldEvent {
    field: '$.peers.peers[].peerId'
    value: string
    index: number
  }

  export interface TrackerResponsePeersPeersAddrsFieldEvent {
    field: '$.peers.peers[].addrs[]'
    index: number
    value: string
  }

  export interface TrackerResponsePeersPeersChunksFieldEvent {
    field: '$.peers.peers[].chunks'
    value: number
    index: number
  }

  export interface TrackerResponsePeersPeersCompleteFieldEvent {
    field: '$.peers.peers[].complete'
    value: boolean
    index: number
  }

  export interface TrackerResponsePeersPeersSubnetFieldEvent {
    field: '$.peers.peers[].subnet'
    value: string
    index: number
  }

  export interface TrackerResponsePeersPeersNetworkFieldEvent {
    field: '$.peers.peers[].network'
    value: string
    index: number
  }

  export interface TrackerResponsePeersPeersTrackerFieldEvent {
    field: '$.peers.peers[].tracker'
    value: boolean
    index: number
  }

  export interface TrackerResponsePeersPolicyFieldEvent {
    field: '$.peers.policy'
    value: string
  }

  export interface TrackerResponsePeersRestrictedFieldEvent {
    field: '$.peers.restricted'
    value: boolean
  }

  export interface TrackerResponseCommitFileIdFieldEvent {
    field: '$.commit.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerResponseCommitKnownFieldEvent {
    field: '$.commit.known'
    value: boolean
  }

  export interface TrackerResponseTaskResultDuplicateFieldEvent {
    field: '$.taskResult.duplicate'
    value: boolean
  }

  export interface TrackerResponseReplicateTaskIdFieldEvent {
    field: '$.replicate.taskId'
    value: string
  }

  export interface TrackerResponseReplicateServersFieldEvent {
    field: '$.replicate.servers[]'
    index: number
    value: string
  }

  export interface TrackerResponseTaskStatusTaskIdFieldEvent {
    field: '$.taskStatus.taskId'
    value: string
  }

  export interface TrackerResponseTaskStatusStateFieldEvent {
    field: '$.taskStatus.state'
    value: string
  }

  export interface TrackerResponseTaskStatusServersTotalFieldEvent {
    field: '$.taskStatus.serversTotal'
    value: number
  }

  export interface TrackerResponseTaskStatusServersDoneFieldEvent {
    field: '$.taskStatus.serversDone'
    value: number
  }

  export interface TrackerResponseTaskStatusServersFailedFieldEvent {
    field: '$.taskStatus.serversFailed'
    value: number
  }

  export interface TrackerResponseTaskStatusFileIdFieldEvent {
    field: '$.taskStatus.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerResponseTaskStatusKindFieldEvent {
    field: '$.taskStatus.kind'
    value: string
  }

  export interface TrackerResponseTaskStatusCreatedAtMsFieldEvent {
    field: '$.taskStatus.createdAtMs'
    value: bigint
  }

  export interface TrackerResponseTaskStatusUpdatedAtMsFieldEvent {
    field: '$.taskStatus.updatedAtMs'
    value: bigint
  }

  export interface TrackerResponseTaskStatusServersPeerIdFieldEvent {
    field: '$.taskStatus.servers[].peerId'
    value: string
    index: number
  }

  export interface TrackerResponseTaskStatusServersStateFieldEvent {
    field: '$.taskStatus.servers[].state'
    value: string
    index: number
  }

  export interface TrackerResponseTaskStatusServersProgressBytesFieldEvent {
    field: '$.taskStatus.servers[].progressBytes'
    value: bigint
    index: number
  }

  export interface TrackerResponseTaskStatusServersTotalBytesFieldEvent {
    field: '$.taskStatus.servers[].totalBytes'
    value: bigint
    index: number
  }

  export interface TrackerResponseTaskStatusServersAttemptsFieldEvent {
    field: '$.taskStatus.servers[].attempts'
    value: number
    index: number
  }

  export interface TrackerResponseTaskStatusServersDurationMsFieldEvent {
    field: '$.taskStatus.servers[].durationMs'
    value: bigint
    index: number
  }

  export interface TrackerResponseTaskStatusServersLastErrorFieldEvent {
    field: '$.taskStatus.servers[].lastError'
    value: string
    index: number
  }

  export interface TrackerResponseUploadPeersPeerIdFieldEvent {
    field: '$.upload.peers[].peerId'
    value: string
    index: number
  }

  export interface TrackerResponseUploadPeersAddrsFieldEvent {
    field: '$.upload.peers[].addrs[]'
    index: number
    value: string
  }

  export interface TrackerResponseUploadPeersChunksFieldEvent {
    field: '$.upload.peers[].chunks'
    value: number
    index: number
  }

  export interface TrackerResponseUploadPeersCompleteFieldEvent {
    field: '$.upload.peers[].complete'
    value: boolean
    index: number
  }

  export interface TrackerResponseUploadPeersSubnetFieldEvent {
    field: '$.upload.peers[].subnet'
    value: string
    index: number
  }

  export interface TrackerResponseUploadPeersNetworkFieldEvent {
    field: '$.upload.peers[].network'
    value: string
    index: number
  }

  export interface TrackerResponseUploadPeersTrackerFieldEvent {
    field: '$.upload.peers[].tracker'
    value: boolean
    index: number
  }

  export interface TrackerResponseUploadPolicyFieldEvent {
    field: '$.upload.policy'
    value: string
  }

  export interface TrackerResponseIngestCommitFileIdFieldEvent {
    field: '$.ingestCommit.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TrackerResponseIngestCommitKnownFieldEvent {
    field: '$.ingestCommit.known'
    value: boolean
  }

  export interface TrackerResponseIngestCommitTaskIdFieldEvent {
    field: '$.ingestCommit.taskId'
    value: string
  }

  export interface TrackerResponseIngestCommitServersFieldEvent {
    field: '$.ingestCommit.servers[]'
    index: number
    value: string
  }

  export interface TrackerResponseFallbackHttpUrlFieldEvent {
    field: '$.fallback.http[].url'
    value: string
    index: number
  }

  export interface TrackerResponseFallbackHttpPeerIdFieldEvent {
    field: '$.fallback.http[].peerId'
    value: string
    index: number
  }

  export interface TrackerResponseFallbackHttpTrackerFieldEvent {
    field: '$.fallback.http[].tracker'
    value: boolean
    index: number
  }

  export interface TrackerResponseFallbackRelaysFieldEvent {
    field: '$.fallback.relays[]'
    index: number
    value: string
  }

  export interface TrackerResponseFilesFilesFileIdFieldEvent {
    field: '$.files.files[].fileId'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface TrackerResponseFilesFilesNameFieldEvent {
    field: '$.files.files[].name'
    value: string
    index: number
  }

  export interface TrackerResponseFilesFilesSizeFieldEvent {
    field: '$.files.files[].size'
    value: bigint
    index: number
  }

  export interface TrackerResponseFilesFilesChunksFieldEvent {
    field: '$.files.files[].chunks'
    value: number
    index: number
  }

  export interface TrackerResponseFilesFilesHoldersFieldEvent {
    field: '$.files.files[].holders'
    value: number
    index: number
  }

  export interface TrackerResponseFilesFilesCompleteCopiesFieldEvent {
    field: '$.files.files[].completeCopies'
    value: number
    index: number
  }

  export interface TrackerResponseFilesFilesAddedAtMsFieldEvent {
    field: '$.files.files[].addedAtMs'
    value: bigint
    index: number
  }

  export interface TrackerResponseFilesFilesSha256FieldEvent {
    field: '$.files.files[].sha256'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface TrackerResponseTasksTasksTaskIdFieldEvent {
    field: '$.tasks.tasks[].taskId'
    value: string
    index: number
  }

  export interface TrackerResponseTasksTasksStateFieldEvent {
    field: '$.tasks.tasks[].state'
    value: string
    index: number
  }

  export interface TrackerResponseTasksTasksServersTotalFieldEvent {
    field: '$.tasks.tasks[].serversTotal'
    value: number
    index: number
  }

  export interface TrackerResponseTasksTasksServersDoneFieldEvent {
    field: '$.tasks.tasks[].serversDone'
    value: number
    index: number
  }

  export interface TrackerResponseTasksTasksServersFailedFieldEvent {
    field: '$.tasks.tasks[].serversFailed'
    value: number
    index: number
  }

  export interface TrackerResponseTasksTasksFileIdFieldEvent {
    field: '$.tasks.tasks[].fileId'
    value: Uint8Array<ArrayBuffer>
    index: number
  }

  export interface TrackerResponseTasksTasksKindFieldEvent {
    field: '$.tasks.tasks[].kind'
    value: string
    index: number
  }

  export interface TrackerResponseTasksTasksCreatedAtMsFieldEvent {
    field: '$.tasks.tasks[].createdAtMs'
    value: bigint
    index: number
  }

  export interface TrackerResponseTasksTasksUpdatedAtMsFieldEvent {
    field: '$.tasks.tasks[].updatedAtMs'
    value: bigint
    index: number
  }

  export interface TrackerResponseTasksTasksServersPeerIdFieldEvent {
    field: '$.tasks.tasks[].servers[].peerId'
    value: string
    index: number
  }

  export interface TrackerResponseTasksTasksServersStateFieldEvent {
    field: '$.tasks.tasks[].servers[].state'
    value: string
    index: number
  }

  export interface TrackerResponseTasksTasksServersProgressBytesFieldEvent {
    field: '$.tasks.tasks[].servers[].progressBytes'
    value: bigint
    index: number
  }

  export interface TrackerResponseTasksTasksServersTotalBytesFieldEvent {
    field: '$.tasks.tasks[].servers[].totalBytes'
    value: bigint
    index: number
  }

  export interface TrackerResponseTasksTasksServersAttemptsFieldEvent {
    field: '$.tasks.tasks[].servers[].attempts'
    value: number
    index: number
  }

  export interface TrackerResponseTasksTasksServersDurationMsFieldEvent {
    field: '$.tasks.tasks[].servers[].durationMs'
    value: bigint
    index: number
  }

  export interface TrackerResponseTasksTasksServersLastErrorFieldEvent {
    field: '$.tasks.tasks[].servers[].lastError'
    value: string
    index: number
  }

  export function encode (obj: Partial<TrackerResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TrackerResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerResponse>): TrackerResponse {
    return decodeMessage(buf, TrackerResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerResponse>): Generator<TrackerResponseErrorCodeFieldEvent | TrackerResponseErrorMessageFieldEvent | TrackerResponseRegisterHeartbeatIntervalMsFieldEvent | TrackerResponseRegisterHeartbeatTimeoutMsFieldEvent | TrackerResponseRegisterMembersPeerIdsFieldEvent | TrackerResponseRegisterMembersDigestFieldEvent | TrackerResponseRegisterMembersClientsFieldEvent | TrackerResponseRegisterMembersClientsListedFieldEvent | TrackerResponseHeartbeatReregisterFieldEvent | TrackerResponseHeartbeatMembersPeerIdsFieldEvent | TrackerResponseHeartbeatMembersDigestFieldEvent | TrackerResponseHeartbeatMembersClientsFieldEvent | TrackerResponseHeartbeatMembersClientsListedFieldEvent | TrackerResponsePeersManifestFieldEvent | TrackerResponsePeersPeersPeerIdFieldEvent | TrackerResponsePeersPeersAddrsFieldEvent | TrackerResponsePeersPeersChunksFieldEvent | TrackerResponsePeersPeersCompleteFieldEvent | TrackerResponsePeersPeersSubnetFieldEvent | TrackerResponsePeersPeersNetworkFieldEvent | TrackerResponsePeersPeersTrackerFieldEvent | TrackerResponsePeersPolicyFieldEvent | TrackerResponsePeersRestrictedFieldEvent | TrackerResponseCommitFileIdFieldEvent | TrackerResponseCommitKnownFieldEvent | TrackerResponseTaskResultDuplicateFieldEvent | TrackerResponseReplicateTaskIdFieldEvent | TrackerResponseReplicateServersFieldEvent | TrackerResponseTaskStatusTaskIdFieldEvent | TrackerResponseTaskStatusStateFieldEvent | TrackerResponseTaskStatusServersTotalFieldEvent | TrackerResponseTaskStatusServersDoneFieldEvent | TrackerResponseTaskStatusServersFailedFieldEvent | TrackerResponseTaskStatusFileIdFieldEvent | TrackerResponseTaskStatusKindFieldEvent | TrackerResponseTaskStatusCreatedAtMsFieldEvent | TrackerResponseTaskStatusUpdatedAtMsFieldEvent | TrackerResponseTaskStatusServersPeerIdFieldEvent | TrackerResponseTaskStatusServersStateFieldEvent | TrackerResponseTaskStatusServersProgressBytesFieldEvent | TrackerResponseTaskStatusServersTotalBytesFieldEvent | TrackerResponseTaskStatusServersAttemptsFieldEvent | TrackerResponseTaskStatusServersDurationMsFieldEvent | TrackerResponseTaskStatusServersLastErrorFieldEvent | TrackerResponseUploadPeersPeerIdFieldEvent | TrackerResponseUploadPeersAddrsFieldEvent | TrackerResponseUploadPeersChunksFieldEvent | TrackerResponseUploadPeersCompleteFieldEvent | TrackerResponseUploadPeersSubnetFieldEvent | TrackerResponseUploadPeersNetworkFieldEvent | TrackerResponseUploadPeersTrackerFieldEvent | TrackerResponseUploadPolicyFieldEvent | TrackerResponseIngestCommitFileIdFieldEvent | TrackerResponseIngestCommitKnownFieldEvent | TrackerResponseIngestCommitTaskIdFieldEvent | TrackerResponseIngestCommitServersFieldEvent | TrackerResponseFallbackHttpUrlFieldEvent | TrackerResponseFallbackHttpPeerIdFieldEvent | TrackerResponseFallbackHttpTrackerFieldEvent | TrackerResponseFallbackRelaysFieldEvent | TrackerResponseFilesFilesFileIdFieldEvent | TrackerResponseFilesFilesNameFieldEvent | TrackerResponseFilesFilesSizeFieldEvent | TrackerResponseFilesFilesChunksFieldEvent | TrackerResponseFilesFilesHoldersFieldEvent | TrackerResponseFilesFilesCompleteCopiesFieldEvent | TrackerResponseFilesFilesAddedAtMsFieldEvent | TrackerResponseFilesFilesSha256FieldEvent | TrackerResponseTasksTasksTaskIdFieldEvent | TrackerResponseTasksTasksStateFieldEvent | TrackerResponseTasksTasksServersTotalFieldEvent | TrackerResponseTasksTasksServersDoneFieldEvent | TrackerResponseTasksTasksServersFailedFieldEvent | TrackerResponseTasksTasksFileIdFieldEvent | TrackerResponseTasksTasksKindFieldEvent | TrackerResponseTasksTasksCreatedAtMsFieldEvent | TrackerResponseTasksTasksUpdatedAtMsFieldEvent | TrackerResponseTasksTasksServersPeerIdFieldEvent | TrackerResponseTasksTasksServersStateFieldEvent | TrackerResponseTasksTasksServersProgressBytesFieldEvent | TrackerResponseTasksTasksServersTotalBytesFieldEvent | TrackerResponseTasksTasksServersAttemptsFieldEvent | TrackerResponseTasksTasksServersDurationMsFieldEvent | TrackerResponseTasksTasksServersLastErrorFieldEvent> {
    return streamMessage(buf, TrackerResponse.codec(), opts)
  }
}
