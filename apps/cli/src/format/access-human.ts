import type { AccessRegion } from '@connect-policy/core'
import { decisionPaint, statementLabel } from './explanation-human.ts'
import type { Style } from './style.ts'

/** Each region in a line, then its witness: the request and both decisions with what decided them. */
export function renderRegionsHuman(regions: readonly AccessRegion[], style: Style): string[] {
  return regions.flatMap((region) => {
    const { request, before, after } = region.witness
    const deciding = (decision: typeof before) =>
      decision.explanation.deciding.map(statementLabel).join('; ') || 'no statement applies'
    return [
      `  • ${region.description}`,
      `    before: ${decisionPaint(before.decision, style)(before.decision)} (${deciding(before)})`,
      `    after:  ${decisionPaint(after.decision, style)(after.decision)} (${deciding(after)})`,
      `    request: ${style.dim(JSON.stringify(request))}`,
    ]
  })
}
