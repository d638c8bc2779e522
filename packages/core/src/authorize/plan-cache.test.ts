import { describe, expect, it } from 'vitest'
import { defaultBudget } from '../model/index.ts'
import { compilePolicies } from './compile.ts'
import { compileStatement } from './compiled-statement.ts'
import { planCache } from './plan-cache.ts'
import type { StatementRef } from './result.ts'
import { statementCost } from './work-budget.ts'

const allowAll = (statements: number) => ({
  Version: '2012-10-17',
  Statement: Array.from({ length: statements }, () => ({
    Effect: 'Allow',
    Action: '*',
    Resource: '*',
  })),
})

/** A policy whose statement `index` names only `s3:Action<index>`, and a last one every action. */
const oneEach = (statements: number) => ({
  Version: '2012-10-17',
  Statement: [
    ...Array.from({ length: statements }, (_, index) => ({
      Effect: 'Allow',
      Action: `s3:Action${index}`,
      Resource: '*',
    })),
    { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::secret/*' },
  ],
})

describe("a compiled set's plans", () => {
  it('stay within `maxPlanBytes` after thousands of distinct actions, sharing one candidate list', () => {
    const compiled = compilePolicies({
      identityPolicies: Array.from({ length: 4 }, () => allowAll(100)),
    })
    const before = compiled.approximateBytes()
    for (let index = 0; index < 5000; index++) {
      const result = compiled.evaluate(
        { action: `s3:Action${index}`, resource: '*' },
        { explain: false },
      )
      expect(result.decision).toBe('Allow')
    }
    const plans = compiled.approximateBytes() - before
    // 5,000 plans of one shared list of 400 statements: under 2 MB, where a list each would take 16 MB
    expect(plans).toBeGreaterThan(0)
    expect(plans).toBeLessThanOrEqual(defaultBudget.maxPlanBytes)
    expect(plans).toBeLessThan(2_000_000)
  })

  it('drop the least recently used beyond a smaller bound, and decide alike', () => {
    const set = { identityPolicies: [oneEach(3000)] }
    const maxPlanBytes = 200_000
    const compiled = compilePolicies(set, { budget: { maxPlanBytes } })
    const direct = compilePolicies(set, { budget: { maxPlanBytes: Number.POSITIVE_INFINITY } })
    const base = compilePolicies(set, { budget: { maxPlanBytes: 0 } }).approximateBytes()
    for (let round = 0; round < 2; round++) {
      for (let index = 0; index < 3000; index += 1) {
        const request = { action: `s3:Action${index}`, resource: 'arn:aws:s3:::bucket/object' }
        expect(compiled.evaluate(request, { explain: false })).toEqual(
          direct.evaluate(request, { explain: false }),
        )
        // the hot action stays
        compiled.evaluate({ action: 's3:Action0', resource: '*' }, { explain: false })
        expect(compiled.approximateBytes() - base).toBeLessThanOrEqual(maxPlanBytes)
      }
    }
    expect(direct.approximateBytes() - base).toBeGreaterThan(maxPlanBytes)
  })
})

describe('planCache', () => {
  const ref = (statementIndex: number): StatementRef => ({
    policyType: 'identity',
    policyIndex: 0,
    policyName: 'p',
    statementIndex,
    effect: 'Allow',
    range: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: 0 },
    },
  })
  const statement = (index: number) => {
    const parsed = {
      effect: { value: 'Allow', range: ref(0).range },
      action: {
        element: 'Action',
        values: [{ value: '*', range: ref(0).range }],
        range: ref(0).range,
      },
      resource: {
        element: 'Resource',
        values: [{ value: '*', range: ref(0).range }],
        range: ref(0).range,
      },
      unknownElements: [],
      range: ref(0).range,
    } as const
    return { compiled: compileStatement(parsed, ref(index), true, false, index), parsed }
  }
  const statements = Array.from({ length: 4 }, (_, index) => statement(index))
  const costs = statements.map(({ parsed }, index) => statementCost(parsed, ref(index)))
  const compiled = statements.map((entry) => entry.compiled)
  const reference = { requiredGroups: [], findings: [] }

  it('shares a candidate list between actions that meet the same statements', () => {
    const cache = planCache(Number.POSITIVE_INFINITY, costs)
    const a = cache.add('s3:A', 's3:a', compiled.slice(0, 2), 'not-sent', reference)
    const b = cache.add('s3:B', 's3:b', compiled.slice(0, 2), 'not-sent', reference)
    const c = cache.add('s3:C', 's3:c', compiled.slice(1, 3), 'not-sent', reference)
    expect(b.candidates).toBe(a.candidates)
    expect(c.candidates).not.toBe(a.candidates)
    expect(cache.lists()).toBe(2)
    expect(a.candidates.cost.count).toBe(2)
  })

  it('keeps the recently used, and drops a list with its last plan', () => {
    const one = planCache(Number.POSITIVE_INFINITY, costs)
    const sample = one.add('s3:A', 's3:a', compiled.slice(0, 2), 'not-sent', reference)
    const perPlan = sample.bytes
    const perList = sample.candidates.bytes
    // room for three plans and lists but for a little: a full cache drops down to three quarters
    const bound = Math.floor(2.9 * (perPlan + perList))
    const cache = planCache(bound, costs)
    cache.add('s3:A', 's3:a', compiled.slice(0, 2), 'not-sent', reference)
    cache.add('s3:B', 's3:b', compiled.slice(1, 3), 'not-sent', reference)
    expect(cache.get('s3:A')).toBeDefined()
    cache.add('s3:C', 's3:c', compiled.slice(2, 4), 'not-sent', reference)
    expect(cache.get('s3:B')).toBeUndefined()
    expect(cache.get('s3:A')).toBeDefined()
    expect(cache.get('s3:C')).toBeDefined()
    expect(cache.lists()).toBe(2)
    expect(cache.bytes()).toBe(2 * perPlan + 2 * perList)
  })

  it('keeps nothing within a bound of 0, and still gives the plan', () => {
    const cache = planCache(0, costs)
    const plan = cache.add('s3:A', 's3:a', compiled.slice(0, 2), 'not-sent', reference)
    expect(plan.candidates.statements).toHaveLength(2)
    expect(cache.size()).toBe(0)
    expect(cache.bytes()).toBe(0)
    expect(cache.lists()).toBe(0)
  })
})
