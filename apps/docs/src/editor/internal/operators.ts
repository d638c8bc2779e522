import type { OperatorFamilyName, OperatorName, SetQualifier } from '@connect-policy/core'

interface OperatorEntry {
  readonly family: OperatorFamilyName
  /** What the operator asks of the request's value, after a subject such as "the request's value". */
  readonly says: string
}

/**
 * The condition operators of *IAM JSON policy elements: Condition operators*, each with what it
 * asks in one phrase. Typed by core's operator names, so that the compiler rejects a list that
 * misses one or names one core does not know.
 */
const operators: Readonly<Record<OperatorName, OperatorEntry>> = {
  StringEquals: { family: 'String', says: 'is one of the policy values (case-sensitive)' },
  StringNotEquals: { family: 'String', says: 'is none of the policy values (case-sensitive)' },
  StringEqualsIgnoreCase: { family: 'String', says: 'is one of the policy values, ignoring case' },
  StringNotEqualsIgnoreCase: {
    family: 'String',
    says: 'is none of the policy values, ignoring case',
  },
  StringLike: {
    family: 'String',
    says: 'matches one of the policy patterns, where `*` and `?` are wildcards (case-sensitive)',
  },
  StringNotLike: {
    family: 'String',
    says: 'matches none of the policy patterns, where `*` and `?` are wildcards (case-sensitive)',
  },
  NumericEquals: { family: 'Numeric', says: 'equals one of the policy numbers' },
  NumericNotEquals: { family: 'Numeric', says: 'equals none of the policy numbers' },
  NumericLessThan: { family: 'Numeric', says: 'is less than the policy number' },
  NumericLessThanEquals: { family: 'Numeric', says: 'is at most the policy number' },
  NumericGreaterThan: { family: 'Numeric', says: 'is greater than the policy number' },
  NumericGreaterThanEquals: { family: 'Numeric', says: 'is at least the policy number' },
  DateEquals: {
    family: 'Date',
    says: 'is one of the policy dates (ISO 8601, or seconds since 1970)',
  },
  DateNotEquals: { family: 'Date', says: 'is none of the policy dates' },
  DateLessThan: { family: 'Date', says: 'is before the policy date' },
  DateLessThanEquals: { family: 'Date', says: 'is at or before the policy date' },
  DateGreaterThan: { family: 'Date', says: 'is after the policy date' },
  DateGreaterThanEquals: { family: 'Date', says: 'is at or after the policy date' },
  Bool: { family: 'Bool', says: 'equals the policy value, `true` or `false`' },
  BinaryEquals: { family: 'Binary', says: 'equals one of the policy values, given in base64' },
  IpAddress: { family: 'IpAddress', says: 'is in one of the policy IP ranges (CIDR notation)' },
  NotIpAddress: { family: 'IpAddress', says: 'is in none of the policy IP ranges (CIDR notation)' },
  ArnEquals: {
    family: 'Arn',
    says: 'matches one of the policy ARNs, field by field, where `*` and `?` are wildcards',
  },
  ArnLike: {
    family: 'Arn',
    says: 'matches one of the policy ARNs, field by field, where `*` and `?` are wildcards',
  },
  ArnNotEquals: {
    family: 'Arn',
    says: 'matches none of the policy ARNs, field by field, where `*` and `?` are wildcards',
  },
  ArnNotLike: {
    family: 'Arn',
    says: 'matches none of the policy ARNs, field by field, where `*` and `?` are wildcards',
  },
  Null: {
    family: 'Null',
    says: 'is absent when the policy value is `true`, present when it is `false`',
  },
}

const operatorNames = Object.keys(operators) as OperatorName[]

const qualifiers = ['ForAnyValue', 'ForAllValues'] as const satisfies readonly SetQualifier[]

const qualifierSubjects: Readonly<Record<SetQualifier, string>> = {
  ForAnyValue: "At least one of the request's values",
  ForAllValues: "Every one of the request's values",
}

const ifExists = 'IfExists'

/** A condition operator as written: an optional set qualifier, the operator, optional `IfExists`. */
export interface OperatorSpelling {
  readonly written: string
  readonly name: OperatorName
  readonly family: OperatorFamilyName
  readonly qualifier?: SetQualifier
  readonly ifExists: boolean
}

const isOperatorName = (name: string): name is OperatorName => Object.hasOwn(operators, name)

/**
 * Reads `ForAnyValue:StringLikeIfExists` and the like. Names are read exactly, as AWS reads
 * them; anything else is undefined.
 */
export function readOperator(written: string): OperatorSpelling | undefined {
  const colon = written.indexOf(':')
  const qualifier = colon < 0 ? undefined : written.slice(0, colon)
  if (qualifier !== undefined && qualifier !== 'ForAnyValue' && qualifier !== 'ForAllValues') {
    return undefined
  }
  const rest = written.slice(colon + 1)
  const withIfExists = rest.endsWith(ifExists) && rest !== ifExists
  const name = withIfExists ? rest.slice(0, -ifExists.length) : rest
  if (!isOperatorName(name)) return undefined
  return {
    written,
    name,
    family: operators[name].family,
    ifExists: withIfExists,
    ...(qualifier === undefined ? {} : { qualifier }),
  }
}

/** What an operator as written asks, in one sentence of plain text without a final period. */
export function operatorMeaning(operator: OperatorSpelling): string {
  const subject =
    operator.qualifier === undefined ? "The request's value" : qualifierSubjects[operator.qualifier]
  const parts = [`${subject} ${operators[operator.name].says}`]
  // AWS documents both: ForAllValues is true for a key the request does not have, or has no
  // value for; IfExists makes any operator true for a missing key
  if (operator.qualifier === 'ForAllValues')
    parts.push('also true when the request has no value for the key')
  else if (operator.ifExists) parts.push('also true when the request does not have the key')
  return parts.join('; ')
}

/**
 * Every spelling an editor offers: each operator, each with `IfExists`, then both set
 * qualifiers on each. `Null` takes neither: it asks whether the key exists at all.
 */
export const operatorSpellings: readonly OperatorSpelling[] = (() => {
  const spellings: OperatorSpelling[] = []
  const add = (written: string) => {
    const spelling = readOperator(written)
    if (spelling !== undefined) spellings.push(spelling)
  }
  const qualifiable = operatorNames.filter((name) => name !== 'Null')
  for (const name of operatorNames) add(name)
  for (const name of qualifiable) add(`${name}${ifExists}`)
  for (const qualifier of qualifiers) {
    for (const name of qualifiable) add(`${qualifier}:${name}`)
    for (const name of qualifiable) add(`${qualifier}:${name}${ifExists}`)
  }
  return spellings
})()
