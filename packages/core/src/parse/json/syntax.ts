import type { SourceRange } from '../../model/index.ts'

/** A JSON value as written, with where it was written. */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull

export interface JsonMember {
  readonly key: string
  readonly keyRange: SourceRange
  readonly value: JsonNode
}

export interface JsonObject {
  readonly kind: 'object'
  /** Every member in written order, duplicates included: readers decide what a duplicate means. */
  readonly members: readonly JsonMember[]
  readonly range: SourceRange
}

export interface JsonArray {
  readonly kind: 'array'
  readonly items: readonly JsonNode[]
  readonly range: SourceRange
}

export interface JsonString {
  readonly kind: 'string'
  readonly value: string
  readonly range: SourceRange
}

export interface JsonNumber {
  readonly kind: 'number'
  readonly value: number
  readonly raw: string
  readonly range: SourceRange
}

export interface JsonBoolean {
  readonly kind: 'boolean'
  readonly value: boolean
  readonly range: SourceRange
}

export interface JsonNull {
  readonly kind: 'null'
  readonly range: SourceRange
}
