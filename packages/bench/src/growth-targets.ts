import type { GrowthRow } from './suites/growth.ts'
import type { GrowthFamilyId } from './suites/growth-families.ts'
import { growthFamilyIds } from './suites/growth-families.ts'

/**
 * The most the time of an adversarial family may grow when its input grows four times: linear
 * growth gives 4, and the rest is slack for a shared machine's noise and for n log n work (a
 * quadratic stage gives 16).
 */
export const growthRatioLimit = 4 * 1.5

export interface GrowthOutcome {
  readonly id: GrowthFamilyId
  /** Undefined when the run did not measure the family. */
  readonly row?: GrowthRow
  readonly met: boolean
}

/** Each family's 4n/n ratio against the limit: a family the run lacks is not met. */
export function checkGrowth(rows: readonly GrowthRow[]): GrowthOutcome[] {
  return growthFamilyIds.map((id) => {
    const row = rows.find((candidate) => candidate.id === id)
    if (row === undefined || !Number.isFinite(row.ratio)) return { id, met: false }
    return { id, row, met: row.ratio <= growthRatioLimit }
  })
}
