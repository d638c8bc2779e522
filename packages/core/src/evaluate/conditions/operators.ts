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
import { readNumber } from './number-value.ts'

/**
 * One condition operator (*IAM JSON policy elements: Condition operators*). `compare` is the
 * positive comparison of one request value with one policy value; a negated operator applies
 * it and negates the outcome over all values, as AWS does (NOR across values).
 */
export interface ConditionOperator {
  readonly name: OperatorName
  readonly family: OperatorFamilyName
  readonly negated: boolean
  /** Whether `*` and `?` in policy values are wildcards. */
  readonly wildcards: boolean
  /** How the comparison reads in a sentence, with one policy value and with several. */
  readonly words: OperatorWords
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
  /**
   * `bind` for several policy values at once, where one test can answer for all of them: it
   * passes when some value's bound test would. For the equality operators a set lookup, so that
   * many request values against many policy values cost their sum, not their product.
   */
  readonly bindAll?: (policyValues: readonly never[]) => (requestValue: string) => boolean
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

/**
 * Every condition operator of *IAM JSON policy elements: Condition operators*, without the set
 * qualifiers and `IfExists` that are read around it: the registry below has a row for each, and
 * a test holds them to it, so that no reader of operators can miss one.
 */
export const operatorNames = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const
export type OperatorName = (typeof operatorNames)[number]

/** How a comparison reads with one policy value (`is`) and with several (`is one of`). */
export interface OperatorWords {
  readonly one: string
  readonly many: string
}

const words = (one: string, many = `${one} one of`): OperatorWords => ({ one, many })
const is = words('is')
const isNot = words('is not', 'is none of')
const matches = words('matches')
const doesNotMatch = words('does not match', 'matches none of')

/** One operator of a family: its name, its words, and its comparison. */
interface OperatorRow<Value> {
  readonly name: OperatorName
  readonly negated: boolean
  readonly wildcards: boolean
  readonly words: OperatorWords
  readonly compare: (request: string, policy: Value) => boolean
  readonly bind?: (policy: Value) => (request: string) => boolean
  readonly bindAll?: (policies: readonly Value[]) => (request: string) => boolean
}

interface Family<Value> {
  readonly family: OperatorFamilyName
  readonly variables: boolean
  readonly readPolicyValue: (value: ConditionValue) => Value | undefined
  readonly readsRequestValue?: (value: string) => boolean
  readonly operators: readonly OperatorRow<Value>[]
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

function bindAllStringEquals(policies: readonly string[]): (request: string) => boolean {
  const texts = new Set(policies.map(patternToText))
  return (request) => texts.has(request)
}

function bindAllStringEqualsIgnoreCase(policies: readonly string[]): (request: string) => boolean {
  const folded = new Set(policies.map((policy) => patternToText(policy).toLowerCase()))
  return (request) => folded.has(request.toLowerCase())
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

/** The six ordered comparisons of a family, with their words in that family's terms. */
function comparisons(
  names: readonly [
    OperatorName,
    OperatorName,
    OperatorName,
    OperatorName,
    OperatorName,
    OperatorName,
  ],
  read: (value: string) => number | undefined,
  said: readonly [
    OperatorWords,
    OperatorWords,
    OperatorWords,
    OperatorWords,
    OperatorWords,
    OperatorWords,
  ],
): OperatorRow<number>[] {
  const tests: readonly ((difference: number) => boolean)[] = [
    (d) => d === 0,
    (d) => d === 0,
    (d) => d < 0,
    (d) => d <= 0,
    (d) => d > 0,
    (d) => d >= 0,
  ]
  return names.map((name, index) => ({
    name,
    negated: index === 1,
    wildcards: false,
    words: said[index] as OperatorWords,
    compare: ordered(tests[index] as (difference: number) => boolean, read),
  }))
}

/** An operator row, as its family lists it. */
function row<Value>(
  name: OperatorName,
  negated: boolean,
  wildcards: boolean,
  said: OperatorWords,
  compare: (request: string, policy: Value) => boolean,
  bind?: (policy: Value) => (request: string) => boolean,
  bindAll?: (policies: readonly Value[]) => (request: string) => boolean,
): OperatorRow<Value> {
  return {
    name,
    negated,
    wildcards,
    words: said,
    compare,
    ...(bind === undefined ? {} : { bind }),
    ...(bindAll === undefined ? {} : { bindAll }),
  }
}

const families = [
  {
    family: 'String',
    variables: true,
    readPolicyValue: (value) => String(value),
    operators: [
      row('StringEquals', false, false, is, stringEquals, bindStringEquals, bindAllStringEquals),
      row(
        'StringNotEquals',
        true,
        false,
        isNot,
        stringEquals,
        bindStringEquals,
        bindAllStringEquals,
      ),
      row(
        'StringEqualsIgnoreCase',
        false,
        false,
        words('is, ignoring case,'),
        stringEqualsIgnoreCase,
        bindStringEqualsIgnoreCase,
        bindAllStringEqualsIgnoreCase,
      ),
      row(
        'StringNotEqualsIgnoreCase',
        true,
        false,
        words('is not, ignoring case,', 'is, ignoring case, none of'),
        stringEqualsIgnoreCase,
        bindStringEqualsIgnoreCase,
        bindAllStringEqualsIgnoreCase,
      ),
      row('StringLike', false, true, matches, stringLike, bindStringLike),
      row('StringNotLike', true, true, doesNotMatch, stringLike, bindStringLike),
    ],
  } satisfies Family<string>,
  {
    family: 'Numeric',
    variables: false,
    readPolicyValue: readNumber,
    readsRequestValue: (value) => readNumber(value) !== undefined,
    operators: comparisons(
      [
        'NumericEquals',
        'NumericNotEquals',
        'NumericLessThan',
        'NumericLessThanEquals',
        'NumericGreaterThan',
        'NumericGreaterThanEquals',
      ],
      readNumber,
      [
        words('equals'),
        words('does not equal', 'equals none of'),
        words('is less than'),
        words('is at most'),
        words('is greater than'),
        words('is at least'),
      ],
    ),
  } satisfies Family<number>,
  {
    family: 'Date',
    variables: false,
    readPolicyValue: parseDateValue,
    readsRequestValue: (value) => parseDateValue(value) !== undefined,
    operators: comparisons(
      [
        'DateEquals',
        'DateNotEquals',
        'DateLessThan',
        'DateLessThanEquals',
        'DateGreaterThan',
        'DateGreaterThanEquals',
      ],
      parseDateValue,
      [
        is,
        isNot,
        words('is before'),
        words('is at or before'),
        words('is after'),
        words('is at or after'),
      ],
    ),
  } satisfies Family<number>,
  {
    family: 'Bool',
    variables: false,
    readPolicyValue: readBoolean,
    readsRequestValue: (value) => readBoolean(value) !== undefined,
    operators: [
      row('Bool', false, false, is, (request, policy) => readBoolean(request) === policy),
    ],
  } satisfies Family<boolean>,
  {
    family: 'Binary',
    variables: false,
    readPolicyValue: (value) => (typeof value === 'string' ? decodeBase64(value) : undefined),
    readsRequestValue: (value) => decodeBase64(value) !== undefined,
    operators: [
      row(
        'BinaryEquals',
        false,
        false,
        words('equals (base64)'),
        (request, policy) => decodeBase64(request) === policy,
      ),
    ],
  } satisfies Family<string>,
  {
    family: 'IpAddress',
    variables: false,
    readPolicyValue: (value) => (typeof value === 'string' ? parseIpRange(value) : undefined),
    readsRequestValue: (value) => parseIpRange(value) !== undefined,
    operators: [
      row('IpAddress', false, false, words('is in', 'is in one of'), (request, policy) =>
        contains(policy, request),
      ),
      row('NotIpAddress', true, false, words('is not in', 'is in none of'), (request, policy) =>
        contains(policy, request),
      ),
    ],
  } satisfies Family<IpRange>,
  {
    family: 'Arn',
    variables: true,
    readPolicyValue: (value) => (typeof value === 'string' ? value : undefined),
    readsRequestValue: (value) => splitArn(value) !== undefined,
    operators: [
      row('ArnEquals', false, true, matches, arnLike, bindArnLike),
      row('ArnLike', false, true, matches, arnLike, bindArnLike),
      row('ArnNotEquals', true, true, doesNotMatch, arnLike, bindArnLike),
      row('ArnNotLike', true, true, doesNotMatch, arnLike, bindArnLike),
    ],
  } satisfies Family<string>,
  {
    family: 'Null',
    variables: false,
    readPolicyValue: readBoolean,
    // Null is decided by presence, not by comparing values: see evaluateClause.
    operators: [row('Null', false, false, words('is absent'), () => false)],
  } satisfies Family<boolean>,
] as const

/** The plain binding: the comparison with the policy value kept. */
function bindCompare<Value>(
  compare: (request: string, policy: Value) => boolean,
): (policy: Value) => (request: string) => boolean {
  return (policy) => (request) => compare(request, policy)
}

/** The request value read last: a clause tests one request value against every range it lists. */
let lastRequest: { readonly text: string; readonly address: IpRange | undefined } | undefined

function contains(range: IpRange, request: string): boolean {
  if (lastRequest?.text !== request) lastRequest = { text: request, address: parseIpRange(request) }
  const { address } = lastRequest
  return address !== undefined && rangeContains(range, address)
}

/** Every base operator by name; `IfExists` and the set qualifiers are read around these. */
export const conditionOperators: ReadonlyMap<string, ConditionOperator> = new Map(
  families.flatMap((family) =>
    (family.operators as readonly OperatorRow<unknown>[]).map((operator) => [
      operator.name,
      {
        name: operator.name,
        family: family.family,
        negated: operator.negated,
        wildcards: operator.wildcards,
        words: operator.words,
        variables: family.variables,
        readPolicyValue: family.readPolicyValue as (value: ConditionValue) => unknown,
        ...('readsRequestValue' in family ? { readsRequestValue: family.readsRequestValue } : {}),
        compare: operator.compare as ConditionOperator['compare'],
        bind: (operator.bind ?? bindCompare(operator.compare)) as ConditionOperator['bind'],
        ...(operator.bindAll === undefined
          ? {}
          : {
              bindAll: operator.bindAll as NonNullable<ConditionOperator['bindAll']>,
            }),
      },
    ]),
  ),
)
