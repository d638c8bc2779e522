import fc from 'fast-check'
import type {
  ConditionClause,
  ConditionValue,
  Located,
  PolicyDocument,
  PrincipalElement,
  PrincipalType,
  Statement,
} from '../model/index.ts'
import { noRange, principalTypes } from '../model/index.ts'

const at = <T>(value: T): Located<T> => ({ value, range: noRange })

/** Strings that stress printing and reading: quotes, backslashes, control and non-Latin characters. */
const arbText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '"quoted"',
    'back\\slash',
    'tab\there',
    '*',
    'arn:aws:connect:*',
  ),
)

const arbList = fc.array(arbText.map(at), { minLength: 1, maxLength: 3 })

const arbConditionValue: fc.Arbitrary<ConditionValue> = fc.oneof(
  arbText,
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.integer({ min: 0, max: 9999 }).map((hundredths) => hundredths / 100 + 0.5),
  fc.boolean(),
)

const arbCondition = fc
  .uniqueArray(
    fc.tuple(
      arbText,
      fc.uniqueArray(
        fc.tuple(arbText, fc.array(arbConditionValue.map(at), { minLength: 1, maxLength: 3 })),
        {
          minLength: 1,
          maxLength: 3,
          selector: ([key]) => key,
        },
      ),
    ),
    { minLength: 1, maxLength: 3, selector: ([operator]) => operator },
  )
  .map((operators) => ({
    range: noRange,
    clauses: operators.flatMap(([operator, keys]) =>
      keys.map(
        ([key, values]): ConditionClause => ({
          operator: at(operator),
          key: at(key),
          values,
          range: noRange,
        }),
      ),
    ),
  }))

const arbPrincipal: fc.Arbitrary<PrincipalElement> = fc
  .record({
    element: fc.constantFrom('Principal' as const, 'NotPrincipal' as const),
    anyone: fc.boolean(),
    types: fc.uniqueArray(fc.constantFrom(...principalTypes), { minLength: 1, maxLength: 4 }),
    values: fc.array(arbList, { minLength: 4, maxLength: 4 }),
  })
  .map(({ element, anyone, types, values }) => ({
    element,
    anyone,
    entries: anyone
      ? []
      : types.map((type, index) => ({
          type: at<PrincipalType>(type),
          values: values[index] ?? [],
        })),
    range: noRange,
  }))

const arbStatement: fc.Arbitrary<Statement> = fc
  .record(
    {
      sid: arbText.map(at),
      effect: fc.constantFrom('Allow', 'Deny').map(at),
      principal: arbPrincipal,
      action: fc.record({
        element: fc.constantFrom('Action' as const, 'NotAction' as const),
        values: arbList,
        range: fc.constant(noRange),
      }),
      resource: fc.record({
        element: fc.constantFrom('Resource' as const, 'NotResource' as const),
        values: arbList,
        range: fc.constant(noRange),
      }),
      condition: arbCondition,
    },
    { requiredKeys: ['effect', 'action', 'resource'] },
  )
  .map((statement) => ({ ...statement, unknownElements: [], range: noRange }))

/** Well-formed policy documents of every shape the model holds, located nowhere. */
export const arbWellFormedPolicy: fc.Arbitrary<PolicyDocument> = fc
  .record(
    {
      version: fc.constantFrom('2012-10-17', '2008-10-17').map(at),
      id: arbText.map(at),
      statements: fc.array(arbStatement, { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['version', 'statements'] },
  )
  .map((document) => ({ ...document, unknownElements: [], range: noRange }))

/** The same data without source ranges, to compare policies read from different texts. */
export function stripRanges(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, inner) =>
      key === 'range' || key === 'keyRange' ? undefined : inner,
    ),
  )
}
