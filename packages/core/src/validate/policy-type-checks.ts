import type { Diagnostic, PolicyDocument, Statement } from '../model/index.ts'
import { type PolicyType, policyTypeWords, principalRuleBroken } from '../model/index.ts'
import type { CheckContext, StatementFacts } from './check-context.ts'
import { isIamPolicy } from './check-context.ts'

const trustAction =
  /^sts:(assumerole|assumerolewithsaml|assumerolewithwebidentity|tagsession|setsourceidentity|setcontext)\*?$/i

/** Whether every action of the statement is one a role trust policy grants. */
export function trustActionsOnly(statement: Statement): boolean {
  const { action } = statement
  return (
    action?.element === 'Action' &&
    action.values.length > 0 &&
    action.values.every((value) => trustAction.test(value.value))
  )
}

/**
 * Whether the parser's diagnostic does not hold for the policy type: a role trust policy, which
 * is validated as a resource-based policy, has no `Resource` (*IAM JSON policy elements:
 * Resource*; IAM Access Analyzer's `ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE`).
 */
export function waivedForPolicyType(
  diagnostic: Diagnostic,
  policy: PolicyDocument | undefined,
  policyType: PolicyType,
): boolean {
  if (diagnostic.code !== 'missing-resource' || policyType !== 'resource') return false
  const at = diagnostic.range.start.offset
  return (policy?.statements ?? []).some(
    (statement) =>
      statement.range.start.offset === at &&
      statement.principal !== undefined &&
      trustActionsOnly(statement),
  )
}

/** A kind of policy with its article: `an identity-based policy`. */
function aPolicyOf(type: PolicyType): string {
  const { one } = policyTypeWords[type]
  return `${/^[aeiou]/.test(one) ? 'an' : 'a'} ${one}`
}

/** Which policy types name principals, as `principalRuleBroken` says, in findings. */
function checkPrincipalElement(context: CheckContext, facts: StatementFacts) {
  const { principal } = facts.statement
  const type = context.policyType
  const broken = principalRuleBroken(type, principal)
  if (broken === 'missing') {
    context.report(
      'missing-principal',
      'error',
      'a resource-based policy statement says whom it applies to: add `Principal`',
      facts.statement.range,
    )
  } else if (broken === 'not-everyone') {
    context.report(
      'rcp-principal-not-star',
      'error',
      'every statement of a resource control policy has `"Principal": "*"` and no `NotPrincipal`; limit principals with conditions',
      principal?.range ?? facts.statement.range,
    )
  } else if (broken === 'not-allowed' && principal !== undefined) {
    context.report(
      'principal-not-allowed',
      'error',
      `${aPolicyOf(type)} applies to the principals it is attached to, so it cannot have \`${principal.element}\`: remove it`,
      principal.range,
    )
  }
}

function checkServiceControl(context: CheckContext, facts: StatementFacts) {
  for (const value of facts.statement.action?.values ?? []) {
    const star = value.value.indexOf('*')
    if (star >= 0 && star < value.value.length - 1 && !/^\*+$/.test(value.value)) {
      context.report(
        'scp-action-wildcard',
        'error',
        'in a service control policy, `*` may only end an action name (`connect:Describe*`)',
        value.range,
      )
    }
  }
}

function checkResourceControl(context: CheckContext, facts: StatementFacts) {
  const { action, resource, condition } = facts.statement
  if (action?.element === 'NotAction') {
    context.report(
      'rcp-not-action',
      'error',
      'resource control policies do not support `NotAction`',
      action.range,
    )
  }
  if (facts.effect === 'Allow') {
    const everything = (values: readonly { value: string }[] | undefined) =>
      values?.length === 1 && values[0]?.value === '*'
    if (
      action?.element !== 'Action' ||
      !everything(action.values) ||
      resource?.element !== 'Resource' ||
      !everything(resource.values) ||
      condition !== undefined
    ) {
      context.report(
        'rcp-allow-not-full',
        'error',
        'an `Allow` in a resource control policy must be `"Principal": "*"`, `"Action": "*"`, `"Resource": "*"` with no condition; restrict with `Deny` statements',
        facts.statement.range,
      )
    }
  }
  const services = context.catalog?.rcpServices
  if (services === undefined || action?.element !== 'Action') return
  for (const value of action.values) {
    const prefix = value.value.split(':')[0]?.toLowerCase() ?? ''
    if (value.value.includes(':') && !/[*?]/.test(prefix) && !services.has(prefix)) {
      context.report(
        'rcp-unsupported-service',
        'error',
        `resource control policies do not apply to \`${prefix}\`; they apply to ${[...services].slice(0, 8).join(', ')} and a few more`,
        value.range,
      )
    }
  }
}

/**
 * What each policy type allows (*Policies and permissions in IAM*; Organizations *SCP syntax*
 * and *RCP syntax*): who may be named, `Id`, and the extra rules of SCPs and RCPs.
 */
export function checkPolicyType(context: CheckContext): void {
  const { policy, policyType } = context
  if (policy.id !== undefined && isIamPolicy(policyType)) {
    context.report(
      'id-not-allowed',
      'warning',
      `\`Id\` belongs in resource-based policies; ${aPolicyOf(policyType)} should not have one`,
      policy.id.range,
    )
  }
  for (const facts of context.statements) {
    checkPrincipalElement(context, facts)
    if (policyType === 'serviceControl') checkServiceControl(context, facts)
    if (policyType === 'resourceControl') checkResourceControl(context, facts)
  }
}
