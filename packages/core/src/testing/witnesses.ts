import type { Comparison } from '../analyze/index.ts'
import { evaluate } from '../authorize/index.ts'
import type { Catalog } from '../catalog/index.ts'

/**
 * The oracle of the analyzer's witnesses: each request of a region added (removed) is decided
 * again by `evaluate` from the sets as given, allowed after and not before (before and not
 * after), and names one of its region's actions. A comparison that is errors fails the test.
 * It throws, rather than using a test framework's assertions, so that any tool may call it.
 */
export function expectWitnessesReplay(
  before: unknown,
  after: unknown,
  result: Comparison,
  catalog: Catalog,
): void {
  if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
  for (const [regions, allowedAfter] of [
    [result.added.regions, true],
    [result.removed.regions, false],
  ] as const) {
    for (const region of regions) {
      const { request } = region.witness
      const allowed = (set: unknown) =>
        evaluate(request, set as never, { catalog }).decision === 'Allow'
      const shown = `${request.action} on ${JSON.stringify(request.resource)}`
      if (allowed(before) === allowedAfter) {
        throw new Error(`the witness ${shown} is ${allowedAfter ? 'allowed' : 'denied'} before too`)
      }
      if (allowed(after) !== allowedAfter) {
        throw new Error(`the witness ${shown} is not ${allowedAfter ? 'allowed' : 'denied'} after`)
      }
      if (!region.actions.includes(request.action)) {
        throw new Error(`the witness ${shown} names no action of its region`)
      }
    }
  }
}
