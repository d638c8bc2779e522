import { splitArn } from './arn.ts'
import { compileWildcard, matchesWildcard, type WildcardPattern } from './wildcard.ts'

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
  /** Per-field patterns when the source is an ARN with all six fields. */
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

export function compileResourcePattern(source: string): ResourcePattern {
  const whole = compileWildcard(source)
  if (whole.kind === 'anything' || (whole.kind === 'exact' && !whole.headHasQuestionMark)) {
    return { source, whole }
  }
  const parts = splitArn(source)
  if (parts !== undefined) {
    return {
      source,
      whole,
      fields: [
        compileWildcard(parts.partition),
        compileWildcard(parts.service),
        compileWildcard(parts.region),
        compileWildcard(parts.account),
        compileWildcard(parts.resource),
      ],
    }
  }
  if (source.startsWith('arn:') && source.endsWith('*')) {
    // fewer than six fields, or splitArn would have found them
    return { source, whole, shortFields: source.slice(4).split(':').map(compileWildcard) }
  }
  return { source, whole }
}

export function matchesResource(pattern: ResourcePattern, resource: string): boolean {
  const { fields, shortFields, whole } = pattern
  if (fields === undefined && shortFields === undefined) return matchesWildcard(whole, resource)
  const parts = splitArn(resource)
  if (fields !== undefined) {
    if (parts === undefined) return false
    return (
      matchesWildcard(fields[0], parts.partition) &&
      matchesWildcard(fields[1], parts.service) &&
      matchesWildcard(fields[2], parts.region) &&
      matchesWildcard(fields[3], parts.account) &&
      matchesWildcard(fields[4], parts.resource)
    )
  }
  return matchesShortArnPattern(shortFields ?? [], resource)
}

function matchesShortArnPattern(fields: readonly WildcardPattern[], resource: string): boolean {
  if (!resource.startsWith('arn:')) return false
  const values = resource.slice(4).split(':')
  const lastIndex = fields.length - 1
  for (let index = 0; index < lastIndex; index++) {
    const field = fields[index]
    const value = values[index]
    if (field === undefined || value === undefined || !matchesWildcard(field, value)) return false
  }
  const last = fields[lastIndex]
  if (last === undefined || values.length < fields.length) return false
  return matchesWildcard(last, values.slice(lastIndex).join(':'))
}

/** Whether `resource` matches `pattern`, compiling it on the way: for one-off checks. */
export function resourceMatch(pattern: string, resource: string): boolean {
  return matchesResource(compileResourcePattern(pattern), resource)
}
