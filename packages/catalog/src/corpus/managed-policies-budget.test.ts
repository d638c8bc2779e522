import { defaultBudget, evaluate } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { awsCatalog } from '../aws-catalog.ts'
import { validatePolicy } from '../validate-policy.ts'
import { readManagedPolicies } from './read-managed-policies.ts'

const corpus = readManagedPolicies()
const catalog = awsCatalog()

/** The budget's estimate of a call, read from its refusal with the limit at 0. */
function estimated(result: { readonly overBudget?: { readonly estimated: number } } | undefined) {
  if (result?.overBudget === undefined) throw new Error('not refused with the limit at 0')
  return result.overBudget.estimated
}

const request = {
  action: 'connect:DescribeUser',
  resource: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1',
  context: { 'aws:PrincipalTag/team': 'blue' },
}

describe('the default budget, against every AWS managed policy', () => {
  it('leaves each validation within a tenth of its steps', () => {
    const steps = corpus.policies.map((policy) =>
      estimated(validatePolicy(policy.text, { budget: { maxSteps: 0 } })[0]),
    )
    expect(Math.max(...steps)).toBeLessThan(defaultBudget.maxSteps / 10)
  })

  it('leaves each explained evaluation within a hundredth of its steps and a twentieth of its answer', () => {
    let steps = 0
    let bytes = 0
    for (const policy of corpus.policies) {
      const set = { identityPolicies: [policy.text] }
      const stepsOf = evaluate(request, set, { catalog, budget: { maxSteps: 0 } })
      const bytesOf = evaluate(request, set, { catalog, budget: { maxAnswerBytes: 0 } })
      steps = Math.max(steps, estimated(stepsOf.errors?.[0]))
      bytes = Math.max(bytes, estimated(bytesOf.errors?.[0]))
    }
    expect(steps).toBeLessThan(defaultBudget.maxSteps / 100)
    expect(bytes).toBeLessThan(defaultBudget.maxAnswerBytes / 20)
  })
})
