import type { EvaluationResult, PolicySet } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { decisionSchema } from '../../schemas/evaluation.ts'
import { sharedCatalog } from '../../testing/test-app.ts'
import { compiledSetCache } from './compiled-sets.ts'

const policy = (sid: string): PolicySet => ({
  identityPolicies: [
    `{"Version": "2012-10-17", "Statement": [{"Sid": "${sid}", "Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}`,
  ],
})
const request = { action: 'connect:DescribeUser', resource: '*' }

describe('compiledSetCache', () => {
  it('compiles a set once and answers later calls with the same compilation', () => {
    const cache = compiledSetCache(1000)
    let compilations = 0
    const compile = () => {
      compilations++
      return policy('A')
    }
    const first = cache.compile('a', compile)
    const second = cache.compile('a', compile)
    expect(second).toBe(first)
    expect(compilations).toBe(1)
    expect(second.evaluate(request).decision).toBe('Allow')
  })

  it('keeps within its budget of characters, dropping the least recently used', () => {
    const cache = compiledSetCache(10)
    cache.compile('aaaa', () => policy('A'))
    cache.compile('bbbb', () => policy('B'))
    cache.compile('aaaa', () => policy('A'))
    cache.compile('cccc', () => policy('C'))
    expect(cache.size()).toBe(2)
    let recompiled = false
    cache.compile('aaaa', () => {
      recompiled = true
      return policy('A')
    })
    expect(recompiled).toBe(false)
    cache.compile('bbbb', () => {
      recompiled = true
      return policy('B')
    })
    expect(recompiled).toBe(true)
  })

  it('keeps at most its number of entries, and nothing larger than its budget', () => {
    const cache = compiledSetCache(1000, { maxEntries: 2 })
    for (const key of ['a', 'b', 'c']) cache.compile(key, () => policy(key))
    expect(cache.size()).toBe(2)
    cache.compile('x'.repeat(1001), () => policy('X'))
    expect(cache.size()).toBe(2)
  })

  it('keeps nothing with a budget of 0', () => {
    const cache = compiledSetCache(0)
    cache.compile('a', () => policy('A'))
    expect(cache.size()).toBe(0)
  })

  it('caches a set that cannot be evaluated with its errors', () => {
    const cache = compiledSetCache(1000)
    const broken = cache.compile('broken', () => ({ identityPolicies: ['{'] }))
    expect(broken.errors?.length).toBe(1)
    expect(cache.compile('broken', () => policy('A'))).toBe(broken)
  })

  it('compiles every set with the service reference it was given', () => {
    const typo = { action: 'connect:DescribeUsr', resource: '*' }
    const withReference = compiledSetCache(1000, { catalog: () => sharedCatalog.catalog() })
    const without = compiledSetCache(1000)
    const findingsOf = (result: EvaluationResult) =>
      result.errors === undefined ? result.findings : []
    expect(findingsOf(withReference.compile('a', () => policy('A')).evaluate(typo))).toMatchObject([
      { code: 'unknown-action', suggestion: 'connect:DescribeUser' },
    ])
    expect(findingsOf(without.compile('a', () => policy('A')).evaluate(typo))).toEqual([])
  })

  it('gives results the API documents, notes of statements read two ways included', () => {
    // without the reference, whether AWS sends connect:InstanceId is not known: the note says so
    const set: PolicySet = {
      identityPolicies: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'connect:ListQueues',
              Resource: '*',
              Condition: { StringEquals: { 'connect:InstanceId': 'i-1' } },
            },
          ],
        },
      ],
    }
    const result = compiledSetCache(1000)
      .compile('b', () => set)
      .evaluate({
        action: 'connect:ListQueues',
        resource: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/*',
      })
    if (result.errors !== undefined) throw new Error('not evaluated')
    expect(result.explanation.resources[0]?.statements[0]?.note).toContain('connect:InstanceId')
    expect(decisionSchema.parse(result)).toEqual(result)
  })
})
