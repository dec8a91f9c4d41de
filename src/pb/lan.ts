import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'
import { readUtf8 } from '../util/utf8.js'

export interface LanRequest {
  type: LanRequest.Type
  haveQuery?: HaveQuery
}

export namespace LanRequest {
  export enum Type {
    UNSPECIFIED = 'UNSPECIFIED',
    HAVE_QUERY = 'HAVE_QUERY'
  }

  enum __TypeValues {
    UNSPECIFIED = 0,
    HAVE_QUERY = 1
  }

  export namespace Type {
    export const codec = (): Codec<Type> => {
      return enumeration<Type>(__TypeValues)
    }
  }

  let _codec: Codec<LanRequest>

  export const codec = (): Codec<LanRequest> => {
    if (_codec == null) {
      _codec = message<LanRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.type != null && __TypeValues[obj.type] !== 0) {
          w.uint32(8)
          LanRequest.Type.codec().encode(obj.type, w)
        }

        if (obj.haveQuery != null) {
          w.uint32(18)
          HaveQuery.codec().encode(obj.haveQuery, w)
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
              obj.type = LanRequest.Type.codec().decode(reader)
              break
            }
            case 2: {
              obj.haveQuery = HaveQuery.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.haveQuery
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
                value: LanRequest.Type.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield * HaveQuery.codec().stream(reader, reader.uint32(), `${prefix}.haveQuery`, {
                limits: opts.limits?.haveQuery
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

  export interface LanRequestTypeFieldEvent {
    field: '$.type'
    value: LanRequest.Type
  }

  export interface LanRequestHaveQueryFileIdFieldEvent {
    field: '$.haveQuery.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<LanRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, LanRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanRequest>): LanRequest {
    return decodeMessage(buf, LanRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanRequest>): Generator<LanRequestTypeFieldEvent | LanRequestHaveQueryFileIdFieldEvent> {
    return streamMessage(buf, LanRequest.codec(), opts)
  }
}

export interface HaveQuery {
  fileId: Uint8Array<ArrayBuffer>
}

export namespace HaveQuery {
  let _codec: Codec<HaveQuery>

  export const codec = (): Codec<HaveQuery> => {
    if (_codec == null) {
      _codec = message<HaveQuery>((obj, w, opts = {}) => {
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

  export interface HaveQueryFileIdFieldEvent {
    field: '$.fileId'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<HaveQuery>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HaveQuery.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HaveQuery>): HaveQuery {
    return decodeMessage(buf, HaveQuery.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HaveQuery>): Generator<HaveQueryFileIdFieldEvent> {
    return streamMessage(buf, HaveQuery.codec(), opts)
  }
}

export interface LanResponse {
  have?: HaveResponse
}

export namespace LanResponse {
  let _codec: Codec<LanResponse>

  export const codec = (): Codec<LanResponse> => {
    if (_codec == null) {
      _codec = message<LanResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.have != null) {
          w.uint32(10)
          HaveResponse.codec().encode(obj.have, w)
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
              obj.have = HaveResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.have
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
              yield * HaveResponse.codec().stream(reader, reader.uint32(), `${prefix}.have`, {
                limits: opts.limits?.have
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

  export interface LanResponseHaveStatusFieldEvent {
    field: '$.have.status'
    value: HaveResponse.Status
  }

  export interface LanResponseHaveChunksFieldEvent {
    field: '$.have.chunks'
    value: number
  }

  export interface LanResponseHaveTotalChunksFieldEvent {
    field: '$.have.totalChunks'
    value: number
  }

  export interface LanResponseHaveBitfieldFieldEvent {
    field: '$.have.bitfield'
    value: Uint8Array<ArrayBuffer>
  }

  export interface LanResponseHaveAddrsFieldEvent {
    field: '$.have.addrs[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<LanResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, LanResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanResponse>): LanResponse {
    return decodeMessage(buf, LanResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanResponse>): Generator<LanResponseHaveStatusFieldEvent | LanResponseHaveChunksFieldEvent | LanResponseHaveTotalChunksFieldEvent | LanResponseHaveBitfieldFieldEvent | LanResponseHaveAddrsFieldEvent> {
    return streamMessage(buf, LanResponse.codec(), opts)
  }
}

export interface HaveResponse {
  status: HaveResponse.Status
  chunks: number
  totalChunks: number
  bitfield: Uint8Array<ArrayBuffer>
  addrs: string[]
}

export namespace HaveResponse {
  export enum Status {
    NONE = 'NONE',
    PARTIAL = 'PARTIAL',
    COMPLETE = 'COMPLETE'
  }

  enum __StatusValues {
    NONE = 0,
    PARTIAL = 1,
    COMPLETE = 2
  }

  export namespace Status {
    export const codec = (): Codec<Status> => {
      return enumeration<Status>(__StatusValues)
    }
  }

  let _codec: Codec<HaveResponse>

  export const codec = (): Codec<HaveResponse> => {
    if (_codec == null) {
      _codec = message<HaveResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          HaveResponse.Status.codec().encode(obj.status, w)
        }

        if ((obj.chunks != null && obj.chunks !== 0)) {
          w.uint32(16)
          w.uint32(obj.chunks)
        }

        if ((obj.totalChunks != null && obj.totalChunks !== 0)) {
          w.uint32(24)
          w.uint32(obj.totalChunks)
        }

        if ((obj.bitfield != null && obj.bitfield.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.bitfield)
        }

        if (obj.addrs != null && obj.addrs.length > 0) {
          for (const value of obj.addrs) {
            w.uint32(42)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.NONE,
          chunks: 0,
          totalChunks: 0,
          bitfield: uint8ArrayAlloc(0),
          addrs: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = HaveResponse.Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.chunks = reader.uint32()
              break
            }
            case 3: {
              obj.totalChunks = reader.uint32()
              break
            }
            case 4: {
              obj.bitfield = reader.bytes()
              break
            }
            case 5: {
              if (opts.limits?.addrs != null && obj.addrs.length === opts.limits.addrs) {
                throw new MaxLengthError('Decode error - repeated field "addrs" had too many elements')
              }

              obj.addrs.push(readUtf8(reader))
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
                field: `${prefix}.status`,
                value: HaveResponse.Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.chunks`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.totalChunks`,
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

  export interface HaveResponseStatusFieldEvent {
    field: '$.status'
    value: HaveResponse.Status
  }

  export interface HaveResponseChunksFieldEvent {
    field: '$.chunks'
    value: number
  }

  export interface HaveResponseTotalChunksFieldEvent {
    field: '$.totalChunks'
    value: number
  }

  export interface HaveResponseBitfieldFieldEvent {
    field: '$.bitfield'
    value: Uint8Array<ArrayBuffer>
  }

  export interface HaveResponseAddrsFieldEvent {
    field: '$.addrs[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<HaveResponse>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, HaveResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HaveResponse>): HaveResponse {
    return decodeMessage(buf, HaveResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HaveResponse>): Generator<HaveResponseStatusFieldEvent | HaveResponseChunksFieldEvent | HaveResponseTotalChunksFieldEvent | HaveResponseBitfieldFieldEvent | HaveResponseAddrsFieldEvent> {
    return streamMessage(buf, HaveResponse.codec(), opts)
  }
}
