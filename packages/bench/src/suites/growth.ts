import { type GrowthFamily, type GrowthFamilyId, growthFamilies } from './growth-families.ts'

/** The sizes each family runs at, as multiples of its smallest. */
export const growthMultiples = [1, 2, 4] as const

/** One family as measured: the median time at each size, and the ratio of the largest to the smallest. */
export interface GrowthRow {
  readonly id: GrowthFamilyId
  readonly title: string
  readonly operation: string
  readonly unit: string
  readonly sizes: readonly number[]
  /** Median milliseconds per call at each size. */
  readonly medians: readonly number[]
  /** How many timed calls each median comes from. */
  readonly rounds: number
  /** The median at four times the size over the median at the size: about 4 when linear. */
  readonly ratio: number
  /**
   * Median milliseconds of the process's CPU time (user and system) per call at each size:
   * time spent waiting for a core of a shared machine does not count.
   */
  readonly cpuMedians: readonly number[]
  /** Whether the call at each size was refused up front over its budget, with no answer. */
  readonly refused: readonly boolean[]
}

/** Timed rounds per size; one more, untimed, warms the code up and checks every answer. */
const timedRounds = 7

declare const gc: (() => void) | undefined

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

/**
 * Runs a family at its size, twice and four times it, the sizes taking turns round by round so
 * that a change of the machine's load falls on all of them; each input is made fresh and
 * outside the timing, with a garbage collection before each call when Node exposes it.
 */
export function measureGrowth(family: GrowthFamily): GrowthRow {
  const sizes = growthMultiples.map((multiple) => family.size * multiple)
  const times: number[][] = sizes.map(() => [])
  const cpuTimes: number[][] = sizes.map(() => [])
  const refused = sizes.map(() => false)
  for (let round = 0; round <= timedRounds; round++) {
    for (const [index, size] of sizes.entries()) {
      const input = family.input(size, round)
      if (typeof gc === 'function') gc()
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      const answer = family.run(input as never)
      const milliseconds = performance.now() - start
      const cpu = process.cpuUsage(cpuStart)
      if (round === 0) {
        refused[index] = isRefusal(answer)
        if (!refused[index]) family.check(answer as never, size)
      } else {
        times[index]?.push(milliseconds)
        cpuTimes[index]?.push((cpu.user + cpu.system) / 1000)
      }
    }
  }
  const medians = times.map(median)
  return {
    id: family.id,
    title: family.title,
    operation: family.operation,
    unit: family.unit,
    sizes,
    medians,
    rounds: timedRounds,
    ratio: (medians.at(-1) ?? Number.NaN) / (medians[0] ?? Number.NaN),
    cpuMedians: cpuTimes.map(median),
    refused,
  }
}

/**
 * Whether an answer is a refusal over budget: an evaluation's or description's error with
 * `source: 'budget'`, or a validation's one `over-budget` finding.
 */
export function isRefusal(answer: unknown): boolean {
  if (Array.isArray(answer)) {
    return (
      answer.length === 1 && (answer[0] as { code?: unknown } | undefined)?.code === 'over-budget'
    )
  }
  const errors = (answer as { errors?: unknown } | null | undefined)?.errors
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error) => (error as { source?: unknown } | null)?.source === 'budget')
  )
}

/** Every family, or those named, measured in turn. */
export function growthRows(
  only: readonly GrowthFamilyId[] = [],
  report: (row: GrowthRow) => void = () => {},
): GrowthRow[] {
  return growthFamilies
    .filter((family) => only.length === 0 || only.includes(family.id))
    .map((family) => {
      const row = measureGrowth(family)
      report(row)
      return row
    })
}
