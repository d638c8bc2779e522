import type { JsonValue } from '../model/index.ts'

/**
 * A JSON value whose objects are lists of entries, so that key order is exactly as given: plain
 * objects would put integer-like keys such as `"0"` first.
 */
export type OrderedJson = string | number | boolean | null | readonly OrderedJson[] | OrderedObject

/** An object as its entries, in order. */
export interface OrderedObject {
  readonly entries: readonly (readonly [string, OrderedJson])[]
}

/** Plain JSON data (an unknown element kept as read) with its keys in their own order. */
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
