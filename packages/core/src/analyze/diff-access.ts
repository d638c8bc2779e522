import type { EvaluationError } from '../authorize/result.ts'
import { decisionsOnly } from './access-difference.ts'
import type { AnalysisOptions } from './analysis-options.ts'
import { provenEmpty, runAnalysis } from './analysis-run.ts'
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
  const run = runAnalysis(before, after, options)
  if ('errors' in run) return { errors: run.errors }
  const { search, reasons } = run
  const allows = (side: typeof run.before, request: AccessGrant['witness']) =>
    side.compiled.evaluate(request, decisionsOnly).decision === 'Allow'
  const added = replayGrants(
    grantsByService(search.added, run.catalog),
    (request) => allows(run.after, request) && !allows(run.before, request),
    run,
  )
  const removed = replayGrants(
    grantsByService(search.removed, run.catalog),
    (request) => allows(run.before, request) && !allows(run.after, request),
    run,
  )
  return {
    added,
    removed,
    lines: [...lines('+', added), ...lines('-', removed)],
    complete: provenEmpty(search) && reasons.length === 0,
    reasons,
  }
}
