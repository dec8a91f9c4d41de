import { decodeMessage, encodeMessage, enumeration, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'
import { readUtf8 } from '../util/utf8.js'

export interface TaskPush {
  taskId: string
  kind: TaskPush.Kind
  fileId: Uint8Array<ArrayBuffer>
  manifest: Uint8Array<ArrayBuffer>
  attempt: number
}

export namespace TaskPush {
  export enum Kind {
    UNSPECIFIED = 'UNSPECIFIED',
    REPLICATE = 'REPLICATE',
    PREFETCH = 'PREFETCH'
  }

  enum __KindValues {
    UNSPECIFIED = 0,
    REPLICATE = 1,
    PREFETCH = 2
  }

  export namespace Kind {
    export const codec = (): Codec<Kind> => {
      return enumeration<Kind>(__KindValues)
    }
  }

  let _codec: Codec<TaskPush>

  export const codec = (): Codec<TaskPush> => {
    if (_codec == null) {
      _codec = message<TaskPush>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(10)
          w.string(obj.taskId)
        }

        if (obj.kind != null && __KindValues[obj.kind] !== 0) {
          w.uint32(16)
          TaskPush.Kind.codec().encode(obj.kind, w)
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.fileId)
        }

        if ((obj.manifest != null && obj.manifest.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.manifest)
        }

        if ((obj.attempt != null && obj.attempt !== 0)) {
          w.uint32(40)
          w.uint32(obj.attempt)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: '',
          kind: Kind.UNSPECIFIED,
          fileId: uint8ArrayAlloc(0),
          manifest: uint8ArrayAlloc(0),
          attempt: 0
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
              obj.kind = TaskPush.Kind.codec().decode(reader)
              break
            }
            case 3: {
              obj.fileId = reader.bytes()
              break
            }
            case 4: {
              obj.manifest = reader.bytes()
              break
            }
            case 5: {
              obj.attempt = reader.uint32()
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
                field: `${prefix}.kind`,
                value: TaskPush.Kind.codec().decode(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.manifest`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.attempt`,
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

  export interface TaskPushTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface TaskPushKindFieldEvent {
    field: '$.kind'
    value: TaskPush.Kind
  }

  export interface TaskPushFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TaskPushManifestFieldEvent {
    field: '$.manifest'
    value: Uint8Array<ArrayBuffer>
  }

  export interface TaskPushAttemptFieldEvent {
    field: '$.attempt'
    value: number
  }

  export function encode (obj: Partial<TaskPush>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskPush.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskPush>): TaskPush {
    return decodeMessage(buf, TaskPush.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskPush>): Generator<TaskPushTaskIdFieldEvent | TaskPushKindFieldEvent | TaskPushFileIdFieldEvent | TaskPushManifestFieldEvent | TaskPushAttemptFieldEvent> {
    return streamMessage(buf, TaskPush.codec(), opts)
  }
}

export interface TaskAck {
  taskId: string
  code: TaskAck.Code
  message: string
  finished: boolean
}

export namespace TaskAck {
  export enum Code {
    ACCEPTED = 'ACCEPTED',
    BAD_REQUEST = 'BAD_REQUEST',
    NOT_ALLOWED = 'NOT_ALLOWED',
    INTERNAL = 'INTERNAL'
  }

  enum __CodeValues {
    ACCEPTED = 0,
    BAD_REQUEST = 1,
    NOT_ALLOWED = 2,
    INTERNAL = 3
  }

  export namespace Code {
    export const codec = (): Codec<Code> => {
      return enumeration<Code>(__CodeValues)
    }
  }

  let _codec: Codec<TaskAck>

  export const codec = (): Codec<TaskAck> => {
    if (_codec == null) {
      _codec = message<TaskAck>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(10)
          w.string(obj.taskId)
        }

        if (obj.code != null && __CodeValues[obj.code] !== 0) {
          w.uint32(16)
          TaskAck.Code.codec().encode(obj.code, w)
        }

        if ((obj.message != null && obj.message !== '')) {
          w.uint32(26)
          w.string(obj.message)
        }

        if ((obj.finished != null && obj.finished !== false)) {
          w.uint32(32)
          w.bool(obj.finished)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          taskId: '',
          code: Code.ACCEPTED,
          message: '',
          finished: false
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
              obj.code = TaskAck.Code.codec().decode(reader)
              break
            }
            case 3: {
              obj.message = readUtf8(reader)
              break
            }
            case 4: {
              obj.finished = reader.bool()
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
                field: `${prefix}.code`,
                value: TaskAck.Code.codec().decode(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.message`,
                value: readUtf8(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.finished`,
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

  export interface TaskAckTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface TaskAckCodeFieldEvent {
    field: '$.code'
    value: TaskAck.Code
  }

  export interface TaskAckMessageFieldEvent {
    field: '$.message'
    value: string
  }

  export interface TaskAckFinishedFieldEvent {
    field: '$.finished'
    value: boolean
  }

  export function encode (obj: Partial<TaskAck>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, TaskAck.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskAck>): TaskAck {
    return decodeMessage(buf, TaskAck.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TaskAck>): Generator<TaskAckTaskIdFieldEvent | TaskAckCodeFieldEvent | TaskAckMessageFieldEvent | TaskAckFinishedFieldEvent> {
    return streamMessage(buf, TaskAck.codec(), opts)
  }
}
