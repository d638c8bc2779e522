// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats of the reference, not templates
import type { ArnFormat } from '@connect-policy/core'

/** One piece of an ARN format from its `arn:` on: literal text, or a variable. */
type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'variable'
      readonly name: string
      /** What its values are filed under: the name, or the service and the name in the resource. */
      readonly key: string
      /** Characters its value cannot hold. */
      readonly excludes: string
    }

const fieldSeparator = ':'
const pieces = new WeakMap<ArnFormat, readonly Piece[]>()

/** The format as one list of pieces, its five fields joined by colons after `arn:`. */
function piecesOf(format: ArnFormat): readonly Piece[] {
  let found = pieces.get(format)
  if (found !== undefined) return found
  const list: Piece[] = []
  const addText = (text: string) => {
    const last = list.at(-1)
    if (last?.kind === 'text') list[list.length - 1] = { kind: 'text', text: last.text + text }
    else if (text !== '') list.push({ kind: 'text', text })
  }
  addText('arn:')
  format.fields.forEach((tokens, field) => {
    if (field > 0) addText(fieldSeparator)
    for (const token of tokens) {
      if (token.kind === 'text') addText(token.text)
      else {
        // partition, Region and account mean the same in every service; resource identifiers
        // are the service's own (a Connect `${InstanceId}` is not an EC2 one)
        const key = field < 4 ? token.name : `${format.service}/${token.name}`
        list.push({ kind: 'variable', name: token.name, key, excludes: token.excludes })
      }
    }
  })
  found = list
  pieces.set(format, found)
  return found
}

/** Where a text, read from the start of an ARN, stands in an ARN format. */
export interface ArnAlignment {
  /** The values the text gives the format's variables, by key. */
  readonly values: ReadonlyMap<string, string>
  /** The variable the text ends in, or right before, and what of it is typed. */
  readonly current?: { readonly name: string; readonly key: string; readonly typed: string }
  /** The text before the current variable; the whole text when there is none. */
  readonly before: string
  /** The pieces after the text (after the current variable, when there is one). */
  readonly rest: readonly Piece[]
}

const holds = (value: string, excludes: string) =>
  [...excludes].every((character) => !value.includes(character))

/**
 * How `text` fits `format` from its start: each variable takes the characters up to the
 * literal text the format puts after it. Undefined when the text contradicts the format: other
 * literal text, a character a variable cannot hold, or more text than the format has.
 *
 * A text being typed ends in the `current` variable or in literal text. A `whole` text, such as
 * another ARN of the document, also gives its last variable the characters it ends with, and
 * where it contradicts the format, still gives the values it read before.
 */
export function alignArn(format: ArnFormat, text: string, whole = false): ArnAlignment | undefined {
  const list = piecesOf(format)
  const values = new Map<string, string>()
  const contradicted = () => (whole ? { values, before: text, rest: [] } : undefined)
  let position = 0
  for (let index = 0; index < list.length; index++) {
    const piece = list[index] as Piece
    const remaining = text.slice(position)
    if (piece.kind === 'text') {
      if (remaining.startsWith(piece.text)) {
        position += piece.text.length
        continue
      }
      if (!piece.text.startsWith(remaining)) return contradicted()
      return {
        values,
        before: text,
        rest: [
          { kind: 'text', text: piece.text.slice(remaining.length) },
          ...list.slice(index + 1),
        ],
      }
    }
    const next = list[index + 1]
    const end = next?.kind === 'text' ? valueEnd(remaining, next.text, piece.excludes) : undefined
    if (end === undefined) {
      // the text ends within this variable's value
      if (!holds(remaining, piece.excludes)) return contradicted()
      if (whole && remaining !== '') values.set(piece.key, remaining)
      return {
        values,
        current: { name: piece.name, key: piece.key, typed: remaining },
        before: text.slice(0, position),
        rest: list.slice(index + 1),
      }
    }
    const value = remaining.slice(0, end)
    if (!holds(value, piece.excludes)) return contradicted()
    values.set(piece.key, value)
    position += end
  }
  return position === text.length ? { values, before: text, rest: [] } : contradicted()
}

/**
 * Where a variable's value ends in `remaining`: at the first whole occurrence of the literal
 * text that follows it; else where the remaining text starts that literal; else at the first
 * character the value cannot hold. Undefined when the text ends within the value.
 */
function valueEnd(remaining: string, following: string, excludes: string): number | undefined {
  const found = remaining.indexOf(following)
  if (found >= 0) return found
  for (let start = 0; start < remaining.length; start++) {
    if (following.startsWith(remaining.slice(start))) return start
  }
  for (let index = 0; index < remaining.length; index++) {
    if (excludes.includes(remaining[index] as string)) return index
  }
  return undefined
}

/** The partitions of AWS: the values of `${Partition}` a document may not show yet. */
export const partitions = ['aws', 'aws-cn', 'aws-us-gov'] as const

/** A value worth offering again: written out, with no wildcard or policy variable in it. */
const offerable = (value: string) =>
  value !== '' && !value.includes('*') && !value.includes('?') && !value.includes('${')

/**
 * The values other ARNs give each variable key, in the order they first appear: the Regions,
 * accounts and identifiers a document already uses. `formatsOf` gives the formats an ARN's
 * service field may follow.
 */
export function knownArnValues(
  arns: Iterable<string>,
  formatsOf: (service: string) => readonly ArnFormat[],
): Map<string, string[]> {
  const known = new Map<string, string[]>()
  for (const arn of arns) {
    const service = arn.split(fieldSeparator, 3)[2]
    if (service === undefined) continue
    for (const format of formatsOf(service)) {
      const alignment = alignArn(format, arn, true)
      if (alignment === undefined) continue
      for (const [key, value] of alignment.values) {
        if (!offerable(value)) continue
        const list = known.get(key)
        if (list === undefined) known.set(key, [value])
        else if (!list.includes(value)) list.push(value)
      }
    }
  }
  return known
}

/**
 * The pieces written out: each variable as the one value the document gives it, or as its
 * `${Name}` when it gives none or several.
 */
export function writePieces(rest: readonly Piece[], known: ReadonlyMap<string, readonly string[]>) {
  return rest
    .map((piece) => {
      if (piece.kind === 'text') return piece.text
      const values = known.get(piece.key)
      return values?.length === 1 ? values[0] : `\${${piece.name}}`
    })
    .join('')
}
