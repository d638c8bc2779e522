import type { JsonValue } from '../model/index.ts'

/**
 * A JSON value whose objects are lists of entries, so that key order is exactly as given:
 * plain objects would put integer-like keys such as `"0"` first.
 */
export type OrderedJson =
  | string
  | number
  | boolean
  | null
  | readonly OrderedJson[]
  | { readonly entries: readonly (readonly [string, OrderedJson])[] }

/** Plain JSON data (an unknown element kept as read) in its own key order. */
export function orderedFrom(value: JsonValue): OrderedJson {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(orderedFrom)
  const object = value as { readonly [key: string]: JsonValue }
  return {
    entries: Object.keys(object).map(
      (key) => [key, orderedFrom(object[key] as JsonValue)] as const,
    ),
  }
}

/** Writes JSON with two-space indentation; strings and numbers exactly as `JSON.stringify` writes them. */
export function writeJson(value: OrderedJson, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((item: OrderedJson) => inner + writeJson(item, inner)).join(',\n')}\n${indent}]`
  }
  const { entries } = value as { readonly entries: readonly (readonly [string, OrderedJson])[] }
  if (entries.length === 0) return '{}'
  const members = entries.map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${writeJson(item, inner)}`,
  )
  return `{\n${members.join(',\n')}\n${indent}}`
}
