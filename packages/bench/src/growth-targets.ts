import type { GrowthRow } from './suites/growth.ts'
import type { GrowthFamilyId } from './suites/growth-families.ts'
import { growthFamilyIds } from './suites/growth-families.ts'

/**
 * The most the time of an adversarial family may grow when its input grows four times: linear
 * growth gives 4, and the rest is slack for a shared machine's noise and for n log n work (a
 * quadratic stage gives 16).
 */
export const growthRatioLimit = 4 * 1.5

/**
 * The most CPU time a call of a family may take at four times its size, unless it is refused
 * up front over its budget: no input within the limits may cost more.
 */
export const growthCpuLimitMs = 100

export interface GrowthOutcome {
  readonly id: GrowthFamilyId
  /** Undefined when the run did not measure the family. */
  readonly row?: GrowthRow
  /** The 4n/n ratio within `growthRatioLimit`. */
  readonly ratioMet: boolean
  /** At 4n: within `growthCpuLimitMs` of CPU time, or refused up front. */
  readonly cpuMet: boolean
  readonly met: boolean
}

/**
 * Each family's 4n/n ratio against its limit, and its CPU time at 4n against its own (or its
 * refusal); a family the run lacks, or measured before CPU time was, is not met.
 */
export function checkGrowth(rows: readonly GrowthRow[]): GrowthOutcome[] {
  return growthFamilyIds.map((id) => {
    const row = rows.find((candidate) => candidate.id === id)
    if (row === undefined || !Number.isFinite(row.ratio)) {
      return { id, ratioMet: false, cpuMet: false, met: false }
    }
    const ratioMet = row.ratio <= growthRatioLimit
    const cpuAt4n = row.cpuMedians?.at(-1)
    const cpuMet =
      row.refused?.at(-1) === true || (cpuAt4n !== undefined && cpuAt4n <= growthCpuLimitMs)
    return { id, row, ratioMet, cpuMet, met: ratioMet && cpuMet }
  })
}
