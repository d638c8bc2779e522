import { awsCatalog } from '@connect-policy/catalog'
import { compilePolicies, parsePolicy, validatePolicy } from '@connect-policy/core'
import { measure } from '../harness/measure.ts'
import type { SuiteOutcome } from '../report/results.ts'
import { largestInlinePolicy } from './largest-policy.ts'

/** Benchmark 5: the largest inline role policy, parsed, and for comparison compiled and validated. */
export function parseSuite(): SuiteOutcome {
  const text = largestInlinePolicy()
  const parsed = parsePolicy(text)
  if (parsed.policy === undefined || parsed.diagnostics.length > 0) {
    throw new Error('the largest policy must parse without a diagnostic')
  }
  const catalog = awsCatalog()
  const statements = parsed.policy.statements.length
  return {
    suite: {
      id: 'parse',
      title: 'Parsing the largest inline policy',
      description: `A policy of 10,240 characters without whitespace (the most IAM allows in an inline role policy; ${text.length.toLocaleString('en-US')} characters as printed, ${statements} statements of Amazon Connect actions, ARN patterns and conditions).`,
      unit: 'ms',
      columns: ['time'],
      rows: [
        {
          name: '**`parsePolicy`**',
          first: measure('parse', () => parsePolicy(text), { time: 500 }),
        },
        {
          name: '`compilePolicies` (parse, check, compile)',
          first: measure('compile', () => compilePolicies({ identityPolicies: [text] }), {
            time: 500,
          }),
        },
        {
          name: '`validatePolicy` with the AWS catalog',
          first: measure('validate', () => validatePolicy(text, { catalog }), { time: 500 }),
        },
      ],
      notes: [],
    },
    metrics: {},
  }
}
