/**
 * Holding a run's figures to targets, for every benchmark of the repository: this package's and
 * the API's (`apps/api/bench`), which import it from `@connect-policy/bench`. Each
 * benchmark keeps its own list of targets; how a figure is compared with its threshold and how an
 * outcome is printed is the same everywhere. Timing thresholds live in such lists and nowhere in
 * unit tests: the machines are shared and noisy.
 */

/** A target on one figure of a run. */
export interface Target<Metric extends string = string> {
  readonly metric: Metric
  readonly description: string
  /** `atLeast` and `atMost` are met at the threshold itself, `below` only under it. */
  readonly direction: 'atLeast' | 'atMost' | 'below'
  readonly threshold: number
  readonly format: (value: number) => string
}

export interface TargetOutcome<Metric extends string = string> {
  readonly target: Target<Metric>
  /** Undefined when the run did not measure the figure. */
  readonly value?: number
  readonly met: boolean
}

function meets(target: Target, value: number): boolean {
  switch (target.direction) {
    case 'atLeast':
      return value >= target.threshold
    case 'atMost':
      return value <= target.threshold
    case 'below':
      return value < target.threshold
  }
}

/** Each target against a run's figures: a figure the run lacks, or not a number, is not met. */
export function checkTargets<Metric extends string>(
  targets: readonly Target<Metric>[],
  metrics: Partial<Record<Metric, number>>,
): TargetOutcome<Metric>[] {
  return targets.map((target) => {
    const value = metrics[target.metric]
    if (value === undefined || !Number.isFinite(value)) return { target, met: false }
    return { target, value, met: meets(target, value) }
  })
}

const signs = { atLeast: '≥', atMost: '≤', below: '<' } as const

/** `≥ 1,000,000/s`, `≤ ×1.50` or `< 3.00 s`. */
export function describeThreshold(target: Target): string {
  return `${signs[target.direction]} ${target.format(target.threshold)}`
}

/** `met      <description>: <value> (target <threshold>)`, or `NOT MET  …`. */
export function describeOutcome({ target, value, met }: TargetOutcome): string {
  const measured = value === undefined ? 'not measured' : target.format(value)
  return `${met ? 'met    ' : 'NOT MET'}  ${target.description}: ${measured} (target ${describeThreshold(target)})`
}

/** `N of M targets met`. */
export function describeCount(outcomes: readonly { readonly met: boolean }[]): string {
  const met = outcomes.filter((outcome) => outcome.met).length
  return `${met} of ${outcomes.length} targets met`
}

/** The outcomes, a line each, then `N of M targets met`. */
export function describeOutcomes(outcomes: readonly TargetOutcome[]): string {
  return [...outcomes.map(describeOutcome), describeCount(outcomes)].join('\n')
}
