import type { SourceRange } from '@connect-policy/core'
import type { SourceNode, SourceString } from '../tree/source-node.ts'
import { type Projection, ProjectionBuilder } from './projection.ts'
import { stringOffsets } from './string-offsets.ts'

/** Part of a string the projection writes: copied from a string of the file, or standing for a stretch of it. */
export interface Piece {
  readonly text: string
  /** The string of the file the text is copied from, and where in its value it starts. */
  readonly copiedFrom?: { readonly node: SourceString; readonly at: number }
  readonly range: SourceRange
}

/** What a reader makes of a value it knows (an intrinsic function): a string, or nothing at all. */
export type Rendered =
  | { readonly kind: 'drop' }
  | { readonly kind: 'string'; readonly pieces: readonly Piece[]; readonly range: SourceRange }
  | { readonly kind: 'value'; readonly node: SourceNode }
  /** Several values where one is written: both branches of a condition, in a list. */
  | { readonly kind: 'values'; readonly nodes: readonly SourceNode[] }

/** Asked of every value before it is printed; undefined prints the value as it is. */
export type RenderValue = (node: SourceNode) => Rendered | undefined

/** The pieces of a whole string node. */
export function wholeString(node: SourceString): Piece {
  return { text: node.value, copiedFrom: { node, at: 0 }, range: node.range }
}

/**
 * Prints a tree as JSON two spaces deep, the way `JSON.stringify(value, null, 2)` would, keeping
 * where every character comes from. Values `render` knows are printed as it says.
 */
export function printProjection(root: SourceNode, file: string, render?: RenderValue): Projection {
  const builder = new ProjectionBuilder()
  const writePiece = pieceWriter(builder, file)

  /** What a value prints as, from what `render` said of it (asked once per value). */
  const resolved = (node: SourceNode, known: Rendered | undefined): Rendered => {
    if (known === undefined) return { kind: 'value', node }
    if (known.kind === 'value') return rendered(known.node)
    // several values stand for one only inside a list; elsewhere the first is printed
    if (known.kind === 'values') {
      const [first] = known.nodes
      return first === undefined ? { kind: 'drop' } : rendered(first)
    }
    return known
  }
  const rendered = (node: SourceNode): Rendered => resolved(node, render?.(node))

  /** The values of a list item: several for a condition that chooses between lists or items. */
  const renderedItems = (node: SourceNode): Rendered[] => {
    const known = render?.(node)
    if (known?.kind === 'values') return known.nodes.flatMap((item) => renderedItems(item))
    return [resolved(node, known)]
  }

  const pieces = (list: readonly Piece[], range: SourceRange) => {
    const outer = [range.start.offset, range.end.offset] as const
    builder.written('"', ...outer)
    for (const piece of list) {
      const escaped = JSON.stringify(piece.text).slice(1, -1)
      // an escape makes the text longer than what it copies: it then stands for the piece whole
      writePiece(piece, escaped, escaped.length === piece.text.length)
    }
    builder.written('"', ...outer)
  }

  const print = (node: SourceNode, indent: string, depth: number): void => {
    const whole = [node.range.start.offset, node.range.end.offset] as const
    if (depth > 200) {
      builder.written('null', ...whole)
      return
    }
    switch (node.kind) {
      case 'string':
        pieces([wholeString(node)], node.range)
        return
      case 'number':
        builder.written(Number.isFinite(node.value) ? String(node.value) : 'null', ...whole)
        return
      case 'boolean':
        builder.written(String(node.value), ...whole)
        return
      case 'null':
        builder.written('null', ...whole)
        return
      case 'tagged':
        pieces([{ text: `{{${node.tag}}}`, range: node.range }], node.range)
        return
      case 'array': {
        const kept = node.items
          .flatMap((item) => renderedItems(item))
          .filter((item) => item.kind !== 'drop')
        if (kept.length === 0) {
          builder.written('[]', ...whole)
          return
        }
        const inner = `${indent}  `
        builder.written('[', ...whole)
        kept.forEach((item, index) => {
          builder.written(`${index === 0 ? '' : ','}\n${inner}`, ...whole)
          emit(item, inner, depth)
        })
        builder.written(`\n${indent}`, ...whole)
        builder.written(']', node.range.end.offset, node.range.end.offset)
        return
      }
      case 'object': {
        const kept = node.members
          .map((entry) => ({ entry, value: rendered(entry.value) }))
          .filter((entry) => entry.value.kind !== 'drop')
        if (kept.length === 0) {
          builder.written('{}', ...whole)
          return
        }
        const inner = `${indent}  `
        builder.written('{', ...whole)
        kept.forEach(({ entry, value }, index) => {
          builder.written(`${index === 0 ? '' : ','}\n${inner}`, ...whole)
          const key: SourceString = {
            kind: 'string',
            value: entry.key,
            range: entry.keyRange,
            quoting: file[entry.keyRange.start.offset] === '"' ? 'json' : 'plain',
          }
          pieces([wholeString(key)], entry.keyRange)
          builder.written(': ', entry.keyRange.end.offset, entry.value.range.start.offset)
          emit(value, inner, depth)
        })
        builder.written(`\n${indent}`, ...whole)
        builder.written('}', node.range.end.offset, node.range.end.offset)
        return
      }
    }
  }

  const emit = (value: Rendered, indent: string, depth: number) => {
    if (value.kind === 'string') {
      pieces(value.pieces, value.range)
    } else if (value.kind === 'value') {
      print(value.node, indent, depth + 1)
    }
  }

  emit(rendered(root), '', 0)
  return builder.build()
}

/**
 * Writes pieces into a projection: a piece copied from a string of the file maps character by
 * character where it can (each string's offsets worked out once), else stands for its range.
 */
function pieceWriter(
  builder: ProjectionBuilder,
  file: string,
): (piece: Piece, text: string, copyable: boolean) => void {
  const offsetsOf = new Map<SourceString, number[] | undefined>()
  return (piece, text, copyable) => {
    const from = piece.copiedFrom
    let offsets: number[] | undefined
    if (from !== undefined && copyable) {
      if (!offsetsOf.has(from.node)) offsetsOf.set(from.node, stringOffsets(from.node, file))
      offsets = offsetsOf.get(from.node)?.slice(from.at, from.at + piece.text.length + 1)
    }
    if (offsets !== undefined && offsets.length === piece.text.length + 1) {
      builder.copied(text, offsets)
    } else {
      builder.written(text, piece.range.start.offset, piece.range.end.offset)
    }
  }
}

/** The projection of text made of pieces, such as a policy written as a `!Sub` string. */
export function piecesProjection(list: readonly Piece[], file: string): Projection {
  const builder = new ProjectionBuilder()
  const emit = pieceWriter(builder, file)
  for (const piece of list) emit(piece, piece.text, true)
  return builder.build(true)
}
