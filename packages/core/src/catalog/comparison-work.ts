/**
 * The work of comparing `Resource` values with the ARN formats of the service reference
 * (`format-overlap.ts`), given to the catalog's lookups so that a call knows before it starts
 * what its comparisons may cost, and how much each caller allows.
 */

/**
 * What comparing `Resource` values with the ARN formats of the service reference may still cost
 * in one call (a validation, a description, an evaluation), in steps: one per format field a
 * value is compared with and one per state of that comparison swept. A lookup given it spends
 * from `remaining`; a value it cannot work out within what is left gets every type it could name
 * before any comparison (its service's, or all), more than it names and never fewer, and is
 * added to `approximate`. What a value costs is the same whether its answer was kept from an
 * earlier call or not, so a call answers the same whatever ran before it.
 */
export interface FormatComparisonWork {
  remaining: number
  readonly approximate: Set<string>
  /** The values looked up so far, each paid for once, and whether their answer was exact. */
  readonly answered: Map<string, boolean>
}

/** A `FormatComparisonWork` of `steps`, nothing spent; anything but a number of steps is none. */
export function formatComparisonWork(steps: number): FormatComparisonWork {
  const remaining = typeof steps === 'number' && !Number.isNaN(steps) ? Math.max(0, steps) : 0
  return { remaining, approximate: new Set(), answered: new Map() }
}

/** Steps allowed per character of a policy: the AWS managed policies use at most 43. */
export const comparisonStepsPerCharacter = 100

/**
 * Steps allowed to any policy, however short: one value with a wildcard service field
 * (`arn:aws:*:*:*:*`) is compared with all 2,321 types of the reference in about 116,000.
 */
export const leastComparisonSteps = 400_000

/** What a lookup without a `FormatComparisonWork` may spend on one value. */
export const defaultComparisonSteps = leastComparisonSteps

/** Steps allowed per resource of a request, beside those per character. */
export const comparisonStepsPerValue = 5_000

/**
 * What a validation or a description of a policy of `characters` may spend on comparisons: at
 * the 5 to 18 ns a step of the costliest searches measured, a policy of 6,144 characters (a
 * managed policy's quota) within about 11 ms whatever its values.
 */
export function policyComparisonSteps(characters: number): number {
  return Math.max(leastComparisonSteps, comparisonStepsPerCharacter * characters)
}

/** What an evaluation may spend on comparing the resources of its request with formats. */
export function requestComparisonSteps(resources: readonly string[]): number {
  let steps = 0
  for (const resource of resources) {
    steps += comparisonStepsPerValue + comparisonStepsPerCharacter * resource.length
  }
  return steps
}

/** A `FormatComparisonWork` as far as it is one; anything else is no work given. */
export function readWork(value: unknown): FormatComparisonWork | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const work = value as Partial<FormatComparisonWork>
  return typeof work.remaining === 'number' &&
    work.approximate instanceof Set &&
    work.answered instanceof Map
    ? (work as FormatComparisonWork)
    : undefined
}
