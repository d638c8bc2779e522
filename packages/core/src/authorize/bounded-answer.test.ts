import { describe, expect, it } from 'vitest'
import { defaultBudget } from '../model/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import type { Decision, EvaluationResult } from './result.ts'

function decided(result: EvaluationResult): Decision {
  if (result.decision === undefined) throw new Error(JSON.stringify(result.errors))
  return result
}

const allowAll = (statements: number) => ({
  Version: '2012-10-17',
  Statement: Array.from({ length: statements }, () => ({
    Effect: 'Allow',
    Action: '*',
    Resource: '*',
  })),
})

describe('an answer about 20 policies of 420 `Allow * *` statements', () => {
  // the review's case: 0.4 MB of policies answered 398 MB for 100 requests without caps
  const set = { identityPolicies: Array.from({ length: 20 }, () => allowAll(420)) }
  const compiled = compilePolicies(set)
  const request = (index: number) => ({
    action: 's3:GetObject',
    resource: `arn:aws:s3:::bucket-${index}/object`,
  })

  it('names at most 100 deciding statements and counts the 8,300 others', () => {
    for (let index = 0; index < 10; index++) {
      const result = decided(compiled.evaluate(request(index), { explain: false }))
      expect(result.decision).toBe('Allow')
      const { explanation } = result
      expect(explanation.deciding).toHaveLength(defaultBudget.maxDeciding)
      expect(explanation.omittedDeciding).toBe(8400 - 100)
      const [resource] = explanation.resources
      expect(resource?.deciding).toHaveLength(100)
      expect(resource?.omittedDeciding).toBe(8300)
      expect(resource?.reason).toBe(
        `allowed by ${[0, 1, 2, 3, 4].map((index) => `\`identityPolicies[0]\` statement #${index}`).join(', ')} and 8395 more`,
      )
      // each answer a few tens of kilobytes, where it was 4 MB
      expect(JSON.stringify(result).length).toBeLessThan(60_000)
    }
  })

  it('answers 20 resources with 100 deciding statements each', () => {
    const resources = Array.from({ length: 20 }, (_, index) => `arn:aws:s3:::bucket/${index}`)
    const result = decided(
      compiled.evaluate({ action: 's3:GetObject', resource: resources }, { explain: false }),
    )
    expect(result.explanation.omittedDeciding).toBe(8300)
    for (const resource of result.explanation.resources) {
      expect(resource.deciding).toHaveLength(100)
      expect(resource.omittedDeciding).toBe(8300)
    }
    expect(JSON.stringify(result).length).toBeLessThan(20 * 30_000)
  })

  it('traces at most 1,000 statements per resource when explained, and counts the others', () => {
    const result = decided(evaluate(request(0), set))
    const [resource] = result.explanation.resources
    expect(resource?.statements).toHaveLength(defaultBudget.maxTraces)
    expect(resource?.omittedStatements).toBe(8400 - 1000)
    expect(decided(compiled.evaluate(request(0)))).toEqual(result)
  })

  it('lists as many as the caps say, and every one with caps raised to infinity', () => {
    const budget = { maxDeciding: 3, maxTraces: 5 }
    const small = decided(evaluate(request(0), set, { budget }))
    expect(small.explanation.deciding).toHaveLength(3)
    expect(small.explanation.omittedDeciding).toBe(8397)
    expect(small.explanation.resources[0]?.statements).toHaveLength(5)
    const infinite = { maxDeciding: Number.POSITIVE_INFINITY, maxTraces: Number.POSITIVE_INFINITY }
    const all = decided(
      compilePolicies(set, { budget: infinite }).evaluate(request(0), { explain: false }),
    )
    expect(all.explanation.deciding).toHaveLength(8400)
    expect(all.explanation.omittedDeciding).toBeUndefined()
  })
})

describe('bounded lists', () => {
  const instance =
    'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

  it('keep the traces of the statements that apply first, in the order of the set', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Queues', Effect: 'Allow', Action: 'connect:*', Resource: `${instance}/queue/*` },
        { Sid: 'Other1', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Sid: 'Other2', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Sid: 'Agents', Effect: 'Allow', Action: 'connect:*', Resource: `${instance}/agent/*` },
        { Sid: 'All', Effect: 'Allow', Action: 'connect:*', Resource: '*' },
      ],
    }
    const result = decided(
      evaluate(
        { action: 'connect:DescribeQueue', resource: `${instance}/queue/q-1` },
        { identityPolicies: [policy] },
        { budget: { maxTraces: 3 } },
      ),
    )
    const [resource] = result.explanation.resources
    expect(resource?.statements.map((trace) => trace.statement.sid)).toEqual([
      'Queues',
      'Other1',
      'All',
    ])
    expect(resource?.omittedStatements).toBe(2)
  })

  it('cut the findings to `maxFindings`, and count the others', () => {
    // each Allow value with a space around it is a finding of the set, on every decision
    const policy = {
      Version: '2012-10-17',
      Statement: Array.from({ length: 5 }, (_, index) => ({
        Effect: 'Allow',
        Action: ['connect:DescribeQueue', ` connect:Action${index}`],
        Resource: '*',
      })),
    }
    const request = { action: 'connect:DescribeQueue', resource: '*' }
    const all = decided(evaluate(request, { identityPolicies: [policy] }))
    expect(all.findings).toHaveLength(5)
    expect(all.omittedFindings).toBeUndefined()
    const budget = { maxFindings: 2 }
    for (const result of [
      evaluate(request, { identityPolicies: [policy] }, { budget }),
      compilePolicies({ identityPolicies: [policy] }, { budget }).evaluate(request, {
        explain: false,
      }),
    ]) {
      expect(decided(result).findings).toEqual(all.findings.slice(0, 2))
      expect(decided(result).omittedFindings).toBe(3)
    }
  })

  it('leave an answer within every cap as it is', () => {
    const policy = allowAll(2)
    const request = { action: 'connect:DescribeQueue', resource: '*' }
    const result = decided(evaluate(request, { identityPolicies: [policy] }))
    expect(Object.keys(result)).toEqual(['decision', 'explanation', 'findings'])
    expect(Object.keys(result.explanation)).toEqual(['action', 'deciding', 'resources'])
  })
})
