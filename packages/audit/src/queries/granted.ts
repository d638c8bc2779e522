import { checkAccessNotGranted } from '@connect-policy/core'
import type { AuditCheck, GrantQuery } from '../check.ts'
import { type CheckContext, type CheckRun, checkEnd, limitedBy } from '../check-run.ts'

/**
 * The access a set grants to the query's actions (on its resources), each region a finding
 * unless a value of a `limitedBy` key is what grants it, or `keep` leaves it out.
 */
export function grantedAccess(
  check: AuditCheck,
  query: GrantQuery,
  context: CheckContext,
): CheckRun {
  const { resources } = query
  const asked = typeof resources === 'function' ? resources(context.scope) : resources
  // the scope holds nothing this check looks at
  if (typeof resources === 'function' && asked === undefined) {
    return { status: 'pass', findings: [], reasons: [] }
  }
  const analysis = checkAccessNotGranted(
    context.set,
    { actions: query.actions, ...(asked === undefined ? {} : { resources: asked }) },
    context.options,
  )
  if (analysis.errors !== undefined) return { errors: analysis.errors }
  const findings = analysis.access.regions.filter(
    (region) =>
      !limitedBy(region, query.limitedBy ?? []) && (query.keep?.(region, context.scope) ?? true),
  )
  return checkEnd(check, analysis, findings)
}
