import { literalQuestionMark, literalStar, splitArn } from '../match/index.ts'
import type { ArnFormat, FormatCharacter } from './arn-format.ts'
import type { CatalogResourceType } from './create-catalog.ts'

/**
 * What a policy pattern character stands for: a literal character, one character of any kind
 * (`?`) or any run of characters (`*`). Policy variables count as `*`, since they can become
 * anything.
 */
export type PatternToken = string | typeof anyOne | typeof anyRun
const anyOne = 1
const anyRun = 2

const variableInPattern = /\$\{[^}]*\}/g

function patternTokens(pattern: string): PatternToken[] {
  const tokens: PatternToken[] = []
  for (const character of pattern.replace(variableInPattern, '*')) {
    if (character === '*') tokens.push(anyRun)
    else if (character === '?') tokens.push(anyOne)
    else if (character === literalStar) tokens.push('*')
    else if (character === literalQuestionMark) tokens.push('?')
    else tokens.push(character)
  }
  return tokens
}

/**
 * Whether some text matches both a policy pattern and a format field: a search over pairs of
 * positions in the two (at most their lengths multiplied, twice over), with no backtracking.
 */
function fieldsOverlap(
  pattern: readonly PatternToken[],
  format: readonly FormatCharacter[],
): boolean {
  if (!headsAgree(pattern, format)) return false
  const width = format.length + 1
  // state: pattern position i, format position j, whether a variable at j has taken a character
  const seen = new Uint8Array((pattern.length + 1) * width * 2)
  const stack: number[] = [0]
  seen[0] = 1
  while (stack.length > 0) {
    const state = stack.pop() ?? 0
    const inside = state & 1
    const j = (state >> 1) % width
    const i = Math.floor((state >> 1) / width)
    if (i === pattern.length && j === format.length && inside === 0) return true
    const token = pattern[i]
    const slot = format[j]
    const next: number[] = []
    if (token === anyRun) next.push(i + 1, j, inside)
    if (inside === 1) next.push(i, j + 1, 0)
    if (token !== undefined && slot !== undefined) {
      const after = token === anyRun ? i : i + 1
      if (typeof slot === 'string') {
        if (typeof token !== 'string' || token === slot) next.push(after, j + 1, 0)
      } else if (typeof token !== 'string' || !slot.excludes.includes(token)) {
        next.push(after, j, 1)
      }
    }
    for (let k = 0; k < next.length; k += 3) {
      const target = (((next[k] ?? 0) * width + (next[k + 1] ?? 0)) << 1) | (next[k + 2] ?? 0)
      if (seen[target] === 0) {
        seen[target] = 1
        stack.push(target)
      }
    }
  }
  return false
}

/** A quick test that rules most pairs out: the literal starts of both must agree. */
function headsAgree(pattern: readonly PatternToken[], format: readonly FormatCharacter[]): boolean {
  const length = Math.min(pattern.length, format.length)
  for (let index = 0; index < length; index++) {
    const token = pattern[index]
    const slot = format[index]
    if (typeof token !== 'string' || typeof slot !== 'string') return true
    if (token !== slot) return false
  }
  return true
}

/** A policy `Resource` pattern read for comparing with ARN formats. */
export interface OverlapPattern {
  readonly anything: boolean
  /** The five ARN fields as tokens, when the pattern is an ARN with all of them. */
  readonly fields?: readonly PatternToken[][]
  /** The whole pattern as tokens, for ARN patterns cut short by a star (`arn:aws:s3:*`). */
  readonly whole?: readonly PatternToken[]
}

export function readOverlapPattern(pattern: string): OverlapPattern {
  if (/^\*+$/.test(pattern)) return { anything: true }
  const parts = splitArn(pattern)
  if (parts !== undefined) {
    const { partition, service, region, account, resource } = parts
    return {
      anything: false,
      fields: [partition, service, region, account, resource].map(patternTokens),
    }
  }
  return pattern.startsWith('arn:') && pattern.endsWith('*')
    ? { anything: false, whole: patternTokens(pattern) }
    : { anything: false }
}

/** Whether some ARN of the format matches the policy pattern, field by field as IAM matches. */
export function overlapsFormat(pattern: OverlapPattern, format: ArnFormat): boolean {
  if (pattern.anything) return true
  if (pattern.fields !== undefined) {
    return pattern.fields.every((tokens, index) =>
      fieldsOverlap(tokens, format.characters[index] ?? []),
    )
  }
  if (pattern.whole !== undefined) {
    const whole: FormatCharacter[] = [...'arn:']
    format.characters.forEach((characters, index) => {
      if (index > 0) whole.push(':')
      whole.push(...characters)
    })
    return fieldsOverlap(pattern.whole, whole)
  }
  return false
}

/** Whether some ARN of a resource type matches a policy `Resource` value. */
export function overlapsResourceType(resource: string, type: CatalogResourceType): boolean {
  const pattern = readOverlapPattern(resource)
  return type.arnFormats.some((format) => overlapsFormat(pattern, format))
}
