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

const specialCharacters: Record<string, string> = {
  '*': literalStar,
  '?': literalQuestionMark,
  $: '$',
}
const variableBody = /^([^\s,'}]+)(?:\s?,\s?'([^']*)')?$/

/**
 * Finds the policy variables of a value (*IAM policy elements: Variables and tags*): `${key}`,
 * `${key, 'default'}` (the space is optional), and `${*}`, `${?}`, `${$}` for a literal `*`, `?`
 * and `$`. Text that only looks like a variable (no closing brace, spaces in the name) stays
 * literal text, as IAM treats it.
 */
export function parseTemplate(source: string): Template {
  const parts: TemplatePart[] = []
  let text = ''
  let hasVariables = false
  let index = 0
  while (index < source.length) {
    const open = source.indexOf('${', index)
    if (open < 0) break
    const close = source.indexOf('}', open + 2)
    if (close < 0) break
    const body = source.slice(open + 2, close)
    const special = specialCharacters[body]
    const variable = special === undefined ? variableBody.exec(body) : null
    if (special === undefined && variable === null) {
      text += source.slice(index, open + 2)
      index = open + 2
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
    const [, key = '', fallback] = variable as RegExpExecArray
    parts.push(
      fallback === undefined ? { kind: 'variable', key } : { kind: 'variable', key, fallback },
    )
    hasVariables = true
  }
  text += source.slice(index)
  if (text !== '') parts.push({ kind: 'text', text })
  return { source, parts, hasVariables }
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
 * operators* calls it "a null dataset".
 */
export function fillTemplate(
  template: Template,
  lookup: (key: string) => string | undefined,
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
    filled += asLiteral(value)
  }
  return filled
}

/** Plain text from pattern text: literal wildcards back to the characters they stand for. */
export function patternToText(pattern: string): string {
  return pattern.replaceAll(literalStar, '*').replaceAll(literalQuestionMark, '?')
}
