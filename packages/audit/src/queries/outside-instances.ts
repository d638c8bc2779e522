import { checkNoNewAccess } from '@connect-policy/core'
import type { AuditCheck, AuditScope } from '../check.ts'
import { type CheckContext, type CheckRun, checkEnd, identitySet } from '../check-run.ts'

/** The ARN patterns of the instances (ids or instance ARNs) and accounts given, and all within them. */
export function intendedResources(scope: AuditScope): string[] {
  const accounts = scope.accounts.length === 0 ? ['*'] : scope.accounts
  if (scope.instances.length === 0) {
    return accounts.map((account) => `arn:aws:connect:*:${account}:*`)
  }
  return scope.instances.flatMap((instance) => {
    const arns = instance.startsWith('arn:')
      ? [instance]
      : accounts.map((account) => `arn:aws:connect:*:${account}:instance/${instance}`)
    return arns.flatMap((arn) => [arn, `${arn}/*`])
  })
}

/**
 * Amazon Connect access beyond the instances and accounts given: what the set grants that
 * `connect:*` on those instances and everything in them does not. Actions that take no
 * resource (`ListInstances`) cannot be confined by resource and are not counted.
 */
export function outsideInstances(check: AuditCheck, context: CheckContext): CheckRun {
  const { scope } = context
  if (scope.instances.length === 0 && scope.accounts.length === 0) {
    return {
      status: 'skipped',
      findings: [],
      reasons: ['the instances or accounts the set is meant for were not given'],
    }
  }
  const intended = identitySet({
    Effect: 'Allow',
    Action: 'connect:*',
    Resource: intendedResources(scope),
  })
  const analysis = checkNoNewAccess(intended, context.set, context.options, {
    actions: ['connect:*'],
  })
  if (analysis.errors !== undefined) return { errors: analysis.errors }
  const findings = analysis.access.regions.filter((region) => region.resourceTypes.length > 0)
  return checkEnd(check, analysis, findings)
}
