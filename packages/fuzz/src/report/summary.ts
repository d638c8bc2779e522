import { families } from '../inputs/fuzz-case.ts'
import { sizeClasses } from '../inputs/size.ts'
import type { FindingKind } from '../run/call-site.ts'
import type { PoolResult } from '../run/pool.ts'
import { cell, count, milliseconds, table } from './format.ts'
import { quantileOf } from './histogram.ts'
import type { Timings } from './stats.ts'

/** How a run was made, for its report. */
export interface RunSettings {
  readonly seed: number
  readonly from: number
  readonly inputsAsked: number
  readonly workers: number
  readonly timeoutMs: number
  readonly slowMs: number
  readonly maxSeconds: number
  readonly corpus: string
  readonly date: string
  readonly machine: string
}

const kindWords: Readonly<Record<FindingKind, string>> = {
  crash: 'crashes (thrown exceptions, dead workers)',
  hang: 'hangs (no answer within the timeout)',
  slow: 'slow calls',
  oversize: 'oversize answers',
  'malformed-allow': 'malformed policies that allowed',
  mismatch: 'compiled and direct decisions that differ',
}

/** The run's figures as plain numbers, for the test and for `--json`. */
export function figures(result: PoolResult) {
  const { stats } = result
  const inputs = families.reduce((sum, family) => sum + (stats.inputs[family] ?? 0), 0)
  return {
    inputs,
    inputsByFamily: stats.inputs,
    skipped: Object.values(stats.skipped).reduce((sum, value) => sum + value, 0),
    crashes: stats.findings.crash ?? 0,
    hangs: stats.findings.hang ?? 0,
    slow: stats.findings.slow ?? 0,
    oversize: stats.findings.oversize ?? 0,
    malformedAllow: stats.findings['malformed-allow'] ?? 0,
    mismatches: stats.findings.mismatch ?? 0,
    elapsedMs: result.elapsedMs,
  }
}

function timingRow(name: string, timings: Timings | undefined): string[] {
  if (timings === undefined) return [name, '0', '', '', '0']
  return [
    name,
    count(timings.calls),
    milliseconds(quantileOf(timings.histogram, 0.99, timings.maxMs)),
    milliseconds(timings.maxMs),
    count(timings.slow),
  ]
}

/** The report of a run, in Markdown (which reads as text too). */
export function renderSummary(result: PoolResult, settings: RunSettings): string {
  const { stats } = result
  const figure = figures(result)
  const seconds = result.elapsedMs / 1000
  const lines: string[] = []
  lines.push(
    `Seed ${settings.seed}, inputs ${count(settings.from)} to ${count(settings.from + figure.inputs + figure.skipped - 1)}: **${count(figure.inputs)} inputs run** in ${count(seconds)} s (${count(figure.inputs / Math.max(seconds, 0.001))} a second) on ${settings.workers} worker${settings.workers > 1 ? 's' : ''}${result.stoppedEarly ? `, stopped by the time limit of ${count(settings.maxSeconds)} s (${count(settings.inputsAsked)} asked)` : ''}; timeout ${count(settings.timeoutMs)} ms a call, slow over ${settings.slowMs} ms (the least of the call and two repeats, when under five times that or on an input of AWS's size classes). Times and the timeout are ${settings.workers === 1 ? "the process's CPU time (user and system), which other work on the shared machine does not inflate (a call also ends as a hang after thirty times the timeout elapsed)" : "elapsed times (with several workers in one process, its CPU time is not one call's)"}. ${settings.date}, ${settings.machine}. Managed policies: ${settings.corpus}.`,
  )
  lines.push('')
  const byFamily = families
    .map((family) => `${family} ${count(stats.inputs[family] ?? 0)}`)
    .join(', ')
  lines.push(
    `Inputs by family: ${byFamily}.${stats.untimed > 0 ? ` ${count(stats.untimed)} of them ran in a worker that was then stopped, so their times are not counted.` : ''}${result.workerRestarts > 0 ? ` Workers restarted: ${result.workerRestarts}.` : ''}`,
  )
  const skipped = Object.entries(stats.skipped)
  if (skipped.length > 0) {
    lines.push('')
    lines.push(
      `Skipped, as their generator had hung on a smaller input already: ${skipped.map(([generator, value]) => `${generator} ${count(value)}`).join(', ')}.`,
    )
  }
  const spent = Object.entries(stats.msByGenerator).sort(([, a], [, b]) => b - a)
  const total = spent.reduce((sum, [, ms]) => sum + ms, 0)
  if (total > 0) {
    lines.push('')
    lines.push(
      `Time in calls by generator (inputs, share of the time): ${spent
        .slice(0, 12)
        .map(
          ([generator, ms]) =>
            `${generator} ${count(stats.generators[generator] ?? 0)}, ${Math.round((100 * ms) / total)} %`,
        )
        .join('; ')}${spent.length > 12 ? '; others less' : ''}.`,
    )
  }
  if (stats.generationErrors > 0)
    lines.push('', `Inputs that could not be made: ${count(stats.generationErrors)}.`)
  lines.push('')
  lines.push(
    table(
      ['finding', 'count', 'signatures'],
      (Object.keys(kindWords) as FindingKind[]).map((kind) => [
        kindWords[kind],
        count(stats.findings[kind] ?? 0),
        count(
          Object.values(stats.signatures).filter((signature) => signature.kind === kind).length,
        ),
      ]),
      [1, 2],
    ),
  )
  lines.push('')
  lines.push('Calls by size class of the input (characters of its policies and request):')
  lines.push('')
  lines.push(
    table(
      ['size class', 'calls', 'p99', 'max', `slow (> ${settings.slowMs} ms)`],
      sizeClasses.map((sizeClass) => timingRow(sizeClass.words, stats.byClass[sizeClass.name])),
      [1, 2, 3, 4],
    ),
  )
  lines.push('')
  lines.push('Calls by entry point:')
  lines.push('')
  const targets = Object.entries(stats.byTarget).sort(([a], [b]) => (a < b ? -1 : 1))
  lines.push(
    table(
      ['entry point', 'calls', 'p99', 'max', 'slow'],
      targets.map(([target, timings]) => timingRow(`\`${target}\``, timings)),
      [1, 2, 3, 4],
    ),
  )
  if (stats.worstSlow.length > 0) {
    lines.push('')
    lines.push('Slowest calls (at most two of each entry point, generator and size class):')
    lines.push('')
    lines.push(
      table(
        ['ms', 'entry point', 'size class', 'chars', 'generator', 'input', 'index'],
        stats.worstSlow
          .slice(0, 25)
          .map((slow) => [
            milliseconds(slow.ms),
            `\`${slow.target}\``,
            slow.sizeClass,
            count(slow.size),
            slow.generator,
            cell(slow.shape),
            String(slow.index),
          ]),
        [0, 3, 6],
      ),
    )
  }
  const signatures = Object.values(stats.signatures)
    .filter((signature) => signature.kind !== 'slow')
    .sort((a, b) => b.count - a.count)
  if (signatures.length > 0) {
    lines.push('')
    lines.push('Findings other than slow calls, by signature:')
    lines.push('')
    lines.push(
      table(
        ['kind', 'entry point', 'generator', 'count', 'first input', 'what'],
        signatures
          .slice(0, 40)
          .map((signature) => [
            signature.kind,
            `\`${signature.target}\``,
            signature.generator,
            count(signature.count),
            String(signature.firstIndex),
            cell(signature.words, 110),
          ]),
        [3, 4],
      ),
    )
  }
  if (stats.largestAnswer !== undefined) {
    const largest = stats.largestAnswer
    lines.push('')
    lines.push(
      `Largest answer: about ${count(largest.chars)} characters from \`${largest.target}\` for an input of ${count(largest.size)} (${cell(largest.shape)}); answers over 1 MB: ${count(stats.answersOverMegabyte)}. An answer is oversize over 64 KiB + 64 × the input's characters.`,
    )
  }
  return lines.join('\n')
}
