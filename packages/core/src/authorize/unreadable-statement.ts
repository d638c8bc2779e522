import { unreadableValues } from '../evaluate/readable-value.ts'
import type { Diagnostic, Statement } from '../model/index.ts'
import { statementLabel } from './applying-statement.ts'
import type { EvaluationFinding, StatementRef } from './result.ts'

/** What a statement's values that cannot be read mean for evaluating its policy. */
export interface StatementReadability {
  /** Values that keep the policy from being evaluated. */
  readonly errors: readonly Diagnostic[]
  /** Values of an Allow that match nothing, to report beside every decision. */
  readonly findings: readonly EvaluationFinding[]
}

const readable: StatementReadability = Object.freeze({ errors: [], findings: [] })

/**
 * A statement value that cannot be read (`unreadableValues`: an action with spaces around it,
 * `connect::DeleteUser`, `""`, an empty list, a Resource that is not an ARN, a malformed policy
 * variable, a condition key without its prefix, ...) matches nothing as written. Where that
 * could grant what the policy's author meant to refuse, the policy is not evaluated, as for an
 * unknown condition operator (evaluation fails closed, docs/DESIGN.md): in a Deny, whatever the
 * element, since a Deny that matches less lets an Allow through; in an Allow, in `NotAction`,
 * `NotResource`, `NotPrincipal` or a condition, where reading it as matching nothing widens the
 * statement. An Allow entry that matches nothing only narrows its Allow: the decision stands,
 * and the result reports the entry beside it.
 */
export function statementReadability(
  statement: Statement,
  ref: StatementRef,
  variablesEnabled: boolean,
): StatementReadability {
  const values = unreadableValues(statement, variablesEnabled)
  if (values.length === 0) return readable
  const errors: Diagnostic[] = []
  const findings: EvaluationFinding[] = []
  const deny = ref.effect === 'Deny'
  for (const value of values) {
    if (deny || !value.narrows) {
      const why = deny
        ? 'a Deny that cannot be read whole could let an Allow through'
        : `an Allow whose \`${value.element}\` cannot be read could allow more than it says`
      errors.push({
        code: value.code,
        severity: 'error',
        message: `${value.message}: ${why}`,
        range: value.range,
      })
      continue
    }
    findings.push({
      code: value.code,
      severity: 'warning',
      message: `${statementLabel(ref)}: ${value.message}: this Allow grants nothing through it`,
      statement: ref,
      range: value.range,
    })
  }
  return { errors, findings }
}
