import { decodeMessage, encodeMessage, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'
import { readUtf8 } from '../util/utf8.js'
import { writeUint64 } from '../util/uint64.js'

export interface Manifest {
  version: number
  name: string
  size: bigint
  chunkSize: number
  chunkHashes: Uint8Array<ArrayBuffer>
  sha256: Uint8Array<ArrayBuffer>
}

export namespace Manifest {
  let _codec: Codec<Manifest>

  export const codec = (): Codec<Manifest> => {
    if (_codec == null) {
      _codec = message<Manifest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.version != null && obj.version !== 0)) {
          w.uint32(8)
          w.uint32(obj.version)
        }

        if ((obj.name != null && obj.name !== '')) {
          w.uint32(18)
          w.string(obj.name)
        }

        if ((obj.size != null && obj.size !== 0n)) {
          w.uint32(24)
          writeUint64(w, obj.size)
        }

        if ((obj.chunkSize != null && obj.chunkSize !== 0)) {
          w.uint32(32)
          w.uint32(obj.chunkSize)
        }

        if ((obj.chunkHashes != null && obj.chunkHashes.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.chunkHashes)
        }

        if ((obj.sha256 != null && obj.sha256.byteLength > 0)) {
          w.uint32(50)
          w.bytes(obj.sha256)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          version: 0,
          name: '',
          size: 0n,
          chunkSize: 0,
          chunkHashes: uint8ArrayAlloc(0),
          sha256: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.version = reader.uint32()
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
              obj.chunkSize = reader.uint32()
              break
            }
            case 5: {
              obj.chunkHashes = reader.bytes()
              break
            }
            case 6: {
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
                field: `${prefix}.version`,
                value: reader.uint32()
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
                field: `${prefix}.chunkSize`,
                value: reader.uint32()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.chunkHashes`,
                value: reader.bytes()
              }
              break
            }
            case 6: {
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

  export interface ManifestVersionFieldEvent {
    field: '$.version'
    value: number
  }

  export interface ManifestNameFieldEvent {
    field: '$.name'
    value: string
  }

  export interface ManifestSizeFieldEvent {
    field: '$.size'
    value: bigint
  }

  export interface ManifestChunkSizeFieldEvent {
    field: '$.chunkSize'
    value: number
  }

  export interface ManifestChunkHashesFieldEvent {
    field: '$.chunkHashes'
    value: Uint8Array<ArrayBuffer>
  }

  export interface ManifestSha256FieldEvent {
    field: '$.sha256'
    value: Uint8Array<ArrayBuffer>
  }

  export function encode (obj: Partial<Manifest>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, Manifest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Manifest>): Manifest {
    return decodeMessage(buf, Manifest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Manifest>): Generator<ManifestVersionFieldEvent | ManifestNameFieldEvent | ManifestSizeFieldEvent | ManifestChunkSizeFieldEvent | ManifestChunkHashesFieldEvent | ManifestSha256FieldEvent> {
    return streamMessage(buf, Manifest.codec(), opts)
  }
}
