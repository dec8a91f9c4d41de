/** One inclusive byte range of a blob, as HTTP names it. */
export interface ByteRange {
  start: number
  /** Inclusive. */
  end: number
}

/** What a Range header asks of a blob of a given size. */
export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'range', range: ByteRange }
  | { kind: 'unsatisfiable' }

/**
 * Parses a `Range` header (RFC 9110 section 14) against a blob of `size`
 * bytes. One range is served as 206; no header, another unit, a malformed
 * header or several ranges is answered with the whole blob (a server may
 * ignore Range, and multipart answers are not worth their complexity here);
 * a range that starts past the end is 416.
 */
export function parseRange (header: string | undefined, size: number): RangeRequest {
  if (header == null) return { kind: 'whole' }
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (m == null) return { kind: 'whole' }
  const [, first, last] = m
  if (first === '' && last === '') return { kind: 'whole' }
  if (first === '') {
    // "-N": the last N bytes.
    const suffix = Number(last)
    if (!Number.isSafeInteger(suffix)) return { kind: 'whole' }
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'range', range: { start: Math.max(0, size - suffix), end: size - 1 } }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: 'whole' }
  if (last !== '' && Number(last) < start) return { kind: 'whole' }
  if (start >= size) return { kind: 'unsatisfiable' }
  return { kind: 'range', range: { start, end } }
}

/** `Content-Range` value for a served range. */
export function contentRange (range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`
}

/** Parses a `Content-Range: bytes a-b/size` answer (what a client checks); undefined when it is not one. */
export function parseContentRange (header: string | null | undefined): (ByteRange & { size: number }) | undefined {
  const m = /^\s*bytes\s+(\d+)-(\d+)\/(\d+)\s*$/i.exec(header ?? '')
  if (m == null) return undefined
  const [start, end, size] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (end < start || end >= size) return undefined
  return { start, end, size }
}
