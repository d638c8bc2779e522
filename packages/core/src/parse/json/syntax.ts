import type { SourceRange } from '../../model/index.ts'

/** A JSON value as written, with where it was written. */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull

/** One `"name": value` member of an object. */
export interface JsonMember {
  /** The decoded name; any string, `__proto__` included, is plain data. */
  readonly key: string
  /** The name as written, quotes included. */
  readonly keyRange: SourceRange
  readonly value: JsonNode
}

/** An object, from `{` to `}`. */
export interface JsonObject {
  readonly kind: 'object'
  /** Every member in written order, repeated names included: readers decide what they mean. */
  readonly members: readonly JsonMember[]
  readonly range: SourceRange
}

/** An array, from `[` to `]`. */
export interface JsonArray {
  readonly kind: 'array'
  readonly items: readonly JsonNode[]
  readonly range: SourceRange
}

/** A string, with its escapes decoded; the range includes the quotes. */
export interface JsonString {
  readonly kind: 'string'
  readonly value: string
  readonly range: SourceRange
}

/** A number, with its text as written (`1.0`, `1e3`) besides its value. */
export interface JsonNumber {
  readonly kind: 'number'
  readonly value: number
  readonly raw: string
  readonly range: SourceRange
}

/** `true` or `false`. */
export interface JsonBoolean {
  readonly kind: 'boolean'
  readonly value: boolean
  readonly range: SourceRange
}

/** `null`; also what a skipped value (nested too deep) is read as. */
export interface JsonNull {
  readonly kind: 'null'
  readonly range: SourceRange
}
