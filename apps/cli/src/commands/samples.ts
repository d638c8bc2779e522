import { awsCatalog, validatePolicy } from '@connect-policy/catalog'
import { didYouMean } from '@connect-policy/core'
import {
  samples as allSamples,
  type DocumentVersion,
  documentVersions,
  type ExpectationOutcome,
  evaluateExpectation,
  type Sample,
} from '@connect-policy/samples'
import { defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import {
  outcomesAgree,
  type PrintedView,
  renderSample,
  renderSampleList,
} from '../format/sample-human.ts'
import { renderSamplesCheck, type SampleCheck } from '../format/samples-check-human.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'

export const samplesHelp = `Usage: connect-policy samples list
       connect-policy samples show <id> [--printing original|revised]
       connect-policy samples check

The policy examples of the AWS page "Amazon Connect resource-level policy examples", held as
checked data: the text as printed (two printings of the page), the corrected policy, the
mistakes (errata), and the decisions the page claims as requests evaluated live.

Subcommands:
  list        every sample's id, kind, printings, errata and expectations, and title
  show <id>   one sample: each printed text with the findings on it, the corrected policy,
              the errata, and each expectation with what every text decides today
  check       every expectation of every sample, evaluated: a table per sample of what the
              corrected, printed and literal policies decide, and whether each is the
              outcome the sample records

Options:
  --printing <version>  show only the original or the revised printing (\`show\` only)
  --format <format>     human (default) or json
  -h, --help            show this help

Examples:
  connect-policy samples list
  connect-policy samples show create-user-deny-security-profile
  connect-policy samples show deny-user-delete-update --printing revised --format json
  connect-policy samples check

Exit codes: 0 success (for \`check\`: every expectation decided as recorded); 1 \`check\` found
an expectation not decided as its sample records; 2 usage error or unknown sample id.
`

const formats = ['human', 'json'] as const
const subcommands = ['list', 'show', 'check'] as const

/** An expectation with what every text decides today, as the JSON output gives it. */
function liveView(result: ExpectationOutcome) {
  const outcome = (text: { outcome: string; deciding: readonly unknown[] } | undefined) =>
    text === undefined ? undefined : { outcome: text.outcome, deciding: text.deciding }
  return {
    ...result.expectation,
    live: {
      corrected: outcome(result.corrected),
      printed: Object.fromEntries(
        Object.entries(result.printed).map(([version, text]) => [version, outcome(text)]),
      ),
      literal: outcome(result.literal),
      asRecorded: outcomesAgree(result),
    },
  }
}

/** Every expectation of a sample, decided with the whole AWS service reference. */
function evaluateSample(sample: Sample): ExpectationOutcome[] {
  return sample.expectations.map((expectation) =>
    evaluateExpectation(sample, expectation, { catalog: awsCatalog() }),
  )
}

function list(format: 'human' | 'json', io: Io): number {
  if (format === 'json') {
    const rows = allSamples.map((sample) => ({
      id: sample.id,
      title: sample.title,
      kind: sample.kind,
      services: sample.services,
      printedIn: documentVersions.filter((version) => sample.printed[version] !== undefined),
      errata: sample.errata.length,
      expectations: sample.expectations.length,
    }))
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
  } else {
    io.stdout.write(renderSampleList(allSamples, createStyle(useColor(io))))
  }
  return exitCodes.success
}

function show(
  id: string,
  printing: DocumentVersion | undefined,
  format: 'human' | 'json',
  io: Io,
): number {
  const sample = allSamples.find((candidate) => candidate.id === id)
  if (sample === undefined) {
    const ids = allSamples.map((candidate) => candidate.id)
    const hint = didYouMean(id, ids) || ': `connect-policy samples list` lists them'
    throw new UsageError(`unknown sample \`${id}\`${hint}`)
  }
  if (printing !== undefined && sample.printed[printing] === undefined) {
    throw new UsageError(`sample \`${id}\` is not in the ${printing} printing`)
  }
  const versions = documentVersions.filter(
    (version) => sample.printed[version] !== undefined && (printing ?? version) === version,
  )
  const printed: PrintedView[] = versions.map((version) => {
    const text = sample.printed[version]?.text
    return {
      version,
      name: `${sample.id}/${version}`,
      findings: text === undefined ? [] : validatePolicy(text),
    }
  })
  const results = evaluateSample(sample).map((result) => {
    const kept = Object.fromEntries(
      Object.entries(result.printed).filter(([version]) =>
        versions.includes(version as DocumentVersion),
      ),
    )
    return { ...result, printed: kept }
  })
  if (format === 'json') {
    const report = {
      sample,
      findings: Object.fromEntries(printed.map((view) => [view.version, view.findings])),
      expectations: results.map(liveView),
    }
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  } else {
    io.stdout.write(renderSample(sample, printed, results, createStyle(useColor(io))))
  }
  return exitCodes.success
}

/**
 * Every expectation of every sample given, evaluated; exit 1 when any text of one does not give
 * the outcome its sample records (`asRecorded` of `@connect-policy/samples`).
 */
export function checkSamples(list: readonly Sample[], format: 'human' | 'json', io: Io): number {
  const checks: SampleCheck[] = list
    .filter((sample) => sample.expectations.length > 0)
    .map((sample) => ({ sample, results: evaluateSample(sample) }))
  const results = checks.flatMap((entry) => entry.results)
  const agreeing = results.filter(outcomesAgree).length
  if (format === 'json') {
    const report = {
      expectations: results.length,
      asRecorded: agreeing,
      samples: checks.map(({ sample, results }) => ({
        id: sample.id,
        title: sample.title,
        expectations: results.map(liveView),
      })),
    }
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  } else {
    io.stdout.write(renderSamplesCheck(checks, createStyle(useColor(io))))
  }
  return agreeing === results.length ? exitCodes.success : exitCodes.failure
}

/** `connect-policy samples list|show <id>|check`: the documented examples, checked and evaluated. */
export const samples = defineCommand(samplesHelp, async (args, io) => {
  const { values, positionals } = parseArguments(
    args,
    { format: { type: 'string' }, printing: { type: 'string' } },
    true,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const [subcommand, id, ...extra] = positionals
  if (subcommand === undefined) {
    throw new UsageError('name a subcommand: `list`, `show <id>` or `check`')
  }
  if (!(subcommands as readonly string[]).includes(subcommand)) {
    throw new UsageError(
      `unknown subcommand \`${subcommand}\`: \`list\`, \`show <id>\` or \`check\``,
    )
  }
  if (subcommand === 'list' || subcommand === 'check') {
    if (id !== undefined) throw new UsageError(`unexpected argument \`${id}\``)
    if (values.printing !== undefined) {
      throw new UsageError(`\`--printing\` applies to \`show\` only, not \`${subcommand}\``)
    }
    return subcommand === 'list' ? list(format, io) : checkSamples(allSamples, format, io)
  }
  if (id === undefined) throw new UsageError('name the sample to show: `samples show <id>`')
  if (extra.length > 0) throw new UsageError(`unexpected argument \`${extra[0]}\``)
  const printing =
    values.printing === undefined
      ? undefined
      : oneOf('printing', values.printing, documentVersions, 'original')
  return show(id, printing, format, io)
})
