import type { SourceString } from '../tree/source-node.ts'

/**
 * Where each character of a string's value is written in the file, and where the value ends;
 * undefined where the characters cannot be matched one for one (a folded block scalar, a YAML
 * escape). A JSON string's escapes map each decoded character to its backslash.
 */
export function stringOffsets(node: SourceString, file: string): number[] | undefined {
  const start = node.range.start.offset
  const { value } = node
  if (node.quoting === 'json' || node.quoting === undefined) {
    if (file[start] !== '"') return undefined
    return jsonStringOffsets(file, start, value.length)
  }
  if (node.quoting === 'block') return undefined
  const first = node.quoting === 'plain' ? start : start + 1
  if (file.slice(first, first + value.length) !== value) return undefined
  const offsets: number[] = []
  for (let index = 0; index <= value.length; index++) offsets.push(first + index)
  return offsets
}

/**
 * The offsets of a JSON string's decoded characters, from its opening quote at `quote`; one
 * more for its closing quote. Undefined when the count differs from `length` (a string the
 * tolerant parser repaired).
 */
export function jsonStringOffsets(
  file: string,
  quote: number,
  length: number,
): number[] | undefined {
  const offsets: number[] = []
  let at = quote + 1
  while (at < file.length && file[at] !== '"' && offsets.length <= length) {
    offsets.push(at)
    if (file[at] === '\\') at += file[at + 1] === 'u' ? 6 : 2
    else at++
  }
  offsets.push(at)
  return offsets.length === length + 1 ? offsets : undefined
}

/**
 * Decodes `%XX` escapes (as AWS's raw API writes policy documents) keeping, for every decoded
 * character, the offset its encoding starts at in `offsets`. Undefined for text that is not
 * percent-encoding of UTF-8.
 */
export function percentDecoded(
  text: string,
  offsets: readonly number[],
): { readonly text: string; readonly offsets: number[] } | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return undefined
  }
  const out: number[] = []
  let at = 0
  for (let index = 0; index < decoded.length; index++) {
    out.push(offsets[at] as number)
    const code = decoded.codePointAt(index) as number
    const units = code > 0xffff ? 2 : 1
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    if (units === 2) out.push(offsets[at] as number)
    // each byte is either one character or a `%XX`
    for (let byte = 0; byte < bytes; byte++) at += text[at] === '%' ? 3 : 1
    index += units - 1
  }
  out.push(offsets[at] ?? (offsets[offsets.length - 1] as number))
  return { text: decoded, offsets: out }
}
