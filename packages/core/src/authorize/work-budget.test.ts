// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in policy texts, not templates
import { describe, expect, it } from 'vitest'
import { defaultBudget } from '../model/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import type { EvaluationResult } from './result.ts'

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

/**
 * A statement whose condition compares `values` policy values with the request's tag keys, each
 * with each (patterns), or, for `StringEquals`, looked up in one set.
 */
function conditionPolicy(values: number, operator = 'ForAnyValue:StringLike'): string {
  const pattern = operator.includes('Like') ? '*' : ''
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: 'connect:*',
        Resource: '*',
        Condition: {
          [operator]: {
            'aws:TagKeys': Array.from({ length: values }, (_, index) => `key-${index}${pattern}`),
          },
        },
      },
      { Effect: 'Allow', Action: 'connect:*', Resource: '*' },
    ],
  })
}

const tagKeys = (count: number) => Array.from({ length: count }, (_, index) => `tag-${index}`)

/** The error of a refused evaluation, which must have no decision. */
function refusal(result: EvaluationResult) {
  expect(result.decision).toBeUndefined()
  expect(result.errors).toHaveLength(1)
  return result.errors?.[0]
}

describe('the budget of an evaluation', () => {
  // 1,000 condition values against 20,000 values of the key: 20 million comparisons
  const set = { identityPolicies: [conditionPolicy(1000)] }
  const request = {
    action: 'connect:TagResource',
    resource: `${instance}/queue/q-1`,
    context: { 'aws:TagKeys': tagKeys(20_000) },
  }

  it('refuses up front a request whose steps pass `maxSteps`, naming the limit and the figures', () => {
    const error = refusal(evaluate(request, set))
    expect(error).toMatchObject({
      source: 'budget',
      overBudget: { limit: 'maxSteps', allowed: defaultBudget.maxSteps },
      diagnostics: [],
    })
    expect(error?.overBudget?.estimated).toBeGreaterThan(20_000_000)
    expect(error?.message).toMatch(
      /^over budget: the evaluation would take about [\d,]+ steps, more than `maxSteps` allows \(3,000,000\)/,
    )
  })

  it('refuses alike in a compiled set, explained or not, on its first and later calls', () => {
    const compiled = compilePolicies(set)
    for (const explain of [true, false, false]) {
      expect(refusal(compiled.evaluate(request, { explain }))?.overBudget?.limit).toBe('maxSteps')
    }
    // a plain request takes the compiled set's fast path: refused there too
    const plain = { ...request, context: { 'aws:TagKeys': ['tag-1'] } }
    const small = compilePolicies(set, { budget: { maxSteps: 10 } })
    small.evaluate({ action: 'connect:TagResource', resource: '*' }) // the action is met once
    expect(refusal(small.evaluate(plain, { explain: false }))?.overBudget).toMatchObject({
      limit: 'maxSteps',
      allowed: 10,
    })
  })

  it('counts the values of a string equality once, looked up in a set for each request value', () => {
    const equality = { identityPolicies: [conditionPolicy(1000, 'ForAnyValue:StringEquals')] }
    const result = evaluate(request, equality, { budget: { maxSteps: 25_000 } })
    expect(result.decision).toBe('Allow')
    const steps = evaluate(request, equality, { budget: { maxSteps: 0 } }).errors?.[0]?.overBudget
    // the resource itself (300); the Deny: itself, its action, its resource and its 1,000
    // values, then one lookup for each of the 20,000 tag keys; the Allow: itself, its action and
    // its resource
    expect(steps?.estimated).toBe(300 + 1 + 1 + 1 + 1000 + 20_000 + 3)
  })

  it('decides the same request with a budget raised for it', () => {
    const budget = { maxSteps: Number.POSITIVE_INFINITY }
    const result = evaluate(
      { ...request, context: { 'aws:TagKeys': tagKeys(2000) } },
      { identityPolicies: [conditionPolicy(1000)] },
      { budget },
    )
    expect(result.decision).toBe('Allow')
  })

  it('refuses an answer estimated over `maxAnswerBytes`, and counts it before any work', () => {
    const statements = Array.from({ length: 200 }, () => ({
      Effect: 'Allow',
      Action: 'connect:*',
      Resource: '*',
    }))
    const policies = { identityPolicies: [{ Version: '2012-10-17', Statement: statements }] }
    const resources = Array.from({ length: 50 }, (_, index) => `${instance}/queue/q-${index}`)
    const budget = { maxAnswerBytes: 2_000_000 }
    const many = { action: 'connect:DescribeQueue', resource: resources }
    const error = refusal(evaluate(many, policies, { budget }))
    expect(error?.overBudget).toMatchObject({ limit: 'maxAnswerBytes', allowed: 2_000_000 })
    expect(error?.message).toContain('answer about')
    // without the explanation, the same request answers far less
    const compiled = compilePolicies(policies, { budget })
    expect(refusal(compiled.evaluate(many))?.overBudget?.limit).toBe('maxAnswerBytes')
    const decided = compiled.evaluate(many, { explain: false })
    expect(decided.decision).toBe('Allow')
    expect(JSON.stringify(decided).length).toBeLessThan(2_000_000)
  })

  it('is estimated above the answer it bounds', () => {
    const statements = Array.from({ length: 30 }, (_, index) => ({
      Sid: `S${index}`,
      Effect: index % 7 === 0 ? 'Deny' : 'Allow',
      Action: ['connect:Describe*', 'connect:List*', `connect:Get${index}`],
      Resource: [`${instance}/queue/*`, `${instance}/agent/*`],
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } },
    }))
    const policies = { identityPolicies: [{ Version: '2012-10-17', Statement: statements }] }
    const request = {
      action: 'connect:DescribeQueue',
      resource: [`${instance}/queue/q-1`, `${instance}/queue/q-2`],
      context: { 'aws:PrincipalTag/team': 'blue' },
    }
    const answer = JSON.stringify(evaluate(request, policies)).length
    let low = 0
    let high = 100_000_000
    // the smallest `maxAnswerBytes` that lets the request through: the estimate
    while (low < high) {
      const middle = Math.floor((low + high) / 2)
      const result = evaluate(request, policies, { budget: { maxAnswerBytes: middle } })
      if (result.errors === undefined) high = middle
      else low = middle + 1
    }
    expect(low).toBeGreaterThanOrEqual(answer)
    expect(low).toBeLessThan(answer * 10)
  })

  it('is an option that names its mistakes', () => {
    const policies = { identityPolicies: [conditionPolicy(1)] }
    const simple = { action: 'connect:DescribeQueue', resource: '*' }
    const wrong = [
      [{ budget: { maxStep: 10 } }, '`budget` has no limit `maxStep`'],
      [{ budget: { maxSteps: -1 } }, '`budget.maxSteps` is a whole number from 0'],
      [{ budget: { maxDeciding: 1.5 } }, '`budget.maxDeciding` is a whole number from 0'],
      [{ budget: 'small' }, '`budget` is an object of limits'],
      [{ budgets: {} }, 'did you mean `budget`'],
    ] as const
    for (const [options, message] of wrong) {
      for (const result of [
        evaluate(simple, policies, options as never),
        compilePolicies(policies, options as never).evaluate(simple),
      ]) {
        expect(result.errors?.[0]?.source).toBe('options')
        expect(result.errors?.[0]?.message).toContain(message)
      }
    }
  })
})

describe('the budget of matching patterns', () => {
  /** A piece of `?` with a fixed first and last character: tried at every `a` of the text. */
  const piece = (length: number) => `a${'?'.repeat(length)}x`
  const allow = (statement: object) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] })
  const text = (length: number) => 'a'.repeat(length)

  // each shape compares its piece's 2,000 characters at each of 100,000 places: 200 million
  const shapes = {
    resource: {
      set: allow({ Action: 'connect:ListQueues', Resource: `*${piece(2000)}*` }),
      request: { action: 'connect:ListQueues', resource: text(100_000) },
    },
    action: {
      set: allow({ Action: `connect:*${piece(2000)}*`, Resource: '*' }),
      request: { action: `connect:${text(100_000)}`, resource: instance },
    },
    condition: {
      set: allow({
        Action: 'connect:ListQueues',
        Resource: '*',
        Condition: { StringLike: { 'aws:PrincipalTag/team': `*${piece(2000)}*` } },
      }),
      request: {
        action: 'connect:ListQueues',
        resource: instance,
        context: { 'aws:PrincipalTag/team': text(100_000) },
      },
    },
    'variable filled with `?`': {
      set: allow({ Action: 'connect:ListQueues', Resource: '*a${aws:PrincipalTag/team}x*' }),
      request: {
        action: 'connect:ListQueues',
        resource: text(100_000),
        context: { 'aws:PrincipalTag/team': '?'.repeat(2000) },
      },
    },
  }

  for (const [shape, { set, request }] of Object.entries(shapes)) {
    it(`refuses up front a ${shape} pattern whose \`?\` piece would be compared at every place of a long text`, () => {
      const policies = { identityPolicies: [set] }
      const error = refusal(evaluate(request, policies))
      expect(error?.overBudget?.limit).toBe('maxSteps')
      expect(error?.overBudget?.estimated).toBeGreaterThanOrEqual(200_000_000)
      const compiled = compilePolicies(policies)
      for (const explain of [true, false, false]) {
        expect(compiled.evaluate(request, { explain }).errors).toEqual([error])
      }
    })
  }

  it('counts each resource even when no statement can apply to it', () => {
    // one statement for another action: thousands of resources still cost their contexts and
    // decisions (8,595 took 57 to 116 ms, and 673 ms with the service reference)
    const policies = { identityPolicies: [allow({ Action: 'connect:ListQueues', Resource: '*' })] }
    const resources = Array.from({ length: 12_000 }, (_, index) => `${instance}/agent/u-${index}`)
    const request = { action: 'connect:DeleteUser', resource: resources }
    for (const explain of [true, false]) {
      const error = compilePolicies(policies).evaluate(request, { explain }).errors?.[0]
      expect(error?.overBudget?.limit).toBe('maxSteps')
      expect(error?.overBudget?.estimated).toBeGreaterThanOrEqual(300 * resources.length)
    }
    expect(evaluate({ ...request, resource: resources.slice(0, 20) }, policies).decision).toBe(
      'ImplicitDeny',
    )
  })

  it('decides the same shapes with short pieces or short texts', () => {
    const policies = {
      identityPolicies: [
        allow({
          Action: `connect:*${piece(20)}*`,
          Resource: [`*${piece(20)}*`, '*a${aws:PrincipalTag/team}x*'],
          Condition: { StringLike: { 'aws:PrincipalTag/team': `*${piece(20)}*` } },
        }),
      ],
    }
    const request = {
      action: `connect:${text(1000)}`,
      resource: text(1000),
      context: { 'aws:PrincipalTag/team': text(1000) },
    }
    expect(evaluate(request, policies).decision).toBe('ImplicitDeny')
    expect(compilePolicies(policies).evaluate(request, { explain: false }).decision).toBe(
      'ImplicitDeny',
    )
  })

  it('counts a variable in a piece without `?` only when the request could fill it with a wildcard', () => {
    const policies = {
      identityPolicies: [allow({ Action: 'connect:*', Resource: '*/${aws:PrincipalTag/team}/*' })],
    }
    const steps = (value: string) =>
      evaluate(
        {
          action: 'connect:ListQueues',
          resource: `${instance}/${value}/queue`,
          context: { 'aws:PrincipalTag/team': value },
        },
        policies,
        { budget: { maxSteps: 0 } },
      ).errors?.[0]?.overBudget?.estimated ?? 0
    // a native search finds `/blue/`; `/b*e/` is compared character by character
    expect(steps('b*e')).toBeGreaterThan(steps('blue') + 1000)
  })
})

describe('the default budget', () => {
  /** A policy of about `chars` characters of distinct actions and resources, with conditions. */
  function policyOf(name: string, chars: number): string {
    const statements = []
    let policy = ''
    for (let index = 0; policy.length < chars; index++) {
      statements.push({
        Sid: `${name}${index}`,
        Effect: index % 5 === 0 ? 'Deny' : 'Allow',
        Action: Array.from({ length: 6 }, (_, action) => `connect:${name}${index}x${action}`),
        Resource: [`${instance}/queue/${index}`, `${instance}/agent/*`],
        Condition: { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red', 'green'] } },
      })
      policy = JSON.stringify({ Version: '2012-10-17', Statement: statements })
    }
    return policy
  }

  // the largest set AWS accepts: 20 managed policies of 6,144 characters, an inline policy of
  // 10,240, asked about five resources with a context
  const set = {
    identityPolicies: [
      policyOf('Inline', 10_240),
      ...Array.from({ length: 20 }, (_, index) => policyOf(`Managed${index}`, 6144)),
    ],
  }
  const request = {
    action: 'connect:Managed1x1',
    resource: Array.from({ length: 5 }, (_, index) => `${instance}/queue/${index}`),
    context: { 'aws:PrincipalTag/team': 'blue', 'aws:TagKeys': tagKeys(20) },
  }

  it('leaves the largest set AWS accepts within a tenth of its steps, explained or not', () => {
    const budget = { maxSteps: defaultBudget.maxSteps / 10 }
    expect(evaluate(request, set, { budget }).errors).toBeUndefined()
    const compiled = compilePolicies(set, { budget })
    expect(compiled.evaluate(request).errors).toBeUndefined()
    expect(compiled.evaluate(request, { explain: false }).errors).toBeUndefined()
  })

  it('leaves its explained answer within a fifth of the answer allowed, and unexplained a hundredth', () => {
    const fifth = { maxAnswerBytes: Math.floor(defaultBudget.maxAnswerBytes / 5) }
    expect(evaluate(request, set, { budget: fifth }).errors).toBeUndefined()
    const hundredth = { maxAnswerBytes: Math.floor(defaultBudget.maxAnswerBytes / 100) }
    const compiled = compilePolicies(set, { budget: hundredth })
    expect(compiled.evaluate(request, { explain: false }).errors).toBeUndefined()
  })
})
