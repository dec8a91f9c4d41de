import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'
import { readUtf8 } from '../util/utf8.js'

export interface IngestFrame {
  type: IngestFrame.Type
  fileId: Uint8Array<ArrayBuffer>
  manifestLength: number
  bitfield: Uint8Array<ArrayBuffer>
  complete: boolean
  index: number
  count: number
  replicateTo: string[]
  replicateNetwork: string
  replicateAll: boolean
  taskId: string
  servers: string[]
  code: IngestFrame.Code
  message: string
  sources: string[]
}

export namespace IngestFrame {
  export enum Type {
    UNSPECIFIED = 'UNSPECIFIED',
    OPEN = 'OPEN',
    STATE = 'STATE',
    BLOCK = 'BLOCK',
    STORED = 'STORED',
    BAD_CHUNK = 'BAD_CHUNK',
    COMMIT = 'COMMIT',
    COMMITTED = 'COMMITTED',
    ERROR = 'ERROR'
  }

  enum __TypeValues {
    UNSPECIFIED = 0,
    OPEN = 1,
    STATE = 2,
    BLOCK = 3,
    STORED = 4,
    BAD_CHUNK = 5,
    COMMIT = 6,
    COMMITTED = 7,
    ERROR = 8
  }

  export namespace Type {
    export const codec = (): Codec<Type> => {
      return enumeration<Type>(__TypeValues)
    }
  }

  export enum Code {
    NONE = 'NONE',
    BAD_REQUEST = 'BAD_REQUEST',
    UNKNOWN_FILE = 'UNKNOWN_FILE',
    BAD_MANIFEST = 'BAD_MANIFEST',
    INCOMPLETE = 'INCOMPLETE',
    DISK_FULL = 'DISK_FULL',
    COMMIT_FAILED = 'COMMIT_FAILED',
    NOT_ALLOWED = 'NOT_ALLOWED',
    INTERNAL = 'INTERNAL',
    QUOTA_EXCEEDED = 'QUOTA_EXCEEDED'
  }

  enum __CodeValues {
    NONE = 0,
    BAD_REQUEST = 1,
    UNKNOWN_FILE = 2,
    BAD_MANIFEST = 3,
    INCOMPLETE = 4,
    DISK_FULL = 5,
    COMMIT_FAILED = 6,
    NOT_ALLOWED = 7,
    INTERNAL = 8,
    QUOTA_EXCEEDED = 9
  }

  export namespace Code {
    export const codec = (): Codec<Code> => {
      return enumeration<Code>(__CodeValues)
    }
  }

  let _codec: Codec<IngestFrame>

  export const codec = (): Codec<IngestFrame> => {
    if (_codec == null) {
      _codec = message<IngestFrame>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.type != null && __TypeValues[obj.type] !== 0) {
          w.uint32(8)
          IngestFrame.Type.codec().encode(obj.type, w)
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.fileId)
        }

        if ((obj.manifestLength != null && obj.manifestLength !== 0)) {
          w.uint32(24)
          w.uint32(obj.manifestLength)
        }

        if ((obj.bitfield != null && obj.bitfield.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.bitfield)
        }

        if ((obj.complete != null && obj.complete !== false)) {
          w.uint32(40)
          w.bool(obj.complete)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(48)
          w.uint32(obj.index)
        }

        if ((obj.count != null && obj.count !== 0)) {
          w.uint32(56)
          w.uint32(obj.count)
        }

        if (obj.replicateTo != null && obj.replicateTo.length > 0) {
          for (const value of obj.replicateTo) {
            w.uint32(66)
            w.string(value)
          }
        }

        if ((obj.replicateNetwork != null && obj.replicateNetwork !== '')) {
          w.uint32(74)
          w.string(obj.replicateNetwork)
        }

        if ((obj.replicateAll != null && obj.replicateAll !== false)) {
          w.uint32(80)
          w.bool(obj.replicateAll)
        }

        if ((obj.taskId != null && obj.taskId !== '')) {
          w.uint32(90)
          w.string(obj.taskId)
        }

        if (obj.servers != null && obj.servers.length > 0) {
          for (const value of obj.servers) {
            w.uint32(98)
            w.string(value)
          }
        }

        if (obj.code != null && __CodeValues[obj.code] !== 0) {
          w.uint32(104)
          IngestFrame.Code.codec().encode(obj.code, w)
        }

        if ((obj.message != null && obj.message !== '')) {
          w.uint32(114)
          w.string(obj.message)
        }

        if (obj.sources != null && obj.sources.length > 0) {
          for (const value of obj.sources) {
            w.uint32(122)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          type: Type.UNSPECIFIED,
          fileId: uint8ArrayAlloc(0),
          manifestLength: 0,
          bitfield: uint8ArrayAlloc(0),
          complete: false,
          index: 0,
          count: 0,
          replicateTo: [],
          replicateNetwork: '',
          replicateAll: false,
          taskId: '',
          servers: [],
          code: Code.NONE,
          message: '',
          sources: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.type = IngestFrame.Type.codec().decode(reader)
              break
            }
            case 2: {
              obj.fileId = reader.bytes()
              break
            }
            case 3: {
              obj.manifestLength = reader.uint32()
              break
            }
            case 4: {
              obj.bitfield = reader.bytes()
              break
            }
            case 5: {
              obj.complete = reader.bool()
              break
            }
            case 6: {
              obj.index = reader.uint32()
              break
            }
            case 7: {
              obj.count = reader.uint32()
              break
            }
            case 8: {
              if (opts.limits?.replicateTo != null && obj.replicateTo.length === opts.limits.replicateTo) {
                throw new MaxLengthError('Decode error - repeated field "replicateTo" had too many elements')
              }

              obj.replicateTo.push(readUtf8(reader))
              break
            }
            case 9: {
              obj.replicateNetwork = readUtf8(reader)
              break
            }
            case 10: {
              obj.replicateAll = reader.bool()
              break
            }
            case 11: {
              obj.taskId = readUtf8(reader)
              break
            }
            case 12: {
              if (opts.limits?.servers != null && obj.servers.length === opts.limits.servers) {
                throw new MaxLengthError('Decode error - repeated field "servers" had too many elements')
              }

              obj.servers.push(readUtf8(reader))
              break
            }
            case 13: {
              obj.code = IngestFrame.Code.codec().decode(reader)
              break
            }
            case 14: {
              obj.message = readUtf8(reader)
              break
            }
            case 15: {
              if (opts.limits?.sources != null && obj.sources.length === opts.limits.sources) {
                throw new MaxLengthError('Decode error - repeated field "sources" had too many elements')
              }

              obj.sources.push(readUtf8(reader))
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
          replicateTo: 0,
          servers: 0,
          sources: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.type`,
                value: IngestFrame.Type.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.fileId`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.manifestLength`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.bitfield`,
                value: reader.bytes()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.complete`,
                value: reader.bool()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint32()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.count`,
                value: reader.uint32()
              }
              break
            }
            case 8: {
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
            case 9: {
              yield {
                field: `${prefix}.replicateNetwork`,
                value: readUtf8(reader)
              }
              break
            }
            case 10: {
              yield {
                field: `${prefix}.replicateAll`,
                value: reader.bool()
              }
              break
            }
            case 11: {
              yield {
                field: `${prefix}.taskId`,
                value: readUtf8(reader)
              }
              break
            }
            case 12: {
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
            case 13: {
              yield {
                field: `${prefix}.code`,
                value: IngestFrame.Code.codec().decode(reader)
              }
              break
            }
            case 14: {
              yield {
                field: `${prefix}.message`,
                value: readUtf8(reader)
              }
              break
            }
            case 15: {
              if (opts.limits?.sources != null && obj.sources === opts.limits.sources) {
                throw new MaxLengthError('Streaming decode error - repeated field "sources" had too many elements')
              }

              yield {
                field: `${prefix}.sources[]`,
                index: obj.sources,
                value: readUtf8(reader)
              }

              obj.sources++

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

  export interface IngestFrameTypeFieldEvent {
    field: '$.type'
    value: IngestFrame.Type
  }

  export interface IngestFrameFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface IngestFrameManifestLengthFieldEvent {
    field: '$.manifestLength'
    value: number
  }

  export interface IngestFrameBitfieldFieldEvent {
    field: '$.bitfield'
    value: Uint8Array<ArrayBuffer>
  }

  export interface IngestFrameCompleteFieldEvent {
    field: '$.complete'
    value: boolean
  }

  export interface IngestFrameIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface IngestFrameCountFieldEvent {
    field: '$.count'
    value: number
  }

  export interface IngestFrameReplicateToFieldEvent {
    field: '$.replicateTo[]'
    index: number
    value: string
  }

  export interface IngestFrameReplicateNetworkFieldEvent {
    field: '$.replicateNetwork'
    value: string
  }

  export interface IngestFrameReplicateAllFieldEvent {
    field: '$.replicateAll'
    value: boolean
  }

  export interface IngestFrameTaskIdFieldEvent {
    field: '$.taskId'
    value: string
  }

  export interface IngestFrameServersFieldEvent {
    field: '$.servers[]'
    index: number
    value: string
  }

  export interface IngestFrameCodeFieldEvent {
    field: '$.code'
    value: IngestFrame.Code
  }

  export interface IngestFrameMessageFieldEvent {
    field: '$.message'
    value: string
  }

  export interface IngestFrameSourcesFieldEvent {
    field: '$.sources[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<IngestFrame>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, IngestFrame.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IngestFrame>): IngestFrame {
    return decodeMessage(buf, IngestFrame.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IngestFrame>): Generator<IngestFrameTypeFieldEvent | IngestFrameFileIdFieldEvent | IngestFrameManifestLengthFieldEvent | IngestFrameBitfieldFieldEvent | IngestFrameCompleteFieldEvent | IngestFrameIndexFieldEvent | IngestFrameCountFieldEvent | IngestFrameReplicateToFieldEvent | IngestFrameReplicateNetworkFieldEvent | IngestFrameReplicateAllFieldEvent | IngestFrameTaskIdFieldEvent | IngestFrameServersFieldEvent | IngestFrameCodeFieldEvent | IngestFrameMessageFieldEvent | IngestFrameSourcesFieldEvent> {
    return streamMessage(buf, IngestFrame.codec(), opts)
  }
}
