import {
  compileArnFields,
  compileWildcard,
  matchesArnFields,
  matchesWildcard,
  splitArn,
  wildcardMatch,
} from '../../match/index.ts'
import type { ConditionValue } from '../../model/index.ts'
import { patternToText } from '../policy-variable.ts'
import { parseDateValue } from './date-value.ts'
import { type IpRange, parseIpRange, rangeContains } from './ip-address.ts'

/**
 * One condition operator (*IAM JSON policy elements: Condition operators*). `compare` is the
 * positive comparison of one request value with one policy value; a negated operator applies
 * it and negates the outcome over all values, as AWS does (NOR across values).
 */
export interface ConditionOperator {
  readonly name: string
  readonly family: OperatorFamilyName
  readonly negated: boolean
  /** Whether `*` and `?` in policy values are wildcards. */
  readonly wildcards: boolean
  /** Whether policy values may hold `${...}` variables. */
  readonly variables: boolean
  /** Reads a policy value, or undefined when it cannot be of the operator's type. */
  readonly readPolicyValue: (value: ConditionValue) => unknown
  /**
   * Whether a request value is of the operator's type (a number for `Numeric…`, an ARN for
   * `Arn…`); absent for the String operators, which read any text. A value it cannot read has
   * no documented outcome.
   */
  readonly readsRequestValue?: (value: string) => boolean
  readonly compare: (requestValue: string, policyValue: never) => boolean
  /**
   * `compare` with the policy value bound once, when a policy is compiled: patterns compiled,
   * text with literal wildcards restored, case folded. The same comparison as `compare`.
   */
  readonly bind: (policyValue: never) => (requestValue: string) => boolean
}

export const operatorFamilyNames = [
  'String',
  'Numeric',
  'Date',
  'Bool',
  'Binary',
  'IpAddress',
  'Arn',
  'Null',
] as const
export type OperatorFamilyName = (typeof operatorFamilyNames)[number]

interface Family<Value> {
  readonly family: OperatorFamilyName
  readonly variables: boolean
  readonly readPolicyValue: (value: ConditionValue) => Value | undefined
  readonly readsRequestValue?: (value: string) => boolean
  readonly operators: readonly (readonly [
    name: string,
    negated: boolean,
    wildcards: boolean,
    compare: (request: string, policy: Value) => boolean,
    bind?: (policy: Value) => (request: string) => boolean,
  ])[]
}

// each run of digits belongs to exactly one quantifier, so a failed match is linear in the text
const numberShape = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

function readNumber(value: ConditionValue | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || !numberShape.test(value.trim())) return undefined
  return Number(value)
}

function readBoolean(value: ConditionValue): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value !== 'string') return undefined
  const folded = value.toLowerCase()
  return folded === 'true' ? true : folded === 'false' ? false : undefined
}

// a global of browsers and of Node 16 and later, which core's ES-only library settings leave out
declare function atob(data: string): string

function decodeBase64(value: string): string | undefined {
  try {
    return atob(value.trim())
  } catch {
    return undefined
  }
}

/** `arnLike` with the pattern compiled once, split into ARN fields only where one has a wildcard. */
function bindArnLike(pattern: string): (request: string) => boolean {
  if (splitArn(pattern) === undefined) {
    const whole = compileWildcard(pattern)
    return (request) => matchesWildcard(whole, request)
  }
  const fields = compileArnFields(pattern)
  if (fields !== undefined) return (request) => matchesArnFields(fields, request)
  // fields without wildcards: an ARN matching the whole pattern has exactly those fields
  const whole = compileWildcard(pattern)
  return (request) => matchesWildcard(whole, request)
}

/** ARNs compared part by part: a wildcard never reaches across a colon of the first five. */
function arnLike(request: string, pattern: string): boolean {
  const policyParts = splitArn(pattern)
  if (policyParts === undefined) return wildcardMatch(pattern, request)
  const requestParts = splitArn(request)
  if (requestParts === undefined) return false
  return (
    wildcardMatch(policyParts.partition, requestParts.partition) &&
    wildcardMatch(policyParts.service, requestParts.service) &&
    wildcardMatch(policyParts.region, requestParts.region) &&
    wildcardMatch(policyParts.account, requestParts.account) &&
    wildcardMatch(policyParts.resource, requestParts.resource)
  )
}

function stringEquals(request: string, policy: string): boolean {
  return request === patternToText(policy)
}

function stringEqualsIgnoreCase(request: string, policy: string): boolean {
  return request.toLowerCase() === patternToText(policy).toLowerCase()
}

function stringLike(request: string, policy: string): boolean {
  return wildcardMatch(policy, request)
}

function bindStringEquals(policy: string): (request: string) => boolean {
  const text = patternToText(policy)
  return (request) => request === text
}

function bindStringEqualsIgnoreCase(policy: string): (request: string) => boolean {
  const folded = patternToText(policy).toLowerCase()
  return (request) => request.toLowerCase() === folded
}

function bindStringLike(policy: string): (request: string) => boolean {
  const pattern = compileWildcard(policy)
  return (request) => matchesWildcard(pattern, request)
}

function ordered(
  compareWith: (difference: number) => boolean,
  read: (value: string) => number | undefined,
) {
  return (request: string, policy: number) => {
    const value = read(request)
    return value !== undefined && compareWith(value - policy)
  }
}

function comparisons(prefix: string, read: (value: string) => number | undefined) {
  return [
    [`${prefix}Equals`, false, false, ordered((d) => d === 0, read)],
    [`${prefix}NotEquals`, true, false, ordered((d) => d === 0, read)],
    [`${prefix}LessThan`, false, false, ordered((d) => d < 0, read)],
    [`${prefix}LessThanEquals`, false, false, ordered((d) => d <= 0, read)],
    [`${prefix}GreaterThan`, false, false, ordered((d) => d > 0, read)],
    [`${prefix}GreaterThanEquals`, false, false, ordered((d) => d >= 0, read)],
  ] as const
}

const families = [
  {
    family: 'String',
    variables: true,
    readPolicyValue: (value) => String(value),
    operators: [
      ['StringEquals', false, false, stringEquals, bindStringEquals],
      ['StringNotEquals', true, false, stringEquals, bindStringEquals],
      ['StringEqualsIgnoreCase', false, false, stringEqualsIgnoreCase, bindStringEqualsIgnoreCase],
      [
        'StringNotEqualsIgnoreCase',
        true,
        false,
        stringEqualsIgnoreCase,
        bindStringEqualsIgnoreCase,
      ],
      ['StringLike', false, true, stringLike, bindStringLike],
      ['StringNotLike', true, true, stringLike, bindStringLike],
    ],
  } satisfies Family<string>,
  {
    family: 'Numeric',
    variables: false,
    readPolicyValue: readNumber,
    readsRequestValue: (value) => readNumber(value) !== undefined,
    operators: comparisons('Numeric', readNumber),
  } satisfies Family<number>,
  {
    family: 'Date',
    variables: false,
    readPolicyValue: parseDateValue,
    readsRequestValue: (value) => parseDateValue(value) !== undefined,
    operators: comparisons('Date', parseDateValue),
  } satisfies Family<number>,
  {
    family: 'Bool',
    variables: false,
    readPolicyValue: readBoolean,
    readsRequestValue: (value) => readBoolean(value) !== undefined,
    operators: [['Bool', false, false, (request, policy) => readBoolean(request) === policy]],
  } satisfies Family<boolean>,
  {
    family: 'Binary',
    variables: false,
    readPolicyValue: (value) => (typeof value === 'string' ? decodeBase64(value) : undefined),
    readsRequestValue: (value) => decodeBase64(value) !== undefined,
    operators: [
      ['BinaryEquals', false, false, (request, policy) => decodeBase64(request) === policy],
    ],
  } satisfies Family<string>,
  {
    family: 'IpAddress',
    variables: false,
    readPolicyValue: (value) => (typeof value === 'string' ? parseIpRange(value) : undefined),
    readsRequestValue: (value) => parseIpRange(value) !== undefined,
    operators: [
      ['IpAddress', false, false, (request, policy) => contains(policy, request)],
      ['NotIpAddress', true, false, (request, policy) => contains(policy, request)],
    ],
  } satisfies Family<IpRange>,
  {
    family: 'Arn',
    variables: true,
    readPolicyValue: (value) => (typeof value === 'string' ? value : undefined),
    readsRequestValue: (value) => splitArn(value) !== undefined,
    operators: [
      ['ArnEquals', false, true, arnLike, bindArnLike],
      ['ArnLike', false, true, arnLike, bindArnLike],
      ['ArnNotEquals', true, true, arnLike, bindArnLike],
      ['ArnNotLike', true, true, arnLike, bindArnLike],
    ],
  } satisfies Family<string>,
  {
    family: 'Null',
    variables: false,
    readPolicyValue: readBoolean,
    // Null is decided by presence, not by comparing values: see evaluateClause.
    operators: [['Null', false, false, () => false]],
  } satisfies Family<boolean>,
] as const

/** The plain binding: the comparison with the policy value kept. */
function bindCompare<Value>(
  compare: (request: string, policy: Value) => boolean,
): (policy: Value) => (request: string) => boolean {
  return (policy) => (request) => compare(request, policy)
}

function contains(range: IpRange, request: string): boolean {
  const address = parseIpRange(request)
  return address !== undefined && rangeContains(range, address)
}

/** Every base operator by name; `IfExists` and the set qualifiers are read around these. */
export const conditionOperators: ReadonlyMap<string, ConditionOperator> = new Map(
  families.flatMap((family) =>
    family.operators.map(([name, negated, wildcards, compare, bind]) => [
      name,
      {
        name,
        family: family.family,
        negated,
        wildcards,
        variables: family.variables,
        readPolicyValue: family.readPolicyValue as (value: ConditionValue) => unknown,
        ...('readsRequestValue' in family ? { readsRequestValue: family.readsRequestValue } : {}),
        compare: compare as ConditionOperator['compare'],
        bind: (bind ??
          bindCompare(
            compare as (request: string, policy: unknown) => boolean,
          )) as ConditionOperator['bind'],
      },
    ]),
  ),
)
