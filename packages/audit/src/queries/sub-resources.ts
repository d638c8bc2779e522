import { checkNoNewAccess } from '@connect-policy/core'
import type { AuditFinding } from '../audit-result.ts'
import type { AuditCheck, SubResourcesQuery } from '../check.ts'
import { type CheckContext, type CheckRun, checkEnd, identitySet } from '../check-run.ts'

/** The service of an action pattern, in lower case. */
function actionService(pattern: string): string {
  return pattern.slice(0, Math.max(0, pattern.indexOf(':'))).toLowerCase()
}

/** A resource pattern that names one resource of the services exactly, with no wildcard. */
function namedParent(pattern: string, services: readonly string[]): boolean {
  const fields = pattern.split(':')
  return (
    fields.length >= 6 &&
    services.includes(fields[2] ?? '') &&
    !/[*?]/.test(fields.slice(5).join(':'))
  )
}

/**
 * Access a statement promises and does not give: for each resource of the services that an
 * Allow statement names exactly (a domain, an assistant), its actions on the resources of other
 * types within it (`<resource>/*`: a domain's object types) that the set denies. Actions the
 * reference does not list are not counted. Each finding's witness is such a request, with the
 * set's Deny.
 */
export function missedSubResources(
  check: AuditCheck,
  query: SubResourcesQuery,
  context: CheckContext,
): CheckRun {
  const findings: AuditFinding[] = []
  const reasons: string[] = []
  let unknown = false
  const asked = new Set<string>()
  for (const statement of context.statements) {
    if (statement.effect !== 'Allow' || statement.actions.negated || statement.resources.negated) {
      continue
    }
    const actions = statement.actions.patterns.filter((pattern) =>
      query.services.includes(actionService(pattern)),
    )
    if (actions.length === 0) continue
    for (const parent of statement.resources.patterns) {
      if (!namedParent(parent, query.services)) continue
      const id = JSON.stringify([actions, parent])
      if (asked.has(id)) continue
      asked.add(id)
      const promised = identitySet({
        Effect: 'Allow',
        Action: actions,
        Resource: [parent, `${parent}/*`],
      })
      const analysis = checkNoNewAccess(context.set, promised, context.options, {
        actions,
        resources: [`${parent}/*`],
      })
      // the parent's own type again (an identifier the reference lets hold a `/`) is no resource
      // within it, nor is an action the reference does not list
      const own = new Set(
        context.catalog.resourceTypesOf(parent).map((type) => `${type.service}:${type.name}`),
      )
      const within =
        analysis.errors === undefined
          ? analysis.access.regions.filter(
              (region) =>
                region.resourceTypes.length > 0 &&
                region.resourceTypes.some((type) => !own.has(type)),
            )
          : []
      const end = checkEnd(check, analysis, within, 'before')
      if (end.errors !== undefined) return end
      findings.push(...end.findings)
      reasons.push(...end.reasons)
      unknown ||= end.status === 'unknown'
    }
  }
  const status = findings.length > 0 ? 'fail' : unknown ? 'unknown' : 'pass'
  return { status, findings, reasons: [...new Set(reasons)] }
}
