import { readOperatorName, type SetQualifier, setQualifiers } from './operator-name.ts'
import { type OperatorFamilyName, type OperatorName, operatorNames } from './operators.ts'

/**
 * A condition operator as written, as plain data: the set qualifier, the operator with its
 * family, and `IfExists` (*IAM JSON policy elements: Condition operators*,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html;
 * *Set operators for multivalued context keys*,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 */
export interface OperatorSpelling {
  readonly written: string
  readonly name: OperatorName
  readonly family: OperatorFamilyName
  /** Whether it asks that no policy value match (`StringNotEquals`, `NotIpAddress`, …). */
  readonly negated: boolean
  /** Whether `*` and `?` in its policy values are wildcards. */
  readonly wildcards: boolean
  /** Whether its policy values may hold `${…}` policy variables. */
  readonly variables: boolean
  readonly qualifier?: SetQualifier
  readonly ifExists: boolean
}

/**
 * Reads `ForAnyValue:StringLikeIfExists` and the like, exactly as AWS reads them: any other
 * value, a name in another case, or `NullIfExists` (AWS: `IfExists` goes on "any condition
 * operator name except the Null condition") is undefined.
 */
export function readOperatorSpelling(written: unknown): OperatorSpelling | undefined {
  if (typeof written !== 'string') return undefined
  const use = readOperatorName(written)
  if (use === undefined || (use.ifExists && use.operator.family === 'Null')) return undefined
  const { name, family, negated, wildcards, variables } = use.operator
  return {
    written,
    name,
    family,
    negated,
    wildcards,
    variables,
    ...(use.qualifier === undefined ? {} : { qualifier: use.qualifier }),
    ifExists: use.ifExists,
  }
}

/**
 * Every spelling a policy author is offered: each operator, each with `IfExists`, then each set
 * qualifier on both. `Null` stands alone: it asks whether the key is present at all, which
 * neither `IfExists` nor a set of values changes, and AWS documents no qualified form of it.
 */
export const operatorSpellings: readonly OperatorSpelling[] = (() => {
  const qualifiable = operatorNames.filter((name) => name !== 'Null')
  const written = [
    ...operatorNames,
    ...qualifiable.map((name) => `${name}IfExists`),
    ...setQualifiers.flatMap((qualifier) => [
      ...qualifiable.map((name) => `${qualifier}:${name}`),
      ...qualifiable.map((name) => `${qualifier}:${name}IfExists`),
    ]),
  ]
  return written.flatMap((spelling) => readOperatorSpelling(spelling) ?? [])
})()
