import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

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
    PREFETCH = 'PREFETCH'
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
    PREFETCH = 9
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

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          type: Type.UNSPECIFIED
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

  export function encode (obj: Partial<TrackerRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TrackerRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerRequest>): TrackerRequest {
    return decodeMessage(buf, TrackerRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerRequest>): Generator<TrackerRequestTypeFieldEvent | TrackerRequestRegisterAddrsFieldEvent | TrackerRequestRegisterLanAddrsFieldEvent | TrackerRequestRegisterSubnetFieldEvent | TrackerRequestRegisterNetworkFieldEvent | TrackerRequestRegisterCapacityBytesFieldEvent | TrackerRequestHeartbeatLoadFieldEvent | TrackerRequestHeartbeatTasksTaskIdFieldEvent | TrackerRequestHeartbeatTasksBytesFieldEvent | TrackerRequestHeartbeatTasksTotalBytesFieldEvent | TrackerRequestAnnounceHoldingsFileIdFieldEvent | TrackerRequestAnnounceHoldingsBitfieldFieldEvent | TrackerRequestAnnounceHoldingsCompleteFieldEvent | TrackerRequestAnnounceFullFieldEvent | TrackerRequestGetPeersFileIdFieldEvent | TrackerRequestGetPeersWantManifestFieldEvent | TrackerRequestGetPeersMaxFieldEvent | TrackerRequestGetPeersSubnetFieldEvent | TrackerRequestGetPeersNetworkFieldEvent | TrackerRequestCommitFileIdFieldEvent | TrackerRequestTaskResultTaskIdFieldEvent | TrackerRequestTaskResultOkFieldEvent | TrackerRequestTaskResultReasonFieldEvent | TrackerRequestTaskResultBytesFromPeerIdFieldEvent | TrackerRequestTaskResultBytesFromBytesFieldEvent | TrackerRequestTaskResultDurationMsFieldEvent | TrackerRequestTaskResultResumedChunksFieldEvent | TrackerRequestTaskResultFetchedChunksFieldEvent | TrackerRequestTaskResultSha256FieldEvent | TrackerRequestTaskResultAttemptFieldEvent | TrackerRequestTaskResultFetchAttemptsFieldEvent | TrackerRequestReplicateFileIdFieldEvent | TrackerRequestReplicateToFieldEvent | TrackerRequestTaskStatusTaskIdFieldEvent | TrackerRequestPrefetchFileIdFieldEvent | TrackerRequestPrefetchServerFieldEvent> {
    return streamMessage(buf, TrackerRequest.codec(), opts)
  }
}

export interface Register {
  addrs: string[]
  lanAddrs: string[]
  subnet: string
  network: string
  capacityBytes: bigint
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
          w.uint64(obj.capacityBytes)
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
          capacityBytes: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.addrs != null && obj.addrs.length === opts.limits.addrs) {
                throw new MaxLengthError('Decode error - repeated field "addrs" had too many elements')
              }

              obj.addrs.push(reader.string())
              break
            }
            case 2: {
              if (opts.limits?.lanAddrs != null && obj.lanAddrs.length === opts.limits.lanAddrs) {
                throw new MaxLengthError('Decode error - repeated field "lanAddrs" had too many elements')
              }

              obj.lanAddrs.push(reader.string())
              break
            }
            case 3: {
              obj.subnet = reader.string()
              break
            }
            case 4: {
              obj.network = reader.string()
              break
            }
            case 5: {
              obj.capacityBytes = reader.uint64()
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
                value: reader.string()
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
                value: reader.string()
              }

              obj.lanAddrs++

              break
            }
            case 3: {
              yield {
                field: `${prefix}.subnet`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.network`,
                value: reader.string()
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

  export function encode (obj: Partial<Register>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Register.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Register>): Register {
    return decodeMessage(buf, Register.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Register>): Generator<RegisterAddrsFieldEvent | RegisterLanAddrsFieldEvent | RegisterSubnetFieldEvent | RegisterNetworkFieldEvent | RegisterCapacityBytesFieldEvent> {
    return streamMessage(buf, Register.codec(), opts)
  }
}

export interface RegisterResponse {
  heartbeatIntervalMs: number
  heartbeatTimeoutMs: number
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

  export function encode (obj: Partial<RegisterResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, RegisterResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RegisterResponse>): RegisterResponse {
    return decodeMessage(buf, RegisterResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RegisterResponse>): Generator<RegisterResponseHeartbeatIntervalMsFieldEvent | RegisterResponseHeartbeatTimeoutMsFieldEvent> {
    return streamMessage(buf, RegisterResponse.codec(), opts)
  }
}

export interface Heartbeat {
  load: number
  tasks: TaskProgress[]
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

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          load: 0,
          tasks: []
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

  export function encode (obj: Partial<Heartbeat>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Heartbeat.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Heartbeat {
    return decodeMessage(buf, Heartbeat.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Heartbeat>): Generator<HeartbeatLoadFieldEvent | HeartbeatTasksTaskIdFieldEvent | HeartbeatTasksBytesFieldEvent | HeartbeatTasksTotalBytesFieldEvent> {
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
          w.uint64(obj.bytes)
        }

        if ((obj.totalBytes != null && obj.totalBytes !== 0n)) {
          w.uint32(24)
          w.uint64(obj.totalBytes)
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
              obj.taskId = reader.string()
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
                value: reader.string()
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

  export function encode (obj: Partial<HeartbeatResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HeartbeatResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HeartbeatResponse>): HeartbeatResponse {
    return decodeMessage(buf, HeartbeatResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HeartbeatResponse>): Generator<HeartbeatResponseReregisterFieldEvent> {
    return streamMessage(buf, HeartbeatResponse.codec(), opts)
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

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          fileId: uint8ArrayAlloc(0),
          wantManifest: false,
          max: 0,
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
              obj.wantManifest = reader.bool()
              break
            }
            case 3: {
              obj.max = reader.uint32()
              break
            }
            case 4: {
              obj.subnet = reader.string()
              break
            }
            case 5: {
              obj.network = reader.string()
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
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.network`,
                value: reader.string()
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

  export function encode (obj: Partial<GetPeers>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, GetPeers.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GetPeers>): GetPeers {
    return decodeMessage(buf, GetPeers.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GetPeers>): Generator<GetPeersFileIdFieldEvent | GetPeersWantManifestFieldEvent | GetPeersMaxFieldEvent | GetPeersSubnetFieldEvent | GetPeersNetworkFieldEvent> {
    return streamMessage(buf, GetPeers.codec(), opts)
  }
}

export interface Peers {
  manifest: Uint8Array<ArrayBuffer>
  peers: PeerHint[]
  policy: string
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
              obj.policy = reader.string()
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
                value: reader.string()
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

  export function encode (obj: Partial<Peers>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Peers.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Peers>): Peers {
    return decodeMessage(buf, Peers.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Peers>): Generator<PeersManifestFieldEvent | PeersPeersPeerIdFieldEvent | PeersPeersAddrsFieldEvent | PeersPeersChunksFieldEvent | PeersPeersCompleteFieldEvent | PeersPeersSubnetFieldEvent | PeersPeersNetworkFieldEvent | PeersPeersTrackerFieldEvent | PeersPolicyFieldEvent> {
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
              obj.peerId = reader.string()
              break
            }
            case 2: {
              if (opts.limits?.addrs != null && obj.addrs.length === opts.limits.addrs) {
                throw new MaxLengthError('Decode error - repeated field "addrs" had too many elements')
              }

              obj.addrs.push(reader.string())
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
              obj.subnet = reader.string()
              break
            }
            case 6: {
              obj.network = reader.string()
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
                value: reader.string()
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
                value: reader.string()
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
                value: reader.string()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.network`,
                value: reader.string()
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
              obj.taskId = reader.string()
              break
            }
            case 2: {
              obj.ok = reader.bool()
              break
            }
            case 3: {
              obj.reason = reader.string()
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
                value: reader.string()
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
                value: reader.string()
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
          w.uint64(obj.bytes)
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
              obj.peerId = reader.string()
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
                value: reader.string()
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

              obj.to.push(reader.string())
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
                value: reader.string()
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
              obj.server = reader.string()
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
                value: reader.string()
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
              obj.taskId = reader.string()
              break
            }
            case 2: {
              if (opts.limits?.servers != null && obj.servers.length === opts.limits.servers) {
                throw new MaxLengthError('Decode error - repeated field "servers" had too many elements')
              }

              obj.servers.push(reader.string())
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
                value: reader.string()
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
                value: reader.string()
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
              obj.taskId = reader.string()
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
                value: reader.string()
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

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: '',
          state: '',
          serversTotal: 0,
          serversDone: 0,
          serversFailed: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.taskId = reader.string()
              break
            }
            case 2: {
              obj.state = reader.string()
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
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.state`,
                value: reader.string()
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

  export function encode (obj: Partial<TaskStatus>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskStatus.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskStatus>): TaskStatus {
    return decodeMessage(buf, TaskStatus.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskStatus>): Generator<TaskStatusTaskIdFieldEvent | TaskStatusStateFieldEvent | TaskStatusServersTotalFieldEvent | TaskStatusServersDoneFieldEvent | TaskStatusServersFailedFieldEvent> {
    return streamMessage(buf, TaskStatus.codec(), opts)
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
    INTERNAL = 'INTERNAL'
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
    INTERNAL = 8
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
              obj.message = reader.string()
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
                value: reader.string()
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

  export interface TrackerResponseHeartbeatReregisterFieldEvent {
    field: '$.heartbeat.reregister'
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

  export function encode (obj: Partial<TrackerResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TrackerResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerResponse>): TrackerResponse {
    return decodeMessage(buf, TrackerResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TrackerResponse>): Generator<TrackerResponseErrorCodeFieldEvent | TrackerResponseErrorMessageFieldEvent | TrackerResponseRegisterHeartbeatIntervalMsFieldEvent | TrackerResponseRegisterHeartbeatTimeoutMsFieldEvent | TrackerResponseHeartbeatReregisterFieldEvent | TrackerResponsePeersManifestFieldEvent | TrackerResponsePeersPeersPeerIdFieldEvent | TrackerResponsePeersPeersAddrsFieldEvent | TrackerResponsePeersPeersChunksFieldEvent | TrackerResponsePeersPeersCompleteFieldEvent | TrackerResponsePeersPeersSubnetFieldEvent | TrackerResponsePeersPeersNetworkFieldEvent | TrackerResponsePeersPeersTrackerFieldEvent | TrackerResponsePeersPolicyFieldEvent | TrackerResponseCommitFileIdFieldEvent | TrackerResponseCommitKnownFieldEvent | TrackerResponseTaskResultDuplicateFieldEvent | TrackerResponseReplicateTaskIdFieldEvent | TrackerResponseReplicateServersFieldEvent | TrackerResponseTaskStatusTaskIdFieldEvent | TrackerResponseTaskStatusStateFieldEvent | TrackerResponseTaskStatusServersTotalFieldEvent | TrackerResponseTaskStatusServersDoneFieldEvent | TrackerResponseTaskStatusServersFailedFieldEvent> {
    return streamMessage(buf, TrackerResponse.codec(), opts)
  }
}
