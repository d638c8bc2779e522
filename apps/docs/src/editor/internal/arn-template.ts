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

/** Whether `text` from `from` to `to` holds none of the characters of `excludes`. */
function holds(text: string, from: number, to: number, excludes: string): boolean {
  for (const character of excludes) {
    const found = text.indexOf(character, from)
    if (found >= 0 && found < to) return false
  }
  return true
}

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
    if (piece.kind === 'text') {
      if (text.startsWith(piece.text, position)) {
        position += piece.text.length
        continue
      }
      const remaining = text.slice(position)
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
    const end =
      next?.kind === 'text' ? valueEnd(text, position, next.text, piece.excludes) : undefined
    if (end === undefined) {
      // the text ends within this variable's value
      if (!holds(text, position, text.length, piece.excludes)) return contradicted()
      const typed = text.slice(position)
      if (whole && typed !== '') values.set(piece.key, typed)
      return {
        values,
        current: { name: piece.name, key: piece.key, typed },
        before: text.slice(0, position),
        rest: list.slice(index + 1),
      }
    }
    if (!holds(text, position, end, piece.excludes)) return contradicted()
    values.set(piece.key, text.slice(position, end))
    position = end
  }
  return position === text.length ? { values, before: text, rest: [] } : contradicted()
}

/**
 * Where the value of a variable starting at `from` ends: at the first whole occurrence of the
 * literal text that follows it; else where the text's end starts that literal; else at the
 * first character the value cannot hold. Undefined when the text ends within the value.
 */
function valueEnd(
  text: string,
  from: number,
  following: string,
  excludes: string,
): number | undefined {
  const found = text.indexOf(following, from)
  if (found >= 0) return found
  // only an end shorter than the literal can start it without holding it whole
  for (
    let start = Math.max(from, text.length - following.length + 1);
    start < text.length;
    start++
  ) {
    if (following.startsWith(text.slice(start))) return start
  }
  let first: number | undefined
  for (const character of excludes) {
    const at = text.indexOf(character, from)
    if (at >= 0 && (first === undefined || at < first)) first = at
  }
  return first
}

/** A value worth offering again: written out, with no wildcard or policy variable in it. */
const offerable = (value: string) =>
  value !== '' && !value.includes('*') && !value.includes('?') && !value.includes('${')

/**
 * The values one ARN gives the variables of the formats its service field may follow
 * (`formatsOf`), each key once with the first value a format reads: only values written out,
 * with no wildcard or policy variable in them.
 */
export function arnValues(
  arn: string,
  formatsOf: (service: string) => readonly ArnFormat[],
): readonly (readonly [string, string])[] {
  const service = arn.split(fieldSeparator, 3)[2]
  if (service === undefined) return []
  const values = new Map<string, string>()
  for (const format of formatsOf(service)) {
    for (const [key, value] of alignArn(format, arn, true)?.values ?? []) {
      if (offerable(value) && !values.has(key)) values.set(key, value)
    }
  }
  return [...values]
}

/**
 * The values other ARNs give each variable key, in the order they first appear: the Regions,
 * accounts and identifiers a document already uses. `valuesOf` is `arnValues`, or a function
 * that keeps its answers.
 */
export function knownArnValues(
  arns: Iterable<string>,
  valuesOf: (arn: string) => readonly (readonly [string, string])[],
): Map<string, string[]> {
  const known = new Map<string, string[]>()
  for (const arn of arns) {
    for (const [key, value] of valuesOf(arn)) {
      const list = known.get(key)
      if (list === undefined) known.set(key, [value])
      else if (!list.includes(value)) list.push(value)
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
