import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface ChunkFrame {
  type: ChunkFrame.Type
  fileId: Uint8Array<ArrayBuffer>
  bitfield: Uint8Array<ArrayBuffer>
  index: number
  offset: number
  length: number
  reason: ChunkFrame.RejectReason
  urgent: boolean
  peers: Uint8Array<ArrayBuffer>[]
}

export namespace ChunkFrame {
  export enum Type {
    HELLO = 'HELLO',
    BITFIELD = 'BITFIELD',
    HAVE = 'HAVE',
    REQUEST = 'REQUEST',
    PIECE = 'PIECE',
    CANCEL = 'CANCEL',
    REJECT = 'REJECT',
    GET_MANIFEST = 'GET_MANIFEST',
    MANIFEST = 'MANIFEST',
    PEERS = 'PEERS'
  }

  enum __TypeValues {
    HELLO = 0,
    BITFIELD = 1,
    HAVE = 2,
    REQUEST = 3,
    PIECE = 4,
    CANCEL = 5,
    REJECT = 6,
    GET_MANIFEST = 7,
    MANIFEST = 8,
    PEERS = 9
  }

  export namespace Type {
    export const codec = (): Codec<Type> => {
      return enumeration<Type>(__TypeValues)
    }
  }

  export enum RejectReason {
    UNSPECIFIED = 'UNSPECIFIED',
    NOT_HELD = 'NOT_HELD',
    OUT_OF_RANGE = 'OUT_OF_RANGE',
    BUSY = 'BUSY',
    ELSEWHERE = 'ELSEWHERE',
    NOT_SERVING = 'NOT_SERVING',
    UNKNOWN_FILE = 'UNKNOWN_FILE'
  }

  enum __RejectReasonValues {
    UNSPECIFIED = 0,
    NOT_HELD = 1,
    OUT_OF_RANGE = 2,
    BUSY = 3,
    ELSEWHERE = 4,
    NOT_SERVING = 5,
    UNKNOWN_FILE = 6
  }

  export namespace RejectReason {
    export const codec = (): Codec<RejectReason> => {
      return enumeration<RejectReason>(__RejectReasonValues)
    }
  }

  let _codec: Codec<ChunkFrame>

  export const codec = (): Codec<ChunkFrame> => {
    if (_codec == null) {
      _codec = message<ChunkFrame>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.type != null && __TypeValues[obj.type] !== 0) {
          w.uint32(8)
          ChunkFrame.Type.codec().encode(obj.type, w)
        }

        if ((obj.fileId != null && obj.fileId.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.fileId)
        }

        if ((obj.bitfield != null && obj.bitfield.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.bitfield)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(32)
          w.uint32(obj.index)
        }

        if ((obj.offset != null && obj.offset !== 0)) {
          w.uint32(40)
          w.uint32(obj.offset)
        }

        if ((obj.length != null && obj.length !== 0)) {
          w.uint32(48)
          w.uint32(obj.length)
        }

        if (obj.reason != null && __RejectReasonValues[obj.reason] !== 0) {
          w.uint32(56)
          ChunkFrame.RejectReason.codec().encode(obj.reason, w)
        }

        if ((obj.urgent != null && obj.urgent !== false)) {
          w.uint32(64)
          w.bool(obj.urgent)
        }

        if (obj.peers != null && obj.peers.length > 0) {
          for (const value of obj.peers) {
            w.uint32(74)
            w.bytes(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          type: Type.HELLO,
          fileId: uint8ArrayAlloc(0),
          bitfield: uint8ArrayAlloc(0),
          index: 0,
          offset: 0,
          length: 0,
          reason: RejectReason.UNSPECIFIED,
          urgent: false,
          peers: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.type = ChunkFrame.Type.codec().decode(reader)
              break
            }
            case 2: {
              obj.fileId = reader.bytes()
              break
            }
            case 3: {
              obj.bitfield = reader.bytes()
              break
            }
            case 4: {
              obj.index = reader.uint32()
              break
            }
            case 5: {
              obj.offset = reader.uint32()
              break
            }
            case 6: {
              obj.length = reader.uint32()
              break
            }
            case 7: {
              obj.reason = ChunkFrame.RejectReason.codec().decode(reader)
              break
            }
            case 8: {
              obj.urgent = reader.bool()
              break
            }
            case 9: {
              if (opts.limits?.peers != null && obj.peers.length === opts.limits.peers) {
                throw new MaxLengthError('Decode error - repeated field "peers" had too many elements')
              }

              obj.peers.push(reader.bytes())
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
                field: `${prefix}.type`,
                value: ChunkFrame.Type.codec().decode(reader)
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
                field: `${prefix}.bitfield`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint32()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.offset`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.length`,
                value: reader.uint32()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.reason`,
                value: ChunkFrame.RejectReason.codec().decode(reader)
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.urgent`,
                value: reader.bool()
              }
              break
            }
            case 9: {
              if (opts.limits?.peers != null && obj.peers === opts.limits.peers) {
                throw new MaxLengthError('Streaming decode error - repeated field "peers" had too many elements')
              }

              yield {
                field: `${prefix}.peers[]`,
                index: obj.peers,
                value: reader.bytes()
              }

              obj.peers++

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

  export interface ChunkFrameTypeFieldEvent {
    field: '$.type'
    value: ChunkFrame.Type
  }

  export interface ChunkFrameFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export interface ChunkFrameBitfieldFieldEvent {
    field: '$.bitfield'
    value: Uint8Array<ArrayBuffer>
  }

  export interface ChunkFrameIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface ChunkFrameOffsetFieldEvent {
    field: '$.offset'
    value: number
  }

  export interface ChunkFrameLengthFieldEvent {
    field: '$.length'
    value: number
  }

  export interface ChunkFrameReasonFieldEvent {
    field: '$.reason'
    value: ChunkFrame.RejectReason
  }

  export interface ChunkFrameUrgentFieldEvent {
    field: '$.urgent'
    value: boolean
  }

  export interface ChunkFramePeersFieldEvent {
    field: '$.peers[]'
    index: number
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<ChunkFrame>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ChunkFrame.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChunkFrame>): ChunkFrame {
    return decodeMessage(buf, ChunkFrame.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChunkFrame>): Generator<ChunkFrameTypeFieldEvent | ChunkFrameFileIdFieldEvent | ChunkFrameBitfieldFieldEvent | ChunkFrameIndexFieldEvent | ChunkFrameOffsetFieldEvent | ChunkFrameLengthFieldEvent | ChunkFrameReasonFieldEvent | ChunkFrameUrgentFieldEvent | ChunkFramePeersFieldEvent> {
    return streamMessage(buf, ChunkFrame.codec(), opts)
  }
}
