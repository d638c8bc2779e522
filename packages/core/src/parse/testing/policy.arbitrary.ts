import fc from 'fast-check'
import type {
  ConditionClause,
  ConditionElement,
  ConditionValue,
  JsonValue,
  Located,
  PolicyDocument,
  PrincipalElement,
  PrincipalType,
  Statement,
  StringListElement,
  UnknownElement,
} from '../../model/index.ts'
import { noRange, principalTypes } from '../../model/index.ts'
import { documentElements, statementElements } from '../read/elements.ts'
import { arbOddText } from './odd-text.arbitrary.ts'

/** Which policies to generate: only what parses without a diagnostic, or any model. */
interface Shape {
  /** Whether lists may be empty and elements missing (which give diagnostics). */
  readonly incomplete: boolean
  /** Whether unknown elements appear (which give errors). */
  readonly unknown: boolean
}

const at = <T>(value: T): Located<T> => ({ value, range: noRange })

function arbList(shape: Shape): fc.Arbitrary<Located<string>[]> {
  return fc.array(arbOddText.map(at), { minLength: shape.incomplete ? 0 : 1, maxLength: 3 })
}

function arbStringList<Name extends string>(
  names: readonly [Name, Name],
  shape: Shape,
): fc.Arbitrary<StringListElement<Name>> {
  return fc.record({
    element: fc.constantFrom(...names),
    values: arbList(shape),
    range: fc.constant(noRange),
  })
}

/** Numbers whose JSON text reads back as the same number (no `-0`, `NaN` or infinities). */
const arbNumber = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
)

const arbConditionValue: fc.Arbitrary<ConditionValue> = fc.oneof(
  { weight: 3, arbitrary: arbOddText },
  { weight: 1, arbitrary: arbNumber },
  { weight: 1, arbitrary: fc.boolean() },
)

function arbCondition(shape: Shape): fc.Arbitrary<ConditionElement> {
  const arbKeys = fc.uniqueArray(
    fc.tuple(
      arbOddText,
      fc.array(arbConditionValue.map(at), { minLength: shape.incomplete ? 0 : 1, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 3, selector: ([key]) => key },
  )
  return fc
    .uniqueArray(fc.tuple(arbOddText, arbKeys), {
      minLength: shape.incomplete ? 0 : 1,
      maxLength: 3,
      selector: ([operator]) => operator,
    })
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
}

function arbPrincipal(shape: Shape): fc.Arbitrary<PrincipalElement> {
  return fc
    .record({
      element: fc.constantFrom('Principal' as const, 'NotPrincipal' as const),
      anyone: fc.boolean(),
      types: fc.uniqueArray(fc.constantFrom(...principalTypes), { minLength: 1, maxLength: 4 }),
      values: fc.array(arbList(shape), { minLength: 4, maxLength: 4 }),
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
}

/** JSON values as `parsePolicy` keeps them: no `-0`, which JSON text cannot hold. */
const arbJsonValue: fc.Arbitrary<JsonValue> = fc
  .jsonValue({ maxDepth: 2 })
  .map((value) => JSON.parse(JSON.stringify(value)) as JsonValue)

function arbUnknownElements(
  known: readonly string[],
  shape: Shape,
): fc.Arbitrary<UnknownElement[]> {
  if (!shape.unknown) return fc.constant([])
  return fc.uniqueArray(
    fc
      .tuple(
        arbOddText.filter((name) => !known.includes(name)),
        arbJsonValue,
      )
      .map(([name, value]) => ({ key: at(name), value })),
    { maxLength: 2, selector: (element) => element.key.value },
  )
}

function arbStatement(shape: Shape): fc.Arbitrary<Statement> {
  const required = shape.incomplete ? [] : (['effect', 'action', 'resource'] as const)
  return fc
    .tuple(
      fc.record(
        {
          sid: arbOddText.map(at),
          effect: fc.constantFrom('Allow', 'Deny').map(at),
          principal: arbPrincipal(shape),
          action: arbStringList(['Action', 'NotAction'], shape),
          resource: arbStringList(['Resource', 'NotResource'], shape),
          condition: arbCondition(shape),
        },
        { requiredKeys: [...required] },
      ),
      arbUnknownElements(statementElements, shape),
    )
    .map(([statement, unknownElements]) => ({ ...statement, unknownElements, range: noRange }))
}

function arbPolicy(shape: Shape): fc.Arbitrary<PolicyDocument> {
  return fc
    .tuple(
      fc.record(
        {
          version: fc.constantFrom('2012-10-17', '2008-10-17').map(at),
          id: arbOddText.map(at),
          statements: fc.array(arbStatement(shape), { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: shape.incomplete ? ['statements'] : ['version', 'statements'] },
      ),
      // Names that are statement elements at the top level would make the document look bare.
      arbUnknownElements([...documentElements, ...statementElements], shape),
    )
    .map(([document, unknownElements]) => ({ ...document, unknownElements, range: noRange }))
}

/**
 * Policies that `parsePolicy` reads back from their printed text without any diagnostic: every
 * statement has an effect, an action and a resource element; lists are not empty; there are no
 * unknown elements. Strings are odd on purpose (quotes, backslashes, any code point,
 * `__proto__`); numbers and booleans appear as condition values; every principal form and both
 * forms of each `Not` element appear. Located nowhere (`noRange`).
 */
export const arbWellFormedPolicy: fc.Arbitrary<PolicyDocument> = arbPolicy({
  incomplete: false,
  unknown: false,
})

/**
 * Any policy the model can hold and a text can express: besides the well-formed ones, missing
 * versions and elements, empty lists and unknown elements (with any JSON value). Reading the
 * printed text back gives diagnostics but the same policy.
 */
export const arbAnyPolicy: fc.Arbitrary<PolicyDocument> = arbPolicy({
  incomplete: true,
  unknown: true,
})
