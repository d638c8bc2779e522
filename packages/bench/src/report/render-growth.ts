import { checkGrowth, growthCpuLimitMs, growthRatioLimit } from '../growth-targets.ts'
import { formatCount, formatRatio, formatTime } from './format.ts'
import { table } from './render-section.ts'
import type { GrowthResults } from './results.ts'

/** The adversarial growth section of docs/benchmarks.md, markers excluded. */
export function renderGrowthSection(results: GrowthResults): string {
  const { machine } = results
  const rows = checkGrowth(results.rows).map(({ id, row, met }) => {
    if (row === undefined) return [id, '', 'not measured', '', '', '', '', '', '**not met**']
    const sizes = row.sizes.map(formatCount).join(' / ')
    const cpuAt4n = row.cpuMedians?.at(-1)
    return [
      `${row.title} (${row.unit})`,
      row.operation,
      sizes,
      ...row.medians.map(formatTime),
      formatRatio(row.ratio),
      row.refused?.at(-1) === true
        ? 'refused'
        : cpuAt4n === undefined
          ? 'not measured'
          : formatTime(cpuAt4n),
      met ? 'met' : '**not met**',
    ]
  })
  return [
    '## Core: growth on adversarial inputs',
    '',
    `Written by \`pnpm --filter @connect-policy/bench bench:adversarial\` (also part of \`pnpm bench\`) on ${results.date.slice(0, 10)} in ${formatCount(results.seconds)} s. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${machine.loadAverage} when the run started. Each family of inputs built to be slow is given to a public function at a size n, 2n and 4n, the sizes taking turns round by round, each input made anew (so no answer the catalog keeps is reused) and outside the timing; the times are medians of ${results.rows[0]?.rounds ?? 0} rounds, after one that warms up and checks every answer. Linear work takes about 4 times as long at 4n; \`pnpm bench:check\` fails a family whose time grows more than ${growthRatioLimit} times (quadratic work grows 16 times). A family whose time hardly grows is dominated by work that does not depend on n (for \`"Action": "*"\`, the 17,000 actions it names). At 4n a call must also take at most ${growthCpuLimitMs} ms of CPU time (the process's user and system time, median of the rounds; waiting for a core of the shared machine does not count) or be refused up front over its budget (\`refused\`).`,
    '',
    table([
      ['family (n counts)', 'function', 'n / 2n / 4n', 'n', '2n', '4n', '4n / n', 'CPU at 4n', ''],
      ...rows,
    ]),
  ].join('\n')
}
