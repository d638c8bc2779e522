import type { SyntaxNode, Tree } from '@lezer/common'
import { type DocumentReader, type DocumentText, documentReader } from './internal/document-text.ts'
import { indexAt, type PathStep, pathOf } from './internal/syntax.ts'

/** Whether a position is in the name of a property or in a value. */
export type PolicyPathKind = 'property-name' | 'value'

/** Where a position is in a policy document, as `policyPath` reads it. */
export interface PolicyPath {
  /**
   * The keys and indices from the document's top value: for a value, the path of that value
   * (`["Statement", 2, "Action", 0]`); for a property name, the path of the object the
   * property belongs to (`["Statement", 2]` while typing `"Eff` in a statement).
   */
  readonly path: readonly PathStep[]
  readonly kind: PolicyPathKind
  /**
   * The token under the position: the content of a string, quotes excluded, or a word typed
   * without quotes; `from` and `to` are the position itself when there is none yet.
   */
  readonly from: number
  readonly to: number
  /** The token's text from `from` to the position, as written (escapes are not decoded). */
  readonly typed: string
  /** Whether the token is a string: the position is between its quotes. */
  readonly quoted: boolean
  /**
   * Whether the string has its closing quote on its line. An unclosed string runs to the end
   * of its line, as JSON strings cannot hold a line break.
   */
  readonly closed: boolean
}

export type { DocumentText } from './internal/document-text.ts'
export type { PathStep } from './internal/syntax.ts'

/** The token under a position, before its place in the document is known. */
interface Token {
  readonly from: number
  readonly to: number
  readonly quoted: boolean
  readonly closed: boolean
  /** Where the token starts: its opening quote, or its first character. */
  readonly anchor: number
}

// characters that end a word typed without quotes: JSON's punctuation, quotes and whitespace
const wordEnds = new Set(['{', '}', '[', ']', ',', ':', '"', ' ', '\t', '\r', '\n'])
// what follows the colon after a name, rather than the rest of a word such as `connect:Get`
const afterNameColon = new Set([' ', '\t', '\r', '\n', '"', '{', '['])

/**
 * Whether a character of a line belongs to a word typed without quotes: any but JSON's
 * punctuation, quotes and whitespace, and a colon within a word (`connect:Describe`, where an
 * action is typed without its quotes) rather than after one (`Effect: `).
 */
function inWord(line: string, index: number): boolean {
  const char = line.charAt(index)
  if (char !== ':') return char !== '' && !wordEnds.has(char)
  const before = line.charAt(index - 1)
  return before !== '' && !wordEnds.has(before) && !afterNameColon.has(line.charAt(index + 1))
}

/**
 * The string or word at a position. Strings are found by reading the position's line from its
 * start: a JSON string cannot hold a line break, so every line starts outside any string, and
 * the quotes before the position say whether it is inside one, whatever the parser made of a
 * broken document (it splits an unclosed string into several error tokens).
 */
function tokenAt(reader: DocumentReader, position: number): Token {
  const line = reader.lineAround(position)
  const text = reader.slice(line.from, line.to)
  const offset = position - line.from
  let quote = -1
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (quote < 0) {
      if (index >= offset) break
      if (char === '"') quote = index
    } else if (char === '\\') {
      index++
    } else if (char === '"') {
      if (offset > quote && offset <= index) {
        const from = line.from + quote + 1
        return { from, to: line.from + index, quoted: true, closed: true, anchor: from - 1 }
      }
      quote = -1
    }
  }
  if (quote >= 0 && offset > quote) {
    const from = line.from + quote + 1
    const end = line.from + text.trimEnd().length
    return { from, to: Math.max(end, position), quoted: true, closed: false, anchor: from - 1 }
  }
  let start = offset
  while (start > 0 && inWord(text, start - 1)) start--
  let end = offset
  while (end < text.length && inWord(text, end)) end++
  return {
    from: line.from + start,
    to: line.from + end,
    quoted: false,
    closed: true,
    anchor: line.from + start,
  }
}

/** The nearest node, from `node` up, whose name is one of `names`. */
function nearest(node: SyntaxNode, names: readonly string[]): SyntaxNode | undefined {
  for (let current: SyntaxNode | null = node; current !== null; current = current.parent) {
    if (names.includes(current.name)) return current
  }
  return undefined
}

interface Place {
  readonly path: readonly PathStep[]
  readonly kind: PolicyPathKind
}

const nameIn = (object: SyntaxNode, reader: DocumentReader): Place => ({
  path: pathOf(object, reader),
  kind: 'property-name',
})

const elementOf = (array: SyntaxNode, anchor: number, reader: DocumentReader): Place => ({
  path: [...pathOf(array, reader), indexAt(array, anchor)],
  kind: 'value',
})

const valueIn = (property: SyntaxNode, reader: DocumentReader): Place => ({
  path: pathOf(property, reader),
  kind: 'value',
})

/**
 * What goes where a token starts, read from the significant character before it: `{` or `,`
 * in an object, a name; `:`, a property's value; `[` or `,` in an array, an element. After a
 * complete value, a token typed without the comma first is read as the next name or element,
 * and an empty position (where only a comma or a closing bracket can go) is no place at all.
 */
function placeOf(tree: Tree, reader: DocumentReader, token: Token): Place | undefined {
  const before = reader.significantBefore(token.anchor)
  if (before === undefined) return { path: [], kind: 'value' }
  const node = tree.resolveInner(before.at + 1, -1)
  switch (before.char) {
    case '{':
    case '[': {
      const kind = before.char === '{' ? 'Object' : 'Array'
      const opened = nearest(node, [kind])
      if (opened?.from === before.at) {
        return kind === 'Object' ? nameIn(opened, reader) : elementOf(opened, token.anchor, reader)
      }
      // a bracket the parser could not fit (after a missing comma, at the end of the
      // document) still opens a value where the enclosing property or array holds one
      const path = pathOfValueAt(node, reader, before.at)
      if (path === undefined) return undefined
      return kind === 'Object'
        ? { path, kind: 'property-name' }
        : { path: [...path, 0], kind: 'value' }
    }
    case ':': {
      const property = nearest(node, ['Property'])
      // a colon of an error inside the value is not the property's own
      const ownColon = property?.getChildren(':').some((colon) => colon.from === before.at)
      return property !== undefined && ownColon === true ? valueIn(property, reader) : undefined
    }
    case ',': {
      const container = nearest(node, ['Object', 'Array'])
      if (container === undefined) return undefined
      return container.name === 'Object'
        ? nameIn(container, reader)
        : elementOf(container, token.anchor, reader)
    }
    default:
      return token.quoted || token.to > token.from
        ? placeAfterValue(node, reader, token.anchor)
        : undefined
  }
}

/**
 * The path of a value starting at `position` that the parser left in an error: the value of
 * the enclosing property, or the next element of the enclosing array.
 */
function pathOfValueAt(
  node: SyntaxNode,
  reader: DocumentReader,
  position: number,
): PathStep[] | undefined {
  const container = nearest(node, ['Property', 'Array', 'Object'])
  if (container?.name === 'Property') return pathOf(container, reader)
  if (container?.name === 'Array')
    return [...pathOf(container, reader), indexAt(container, position)]
  return undefined
}

/** The place of a token typed right after a complete value or name, with no comma or colon between. */
function placeAfterValue(
  node: SyntaxNode,
  reader: DocumentReader,
  anchor: number,
): Place | undefined {
  // a name without its colon yet: the token is its value
  if (node.name === 'PropertyName' && node.parent?.name === 'Property') {
    return valueIn(node.parent, reader)
  }
  // a closing bracket ends the object or array it belongs to, which is the complete value
  let current: SyntaxNode = node.name === '}' || node.name === ']' ? (node.parent ?? node) : node
  for (let parent = current.parent; parent !== null; parent = current.parent) {
    if (parent.name === 'Object') return nameIn(parent, reader)
    if (parent.name === 'Array') return elementOf(parent, anchor, reader)
    if (parent.name === 'JsonText') return undefined
    current = parent
  }
  return undefined
}

/**
 * Where a position is in a policy document: the path from the document's top value, whether
 * the position is in a property name or a value, and the string or word under it. `tree` is
 * @lezer/json's tree of the text (`parser.parse(text)`, or CodeMirror's `syntaxTree(state)`);
 * `text` is the document, or a function reading a slice of it (`state.sliceDoc`).
 *
 * Made for documents being typed: an unclosed string, a missing comma or colon, a value typed
 * without quotes, or a document cut short still give the place the token would have once
 * complete. Undefined where no name or value can go (between a name and its colon, or right
 * after a complete value), right before a string's opening quote, and outside the document.
 */
export function policyPath(
  tree: Tree,
  text: DocumentText,
  position: number,
): PolicyPath | undefined {
  if (!Number.isInteger(position) || position < 0) return undefined
  const reader = documentReader(text)
  if (position > 0 && reader.slice(position - 1, position) === '') return undefined
  const token = tokenAt(reader, position)
  // right before an opening quote, the place is the string's: its content is what can be typed
  const empty = !token.quoted && token.to === token.from
  if (empty && reader.charAt(position) === '"') return undefined
  const place = placeOf(tree, reader, token)
  if (place === undefined) return undefined
  return {
    ...place,
    from: token.from,
    to: token.to,
    typed: reader.slice(token.from, position),
    quoted: token.quoted,
    closed: token.closed,
  }
}
