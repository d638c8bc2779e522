import type { OrderedJson, OrderedObject } from './ordered-json.ts'

/**
 * Writes JSON with two-space indentation and no final line break; strings and numbers exactly
 * as `JSON.stringify` writes them; empty arrays and objects as `[]` and `{}`.
 */
export function writeJson(value: OrderedJson, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((item: OrderedJson) => inner + writeJson(item, inner))
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  const { entries } = value as OrderedObject
  if (entries.length === 0) return '{}'
  const members = entries.map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${writeJson(item, inner)}`,
  )
  return `{\n${members.join(',\n')}\n${indent}}`
}
