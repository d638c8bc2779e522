import type { SourceRange } from '@connect-policy/core'

/**
 * A value read from a file, with where it is written: the JSON parser's nodes, and what YAML
 * adds to them (a tagged value such as CloudFormation's `!Sub`). Ranges are in the file's text
 * after its byte order mark.
 */
export type SourceNode =
  | SourceObject
  | SourceArray
  | SourceString
  | SourceNumber
  | SourceBoolean
  | SourceNull
  | SourceTagged

export interface SourceMember {
  readonly key: string
  readonly keyRange: SourceRange
  readonly value: SourceNode
}

export interface SourceObject {
  readonly kind: 'object'
  /** Every member in written order, repeated names included. */
  readonly members: readonly SourceMember[]
  readonly range: SourceRange
}

export interface SourceArray {
  readonly kind: 'array'
  readonly items: readonly SourceNode[]
  readonly range: SourceRange
}

/**
 * A string with its escapes decoded. `quoting` says how it is written, which decides whether
 * each of its characters can be found in the file one for one.
 */
export interface SourceString {
  readonly kind: 'string'
  readonly value: string
  readonly range: SourceRange
  readonly quoting?: 'json' | 'plain' | 'single' | 'double' | 'block'
}

export interface SourceNumber {
  readonly kind: 'number'
  readonly value: number
  readonly raw: string
  readonly range: SourceRange
}

export interface SourceBoolean {
  readonly kind: 'boolean'
  readonly value: boolean
  readonly range: SourceRange
}

export interface SourceNull {
  readonly kind: 'null'
  readonly range: SourceRange
}

/** A YAML value with a tag: `!Ref Bucket`, `!Sub "arn:..."`, `!GetAtt [Role, Arn]`. */
export interface SourceTagged {
  readonly kind: 'tagged'
  /** The tag without its `!`: `Ref`, `Sub`, `GetAtt`. */
  readonly tag: string
  readonly value: SourceNode
  readonly range: SourceRange
}

/** The member of an object with this name (the last one, as JSON readers take repeats). */
export function member(node: SourceNode | undefined, name: string): SourceNode | undefined {
  if (node?.kind !== 'object') return undefined
  for (let index = node.members.length - 1; index >= 0; index--) {
    const entry = node.members[index] as SourceMember
    if (entry.key === name) return entry.value
  }
  return undefined
}

/** The text of a string node, or undefined for any other node. */
export function text(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined
}

/** The items of an array node, or an empty list for any other node. */
export function items(node: SourceNode | undefined): readonly SourceNode[] {
  return node?.kind === 'array' ? node.items : []
}
