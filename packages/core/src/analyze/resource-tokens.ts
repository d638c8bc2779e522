import { compileResourcePattern } from '../match/index.ts'
import { type GlobToken, globTokens } from './glob-search.ts'

/**
 * The texts a `Resource` pattern matches, as tokens for `searchGlobs`, read as the evaluator's
 * matcher reads it (`compileResourcePattern`): a pattern it matches as a whole is one glob over
 * the text; one it matches field by field (an ARN with a wildcard before its resource part, or a
 * short ARN pattern whose last field ends in a star) is `arn:` and its fields between colons,
 * every field but the last barred from holding a colon, the last taking the rest of the text.
 */
export function resourceTokens(pattern: string): GlobToken[] {
  const compiled = compileResourcePattern(pattern)
  const fields = compiled.fields ?? compiled.shortFields
  if (fields === undefined) return globTokens(pattern)
  const tokens: GlobToken[] = globTokens('arn:')
  const last = fields.length - 1
  for (const [index, field] of fields.entries()) {
    if (index > 0) tokens.push({ kind: 'literal', character: ':' })
    const own = globTokens(field.source)
    tokens.push(...(index === last ? own : own.map(withinField)))
  }
  return tokens
}

/** A wildcard of a field before the last: it cannot take the colon that ends the field. */
function withinField(token: GlobToken): GlobToken {
  return token.kind === 'literal' ? token : { kind: token.kind, except: ':' }
}
