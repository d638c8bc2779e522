import { awsCatalog, validatePolicy } from '@connect-policy/catalog'
import { didYouMean } from '@connect-policy/core'
import {
  samples as allSamples,
  type DocumentVersion,
  documentVersions,
  evaluateExpectation,
} from '@connect-policy/samples'
import { defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import {
  outcomesAgree,
  type PrintedView,
  renderSample,
  renderSampleList,
} from '../format/sample-human.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'

export const samplesHelp = `Usage: connect-policy samples list
       connect-policy samples show <id> [--printing original|revised]

The policy examples of the AWS page "Amazon Connect resource-level policy examples", held as
checked data: the text as printed (two printings of the page), the corrected policy, the
mistakes (errata), and the decisions the page claims as requests evaluated live.

Subcommands:
  list        every sample's id, kind, printings, errata and expectations, and title
  show <id>   one sample: each printed text with the findings on it, the corrected policy,
              the errata, and each expectation with what every text decides today

Options:
  --printing <version>  show only the original or the revised printing
  --format <format>     human (default) or json
  -h, --help            show this help

Examples:
  connect-policy samples list
  connect-policy samples show create-user-deny-security-profile
  connect-policy samples show deny-user-delete-update --printing revised --format json

Exit codes: 0 success, 2 usage error or unknown sample id.
`

const formats = ['human', 'json'] as const
const subcommands = ['list', 'show'] as const

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
  const results = sample.expectations.map((expectation) => {
    const result = evaluateExpectation(sample, expectation, { catalog: awsCatalog() })
    const kept = Object.fromEntries(
      Object.entries(result.printed).filter(([version]) =>
        versions.includes(version as DocumentVersion),
      ),
    )
    return { ...result, printed: kept }
  })
  if (format === 'json') {
    const outcome = (text: { outcome: string; deciding: readonly unknown[] } | undefined) =>
      text === undefined ? undefined : { outcome: text.outcome, deciding: text.deciding }
    const report = {
      sample,
      findings: Object.fromEntries(printed.map((view) => [view.version, view.findings])),
      expectations: results.map((result) => ({
        ...result.expectation,
        live: {
          corrected: outcome(result.corrected),
          printed: Object.fromEntries(
            Object.entries(result.printed).map(([version, text]) => [version, outcome(text)]),
          ),
          literal: outcome(result.literal),
          asRecorded: outcomesAgree(result),
        },
      })),
    }
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  } else {
    io.stdout.write(renderSample(sample, printed, results, createStyle(useColor(io))))
  }
  return exitCodes.success
}

/** `connect-policy samples list|show <id>`: the documented examples, checked and evaluated. */
export const samples = defineCommand(samplesHelp, async (args, io) => {
  const { values, positionals } = parseArguments(
    args,
    { format: { type: 'string' }, printing: { type: 'string' } },
    true,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const [subcommand, id, ...extra] = positionals
  if (subcommand === undefined) throw new UsageError('name a subcommand: `list` or `show <id>`')
  if (!(subcommands as readonly string[]).includes(subcommand)) {
    throw new UsageError(`unknown subcommand \`${subcommand}\`: \`list\` or \`show <id>\``)
  }
  if (subcommand === 'list') {
    if (id !== undefined) throw new UsageError(`unexpected argument \`${id}\``)
    return list(format, io)
  }
  if (id === undefined) throw new UsageError('name the sample to show: `samples show <id>`')
  if (extra.length > 0) throw new UsageError(`unexpected argument \`${extra[0]}\``)
  const printing =
    values.printing === undefined
      ? undefined
      : oneOf('printing', values.printing, documentVersions, 'original')
  return show(id, printing, format, io)
})
