// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in texts, not templates
import { literalQuestionMark, literalStar } from '../match/index.ts'

/** A piece of a value that may hold policy variables. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly key: string; readonly fallback?: string }

/** A value with its `${...}` variables found, ready to fill in for each request. */
export interface Template {
  readonly source: string
  readonly parts: readonly TemplatePart[]
  readonly hasVariables: boolean
}

// own properties only: a body such as `constructor` is a variable's name, not a special character
const specialCharacters: ReadonlyMap<string, string> = new Map([
  ['*', literalStar],
  ['?', literalQuestionMark],
  ['$', '$'],
])
const variableBody = /^([^\s,'}]+)(?:\s?,\s?'([^']*)')?$/
const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character)
/** A character of a variable's key: `[^\s,'}]` of `variableBody`. */
const isKeyCharacter = (character: string | undefined) =>
  character !== undefined &&
  character !== ',' &&
  character !== "'" &&
  character !== '}' &&
  !isSpace(character)

/** Where the run of key characters that ends before `end` starts, looking no further left than `floor`. */
function keyRunStart(source: string, floor: number, end: number): number {
  let start = end
  while (start > floor && isKeyCharacter(source[start - 1])) start--
  return start
}

/**
 * Which bodies `variableBody` reads among those that end before the `}` at `close` and start at
 * `floor` or after: every `${` before that `}` ends there, so their bodies are the suffixes of
 * one text. A body is a key (`[^\s,'}]+`) to the end, or a key, `\s?,\s?` and a quoted default
 * to the end; read once from the right, each suffix is told in constant time.
 */
interface Bodies {
  /** Bodies starting in [keyFrom, close) are a key alone. */
  readonly keyFrom: number
  /** Bodies starting in [fallbackKeyFrom, fallbackKeyTo) are a key and a default. */
  readonly fallbackKeyFrom: number
  readonly fallbackKeyTo: number
  /** Where the default's text starts, after its opening quote. */
  readonly fallbackFrom: number
}

function readBodies(source: string, floor: number, close: number): Bodies {
  const keyFrom = keyRunStart(source, floor, close)
  const none = { keyFrom, fallbackKeyFrom: 0, fallbackKeyTo: 0, fallbackFrom: 0 }
  const closingQuote = close - 1
  if (closingQuote < floor || source[closingQuote] !== "'") return none
  let openingQuote = closingQuote - 1
  while (openingQuote >= floor && source[openingQuote] !== "'") openingQuote--
  let at = openingQuote - 1
  if (openingQuote < floor) return none
  if (isSpace(source[at]) && at >= floor) at--
  if (at < floor || source[at] !== ',') return none
  at--
  if (isSpace(source[at]) && at >= floor) at--
  const fallbackKeyTo = at + 1
  return {
    keyFrom,
    fallbackKeyFrom: keyRunStart(source, floor, fallbackKeyTo),
    fallbackKeyTo,
    fallbackFrom: openingQuote + 1,
  }
}

/**
 * Finds the policy variables of a value (*IAM policy elements: Variables and tags*): `${key}`,
 * `${key, 'default'}` (the space is optional), and `${*}`, `${?}`, `${$}` for a literal `*`, `?`
 * and `$`. Text that only looks like a variable (no closing brace, spaces in the name) stays
 * literal text, as IAM treats it: the next `${` is tried. Linear in the value: each `${` ends at
 * the first `}` after it, found once for all the `${` before that `}`, whose bodies are read
 * together (`readBodies`).
 */
export function parseTemplate(source: string): Template {
  const parts: TemplatePart[] = []
  let text = ''
  let hasVariables = false
  let index = 0
  let close = -1
  let bodies: Bodies | undefined
  while (index < source.length) {
    const open = source.indexOf('${', index)
    if (open < 0) break
    const from = open + 2
    if (close < from) {
      close = source.indexOf('}', from)
      if (close < 0) break
      bodies = readBodies(source, from, close)
    }
    const read = bodies as Bodies
    const special = close - from === 1 ? specialCharacters.get(source[from] as string) : undefined
    const alone = from >= read.keyFrom && from < close
    const withFallback = from >= read.fallbackKeyFrom && from < read.fallbackKeyTo
    if (special === undefined && !alone && !withFallback) {
      text += source.slice(index, from)
      index = from
      continue
    }
    text += source.slice(index, open)
    index = close + 1
    if (special !== undefined) {
      text += special
      hasVariables = true
      continue
    }
    if (text !== '') parts.push({ kind: 'text', text })
    text = ''
    parts.push(
      alone
        ? { kind: 'variable', key: source.slice(from, close) }
        : {
            kind: 'variable',
            key: source.slice(from, read.fallbackKeyTo),
            fallback: source.slice(read.fallbackFrom, close - 1),
          },
    )
    hasVariables = true
  }
  text += source.slice(index)
  if (text !== '') parts.push({ kind: 'text', text })
  return { source, parts, hasVariables }
}

const variableKey = /^[A-Za-z0-9-]+:[^\s,'}]+$/

/**
 * What keeps text that starts a policy variable from being one, in the words of messages, or
 * undefined when every `${` of the value opens a well-formed variable (*Variables and tags*:
 * `${key}`, `${key, 'default'}`, `${*}`, `${?}`, `${$}`; IAM Access Analyzer reports
 * `MISSING_BRACE_IN_VARIABLE`, `EMPTY_VARIABLE`, `UNSUPPORTED_SPACE_IN_VARIABLE`,
 * `MISSING_QUOTE_IN_VARIABLE`). `parseTemplate` reads such text as plain characters, which match
 * no real resource or value.
 */
export function variableProblem(source: string): string | undefined {
  let index = source.indexOf('${')
  while (index >= 0) {
    const close = source.indexOf('}', index + 2)
    if (close < 0) return 'a policy variable has no closing `}`'
    const body = source.slice(index + 2, close)
    if (!specialCharacters.has(body)) {
      const variable = variableBody.exec(body)
      if (body.trim() === '') return '`${}` names no key'
      if (variable === null) {
        return /^[^\s,']+\s?,/.test(body) && !/'/.test(body.slice(body.indexOf(',')))
          ? `the default of \`\${${body}}\` is not in single quotes`
          : `the policy variable \`\${${body}}\` holds a space or a quote in its name`
      }
      if (!variableKey.test(variable[1] ?? '')) {
        return `\`\${${body}}\` names no key: write \`\${service:key}\`, such as \`\${aws:username}\``
      }
    }
    index = source.indexOf('${', close + 1)
  }
  return undefined
}

/** Where the resource part of an ARN starts: after its fifth colon; 0 for text that is not an ARN. */
export function resourcePartStart(source: string): number {
  if (!source.startsWith('arn:')) return 0
  let at = 0
  for (let colon = 0; colon < 5; colon++) {
    at = source.indexOf(':', at) + 1
    if (at === 0) return 0
  }
  return at
}

/**
 * The template of a `Resource` value: variables are read only in the resource part of an ARN,
 * after the fifth colon (*Variables and tags*: "You can use policy variables in the Resource
 * element, but only in the resource portion of the ARN"); before it, `${...}` is plain text.
 */
export function parseResourceTemplate(source: string): Template {
  const start = resourcePartStart(source)
  if (start === 0) return parseTemplate(source)
  const rest = parseTemplate(source.slice(start))
  if (!rest.hasVariables)
    return { source, parts: [{ kind: 'text', text: source }], hasVariables: false }
  const [first, ...others] = rest.parts
  const prefix = source.slice(0, start)
  const parts: TemplatePart[] =
    first?.kind === 'text'
      ? [{ kind: 'text', text: prefix + first.text }, ...others]
      : [{ kind: 'text', text: prefix }, ...rest.parts]
  return { source, parts, hasVariables: true }
}

/** Makes a substituted value literal: a `*` in a user name must not act as a wildcard. */
function asLiteral(value: string): string {
  return value.replaceAll('*', literalStar).replaceAll('?', literalQuestionMark)
}

/**
 * The value with each variable replaced by the request's value for its key (or its default),
 * as pattern text in which substituted characters are literal; undefined when a variable has no
 * value, which makes the value match nothing (*Variables and tags*, "Policy variables with no
 * value": the value "is effectively null"; in Resource it "will not match any resource"). The
 * empty string is no value, from the request or as a default (`${key, ''}`): *Condition
 * operators* calls it "a null dataset". A `*` or `?` the request's value holds is literal, or,
 * with `substitutedWildcards` (a wide reading, `readsWidely`), a wildcard.
 */
export function fillTemplate(
  template: Template,
  lookup: (key: string) => string | undefined,
  substitutedWildcards = false,
): string | undefined {
  if (!template.hasVariables) return template.source
  let filled = ''
  for (const part of template.parts) {
    if (part.kind === 'text') {
      filled += part.text
      continue
    }
    const value = lookup(part.key) ?? part.fallback
    if (value === undefined || value === '') return undefined
    filled += substitutedWildcards ? value : asLiteral(value)
  }
  return filled
}

/** Plain text from pattern text: literal wildcards back to the characters they stand for. */
export function patternToText(pattern: string): string {
  return pattern.replaceAll(literalStar, '*').replaceAll(literalQuestionMark, '?')
}
