import type { Machine } from '../harness/machine.ts'
import type { Measurement } from '../harness/measure.ts'
import type { GrowthRow } from '../suites/growth.ts'

/** One line of a suite: one measurement, or a pair whose ratio is shown. */
export interface ResultRow {
  readonly name: string
  readonly first: Measurement
  readonly second?: Measurement
}

/** One benchmark of the issue, as measured. */
export interface SuiteResult {
  readonly id: string
  readonly title: string
  /** What is measured, in a sentence or two. */
  readonly description: string
  /** `ms`: milliseconds per operation; `bytes`: heap bytes per item. */
  readonly unit: 'ms' | 'bytes'
  /** The names of the first and, for pairs, the second measurement. */
  readonly columns: readonly [string] | readonly [string, string]
  /** For time: what one operation is, to show operations per second (`decisions`). */
  readonly rate?: string
  readonly rows: readonly ResultRow[]
  readonly notes: readonly string[]
}

/** The numbers the targets are about. */
export const metricNames = [
  'decisionsPerSecondUnexplained',
  'decisionsPerSecondExplained',
  'compileOnceSpeedup',
  'adversarialResourceMs',
  'adversarialConditionMs',
  'corpusValidationMs',
  'compareConnectPoliciesMs',
  'summarizeFullAccessMs',
  'patternInclusionMs',
  'connectFamilyPairsMs',
  'auditLargestConnectPolicyMs',
  'accountExportMs',
] as const
export type MetricName = (typeof metricNames)[number]
export type Metrics = Partial<Record<MetricName, number>>

/** What a suite gives back: its table, and the numbers it contributes to the targets. */
export interface SuiteOutcome {
  readonly suite: SuiteResult
  readonly metrics: Metrics
}

/** A whole run of `pnpm bench`, as written to `results/latest.json`. */
export interface BenchResults {
  readonly date: string
  readonly machine: Machine
  readonly seconds: number
  readonly suites: readonly SuiteResult[]
  readonly metrics: Metrics
}

/** A run of the adversarial growth families, as written to `results/growth.json`. */
export interface GrowthResults {
  readonly date: string
  readonly machine: Machine
  readonly seconds: number
  readonly rows: readonly GrowthRow[]
}
