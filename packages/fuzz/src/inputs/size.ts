import type { FuzzCase } from './fuzz-case.ts'

/**
 * Size classes of an input, by the characters of its policies (and request): the limits AWS
 * documents for managed policies (6,144) and role inline policies (10,240), then 20 KB (the
 * size of a bucket policy), then anything larger. Calls over 10 ms in the first two classes are
 * on inputs AWS accepts; in the others, on inputs it refuses.
 */
export const sizeClasses = [
  { name: 'managed', max: 6_144, words: '≤ 6,144 (managed policy)' },
  { name: 'inline', max: 10_240, words: '≤ 10,240 (role inline policy)' },
  { name: '20k', max: 20_480, words: '≤ 20,480 (20 KB)' },
  { name: 'larger', max: Number.POSITIVE_INFINITY, words: '> 20,480' },
] as const
export type SizeClass = (typeof sizeClasses)[number]['name']

/** The size class of an input of `size` characters. */
export function sizeClassOf(size: number): SizeClass {
  return (sizeClasses.find((sizeClass) => size <= sizeClass.max) ?? sizeClasses[3]).name
}

/** Characters of a value: a string's length, or the length of a JSON-like writing of it. */
export function charactersOf(value: unknown): number {
  if (typeof value === 'string') return value.length
  let count = 0
  const seen = new Set<unknown>()
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200 || count > 50_000_000) return
    if (typeof node === 'string') count += node.length + 2
    else if (typeof node === 'object' && node !== null) {
      if (seen.has(node)) return
      seen.add(node)
      count += 2
      const items =
        node instanceof Map || node instanceof Set
          ? [...node.entries()].flat()
          : ArrayBuffer.isView(node)
            ? []
            : Object.entries(node).flat()
      if (ArrayBuffer.isView(node)) count += node.byteLength
      for (const item of items) {
        count += 1
        walk(item, depth + 1)
      }
    } else count += String(node).length
  }
  walk(value, 0)
  return count
}

/** The characters of what a case gives the functions under test. */
export function sizeOf(input: FuzzCase): number {
  switch (input.kind) {
    case 'policy':
      return charactersOf(input.policy) + charactersOf(input.request)
    case 'set':
      return charactersOf(input.set) + charactersOf(input.request)
    case 'request':
      return charactersOf(input.request)
    case 'call':
      return charactersOf(input.args)
    case 'match':
      return charactersOf(input.pattern) + charactersOf(input.text)
    case 'sample':
      return charactersOf(input.sample) + charactersOf(input.expectation)
  }
}
