import type { ConditionElement, Diagnostic, SourceRange } from '../../model/index.ts'
import { parseTemplate, type Template } from '../policy-variable.ts'
import { type OperatorUse, readOperatorName } from './operator-name.ts'
import { conditionOperators } from './operators.ts'

/** A request value's test against one policy value: the operator's comparison, bound. */
export type ValueTest = (requestValue: string) => boolean

/**
 * A policy value ready for a request: read and bound to its operator once, or a template filled
 * in, read and bound per request.
 */
export type CompiledValue =
  | {
      readonly kind: 'fixed'
      readonly shown: string
      readonly value: unknown
      readonly test: ValueTest
    }
  | { readonly kind: 'template'; readonly template: Template }

export interface CompiledClause {
  readonly use: OperatorUse
  readonly key: string
  readonly foldedKey: string
  readonly values: readonly CompiledValue[]
  /**
   * The values' tests, when no value holds a variable: the clause then needs no filling in. Some
   * pass for any of the values (OR), one test answering for several (`bindAll`).
   */
  readonly fixedTests?: readonly ValueTest[]
  readonly range: SourceRange
}

export type ConditionCompilation =
  | { readonly clauses: readonly CompiledClause[]; readonly problems?: never }
  | { readonly clauses?: never; readonly problems: readonly Diagnostic[] }

const operatorNames = [...conditionOperators.keys()]

function problem(code: Diagnostic['code'], message: string, range: SourceRange): Diagnostic {
  return { code, severity: 'error', message, range }
}

/**
 * Reads every clause of a Condition once. Anything AWS would reject (an unknown operator,
 * `IfExists` on `Null`, a value the operator cannot read) is a problem: the policy is then not
 * evaluated, so a Deny can never be skipped because its condition was misread.
 */
export function compileCondition(
  condition: ConditionElement,
  variablesEnabled: boolean,
): ConditionCompilation {
  const clauses: CompiledClause[] = []
  const problems: Diagnostic[] = []
  for (const clause of condition.clauses) {
    const use = readOperatorName(clause.operator.value)
    if (use === undefined) {
      const near = operatorNames.find((name) =>
        clause.operator.value.toLowerCase().includes(name.toLowerCase()),
      )
      problems.push(
        problem(
          'unknown-condition-operator',
          `unknown condition operator \`${clause.operator.value}\`${near === undefined ? '' : `: did you mean \`${near}\``}`,
          clause.operator.range,
        ),
      )
      continue
    }
    if (use.operator.family === 'Null' && use.ifExists) {
      problems.push(
        problem('invalid-condition', '`Null` cannot take `IfExists`', clause.operator.range),
      )
      continue
    }
    const values: CompiledValue[] = []
    for (const written of clause.values) {
      const template =
        variablesEnabled && use.operator.variables && typeof written.value === 'string'
          ? parseTemplate(written.value)
          : undefined
      if (template?.hasVariables) {
        values.push({ kind: 'template', template })
        continue
      }
      const value = use.operator.readPolicyValue(written.value)
      if (value === undefined) {
        problems.push(
          problem(
            'invalid-condition-value',
            `\`${String(written.value)}\` is not a value \`${use.operator.name}\` can compare`,
            written.range,
          ),
        )
        continue
      }
      const test: ValueTest = use.operator.bind(value as never)
      values.push({ kind: 'fixed', shown: String(written.value), value, test })
    }
    const fixedTests: ValueTest[] = []
    const fixedValues: unknown[] = []
    for (const value of values) {
      if (value.kind !== 'fixed') continue
      fixedTests.push(value.test)
      fixedValues.push(value.value)
    }
    // several values answered by one test (a set for the equality operators): OR across the
    // values either way, as `anyTest` reads them
    const together =
      fixedTests.length === values.length && values.length > 1
        ? use.operator.bindAll?.(fixedValues as never[])
        : undefined
    clauses.push({
      use,
      key: clause.key.value,
      foldedKey: clause.key.value.toLowerCase(),
      values,
      ...(fixedTests.length === values.length
        ? { fixedTests: together === undefined ? fixedTests : [together] }
        : {}),
      range: clause.range,
    })
  }
  return problems.length > 0 ? { problems } : { clauses }
}
