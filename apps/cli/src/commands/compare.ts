import { awsCatalog } from '@connect-policy/catalog'
import { type AccessRegion, comparePolicies } from '@connect-policy/core'
import { readPolicySets } from '../analysis/read-sides.ts'
import { analysisErrors } from '../analysis/render-errors.ts'
import { defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { renderRegionsHuman } from '../format/access-human.ts'
import { accessSarif } from '../format/access-sarif.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'
import { version } from '../version.ts'

export const compareHelp = `Usage: connect-policy compare <before.json> <after.json> [options]
       connect-policy compare --before <file>... --after <file>... [options]

Compares what two sets of identity-based policies allow, over every request at once (every
action of the AWS service reference on every resource of its types, under every condition
value the policies tell apart), and says how \`after\` relates to \`before\`: equivalent,
narrower, broader or incomparable. Each access added or removed comes with a request that
shows it, decided by the evaluator on both sides. An answer the analysis cannot prove within
its limits is \`unknown\`, with the reason; it is never reported as equivalent.

Options:
  --before <file>      a policy of the set before the change; may repeat
  --after <file>       a policy of the set after the change; may repeat
  --format <format>    human (default), json or sarif (each added access a result)
  -h, --help           show this help

Examples:
  connect-policy compare main/agent.json branch/agent.json
  connect-policy compare --before agent.json --after agent.json --after extra.json --format json

Exit codes: 0 \`after\` grants nothing \`before\` does not; 1 it does, or that could not be
proven; 2 usage error, an unreadable file or a policy AWS would reject.
`

const formats = ['human', 'json', 'sarif'] as const

const relationWords = {
  equivalent: 'allows exactly what before allows',
  narrower: 'allows less than before, and nothing new',
  broader: 'allows more than before, and keeps everything',
  incomparable: 'allows something new and loses something',
  unknown: 'could not be compared exactly within the limits',
} as const

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArguments(
    args,
    {
      before: { type: 'string', multiple: true },
      after: { type: 'string', multiple: true },
      format: { type: 'string' },
    },
    true,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const named = values.before !== undefined || values.after !== undefined
  if (named && positionals.length > 0) {
    throw new UsageError(
      'give the two sides as two files, or with `--before` and `--after`, not both',
    )
  }
  const before = named ? (values.before ?? []) : positionals.slice(0, 1)
  const after = named ? (values.after ?? []) : positionals.slice(1)
  if (!named && positionals.length !== 2) {
    throw new UsageError(
      'compare takes two policy files: `connect-policy compare <before> <after>`',
    )
  }
  if (before.length === 0 || after.length === 0) {
    throw new UsageError('both sides need a policy: `--before <file>` and `--after <file>`')
  }
  const [beforeSet, afterSet] = await readPolicySets([before, after], io)
  const catalog = awsCatalog()
  const result = comparePolicies(beforeSet, afterSet, { catalog })
  if (result.errors !== undefined) throw analysisErrors(result.errors)
  const grantsMore = result.added.regions.length > 0 || result.relation === 'unknown'
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } else if (format === 'sarif') {
    const log = accessSarif(result.added.regions, {
      toolVersion: version,
      source: catalog.source,
      cwd: io.cwd,
      ruleId: 'new-access',
      rule: 'access the policies after the change grant and those before do not',
    })
    io.stdout.write(`${JSON.stringify(log, null, 2)}\n`)
  } else {
    const style = createStyle(useColor(io))
    const out: string[] = [`${style.bold('after')} ${relationWords[result.relation]}.`]
    const section = (title: string, regions: readonly AccessRegion[], omitted: number) => {
      if (regions.length === 0) return
      out.push('', style.bold(title), ...renderRegionsHuman(regions, style))
      if (omitted > 0)
        out.push(
          `  … and ${omitted} more regions (--format json lists the first ${regions.length})`,
        )
    }
    section('Added (allowed after, not before):', result.added.regions, result.added.omittedRegions)
    section(
      'Removed (allowed before, not after):',
      result.removed.regions,
      result.removed.omittedRegions,
    )
    for (const reason of result.reasons) out.push(style.yellow(`note: ${reason}`))
    io.stdout.write(`${out.join('\n')}\n`)
  }
  return grantsMore ? exitCodes.failure : exitCodes.success
}

/** `connect-policy compare`: how two policy sets relate, each difference shown by a request. */
export const compare = defineCommand(compareHelp, run)
