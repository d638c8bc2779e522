import type { OrderedJson, OrderedObject } from '../../print/ordered-json.ts'

/** A source of numbers in [0, 1), deterministic for a seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

const whitespace = ['', '', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n    ', ' \t\n '] as const
const shortEscapes: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

function pick<T>(random: () => number, choices: readonly T[]): T {
  return choices[Math.floor(random() * choices.length)] as T
}

function unicodeEscape(random: () => number, code: number): string {
  const hex = code.toString(16).padStart(4, '0')
  return `\\u${random() < 0.5 ? hex : hex.toUpperCase()}`
}

/** A string literal for `value`, each character written plainly or as one of its escapes. */
function writeString(random: () => number, value: string): string {
  const parts: string[] = ['"']
  for (let index = 0; index < value.length; index++) {
    const character = value.charAt(index)
    const code = value.charCodeAt(index)
    const short = shortEscapes[character]
    const escaped = random() < 0.25
    if (short !== undefined) parts.push(escaped ? unicodeEscape(random, code) : short)
    else if (code < 0x20) parts.push(unicodeEscape(random, code))
    else if (character === '/' && escaped)
      parts.push(random() < 0.5 ? '\\/' : unicodeEscape(random, code))
    else parts.push(escaped ? unicodeEscape(random, code) : character)
  }
  parts.push('"')
  return parts.join('')
}

/** A number literal for `value`: as `JSON.stringify` writes it, or with `.0`, `e0`, `E+00`. */
function writeNumber(random: () => number, value: number): string {
  let written = JSON.stringify(value)
  const hasExponent = written.includes('e') || written.includes('E')
  if (!hasExponent && !written.includes('.') && random() < 0.3) written += '.0'
  if (!hasExponent && random() < 0.3) written += pick(random, ['e0', 'E+00', 'e-0'])
  return written
}

/**
 * Writes JSON with random whitespace between tokens and random (valid) escapes in strings and
 * forms of numbers: the same value as `writeJson` writes, laid out differently, for testing
 * that reading does not depend on layout. Deterministic for a seed.
 */
export function writeWithRandomLayout(value: OrderedJson, seed: number): string {
  const random = seededRandom(seed)
  const parts: string[] = []
  const space = () => parts.push(pick(random, whitespace))
  function write(node: OrderedJson): void {
    space()
    if (typeof node === 'string') parts.push(writeString(random, node))
    else if (typeof node === 'number') parts.push(writeNumber(random, node))
    else if (node === null || typeof node === 'boolean') parts.push(JSON.stringify(node))
    else if (Array.isArray(node)) {
      parts.push('[')
      node.forEach((item: OrderedJson, index: number) => {
        if (index > 0) parts.push(',')
        write(item)
      })
      space()
      parts.push(']')
    } else {
      parts.push('{')
      ;(node as OrderedObject).entries.forEach(([key, item], index) => {
        if (index > 0) parts.push(',')
        space()
        parts.push(writeString(random, key))
        space()
        parts.push(':')
        write(item)
      })
      space()
      parts.push('}')
    }
    space()
  }
  write(value)
  return parts.join('')
}
