import { type FuzzBases, loadBases } from './inputs/bases.ts'
import { type CaseOptions, defaultCaseOptions } from './inputs/case-at.ts'
import { saveFindings } from './report/save-findings.ts'
import type { RunStats } from './report/stats.ts'
import type { SelfTest } from './run/case-runner.ts'
import { type PoolResult, runPool } from './run/pool.ts'

export interface FuzzOptions {
  readonly seed: number
  readonly from?: number
  readonly inputs: number
  readonly workers?: number
  readonly timeoutMs?: number
  readonly slowMs?: number
  readonly minimiseMs?: number
  readonly maxSeconds?: number
  readonly hangCap?: number
  readonly findingsPerSignature?: number
  /** Where findings are written; none written when `undefined`. */
  readonly findingsDirectory?: string
  /** How many AWS managed policies to mutate (all by default; 0 for the documented examples only). */
  readonly corpus?: number
  readonly bases?: FuzzBases
  readonly caseOptions?: CaseOptions
  readonly workerHeapMb?: number
  readonly onProgress?: (stats: RunStats, elapsedMs: number) => void
  readonly selfTest?: SelfTest
}

export interface FuzzRun {
  readonly result: PoolResult
  readonly bases: FuzzBases
  /** The finding files written. */
  readonly written: readonly string[]
}

/** Runs the fuzzer: reads the real policies, runs the inputs in the pool, saves the findings. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzRun> {
  const bases = options.bases ?? loadBases(options.corpus)
  const result = await runPool({
    seed: options.seed,
    from: options.from ?? 0,
    inputs: options.inputs,
    workers: options.workers ?? 1,
    timeoutMs: options.timeoutMs ?? 2000,
    slowMs: options.slowMs ?? 10,
    minimiseMs: options.minimiseMs ?? 2000,
    maxSeconds: options.maxSeconds ?? Number.POSITIVE_INFINITY,
    hangCap: options.hangCap ?? 3,
    findingsPerSignature: options.findingsPerSignature ?? 2,
    bases,
    caseOptions: options.caseOptions ?? defaultCaseOptions,
    workerHeapMb: options.workerHeapMb ?? 2048,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.selfTest === undefined ? {} : { selfTest: options.selfTest }),
  })
  const written =
    options.findingsDirectory === undefined
      ? []
      : saveFindings(result.findings, options.findingsDirectory)
  return { result, bases, written }
}
