import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkContext } from '../../authorize/request-context.ts'
import type { ConditionElement } from '../../model/index.ts'
import { noRange } from '../../model/index.ts'
import { clauseReadings } from '../../testing/clause-readings.ts'
import { type CompiledClause, compileCondition } from './compile-condition.ts'
import { clauseHolds, clauseOutcome } from './evaluate-clause.ts'
import { conditionOperators } from './operators.ts'
import { readSafely } from './safe-reading.ts'

/** Values of every family, and text no family but String reads. */
const arbValue = fc.constantFrom(
  'a',
  'a*',
  'b',
  '1',
  '2.5',
  'true',
  '2026-01-01T00:00:00Z',
  '203.0.113.7',
  '203.0.113.0/24',
  'QUJD',
  'arn:aws:connect:us-east-1:123456789012:instance/i-1',
  'arn:aws:connect:us-east-1:123456789012:instance/*',
  'not a number',
)

const arbOperator = fc
  .tuple(
    fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'),
    fc.constantFrom(...conditionOperators.keys()),
    fc.boolean(),
  )
  .map(([qualifier, name, ifExists]) => `${qualifier}${name}${ifExists ? 'IfExists' : ''}`)

/** A request's values for the key: missing, an empty list, one value, or several. */
const arbRequestValues = fc.oneof(
  fc.constant(undefined),
  fc.constant([]),
  arbValue,
  fc.array(arbValue, { minLength: 2, maxLength: 3 }),
)

function compiled(operator: string, values: readonly string[]): CompiledClause | undefined {
  const condition: ConditionElement = {
    range: noRange,
    clauses: [
      {
        operator: { value: operator, range: noRange },
        key: { value: 'test:Key', range: noRange },
        values: values.map((value) => ({ value, range: noRange })),
        range: noRange,
      },
    ],
  }
  return compileCondition(condition, true).clauses?.[0]
}

/** A clause on `test:Key` and a request's values for it, with every reading of the clause. */
const arbCase = fc
  .tuple(arbOperator, fc.array(arbValue, { minLength: 1, maxLength: 3 }), arbRequestValues)
  .map(([operator, policyValues, given]) => {
    const clause = compiled(operator, policyValues)
    const context = checkContext({ 'test:Key': given }).context
    if (clause === undefined || context === undefined) return undefined
    const values = context.get('test:key')?.values
    const tests = clause.fixedTests ?? []
    return { clause, context, values, tests, readings: clauseReadings(clause, values, tests) }
  })

describe('the safe reading of clauses AWS leaves open', () => {
  it('is open exactly where the possible readings disagree, and theirs where they agree (oracle: every reading)', () => {
    fc.assert(
      fc.property(arbCase, (found) => {
        if (found === undefined) return true
        const readings = new Set(found.readings)
        const outcome = clauseOutcome(found.clause, found.values, found.tests)
        return outcome === undefined
          ? readings.size === 2
          : readings.size === 1 && readings.has(outcome)
      }),
    )
  })

  it('never holds in an Allow where a reading does not, and always holds in a Deny where one does (oracle: every reading)', () => {
    fc.assert(
      fc.property(arbCase, (found) => {
        if (found === undefined) return true
        const inAllow = clauseHolds(found.clause, found.context, false)
        const inDeny = clauseHolds(found.clause, found.context, true)
        return found.readings.every((reading) => (!inAllow || reading) && (!reading || inDeny))
      }),
    )
  })

  it('reads an open clause as not holding in an Allow and holding in a Deny', () => {
    expect(readSafely(undefined, false)).toBe(false)
    expect(readSafely(undefined, true)).toBe(true)
    expect(readSafely(true, false)).toBe(true)
    expect(readSafely(false, true)).toBe(false)
  })
})
