import { decodeMessage, encodeMessage, message, streamMessage } from 'protons-runtime'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'
import { writeUint64 } from '../util/uint64.js'

export interface ProbeRequest {
  bytes: number
  maxMs: number
}

export namespace ProbeRequest {
  let _codec: Codec<ProbeRequest>

  export const codec = (): Codec<ProbeRequest> => {
    if (_codec == null) {
      _codec = message<ProbeRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.bytes != null && obj.bytes !== 0)) {
          w.uint32(8)
          w.uint32(obj.bytes)
        }

        if ((obj.maxMs != null && obj.maxMs !== 0)) {
          w.uint32(16)
          w.uint32(obj.maxMs)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          bytes: 0,
          maxMs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.bytes = reader.uint32()
              break
            }
            case 2: {
              obj.maxMs = reader.uint32()
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
                field: `${prefix}.bytes`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.maxMs`,
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

  export interface ProbeRequestBytesFieldEvent {
    field: '$.bytes'
    value: number
  }

  export interface ProbeRequestMaxMsFieldEvent {
    field: '$.maxMs'
    value: number
  }

  export function encode (obj: Partial<ProbeRequest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ProbeRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProbeRequest>): ProbeRequest {
    return decodeMessage(buf, ProbeRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProbeRequest>): Generator<ProbeRequestBytesFieldEvent | ProbeRequestMaxMsFieldEvent> {
    return streamMessage(buf, ProbeRequest.codec(), opts)
  }
}

export interface ProbeResult {
  bytes: bigint
  elapsedUs: bigint
  firstBytes: bigint
}

export namespace ProbeResult {
  let _codec: Codec<ProbeResult>

  export const codec = (): Codec<ProbeResult> => {
    if (_codec == null) {
      _codec = message<ProbeResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.bytes != null && obj.bytes !== 0n)) {
          w.uint32(8)
          writeUint64(w, obj.bytes)
        }

        if ((obj.elapsedUs != null && obj.elapsedUs !== 0n)) {
          w.uint32(16)
          writeUint64(w, obj.elapsedUs)
        }

        if ((obj.firstBytes != null && obj.firstBytes !== 0n)) {
          w.uint32(24)
          writeUint64(w, obj.firstBytes)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          bytes: 0n,
          elapsedUs: 0n,
          firstBytes: 0n
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.bytes = reader.uint64()
              break
            }
            case 2: {
              obj.elapsedUs = reader.uint64()
              break
            }
            case 3: {
              obj.firstBytes = reader.uint64()
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
                field: `${prefix}.bytes`,
                value: reader.uint64()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.elapsedUs`,
                value: reader.uint64()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.firstBytes`,
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

  export interface ProbeResultBytesFieldEvent {
    field: '$.bytes'
    value: bigint
  }

  export interface ProbeResultElapsedUsFieldEvent {
    field: '$.elapsedUs'
    value: bigint
  }

  export interface ProbeResultFirstBytesFieldEvent {
    field: '$.firstBytes'
    value: bigint
  }

  export function encode (obj: Partial<ProbeResult>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, ProbeResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProbeResult>): ProbeResult {
    return decodeMessage(buf, ProbeResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProbeResult>): Generator<ProbeResultBytesFieldEvent | ProbeResultElapsedUsFieldEvent | ProbeResultFirstBytesFieldEvent> {
    return streamMessage(buf, ProbeResult.codec(), opts)
  }
}
