import fc from 'fast-check'
import { describe, it } from 'vitest'
import { compileCondition, conditionOperators } from '../evaluate/conditions/index.ts'
import type { ConditionElement } from '../model/index.ts'
import { noRange } from '../model/index.ts'
import { clauseReadings } from '../testing/clause-readings.ts'
import { naiveResourceMatch } from '../testing/naive-match.ts'
import { evaluate } from './evaluate.ts'
import { checkContext } from './request-context.ts'
import type { DecisionValue } from './result.ts'

interface Decided {
  readonly effect: 'Allow' | 'Deny'
}

/** One statement on every request: its effect and one condition clause on `test:Key`. */
interface ClauseStatement {
  readonly effect: 'Allow' | 'Deny'
  readonly operator: string
  readonly values: readonly string[]
}

const arbValue = fc.constantFrom('a', 'a*', 'b', '1', '2.5', '203.0.113.7', 'not a number')

const arbStatement: fc.Arbitrary<ClauseStatement> = fc.record({
  effect: fc.constantFrom('Allow', 'Deny'),
  operator: fc
    .tuple(
      fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'),
      fc.constantFrom(...[...conditionOperators.keys()].filter((name) => name !== 'Null')),
      fc.boolean(),
    )
    .map(([qualifier, name, ifExists]) => `${qualifier}${name}${ifExists ? 'IfExists' : ''}`),
  values: fc.array(arbValue, { minLength: 1, maxLength: 2 }),
})

/** The request's values for the key: missing, an empty list, one value, or several. */
const arbGiven = fc.oneof(
  fc.constant(undefined),
  fc.constant([]),
  arbValue,
  fc.array(arbValue, { minLength: 2, maxLength: 3 }),
)

const request = (given: unknown) => ({
  action: 'connect:DescribeUser',
  resource: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1',
  context: { 'test:Key': given },
})

/** Every reading of a statement's clause that AWS's rules leave possible, as the oracle has them. */
function readingsOf(statement: ClauseStatement, given: unknown): readonly boolean[] | undefined {
  const condition: ConditionElement = {
    range: noRange,
    clauses: [
      {
        operator: { value: statement.operator, range: noRange },
        key: { value: 'test:Key', range: noRange },
        values: statement.values.map((value) => ({ value, range: noRange })),
        range: noRange,
      },
    ],
  }
  const [clause] = compileCondition(condition, true).clauses ?? []
  const context = checkContext({ 'test:Key': given }).context
  if (clause === undefined || context === undefined) return undefined
  return clauseReadings(clause, context.get('test:key')?.values, clause.fixedTests ?? [])
}

/** How a set of identity statements decides, given whether each one's clause holds. */
function decide(statements: readonly Decided[], holds: readonly boolean[]): DecisionValue {
  if (statements.some((statement, index) => statement.effect === 'Deny' && holds[index])) {
    return 'ExplicitDeny'
  }
  return statements.some((statement, index) => statement.effect === 'Allow' && holds[index])
    ? 'Allow'
    : 'ImplicitDeny'
}

/** Every combination of one reading per statement. */
function combinations(lists: readonly (readonly boolean[])[]): boolean[][] {
  return lists.reduce<boolean[][]>(
    (found, list) => found.flatMap((prefix) => list.map((reading) => [...prefix, reading])),
    [[]],
  )
}

describe('the safe reading, decided whole', () => {
  it('never allows where any other reading of the open clauses denies, and is itself one of them (oracle: every combination of readings)', () => {
    fc.assert(
      fc.property(
        fc.array(arbStatement, { minLength: 1, maxLength: 3 }),
        arbGiven,
        (statements, given) => {
          const readings = statements.map((statement) => readingsOf(statement, given))
          if (readings.some((list) => list === undefined)) return true
          const lists = readings as readonly (readonly boolean[])[]
          const policy = {
            Version: '2012-10-17',
            Statement: statements.map((statement) => ({
              Effect: statement.effect,
              Action: 'connect:*',
              Resource: '*',
              Condition: { [statement.operator]: { 'test:Key': statement.values } },
            })),
          }
          const result = evaluate(request(given), { identityPolicies: [JSON.stringify(policy)] })
          if (result.decision === undefined) return false
          const alternatives = combinations(lists).map((holds) => decide(statements, holds))
          // the least-granting combination: an Allow's clause at its lowest, a Deny's at its highest
          const least = decide(
            statements,
            lists.map((list, index) =>
              statements[index]?.effect === 'Deny' ? list.includes(true) : !list.includes(false),
            ),
          )
          return (
            result.decision === least &&
            (result.decision !== 'Allow' || alternatives.every((decision) => decision === 'Allow'))
          )
        },
      ),
    )
  })
})

/** A statement naming a resource in some case, in Resource or NotResource. */
interface ResourceStatement {
  readonly effect: 'Allow' | 'Deny'
  readonly negated: boolean
  readonly pattern: string
}

const arbCased = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) =>
      [...text]
        .map((character, index) => (upper[index] ? character.toUpperCase() : character))
        .join(''),
    )

const arbResourceStatement: fc.Arbitrary<ResourceStatement> = fc.record({
  effect: fc.constantFrom('Allow', 'Deny'),
  negated: fc.boolean(),
  pattern: fc.oneof(
    arbCased('bucket/red/*').map((path) => `arn:aws:s3:::${path}`),
    arbCased('bucket/red/notes.txt').map((path) => `arn:aws:s3:::${path}`),
  ),
})

describe('the case of a resource, which AWS documents only for IAM user names', () => {
  it('is read so that no reading of it allows what the chosen one denies (oracle: naive matcher, case kept and folded)', () => {
    fc.assert(
      fc.property(
        fc.array(arbResourceStatement, { minLength: 1, maxLength: 3 }),
        arbCased('bucket/red/notes.txt').map((path) => `arn:aws:s3:::${path}`),
        (statements, resource) => {
          const policy = {
            Version: '2012-10-17',
            Statement: statements.map((statement) => ({
              Effect: statement.effect,
              Action: 's3:GetObject',
              [statement.negated ? 'NotResource' : 'Resource']: statement.pattern,
            })),
          }
          const result = evaluate(
            { action: 's3:GetObject', resource },
            { identityPolicies: [JSON.stringify(policy)] },
          )
          // each statement applies under the case-kept reading, the case-folded one, or both
          const readings = statements.map((statement) =>
            [false, true].map((fold) => {
              const matched = fold
                ? naiveResourceMatch(statement.pattern.toLowerCase(), resource.toLowerCase())
                : naiveResourceMatch(statement.pattern, resource)
              return matched !== statement.negated
            }),
          )
          const alternatives = combinations(readings).map((holds) => decide(statements, holds))
          const least = decide(
            statements,
            readings.map((list, index) =>
              statements[index]?.effect === 'Deny' ? list.includes(true) : !list.includes(false),
            ),
          )
          return (
            result.decision === least &&
            (result.decision !== 'Allow' || alternatives.every((decision) => decision === 'Allow'))
          )
        },
      ),
    )
  })
})
