import type { Measurement } from '../harness/measure.ts'
import { checkTargets, describeThreshold } from '../target-check.ts'
import { targets } from '../targets.ts'
import { formatBytes, formatCount, formatRate, formatRatio, formatTime } from './format.ts'
import type { BenchResults, ResultRow, SuiteResult } from './results.ts'

function cells(suite: SuiteResult, measurement: Measurement): string[] {
  if (suite.unit === 'bytes') return [formatBytes(measurement.median)]
  const times = [formatTime(measurement.median), formatTime(measurement.p99)]
  return suite.rate === undefined ? times : [...times, formatRate(measurement.median)]
}

function header(suite: SuiteResult): string[] {
  return suite.columns.flatMap((column) => {
    if (suite.unit === 'bytes') return [column]
    const names = [`${column}: median`, 'p99']
    return suite.rate === undefined ? names : [...names, `${suite.rate}/s`]
  })
}

function row(suite: SuiteResult, entry: ResultRow): string[] {
  const first = cells(suite, entry.first)
  if (suite.columns.length === 1) return [entry.name, ...first]
  const { second } = entry
  if (second === undefined) return [entry.name, ...first, ...first.map(() => ''), '']
  return [
    entry.name,
    ...first,
    ...cells(suite, second),
    formatRatio(second.median / entry.first.median),
  ]
}

/**
 * A Markdown table with its columns padded to one width, as the repository's formatter (Biome)
 * writes tables, so that the generated document passes `biome ci` as it is written.
 */
export function table(rows: readonly (readonly string[])[]): string {
  const [head = [], ...body] = rows
  const widths = head.map((_, column) =>
    Math.max(3, ...rows.map((row) => [...(row[column] ?? '')].length)),
  )
  const pad = (text: string, column: number) =>
    text + ' '.repeat((widths[column] ?? 0) - [...text].length)
  const line = (values: readonly string[]) =>
    `| ${head.map((_, column) => pad(values[column] ?? '', column)).join(' | ')} |`
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`
  return [line(head), rule, ...body.map(line)].join('\n')
}

/** One suite as a heading, its description, its table and its notes. */
export function renderSuite(suite: SuiteResult, number: number): string {
  const ratio = suite.columns.length === 2 ? [`${suite.columns[1]} / ${suite.columns[0]}`] : []
  const rows = [['', ...header(suite), ...ratio], ...suite.rows.map((entry) => row(suite, entry))]
  return [
    `### ${number}. ${suite.title}`,
    '',
    suite.description,
    '',
    table(rows),
    ...(suite.notes.length === 0 ? [] : ['', ...suite.notes]),
  ].join('\n')
}

/** The core section of docs/benchmarks.md, markers excluded. */
export function renderSection(results: BenchResults): string {
  const { machine } = results
  const targetRows = checkTargets(targets, results.metrics).map((outcome) => [
    outcome.target.description,
    describeThreshold(outcome.target),
    outcome.value === undefined ? 'not measured' : outcome.target.format(outcome.value),
    outcome.met ? 'met' : '**not met**',
  ])
  return [
    '## Core: evaluator, matcher, parser and validator',
    '',
    `Written by \`pnpm bench\` (\`packages/bench\`, tinybench, one core) on ${results.date.slice(0, 10)} in ${formatCount(results.seconds)} s. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage} when the run started. The machine is shared with other work, so numbers move between runs: by 10 to 30 % for most rows, and by up to a factor of two for sub-microsecond decisions, whose speed also depends on how the engine happened to optimize the run. Times are per operation: the median and the 99th percentile of the timed samples; operations of a microsecond are timed in batches and divided. \`pnpm bench:check\` compares the last run with the targets.`,
    '',
    '### Targets',
    '',
    table([['target', 'threshold', 'measured', ''], ...targetRows]),
    '',
    ...results.suites.map((suite, index) => `${renderSuite(suite, index + 1)}\n`),
  ]
    .join('\n')
    .trimEnd()
}
