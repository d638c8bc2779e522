import type { FuzzBases } from '../inputs/bases.ts'
import { type CaseOptions, caseAt } from '../inputs/case-at.ts'
import type { FuzzCase } from '../inputs/fuzz-case.ts'
import { type SizeClass, sizeClassOf, sizeOf } from '../inputs/size.ts'
import { encode } from '../report/encode.ts'
import type { Finding } from '../report/finding.ts'
import { bucketOf } from '../report/histogram.ts'
import { emptyStats, emptyTimings, keepWorst, type RunStats, worstKept } from '../report/stats.ts'
import { answerCharacters } from './answer-size.ts'
import { type CallSite, type FindingKind, type Thrown, thrown } from './call-site.ts'
import { longestStringPath, minimiseText, stringAt, withStringAt } from './minimise.ts'
import { runCase } from './run-case.ts'

/** Slots of the heartbeat the runner shares with the pool, as 32-bit integers. */
export const heartbeatSlots = {
  /** Bumped before and after every call: unchanged for longer than the timeout means a hang. */
  beat: 0,
  /** The input being run. */
  index: 1,
  /** 0 idle, 1 running an input, 2 minimising a finding (a hang then only ends minimising). */
  state: 2,
  /** The call being made, as an id the runner announced with `onTarget`. */
  target: 3,
} as const
export const heartbeatLength = 4

export interface RunnerOptions {
  readonly seed: number
  readonly bases: FuzzBases
  readonly caseOptions: CaseOptions
  /** A call over this many ms, confirmed by repeats, is slow. */
  readonly slowMs: number
  /** Time allowed to minimise one finding's input, in ms; 0 to keep inputs as found. */
  readonly minimiseMs: number
  /** Findings of one signature a runner reports in full; the rest are counted. */
  readonly findingsPerSignature: number
  readonly heartbeat: Int32Array
  readonly onFinding: (finding: Finding) => void
  /** A minimised input for a finding reported before, by its signature and index. */
  readonly onMinimised: (signature: string, index: number, minimised: Finding['minimised']) => void
  /**
   * What calls are timed with: `cpu`, the process's CPU time (user and system, `process.cpuUsage`),
   * which other work on a shared machine does not inflate, right when this runner is the only
   * one in its process; or `wall`, elapsed time.
   */
  readonly clock: Clock
  /** A call name seen for the first time, with the id the heartbeat will give it. */
  readonly onTarget: (id: number, name: string) => void
  /**
   * Inputs at which the runner makes a call that never returns or one that throws, in place of
   * the input's own calls: how the pool's tests check that hangs and crashes are reported.
   */
  readonly selfTest?: SelfTest
}

export type Clock = 'cpu' | 'wall'

/** The CPU time the process has used, in ms. */
function cpuMilliseconds(): number {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

/** Inputs at which to hang or throw on purpose. */
export interface SelfTest {
  readonly hangAt?: number
  readonly throwAt?: number
}

/** What a probe (a minimisation's run) met: the signatures of its findings, and slow times. */
interface ProbeEvent {
  readonly signature: string
  readonly ms: number
}

/** Calls that take nothing and answer the whole service reference: large by design. */
const answersAreData = new Set(['catalog.awsCatalogData', 'catalog.awsCatalog'])

const subjectFields: Readonly<Record<FuzzCase['kind'], readonly string[]>> = {
  policy: ['policy', 'request'],
  set: ['set', 'request'],
  request: ['request'],
  call: ['args'],
  match: ['pattern', 'text'],
  sample: ['sample', 'expectation'],
}

/** An error's name and message, its digits and quoted parts blanked, so that one cause is one signature. */
function errorWords(error: unknown): {
  name: string
  message: string
  stack: string
  words: string
} {
  const name = error instanceof Error ? error.name : typeof error
  const message = error instanceof Error ? error.message : String(error)
  const stack = error instanceof Error ? (error.stack ?? '').split('\n').slice(0, 8).join('\n') : ''
  const words = `${name}: ${message
    .replace(/`[^`]*`|"[^"]*"|'[^']*'/g, '…')
    .replace(/\d+/g, 'N')
    .slice(0, 100)}`
  return { name, message: message.slice(0, 2000), stack, words }
}

/**
 * Runs inputs one at a time through every entry point, as a `CallSite`: times each call,
 * catches what it throws, measures its answer, checks the case's promises, counts everything in
 * `RunStats`, and reports each finding with its input (minimised when cheap).
 */
export class CaseRunner implements CallSite {
  private stats: RunStats = emptyStats()
  private readonly targets = new Map<string, number>()
  private readonly local = new Map<string, number>()
  private current:
    | { input: FuzzCase; index: number; size: number; sizeClass: SizeClass }
    | undefined
  private probe: ProbeEvent[] | undefined
  private pending: Finding[] = []

  /** The clock calls are timed with, in ms. */
  private readonly now: () => number

  constructor(private readonly options: RunnerOptions) {
    this.now = options.clock === 'cpu' ? cpuMilliseconds : () => performance.now()
  }

  /** The stats since the last call, which then start again from nothing. */
  takeStats(): RunStats {
    const taken = this.stats
    this.stats = emptyStats()
    return taken
  }

  /**
   * Makes input `index` and runs it, unless its generator hung on an input no larger (`skip`:
   * the smallest size that hung, by generator).
   */
  runIndex(index: number, skip: ReadonlyMap<string, number>): void {
    const beat = this.options.heartbeat
    let input: FuzzCase
    try {
      input = caseAt(this.options.seed, index, this.options.bases, this.options.caseOptions)
    } catch (error) {
      this.stats.generationErrors++
      if (this.stats.generationErrors === 1)
        console.error(`input ${index} could not be made`, error)
      return
    }
    const size = sizeOf(input)
    const hungAt = skip.get(input.generator)
    if (hungAt !== undefined && size >= hungAt) {
      this.stats.skipped[input.generator] = (this.stats.skipped[input.generator] ?? 0) + 1
      return
    }
    this.stats.inputs[input.family] = (this.stats.inputs[input.family] ?? 0) + 1
    this.stats.generators[input.generator] = (this.stats.generators[input.generator] ?? 0) + 1
    this.current = { input, index, size, sizeClass: sizeClassOf(size) }
    Atomics.store(beat, heartbeatSlots.index, index)
    Atomics.store(beat, heartbeatSlots.state, 1)
    if (index === this.options.selfTest?.hangAt) {
      this.call('self-test.hang', () => {
        for (;;) Atomics.load(beat, heartbeatSlots.beat)
      })
    } else if (index === this.options.selfTest?.throwAt) {
      this.call('self-test.throw', () => {
        throw new Error('thrown on purpose')
      })
    } else runCase(this, input)
    const found = this.pending
    this.pending = []
    if (found.length > 0 && this.options.minimiseMs > 0) {
      Atomics.store(beat, heartbeatSlots.state, 2)
      for (const finding of found) this.minimise(finding, input)
    }
    Atomics.store(beat, heartbeatSlots.state, 0)
    this.current = undefined
  }

  call<T>(target: string, run: () => T, fresh?: () => () => T): T | Thrown {
    const beat = this.options.heartbeat
    let id = this.targets.get(target)
    if (id === undefined) {
      id = this.targets.size
      this.targets.set(target, id)
      this.options.onTarget(id, target)
    }
    Atomics.store(beat, heartbeatSlots.target, id)
    Atomics.add(beat, heartbeatSlots.beat, 1)
    let value: T | undefined
    let failure: { error: unknown } | undefined
    const start = this.now()
    try {
      value = run()
    } catch (error) {
      failure = { error }
    }
    let ms = this.now() - start
    Atomics.add(beat, heartbeatSlots.beat, 1)
    if (failure !== undefined) {
      const words = errorWords(failure.error)
      this.found('crash', target, `crash|${target}|${words.words}`, words.words, { error: words })
      return thrown
    }
    // near the threshold a pause of the machine can make a call slow, and on an input of AWS's
    // size classes so can work done once per process (an index the catalog builds the first
    // time a kind of value needs it: 59 ms, then under 1 ms): repeats confirm it
    const small = this.current?.sizeClass === 'managed' || this.current?.sizeClass === 'inline'
    if (ms > this.options.slowMs && (small || ms < 5 * this.options.slowMs)) {
      ms = this.repeat(ms, run, fresh)
    }
    this.record(target, ms, value)
    return value as T
  }

  report(kind: 'malformed-allow' | 'mismatch', target: string, detail: string): void {
    const generator = this.current?.input.generator ?? ''
    this.found(kind, target, `${kind}|${target}|${generator}`, detail, {})
  }

  /** The least time of the call and two repeats, each made afresh. */
  private repeat<T>(first: number, run: () => T, fresh?: () => () => T): number {
    let least = first
    for (let again = 0; again < 2 && least > this.options.slowMs; again++) {
      try {
        const repeated = fresh === undefined ? run : fresh()
        Atomics.add(this.options.heartbeat, heartbeatSlots.beat, 1)
        const start = this.now()
        repeated()
        least = Math.min(least, this.now() - start)
        Atomics.add(this.options.heartbeat, heartbeatSlots.beat, 1)
      } catch {
        break
      }
    }
    return least
  }

  private record(target: string, ms: number, value: unknown): void {
    const current = this.current
    if (current === undefined) return
    const slow = ms > this.options.slowMs
    const bound = 65_536 + 64 * current.size
    const chars = answerCharacters(value, Math.max(bound, 1_048_576) + 1)
    if (this.probe !== undefined) {
      if (slow) this.probe.push({ signature: `slow|${target}`, ms })
      if (chars > bound) this.probe.push({ signature: `oversize|${target}`, ms })
      return
    }
    const { sizeClass } = current
    this.stats.byClass[sizeClass] ??= emptyTimings()
    this.stats.byTarget[target] ??= emptyTimings()
    for (const timings of [this.stats.byClass[sizeClass], this.stats.byTarget[target]]) {
      timings.calls++
      const bucket = bucketOf(ms)
      timings.histogram[bucket] = (timings.histogram[bucket] ?? 0) + 1
      if (ms > timings.maxMs) timings.maxMs = ms
      if (slow) timings.slow++
    }
    const { input } = current
    this.stats.msByGenerator[input.generator] =
      (this.stats.msByGenerator[input.generator] ?? 0) + ms
    if (slow) {
      this.stats.worstSlow.push({
        target,
        ms,
        sizeClass,
        size: current.size,
        family: input.family,
        generator: input.generator,
        shape: input.shape,
        index: current.index,
      })
      if (this.stats.worstSlow.length > worstKept * 4)
        this.stats.worstSlow = keepWorst(this.stats.worstSlow)
      const signature = `slow|${target}|${input.generator}|${sizeClass}`
      this.found('slow', target, signature, `${ms.toFixed(1)} ms`, { ms })
    }
    if (chars > 1_048_576) this.stats.answersOverMegabyte++
    if (this.stats.largestAnswer === undefined || chars > this.stats.largestAnswer.chars) {
      this.stats.largestAnswer = { chars, target, size: current.size, shape: input.shape }
    }
    if (chars > bound && !answersAreData.has(target)) {
      const detail = `an answer of over ${chars.toLocaleString('en-US')} characters for an input of ${current.size.toLocaleString('en-US')}`
      this.found('oversize', target, `oversize|${target}|${input.generator}`, detail, {
        answerChars: chars,
        bound,
      })
    }
  }

  private found(
    kind: FindingKind,
    target: string,
    signature: string,
    detail: string,
    extra: Pick<Finding, 'ms' | 'answerChars' | 'bound' | 'error'>,
  ): void {
    const current = this.current
    if (current === undefined) return
    if (this.probe !== undefined) {
      this.probe.push({
        signature:
          kind === 'crash' || kind === 'malformed-allow' || kind === 'mismatch'
            ? signature
            : `${kind}|${target}`,
        ms: extra.ms ?? 0,
      })
      return
    }
    const { input, index, size, sizeClass } = current
    this.stats.findings[kind] = (this.stats.findings[kind] ?? 0) + 1
    const known = this.stats.signatures[signature]
    if (known === undefined) {
      this.stats.signatures[signature] = {
        kind,
        target,
        generator: input.generator,
        words: kind === 'slow' ? `${target} on ${input.generator}, ${sizeClass}` : detail,
        count: 1,
        firstIndex: index,
      }
    } else known.count++
    const seen = (this.local.get(signature) ?? 0) + 1
    this.local.set(signature, seen)
    if (seen > this.options.findingsPerSignature) return
    const finding: Finding = {
      kind,
      signature,
      target,
      family: input.family,
      generator: input.generator,
      shape: input.shape,
      seed: this.options.seed,
      index,
      size,
      sizeClass,
      ...extra,
      detail,
      input: encode(input),
    }
    this.options.onFinding(finding)
    // a slow call is minimised only in the size classes AWS accepts, where it is a bug to pin
    const worthMinimising = kind !== 'slow' || sizeClass === 'managed' || sizeClass === 'inline'
    if (seen === 1 && worthMinimising) this.pending.push(finding)
  }

  /** Looks for a smaller input that meets the same finding, within the time allowed. */
  private minimise(finding: Finding, input: FuzzCase): void {
    const fields = subjectFields[input.kind]
    const subject = Object.fromEntries(
      fields.map((field) => [field, (input as unknown as Record<string, unknown>)[field]]),
    )
    const path = longestStringPath(subject)
    if (path === undefined) return
    const original = stringAt(subject, path)
    const wanted =
      finding.kind === 'slow' || finding.kind === 'oversize'
        ? `${finding.kind}|${finding.target}`
        : finding.signature
    const saved = this.current
    let lastMs: number | undefined
    const holds = (candidate: string): boolean => {
      const events: ProbeEvent[] = []
      const changed = withStringAt(input, path, candidate) as FuzzCase
      const changedSize = sizeOf(changed)
      this.probe = events
      this.current = {
        input: changed,
        index: finding.index,
        size: changedSize,
        sizeClass: sizeClassOf(changedSize),
      }
      try {
        runCase(this, changed)
      } catch {
        return false
      } finally {
        this.probe = undefined
        this.current = saved
      }
      const event = events.find((met) => met.signature === wanted)
      if (event !== undefined) lastMs = event.ms
      return event !== undefined
    }
    const budget = finding.kind === 'slow' ? this.options.minimiseMs * 2 : this.options.minimiseMs
    const smaller = minimiseText(original, holds, performance.now() + budget)
    if (smaller.length >= original.length) return
    const minimised = withStringAt(input, path, smaller) as FuzzCase
    holds(smaller)
    this.options.onMinimised(finding.signature, finding.index, {
      input: encode(minimised),
      size: sizeOf(minimised),
      ...(finding.kind === 'slow' && lastMs !== undefined ? { ms: lastMs } : {}),
    })
  }
}
