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

/** The two rows of states `fieldsOverlap` works in, kept between calls and grown as needed. */
let rowStates = new Uint8Array(64)
let nextStates = new Uint8Array(64)

/**
 * Whether some text matches both a policy pattern and a format field: a search over pairs of
 * positions in the two, one pattern position after the other, holding only the format positions
 * reached at the current one and the next (time the two lengths multiplied at most, memory the
 * format's length, so that a pattern of thousands of stars allocates nothing that grows with it).
 * Each row is swept only between the first and the last state it reached: a pattern without
 * stars against a format reaches a few positions at a time, and is compared in time about the
 * pattern's length (an ARN against each of a service's formats, for every `Resource` value).
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
  if (rowStates.length < width * 2) {
    rowStates = new Uint8Array(width * 4)
    nextStates = new Uint8Array(width * 4)
  }
  // the states of one pattern position i: 2j for format position j, 2j + 1 for the same inside
  // a variable at j that has taken a character; a star or a variable taking more characters
  // stays at i (later states of the same row), every other step goes to i + 1. Both rows are
  // clear outside [low, high], and are left clear.
  let row = rowStates
  let next = nextStates
  let low = 0
  let high = 0
  row[0] = 1
  let found = false
  for (let i = 0; i <= pattern.length && !found; i++) {
    const token = pattern[i]
    let nextLow = Number.POSITIVE_INFINITY
    let nextHigh = -1
    for (let state = low; state <= high; state++) {
      if (row[state] === 0) continue
      const j = state >> 1
      const inside = state & 1
      if (i === pattern.length && j === format.length && inside === 0) {
        found = true
        break
      }
      const slot = format[j]
      if (token === anyRun) {
        next[state] = 1
        if (state < nextLow) nextLow = state
        if (state > nextHigh) nextHigh = state
      }
      if (inside === 1 || (typeof slot === 'object' && slot.mayBeEmpty === true)) {
        row[2 * (j + 1)] = 1
        if (2 * (j + 1) > high) high = 2 * (j + 1)
      }
      if (token === undefined || slot === undefined) continue
      let target = -1
      if (typeof slot === 'string') {
        if (typeof token !== 'string' || token === slot) target = 2 * (j + 1)
      } else if (typeof token !== 'string' || !slot.excludes.includes(token)) {
        target = 2 * j + 1
      }
      if (target < 0) continue
      if (token === anyRun) {
        row[target] = 1
        if (target > high) high = target
      } else {
        next[target] = 1
        if (target < nextLow) nextLow = target
        if (target > nextHigh) nextHigh = target
      }
    }
    row.fill(0, low, high + 1)
    if (found || nextHigh < 0) {
      next.fill(0, nextLow, nextHigh + 1)
      break
    }
    ;[row, next] = [next, row]
    low = nextLow
    high = nextHigh
  }
  return found
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
  // the last field first: it tells a service's formats apart, where the partition, Region and
  // account fields of an ARN fit every format's variables
  if (!fieldsOverlap(fields[last] ?? [], formatRest(format, last))) return false
  for (let index = 0; index < last; index++) {
    if (!fieldsOverlap(fields[index] ?? [], format.characters[index] ?? [])) return false
  }
  return true
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
 * policies grant actions that take no resource, such as `s3:ListAllMyBuckets`, that way. With no
 * service, whether the pattern names every resource of some service: its resource part alone.
 */
export function namesWholeService(pattern: OverlapPattern, service: string | undefined): boolean {
  const resourceField = pattern.fields?.at(-1)
  if (resourceField === undefined || resourceField.length === 0) return false
  if (!resourceField.every((token) => typeof token !== 'string')) return false
  const serviceField = serviceFieldOf(pattern)
  return (
    serviceField === undefined || service === undefined || fieldsOverlap(serviceField, [...service])
  )
}

/** Whether some ARN of a resource type matches a policy `Resource` value. */
export function overlapsResourceType(resource: string, type: CatalogResourceType): boolean {
  const pattern = readOverlapPattern(resource)
  return type.arnFormats.some((format) => overlapsFormat(pattern, format))
}
