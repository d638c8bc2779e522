import { awsCatalogData } from '@connect-policy/catalog'
import { createCatalog, parseJson } from '@connect-policy/core'
import { readSource, validateSource } from '@connect-policy/sources'
import { parseDocument } from 'yaml'
import type { Measurement } from '../harness/measure.ts'
import { fewRuns, timeOnce } from '../harness/time-once.ts'
import type { SuiteOutcome } from '../report/results.ts'
import { accountExport, largeAccount } from './account-export.ts'

/** Runs of the whole file: each takes seconds, so a few, each with a catalog built anew. */
const runs = 3

const count = (value: number) => value.toLocaleString('en-US')

/**
 * Benchmark: a large account's `aws iam get-account-authorization-details` output (5,000 roles,
 * generated in code) read with `readSource` and every policy in it validated with
 * `validateSource` against the whole service reference, positioned in the file. The file is
 * checked before it is timed: recognised as an export, with every policy and principal found and
 * each deliberate mistake reported.
 */
export function sourcesSuite(): SuiteOutcome {
  const generated = timeOnce(() => accountExport(largeAccount))
  const file = generated.value
  const data = awsCatalogData()
  const builds: number[] = []
  const reads: number[] = []
  const validations: number[] = []
  const totals: number[] = []
  let findings = new Map<string, number>()
  let principals = 0
  for (let run = 0; run < runs; run++) {
    const built = timeOnce(() => createCatalog(data))
    builds.push(built.milliseconds)
    const read = timeOnce(() => readSource({ name: 'authorization-details.json', text: file.text }))
    const validated = timeOnce(() => validateSource(read.value, { catalog: built.value }))
    reads.push(read.milliseconds)
    validations.push(validated.milliseconds)
    totals.push(read.milliseconds + validated.milliseconds)
    const { format, policies, problems } = read.value
    const misspelt = validated.value.findings.filter((finding) => finding.code === 'unknown-action')
    if (
      format !== 'authorization-details' ||
      policies.length !== file.policies ||
      problems.length !== 0 ||
      misspelt.length !== file.misspelt
    ) {
      throw new Error(
        `the account export must be read whole: ${format}, ${policies.length} of ${file.policies} policies, ${problems.length} problems, ${misspelt.length} of ${file.misspelt} misspelt actions found`,
      )
    }
    principals = read.value.principals.length
    findings = new Map()
    for (const finding of validated.value.findings)
      findings.set(finding.code, (findings.get(finding.code) ?? 0) + 1)
  }
  // the tree of a JSON file: core's positioned parser against the `yaml` library, which reads
  // JSON as YAML 1.2 with positions too (what the readers use for YAML files)
  const jsonTrees: number[] = []
  const yamlTrees: number[] = []
  for (let run = 0; run < runs; run++) {
    jsonTrees.push(timeOnce(() => parseJson(file.text)).milliseconds)
    yamlTrees.push(timeOnce(() => parseDocument(file.text, { uniqueKeys: false })).milliseconds)
  }
  const total = fewRuns(totals)
  const once = (milliseconds: number): Measurement => ({
    median: milliseconds,
    p99: milliseconds,
    samples: 1,
  })
  const megabytes = (Buffer.byteLength(file.text) / 1e6).toFixed(1)
  return {
    suite: {
      id: 'sources',
      title: 'Reading and validating an account export',
      description: `\`aws iam get-account-authorization-details\` output of an account with ${count(largeAccount.roles)} roles (each with a trust policy, one or two inline policies of Amazon Connect actions on instance ARNs, attached managed policies, every fourth a permissions boundary), ${count(largeAccount.users)} users, ${count(largeAccount.groups)} groups and ${count(largeAccount.managedPolicies)} customer managed policies of two to five versions, generated in code as the AWS CLI writes it (${megabytes} MB). \`readSource\` reads it (${count(file.policies)} policies: every inline and trust policy and each managed policy's default version; ${count(principals)} principals), and \`validateSource\` validates each against the whole service reference and positions its findings in the file. ${runs} runs, each with a catalog built anew (its answers are cached as it is used).`,
      unit: 'ms',
      columns: ['time'],
      rows: [
        { name: 'generate the file', first: once(generated.milliseconds) },
        { name: 'build the catalog (`createCatalog`)', first: fewRuns(builds) },
        { name: '`readSource`', first: fewRuns(reads) },
        { name: '`validateSource`', first: fewRuns(validations) },
        {
          name: `**read and validate the export** (${count(file.policies)} policies)`,
          first: total,
        },
        { name: 'its tree with `parseJson` (core, positioned)', first: fewRuns(jsonTrees) },
        { name: 'its tree with `parseDocument` (the `yaml` library)', first: fewRuns(yamlTrees) },
      ],
      notes: [
        `JSON files are read with core's \`parseJson\`, YAML files with the \`yaml\` library: on this file the library takes ${(fewRuns(yamlTrees).median / fewRuns(jsonTrees).median).toFixed(1)}× the time of \`parseJson\` (docs/ARCHITECTURE.md).`,
        `File: ${megabytes} MB, ${count(file.text.length)} characters; ${count(file.documents)} policy documents, of which ${count(file.policies)} validated (the other versions of managed policies are not in force).`,
        `Runs (read + validate): ${totals.map((milliseconds) => `${Math.round(milliseconds)} ms`).join(', ')}; findings of the last: ${[
          ...findings,
        ]
          .map(([code, number]) => `\`${code}\` ${count(number)}`)
          .join(', ')}.`,
      ],
    },
    metrics: { accountExportMs: total.median },
  }
}
