import { formatCount, formatRatio, formatTime } from './report/format.ts'
import type { MetricName } from './report/results.ts'
import type { Target } from './target-check.ts'

/** The targets of the performance issue, each on one metric of a run (`target-check.ts`). */
export const targets: readonly Target<MetricName>[] = [
  {
    metric: 'decisionsPerSecondUnexplained',
    description: 'single-request decisions per second on the documented examples, explanation off',
    direction: 'atLeast',
    threshold: 1_000_000,
    format: (value) => `${formatCount(value)}/s`,
  },
  {
    metric: 'decisionsPerSecondExplained',
    description: 'single-request decisions per second on the documented examples, full explanation',
    direction: 'atLeast',
    threshold: 100_000,
    format: (value) => `${formatCount(value)}/s`,
  },
  {
    metric: 'adversarialResourceMs',
    description: 'a 14-star pattern against a 5,000-character resource, decided',
    direction: 'below',
    threshold: 1,
    format: formatTime,
  },
  {
    metric: 'adversarialConditionMs',
    description: 'the same pattern in a `StringLike` condition, decided',
    direction: 'below',
    threshold: 1,
    format: formatTime,
  },
  {
    metric: 'corpusValidationMs',
    description: 'every AWS managed policy validated, catalog built',
    direction: 'below',
    threshold: 3000,
    format: formatTime,
  },
  {
    metric: 'compileOnceSpeedup',
    description: 'a second evaluation against compile + evaluate',
    direction: 'atLeast',
    threshold: 20,
    format: formatRatio,
  },
  {
    metric: 'compareConnectPoliciesMs',
    description: 'two Amazon Connect managed policies compared over every request',
    direction: 'below',
    threshold: 10,
    format: formatTime,
  },
  {
    metric: 'summarizeFullAccessMs',
    description: '`AmazonConnect_FullAccess` summarized over every request',
    direction: 'below',
    threshold: 20,
    format: formatTime,
  },
  {
    metric: 'patternInclusionMs',
    description: "a 14-star pattern's inclusion in another, decided",
    direction: 'below',
    threshold: 5,
    format: formatTime,
  },
  {
    metric: 'connectFamilyPairsMs',
    description:
      'every ordered pair of the AWS managed policies that name a Connect-family action, compared',
    direction: 'below',
    threshold: 5000,
    format: formatTime,
  },
  {
    metric: 'auditLargestConnectPolicyMs',
    description: 'the largest Amazon Connect managed policy audited (every check)',
    direction: 'below',
    threshold: 100,
    format: formatTime,
  },
  {
    metric: 'accountExportMs',
    description:
      'an account export of 5,000 roles read and every policy validated (`readSource` + `validateSource`)',
    direction: 'below',
    threshold: 10_000,
    format: formatTime,
  },
]
