import { createPositionMap, type PositionMap } from '@connect-policy/core'
import {
  type CollectionTag,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  parseDocument,
  Scalar,
  type ScalarTag,
  YAMLMap,
  YAMLSeq,
} from 'yaml'
import type { SourceNode } from './source-node.ts'

/** A comment of the file, with the line it is on (1-based) and whether code precedes it there. */
export interface SourceComment {
  readonly text: string
  readonly line: number
  readonly trailing: boolean
}

export interface YamlRead {
  readonly value?: SourceNode
  readonly errors: readonly { readonly message: string; readonly offset: number }[]
}

/**
 * Any local tag (`!Sub`, `!Ref`, `!GetAtt`, CloudFormation's short forms and whatever else a
 * tool writes) is kept on its node, on scalars, sequences and maps alike, rather than refused.
 */
function localTags(): (ScalarTag | CollectionTag)[] {
  const names = [
    'And',
    'Base64',
    'Cidr',
    'Condition',
    'Equals',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'If',
    'ImportValue',
    'Join',
    'Not',
    'Or',
    'Ref',
    'Select',
    'Split',
    'Sub',
    'Transform',
    'Length',
    'ToJsonString',
  ]
  return names.flatMap((name): (ScalarTag | CollectionTag)[] => [
    { tag: `!${name}`, resolve: (value: string) => value },
    {
      tag: `!${name}`,
      collection: 'seq',
      nodeClass: YAMLSeq,
      resolve: (seq) => seq,
    } as CollectionTag,
    {
      tag: `!${name}`,
      collection: 'map',
      nodeClass: YAMLMap,
      resolve: (map) => map,
    } as CollectionTag,
  ])
}

const tags = localTags()

function quotingOf(node: Scalar): 'plain' | 'single' | 'double' | 'block' {
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      return 'single'
    case Scalar.QUOTE_DOUBLE:
      return 'double'
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block'
    default:
      return 'plain'
  }
}

function convert(node: unknown, positions: PositionMap, depth: number): SourceNode | undefined {
  if (depth > 256) return undefined
  if (isAlias(node)) return undefined
  const yamlNode = node as Node
  const [start, valueEnd] = yamlNode?.range ?? [0, 0]
  const range = positions.range(start, valueEnd)
  let converted: SourceNode | undefined
  if (isScalar(node)) {
    const value = node.value
    if (typeof value === 'string') {
      converted = { kind: 'string', value, range, quoting: quotingOf(node) }
    } else if (typeof value === 'number') {
      converted = { kind: 'number', value, raw: String(node.source ?? value), range }
    } else if (typeof value === 'boolean') {
      converted = { kind: 'boolean', value, range }
    } else if (value === null || value === undefined) {
      converted = { kind: 'null', range }
    } else {
      converted = { kind: 'string', value: String(value), range, quoting: 'block' }
    }
  } else if (isMap(node)) {
    const members = []
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = pair.key
      const keyText = isScalar(key) ? String(key.value) : undefined
      const value = convert(pair.value, positions, depth + 1)
      if (keyText === undefined) continue
      const [keyStart, keyEnd] = (key as Node).range ?? [start, start]
      members.push({
        key: keyText,
        keyRange: positions.range(keyStart, keyEnd),
        value: value ?? { kind: 'null' as const, range: positions.range(keyEnd, keyEnd) },
      })
    }
    converted = { kind: 'object', members, range }
  } else if (isSeq(node)) {
    const items: SourceNode[] = []
    for (const item of node.items) {
      const value = convert(item, positions, depth + 1)
      if (value !== undefined) items.push(value)
    }
    converted = { kind: 'array', items, range }
  }
  const tag = yamlNode?.tag
  if (
    converted !== undefined &&
    typeof tag === 'string' &&
    tag.startsWith('!') &&
    !tag.startsWith('!!')
  ) {
    return { kind: 'tagged', tag: tag.slice(1), value: converted, range }
  }
  return converted
}

/** The comments of a YAML text: `#` at the start of a token, outside quotes. */
export function yamlComments(text: string): SourceComment[] {
  const comments: SourceComment[] = []
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((line, index) => {
    let quote: string | undefined
    for (let at = 0; at < line.length; at++) {
      const character = line[at]
      if (quote !== undefined) {
        if (quote === '"' && character === '\\') at++
        else if (quote === "'" && character === "'" && line[at + 1] === "'") at++
        else if (character === quote) quote = undefined
        continue
      }
      if (character === '"' || character === "'") {
        // a quote opens a scalar only where one can start
        const before = line.slice(0, at).trimEnd()
        if (before === '' || /[:\-[{,?]$/.test(before)) quote = character
        continue
      }
      if (character === '#' && (at === 0 || line[at - 1] === ' ' || line[at - 1] === '\t')) {
        comments.push({
          text: line.slice(at + 1).trim(),
          line: index + 1,
          trailing: line.slice(0, at).trim() !== '',
        })
        return
      }
    }
  })
  return comments
}

/**
 * Reads YAML text (which includes JSON) into a tree with ranges, every local tag kept. Repeated
 * keys are kept for readers to judge; the YAML errors come back with their offsets.
 */
export function readYaml(text: string): YamlRead {
  // a stream of several documents (Kubernetes manifests) is read by its first one
  const options = {
    customTags: tags,
    uniqueKeys: false,
    strict: false,
    prettyErrors: false,
    lineCounter: new LineCounter(),
  }
  // a text with no document at all (`%`) still has the errors of reading it as one
  const [document = parseDocument(text, options)] = parseAllDocuments(text, options)
  const errors = document.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    offset: error.pos[0],
  }))
  const value = convert(document.contents, createPositionMap(text), 0)
  return value === undefined ? { errors } : { value, errors }
}
