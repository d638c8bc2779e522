import { literalQuestionMark, literalStar, splitArn } from '../match/index.ts'
import type { ArnFormat, FormatCharacter } from './arn-format.ts'
import type { CatalogResourceType } from './create-catalog.ts'
import { replaceVariables } from './variable-spans.ts'

/**
 * What a policy pattern character stands for: a literal character, one character of any kind
 * (`?`) or any run of characters (`*`). Policy variables count as `*`, since they can become
 * anything.
 */
export type PatternToken = string | typeof anyOne | typeof anyRun
const anyOne = 1
const anyRun = 2

function patternTokens(pattern: string): PatternToken[] {
  const tokens: PatternToken[] = []
  for (const character of replaceVariables(pattern, '*')) {
    if (character === '*') tokens.push(anyRun)
    else if (character === '?') tokens.push(anyOne)
    else if (character === literalStar) tokens.push('*')
    else if (character === literalQuestionMark) tokens.push('?')
    else tokens.push(character)
  }
  return tokens
}

/** Marks a search state as seen and schedules it, unless it was seen before. */
function visit(
  seen: Uint8Array,
  stack: number[],
  width: number,
  i: number,
  j: number,
  inside: number,
) {
  const target = ((i * width + j) << 1) | inside
  if (seen[target] === 0) {
    seen[target] = 1
    stack.push(target)
  }
}

/**
 * Whether some text matches both a policy pattern and a format field: a search over pairs of
 * positions in the two (at most their lengths multiplied, twice over), with no backtracking.
 * Fields that hold no wildcard and no variable are compared directly, and literal starts and
 * ends that disagree rule a pair out before any search.
 */
function fieldsOverlap(
  pattern: readonly PatternToken[],
  format: readonly FormatCharacter[],
): boolean {
  if (!headsAgree(pattern, format) || !tailsAgree(pattern, format)) return false
  if (isLiteral(pattern) && isLiteral(format)) return sameLiterals(pattern, format)
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
    if (token === anyRun) visit(seen, stack, width, i + 1, j, inside)
    if (inside === 1) visit(seen, stack, width, i, j + 1, 0)
    if (inside === 0 && typeof slot === 'object' && slot.mayBeEmpty === true) {
      visit(seen, stack, width, i, j + 1, 0)
    }
    if (token !== undefined && slot !== undefined) {
      const after = token === anyRun ? i : i + 1
      if (typeof slot === 'string') {
        if (typeof token !== 'string' || token === slot) visit(seen, stack, width, after, j + 1, 0)
      } else if (typeof token !== 'string' || !slot.excludes.includes(token)) {
        visit(seen, stack, width, after, j, 1)
      }
    }
  }
  return false
}

function isLiteral(characters: readonly (PatternToken | FormatCharacter)[]): boolean {
  for (const character of characters) if (typeof character !== 'string') return false
  return true
}

function sameLiterals(
  pattern: readonly PatternToken[],
  format: readonly FormatCharacter[],
): boolean {
  if (pattern.length !== format.length) return false
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] !== format[index]) return false
  }
  return true
}

/** The same test from the ends: literal ends of both must agree. */
function tailsAgree(pattern: readonly PatternToken[], format: readonly FormatCharacter[]): boolean {
  const length = Math.min(pattern.length, format.length)
  for (let offset = 1; offset <= length; offset++) {
    const token = pattern[pattern.length - offset]
    const slot = format[format.length - offset]
    if (typeof token !== 'string' || typeof slot !== 'string') return true
    if (token !== slot) return false
  }
  return true
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
  /**
   * The pattern's ARN fields as tokens: all five, or, for an ARN pattern cut short by a star
   * (`arn:aws:s3:*`), those it has, the last of which stands for the rest of the ARN.
   */
  readonly fields?: readonly PatternToken[][]
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
    ? { anything: false, fields: pattern.slice(4).split(':').map(patternTokens) }
    : { anything: false }
}

/** The format's characters from field `index` to the end, colons between, as one field. */
function formatRest(format: ArnFormat, index: number): readonly FormatCharacter[] {
  if (index === format.characters.length - 1) return format.characters[index] ?? []
  const rest: FormatCharacter[] = []
  for (const [offset, characters] of format.characters.slice(index).entries()) {
    if (offset > 0) rest.push(':')
    rest.push(...characters)
  }
  return rest
}

/**
 * Whether some ARN of the format matches the policy pattern, field by field as IAM matches: the
 * fields before a short pattern's last one face single fields, so a star there stays inside its
 * field (`arn:aws:*3:*` names S3, not EC2), as `matchesResource` reads such patterns.
 */
export function overlapsFormat(pattern: OverlapPattern, format: ArnFormat): boolean {
  if (pattern.anything) return true
  const fields = pattern.fields
  if (fields === undefined) return false
  const last = fields.length - 1
  return fields.every((tokens, index) =>
    fieldsOverlap(
      tokens,
      index < last ? (format.characters[index] ?? []) : formatRest(format, index),
    ),
  )
}

/** The pattern's service field, when it has one of its own (not the rest of a short pattern). */
export function serviceFieldOf(pattern: OverlapPattern): readonly PatternToken[] | undefined {
  const fields = pattern.fields
  return fields !== undefined && fields.length > 2 ? fields[1] : undefined
}

/**
 * Whether a pattern names every resource of a service (`arn:aws:s3:::*`, `arn:aws:connect:*`):
 * whatever holds the resource part is wildcards only, and the service field matches the service
 * or is itself taken by the star of a short pattern (`arn:*`). Documentation and AWS managed
 * policies grant actions that take no resource, such as `s3:ListAllMyBuckets`, that way.
 */
export function namesWholeService(pattern: OverlapPattern, service: string): boolean {
  const resourceField = pattern.fields?.at(-1)
  if (resourceField === undefined || resourceField.length === 0) return false
  if (!resourceField.every((token) => typeof token !== 'string')) return false
  const serviceField = serviceFieldOf(pattern)
  return serviceField === undefined || fieldsOverlap(serviceField, [...service])
}

/** Whether some ARN of a resource type matches a policy `Resource` value. */
export function overlapsResourceType(resource: string, type: CatalogResourceType): boolean {
  const pattern = readOverlapPattern(resource)
  return type.arnFormats.some((format) => overlapsFormat(pattern, format))
}
