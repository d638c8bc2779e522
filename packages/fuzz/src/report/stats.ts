import type { Family } from '../inputs/fuzz-case.ts'
import type { SizeClass } from '../inputs/size.ts'
import type { FindingKind } from '../run/call-site.ts'
import { addHistogram, emptyHistogram } from './histogram.ts'

/** Durations of the calls of one size class or one target. */
export interface Timings {
  calls: number
  histogram: number[]
  maxMs: number
  /** Calls over the slow threshold, confirmed by a repeat. */
  slow: number
}

/** A slow call, kept among the worst ones of the run. */
export interface SlowCall {
  readonly target: string
  readonly ms: number
  readonly sizeClass: SizeClass
  readonly size: number
  readonly family: Family
  readonly generator: string
  readonly shape: string
  readonly index: number
}

/** One kind of finding as met so far: how often, and the first input that met it. */
export interface SignatureCount {
  readonly kind: FindingKind
  readonly target: string
  readonly generator: string
  readonly words: string
  count: number
  readonly firstIndex: number
}

/** What a run (or one worker's share of it) measured: plain data, merged by the runner. */
export interface RunStats {
  inputs: Partial<Record<Family, number>>
  generators: Record<string, number>
  /** Time spent in calls, by generator, in ms: where a run's time goes. */
  msByGenerator: Record<string, number>
  /** Inputs counted as run whose timings were lost with a killed worker. */
  untimed: number
  /** Inputs not run because their generator hung at a smaller size already. */
  skipped: Record<string, number>
  byClass: Partial<Record<SizeClass, Timings>>
  byTarget: Record<string, Timings>
  findings: Partial<Record<FindingKind, number>>
  signatures: Record<string, SignatureCount>
  worstSlow: SlowCall[]
  /** Answers over 1 MB (not findings unless over their bound, but worth knowing). */
  answersOverMegabyte: number
  largestAnswer: { chars: number; target: string; size: number; shape: string } | undefined
  /** Inputs a generator failed to make (a bug of the harness, reported). */
  generationErrors: number
}

export function emptyStats(): RunStats {
  return {
    inputs: {},
    generators: {},
    msByGenerator: {},
    untimed: 0,
    skipped: {},
    byClass: {},
    byTarget: {},
    findings: {},
    signatures: {},
    worstSlow: [],
    answersOverMegabyte: 0,
    largestAnswer: undefined,
    generationErrors: 0,
  }
}

export function emptyTimings(): Timings {
  return { calls: 0, histogram: emptyHistogram(), maxMs: 0, slow: 0 }
}

/** How many of the worst slow calls a run keeps. */
export const worstKept = 40

function addTimings(into: Timings, from: Timings): void {
  into.calls += from.calls
  into.maxMs = Math.max(into.maxMs, from.maxMs)
  into.slow += from.slow
  addHistogram(into.histogram, from.histogram)
}

function addCounts(
  into: Record<string, number>,
  from: Readonly<Record<string, number | undefined>>,
): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + (count ?? 0)
}

/** Keeps the worst slow calls, at most a few per target and size class so that one shape does not crowd out the rest. */
export function keepWorst(calls: SlowCall[]): SlowCall[] {
  const sorted = [...calls].sort((a, b) => b.ms - a.ms)
  const perGroup = new Map<string, number>()
  const kept: SlowCall[] = []
  for (const call of sorted) {
    const group = `${call.target}|${call.generator}|${call.sizeClass}`
    const seen = perGroup.get(group) ?? 0
    if (seen >= 2) continue
    perGroup.set(group, seen + 1)
    kept.push(call)
    if (kept.length >= worstKept) break
  }
  return kept
}

/** Adds `from` into `into`. */
export function mergeStats(into: RunStats, from: RunStats): void {
  addCounts(into.inputs, from.inputs)
  addCounts(into.generators, from.generators)
  addCounts(into.msByGenerator, from.msByGenerator)
  into.untimed += from.untimed
  addCounts(into.skipped, from.skipped)
  for (const [name, timings] of Object.entries(from.byClass)) {
    const key = name as SizeClass
    into.byClass[key] ??= emptyTimings()
    addTimings(into.byClass[key], timings)
  }
  for (const [name, timings] of Object.entries(from.byTarget)) {
    into.byTarget[name] ??= emptyTimings()
    addTimings(into.byTarget[name], timings)
  }
  addCounts(into.findings, from.findings)
  for (const [signature, count] of Object.entries(from.signatures)) {
    const known = into.signatures[signature]
    if (known === undefined) into.signatures[signature] = { ...count }
    else known.count += count.count
  }
  into.worstSlow = keepWorst([...into.worstSlow, ...from.worstSlow])
  into.answersOverMegabyte += from.answersOverMegabyte
  if (
    from.largestAnswer !== undefined &&
    (into.largestAnswer === undefined || from.largestAnswer.chars > into.largestAnswer.chars)
  ) {
    into.largestAnswer = from.largestAnswer
  }
  into.generationErrors += from.generationErrors
}
