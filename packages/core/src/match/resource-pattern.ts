import { splitArn } from './arn.ts'
import { isArnText } from './text-at.ts'
import {
  compileWildcard,
  matchesWildcard,
  matchesWildcardIn,
  type WildcardPattern,
} from './wildcard.ts'

/**
 * A `Resource` pattern compiled for matching ARNs, following *IAM JSON policy elements: Resource*:
 * `*` matches any run of characters (slashes included) and `?` one character, case-sensitively.
 *
 * The partition, service, region and account fields are matched one by one, so a wildcard
 * inside one of them never reaches into the next; the resource part (after the fifth colon) is
 * matched as a whole, colons included. A pattern with fewer than six fields whose last field
 * ends in `*` lets that star run to the end of the ARN (`arn:aws:s3:*`), as AWS documents for a
 * star that ends a field. Text that is not an ARN (`*`, or a non-ARN resource name) is matched
 * as a plain pattern against the whole resource.
 */
export interface ResourcePattern {
  readonly source: string
  readonly whole: WildcardPattern
  /**
   * Per-field patterns when the source is an ARN with all six fields and a wildcard before its
   * resource part. When the first four fields are plain text, matching the whole pattern is the
   * same as matching field by field (the text must then start with those fields and their five
   * colons), so no fields are kept and the whole pattern is matched.
   */
  readonly fields?: readonly [
    WildcardPattern,
    WildcardPattern,
    WildcardPattern,
    WildcardPattern,
    WildcardPattern,
  ]
  /** For a short ARN pattern whose last field ends in a star: the fields before it, and it. */
  readonly shortFields?: readonly WildcardPattern[]
}

const wildcards = /[*?\uE000\uE001]/

/** The pattern of an ARN's fields, or undefined when the whole pattern can be matched at once. */
export function compileArnFields(source: string): ResourcePattern['fields'] {
  const parts = splitArn(source)
  if (parts === undefined) return undefined
  const { partition, service, region, account, resource } = parts
  if (!wildcards.test(`${partition}:${service}:${region}:${account}`)) return undefined
  return [
    compileWildcard(partition),
    compileWildcard(service),
    compileWildcard(region),
    compileWildcard(account),
    compileWildcard(resource),
  ]
}

export function compileResourcePattern(source: string): ResourcePattern {
  const whole = compileWildcard(source)
  if (whole.kind === 'anything' || (whole.kind === 'exact' && !whole.headHasQuestionMark)) {
    return { source, whole }
  }
  if (splitArn(source) !== undefined) {
    const fields = compileArnFields(source)
    return fields === undefined ? { source, whole } : { source, whole, fields }
  }
  if (source.startsWith('arn:') && source.endsWith('*')) {
    // fewer than six fields, or splitArn would have found them
    return { source, whole, shortFields: source.slice(4).split(':').map(compileWildcard) }
  }
  return { source, whole }
}

/**
 * Whether an ARN's fields match, each in place: every field but the last between the ARN's
 * colons, the last over the rest of the text (for the five fields of a full pattern, the
 * resource part; for a short pattern such as `arn:aws:s3:*`, everything after its fields). Text
 * that is not an ARN matches no fields.
 */
export function matchesArnFields(fields: readonly WildcardPattern[], text: string): boolean {
  if (!isArnText(text)) return false
  const last = fields.length - 1
  let start = 4
  for (let field = 0; field < last; field++) {
    const end = text.indexOf(':', start)
    if (end < 0) return false
    if (!matchesWildcardIn(fields[field] as WildcardPattern, text, start, end)) return false
    start = end + 1
  }
  const rest = fields[last]
  return rest !== undefined && matchesWildcardIn(rest, text, start, text.length)
}

export function matchesResource(pattern: ResourcePattern, resource: string): boolean {
  const { fields, shortFields, whole } = pattern
  if (fields !== undefined) return matchesArnFields(fields, resource)
  if (shortFields === undefined) return matchesWildcard(whole, resource)
  return matchesArnFields(shortFields, resource)
}

/** Whether `resource` matches `pattern`, compiling it on the way: for one-off checks. */
export function resourceMatch(pattern: string, resource: string): boolean {
  if (typeof pattern !== 'string' || typeof resource !== 'string') return false
  return matchesResource(compileResourcePattern(pattern), resource)
}
