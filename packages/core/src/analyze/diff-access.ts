import type { EvaluationError } from '../authorize/result.ts'
import { decisionsOnly, searchDifferences } from './access-difference.ts'
import { type AnalysisOptions, readLimits } from './analysis-options.ts'
import { analyzedSides, provenEmpty, searchReasons } from './compare-policies.ts'
import {
  type AccessGrant,
  grantsByService,
  replayGrants,
  type ServiceAccess,
} from './summarize-access.ts'

export type AccessDiff =
  | {
      /** Access `after` grants and `before` does not, as a summary. */
      readonly added: readonly ServiceAccess[]
      /** Access `before` grants and `after` does not. */
      readonly removed: readonly ServiceAccess[]
      /** The difference in words, a line per grant: `+ ...` added, `- ...` removed. */
      readonly lines: readonly string[]
      readonly complete: boolean
      readonly reasons: readonly string[]
      readonly errors?: never
    }
  | { readonly errors: readonly EvaluationError[] }

function lines(sign: string, services: readonly ServiceAccess[]): string[] {
  return services.flatMap((service) =>
    service.levels.flatMap((level) =>
      level.grants.map(
        (grant) =>
          `${sign} ${service.name ?? service.service}, ${level.level}: ${grant.description}`,
      ),
    ),
  )
}

/**
 * The difference between what two policy sets allow, as the access summary of each direction
 * and in words a reviewer reads in a pull request: a line per grant added (`+`) or removed
 * (`-`), by service and access level, each with a request that shows it.
 */
export function diffAccess(before: unknown, after: unknown, options?: AnalysisOptions): AccessDiff {
  const sides = analyzedSides(before, after, options)
  if ('errors' in sides) return { errors: sides.errors }
  const limits = readLimits(options)
  const search = searchDifferences(sides.before, sides.after, sides.catalog, limits)
  const reasons = searchReasons(search)
  const allows = (side: typeof sides.before, request: AccessGrant['witness']) =>
    side.compiled.evaluate(request, decisionsOnly).decision === 'Allow'
  const added = replayGrants(
    grantsByService(search.added, sides.catalog),
    (request) => allows(sides.after, request) && !allows(sides.before, request),
    reasons,
  )
  const removed = replayGrants(
    grantsByService(search.removed, sides.catalog),
    (request) => allows(sides.before, request) && !allows(sides.after, request),
    reasons,
  )
  return {
    added,
    removed,
    lines: [...lines('+', added), ...lines('-', removed)],
    complete: provenEmpty(search) && reasons.length === 0,
    reasons,
  }
}
