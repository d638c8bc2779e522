import fc from 'fast-check'
import { describe, it } from 'vitest'
import { checkContext, type RequestContext } from '../../authorize/request-context.ts'
import { literalQuestionMark, literalStar } from '../../match/index.ts'
import type { ConditionElement, ConditionValue } from '../../model/index.ts'
import { noRange } from '../../model/index.ts'
import { patternToText } from '../policy-variable.ts'
import { type CompiledClause, compileCondition } from './compile-condition.ts'
import { clauseHolds, clauseOutcome, evaluateClause } from './evaluate-clause.ts'
import { conditionOperators } from './operators.ts'

/** Operators with a negated twin: the twin's name is the positive name with `Not` inserted. */
const twins = [
  ['StringEquals', 'StringNotEquals'],
  ['StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase'],
  ['StringLike', 'StringNotLike'],
  ['NumericEquals', 'NumericNotEquals'],
  ['DateEquals', 'DateNotEquals'],
  ['IpAddress', 'NotIpAddress'],
  ['ArnLike', 'ArnNotLike'],
  ['ArnEquals', 'ArnNotEquals'],
] as const

const positiveOperators = [...conditionOperators.values()]
  .filter((operator) => !operator.negated && operator.family !== 'Null')
  .map((operator) => operator.name)

/** Values every family can read, so that each operator gets meaningful comparisons. */
const arbValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('a', 'A', 'a*', '?', '1', '1.0', '2', 'true', 'false'),
  fc.constantFrom(
    '2026-01-01T00:00:00Z',
    '1767225600',
    '203.0.113.0/24',
    '203.0.113.7',
    '2001:db8::/32',
  ),
  fc.constantFrom(
    'arn:aws:connect:us-east-1:123456789012:instance/*',
    'arn:aws:connect:us-east-1:123456789012:instance/i-1',
  ),
  fc.constantFrom('QUJD', 'QUJD\n'),
)

/** One clause on `test:Key`, compiled, with the context it is evaluated in; undefined when either is an error. */
function clauseIn(
  operator: string,
  policyValues: readonly ConditionValue[],
  context: Record<string, unknown>,
): { readonly clause: CompiledClause; readonly context: RequestContext } | undefined {
  const condition: ConditionElement = {
    range: noRange,
    clauses: [
      {
        operator: { value: operator, range: noRange },
        key: { value: 'test:Key', range: noRange },
        values: policyValues.map((value) => ({ value, range: noRange })),
        range: noRange,
      },
    ],
  }
  const [clause] = compileCondition(condition, true).clauses ?? []
  const checked = checkContext(context)
  if (clause === undefined || checked.context === undefined) return undefined
  return { clause, context: checked.context }
}

/**
 * The documented outcome of a clause: `true`, `false`, `'open'` where AWS leaves it open, or
 * undefined when the clause or context is an error.
 */
function holds(
  operator: string,
  policyValues: readonly ConditionValue[],
  context: Record<string, unknown>,
): boolean | 'open' | undefined {
  const found = clauseIn(operator, policyValues, context)
  if (found === undefined) return undefined
  const { clause } = found
  const values = found.context.get(clause.foldedKey)?.values
  return clauseOutcome(clause, values, clause.fixedTests ?? []) ?? 'open'
}

describe('condition operators', () => {
  it('a negated operator is the negation of its twin when the key is present (oracle: abstract)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...twins),
        fc.array(arbValue, { minLength: 1, maxLength: 3 }),
        arbValue,
        ([positive, negated], policyValues, requestValue) => {
          const yes = holds(positive, policyValues, { 'test:Key': requestValue })
          const no = holds(negated, policyValues, { 'test:Key': requestValue })
          // Values a family cannot read make the policy an error, or the outcome open, for both
          // twins alike.
          if (yes === undefined || yes === 'open') return no === yes
          return no === !yes
        },
      ),
    )
  })

  it('IfExists on a missing key holds for every positive operator (oracle: abstract)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...positiveOperators),
        fc.array(arbValue, { minLength: 1, maxLength: 3 }),
        (operator, values) => {
          const result = holds(`${operator}IfExists`, values, {})
          return result === undefined || result === true
        },
      ),
    )
  })

  it('a positive operator on a missing key does not hold (oracle: abstract)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...positiveOperators),
        fc.array(arbValue, { minLength: 1, maxLength: 3 }),
        (operator, values) => {
          const result = holds(operator, values, {})
          return result === undefined || result === false
        },
      ),
    )
  })

  it('ForAllValues over an empty or missing set holds, ForAnyValue does not (oracle: abstract)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...positiveOperators, ...twins.map(([, negated]) => negated)),
        fc.array(arbValue, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<Record<string, unknown>>({}, { 'test:Key': [] }),
        (operator, values, context) => {
          const all = holds(`ForAllValues:${operator}`, values, context)
          const any = holds(`ForAnyValue:${operator}`, values, context)
          return (all === undefined || all === true) && (any === undefined || any === false)
        },
      ),
    )
  })

  it('ForAnyValue and ForAllValues agree with the plain operator on one value (oracle: plain operator)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...positiveOperators),
        fc.array(arbValue, { minLength: 1, maxLength: 3 }),
        arbValue,
        (operator, values, requestValue) => {
          const plain = holds(operator, values, { 'test:Key': requestValue })
          const any = holds(`ForAnyValue:${operator}`, values, { 'test:Key': [requestValue] })
          const all = holds(`ForAllValues:${operator}`, values, { 'test:Key': [requestValue] })
          return plain === any && plain === all
        },
      ),
    )
  })

  it('an operator bound to a policy value compares as the operator does (oracle: compare)', () => {
    const operators = [...conditionOperators.values()]
    // ARN patterns with wildcards in their fields, which a bound ARN operator compiles field by field
    const arnPatterns = fc.constantFrom(
      'arn:aws:connect:*:123456789012:instance/*',
      'arn:*:connect:us-east-?:*:instance/i-1',
      'arn:aws:*:*:*:*',
      'arn:aws:connect:us-east-1:*:instance/*/queue/*',
    )
    // text with literal wildcards, as a filled-in `${*}` or `${?}` leaves it
    const literalPatterns = fc.constantFrom(`a${literalStar}`, `${literalQuestionMark}b*`)
    // request values made from the policy value, so that matches and near misses are frequent
    const policyAndRequest = fc
      .oneof(arbValue, arnPatterns, literalPatterns)
      .chain((policy) =>
        fc.tuple(
          fc.constant(policy),
          fc.oneof(
            arbValue,
            fc.constantFrom(
              policy,
              patternToText(policy),
              policy.toUpperCase(),
              policy.replaceAll('*', 'x/y'),
              policy.replaceAll('*', 'x:y'),
              policy.replaceAll('?', '1'),
              `${policy}:x`,
            ),
          ),
        ),
      )
    fc.assert(
      fc.property(
        fc.constantFrom(...operators),
        policyAndRequest,
        (operator, [policy, request]) => {
          const value = operator.readPolicyValue(policy)
          if (value === undefined) return true
          return (
            operator.bind(value as never)(request) === operator.compare(request, value as never)
          )
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('clauseHolds decides as evaluateClause explains, variables included (oracle: explained)', () => {
    const written = fc.oneof(
      fc.constantFrom(...conditionOperators.keys()),
      fc
        .tuple(
          fc.constantFrom('ForAnyValue:', 'ForAllValues:', ''),
          fc.constantFrom(...positiveOperators),
        )
        .map(([qualifier, operator]) => `${qualifier}${operator}`),
      fc.constantFrom(...positiveOperators).map((operator) => `${operator}IfExists`),
    )
    const policyValue = fc.oneof(
      arbValue,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable
      fc.constantFrom('${test:Other}', "${test:Other, 'a'}", 'arn:aws:connect:*:${test:Other}:*'),
    )
    const requestValues = fc.oneof(arbValue, fc.array(arbValue, { maxLength: 3 }))
    fc.assert(
      fc.property(
        written,
        fc.array(policyValue, { minLength: 1, maxLength: 3 }),
        fc.option(requestValues, { nil: undefined }),
        fc.option(arbValue, { nil: undefined }),
        (operator, values, key, other) => {
          const found = clauseIn(operator, values, { 'test:Key': key, 'test:Other': other })
          if (found === undefined) return true
          const { clause, context } = found
          return [true, false].every(
            (deny) =>
              clauseHolds(clause, context, deny) === evaluateClause(clause, context, deny).matched,
          )
        },
      ),
    )
  })
})
