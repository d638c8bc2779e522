import { compileCondition } from '../evaluate/conditions/index.ts'
import type { Diagnostic, PolicyDocument, SourceRange, Statement } from '../model/index.ts'
import { effects } from '../model/index.ts'

function error(code: Diagnostic['code'], message: string, range: SourceRange): Diagnostic {
  return { code, severity: 'error', message, range }
}

/**
 * What keeps an identity-based policy from being evaluated as AWS would, for documents that did
 * not come through the parser (built in code) as well as those that did. AWS rejects such a
 * policy when it is attached, so evaluating it anyway could hide a Deny (*IAM JSON policy
 * element reference*; *Grammar of the IAM JSON policy language*).
 */
export function identityPolicyProblems(policy: PolicyDocument): Diagnostic[] {
  const variablesEnabled = policy.version?.value === '2012-10-17'
  const problems: Diagnostic[] = []
  if (policy.statements.length === 0) {
    problems.push(error('missing-statement', 'the policy has no statements', policy.range))
  }
  for (const statement of policy.statements) {
    problems.push(...statementProblems(statement, variablesEnabled))
  }
  return problems
}

function statementProblems(statement: Statement, variablesEnabled: boolean): Diagnostic[] {
  const problems: Diagnostic[] = []
  const { effect, action, resource, principal, condition } = statement
  if (effect === undefined) {
    problems.push(error('missing-effect', 'the statement has no `Effect`', statement.range))
  } else if (!(effects as readonly string[]).includes(effect.value)) {
    problems.push(
      error(
        'invalid-effect',
        `\`Effect\` must be \`Allow\` or \`Deny\`, not \`${effect.value}\``,
        effect.range,
      ),
    )
  }
  if (action === undefined) {
    problems.push(
      error('missing-action', 'the statement has no `Action` or `NotAction`', statement.range),
    )
  }
  if (resource === undefined) {
    problems.push(
      error(
        'missing-resource',
        'the statement has no `Resource` or `NotResource`',
        statement.range,
      ),
    )
  }
  if (principal !== undefined) {
    problems.push(
      error(
        'element-not-allowed',
        `identity-based policies cannot name a principal: remove \`${principal.element}\``,
        principal.range,
      ),
    )
  }
  if (condition !== undefined) {
    problems.push(...(compileCondition(condition, variablesEnabled).problems ?? []))
  }
  return problems
}
