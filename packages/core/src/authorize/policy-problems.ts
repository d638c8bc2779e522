import { compileCondition } from '../evaluate/conditions/index.ts'
import type { Diagnostic, PolicyDocument, SourceRange, Statement } from '../model/index.ts'
import {
  effects,
  enablesVariables,
  type PolicyType,
  policyTypeWords,
  principalRuleBroken,
} from '../model/index.ts'

function error(code: Diagnostic['code'], message: string, range: SourceRange): Diagnostic {
  return { code, severity: 'error', message, range }
}

/**
 * What keeps a policy from being evaluated as AWS would, for documents that did not come
 * through the parser (built in code) as well as those that did. AWS rejects such a policy when
 * it is attached, so evaluating it anyway could hide a Deny (*IAM JSON policy element
 * reference*; *Grammar of the IAM JSON policy language*; Organizations *RCP syntax*). Scenarios
 * of the principal rule of each policy type: `policy-problems.scenarios.json`.
 */
export function policyProblems(policy: PolicyDocument, type: PolicyType): Diagnostic[] {
  const variablesEnabled = enablesVariables(policy.version?.value)
  const problems: Diagnostic[] = []
  if (policy.statements.length === 0) {
    problems.push(error('missing-statement', 'the policy has no statements', policy.range))
  }
  for (const statement of policy.statements) {
    problems.push(...statementProblems(statement, type, variablesEnabled))
  }
  return problems
}

function statementProblems(
  statement: Statement,
  type: PolicyType,
  variablesEnabled: boolean,
): Diagnostic[] {
  const problems: Diagnostic[] = []
  const { effect, action, resource, condition } = statement
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
  problems.push(...principalProblems(statement, type))
  if (condition !== undefined) {
    problems.push(...(compileCondition(condition, variablesEnabled).problems ?? []))
  }
  return problems
}

/** Which policy types name principals, as `principalRuleBroken` says, in evaluation errors. */
function principalProblems(statement: Statement, type: PolicyType): Diagnostic[] {
  const { principal } = statement
  const broken = principalRuleBroken(type, principal)
  if (broken === 'missing') {
    return [
      error(
        'missing-principal',
        'a resource-based policy statement needs `Principal` or `NotPrincipal`',
        statement.range,
      ),
    ]
  }
  if (broken === 'not-everyone') {
    return [
      error(
        'element-not-allowed',
        'a resource control policy statement needs `"Principal": "*"`',
        principal?.range ?? statement.range,
      ),
    ]
  }
  if (broken === 'not-allowed' && principal !== undefined) {
    return [
      error(
        'element-not-allowed',
        `${policyTypeWords[type].many} cannot name a principal: remove \`${principal.element}\``,
        principal.range,
      ),
    ]
  }
  return []
}
