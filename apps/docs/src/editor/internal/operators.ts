import type { OperatorName, OperatorSpelling, SetQualifier } from '@connect-policy/core'

/**
 * What each condition operator of *IAM JSON policy elements: Condition operators* asks, in one
 * phrase after a subject such as "the request's value". Typed by core's operator names, so that
 * the compiler rejects a list that misses one or names one core does not know; reading the
 * operators themselves is core's (`readOperatorSpelling`, `operatorSpellings`).
 */
const says: Readonly<Record<OperatorName, string>> = {
  StringEquals: 'is one of the policy values (case-sensitive)',
  StringNotEquals: 'is none of the policy values (case-sensitive)',
  StringEqualsIgnoreCase: 'is one of the policy values, ignoring case',
  StringNotEqualsIgnoreCase: 'is none of the policy values, ignoring case',
  StringLike:
    'matches one of the policy patterns, where `*` and `?` are wildcards (case-sensitive)',
  StringNotLike:
    'matches none of the policy patterns, where `*` and `?` are wildcards (case-sensitive)',
  NumericEquals: 'equals one of the policy numbers',
  NumericNotEquals: 'equals none of the policy numbers',
  NumericLessThan: 'is less than the policy number',
  NumericLessThanEquals: 'is at most the policy number',
  NumericGreaterThan: 'is greater than the policy number',
  NumericGreaterThanEquals: 'is at least the policy number',
  DateEquals: 'is one of the policy dates (ISO 8601, or seconds since 1970)',
  DateNotEquals: 'is none of the policy dates',
  DateLessThan: 'is before the policy date',
  DateLessThanEquals: 'is at or before the policy date',
  DateGreaterThan: 'is after the policy date',
  DateGreaterThanEquals: 'is at or after the policy date',
  Bool: 'equals the policy value, `true` or `false`',
  BinaryEquals: 'equals one of the policy values, given in base64',
  IpAddress: 'is in one of the policy IP ranges (CIDR notation)',
  NotIpAddress: 'is in none of the policy IP ranges (CIDR notation)',
  ArnEquals: 'matches one of the policy ARNs, field by field, where `*` and `?` are wildcards',
  ArnLike: 'matches one of the policy ARNs, field by field, where `*` and `?` are wildcards',
  ArnNotEquals: 'matches none of the policy ARNs, field by field, where `*` and `?` are wildcards',
  ArnNotLike: 'matches none of the policy ARNs, field by field, where `*` and `?` are wildcards',
  Null: 'is absent when the policy value is `true`, present when it is `false`',
}

const qualifierSubjects: Readonly<Record<SetQualifier, string>> = {
  ForAnyValue: "At least one of the request's values",
  ForAllValues: "Every one of the request's values",
}

/** What an operator as written asks, in one sentence of plain text without a final period. */
export function operatorMeaning(operator: OperatorSpelling): string {
  const subject =
    operator.qualifier === undefined ? "The request's value" : qualifierSubjects[operator.qualifier]
  const parts = [`${subject} ${says[operator.name]}`]
  // AWS documents both: ForAllValues is true for a key the request does not have, or has no
  // value for; IfExists makes any operator true for a missing key
  if (operator.qualifier === 'ForAllValues')
    parts.push('also true when the request has no value for the key')
  else if (operator.ifExists) parts.push('also true when the request does not have the key')
  return parts.join('; ')
}
