import { describe, expect, it } from 'vitest'
import { defaultBudget } from '../model/index.ts'
import { parsePolicy } from '../parse/index.ts'
import {
  type DescriptionResult,
  describePolicy,
  type PolicyDescription,
} from './describe-policy.ts'
import { wideCatalog as catalog } from './description-budget.test-data.ts'
import { descriptionBytes } from './description-budget.ts'

/** The description, which must not be refused. */
function described(result: DescriptionResult): PolicyDescription {
  if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
  return result
}

const answerOf = (result: DescriptionResult) => JSON.stringify(result).length

/** The estimate of a text's description, which must parse. */
function estimateOf(text: string, maxListed = defaultBudget.maxListed): number {
  const { policy } = parsePolicy(text)
  if (policy === undefined) throw new Error('the test policy does not parse')
  return descriptionBytes(policy, catalog, { ...defaultBudget, maxListed })
}

/** `*:Get*` on `count` resources, as the fuzzer's `wildcard-actions-many-resources` writes it. */
function getEverything(count: number): string {
  const resources = Array.from({ length: count }, (_, index) =>
    index % 3 === 1
      ? `arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-${index}`
      : `arn:aws:s3:::bucket-${index}/*`,
  )
  const statement = { Effect: 'Allow', Action: '*:Get*', Resource: resources }
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)
}

describe('the budget of a description', () => {
  // the fuzzer's findings, rebuilt on a reference as wide as AWS's: listed in full, a policy of
  // 1,972 characters (`*:Get*` on 34 resources) was described in 363,329 characters with AWS's
  // reference, the 18 characters of `{"r","Action":"**"` in 684,723
  const findings = {
    '`*:Get*` on 34 resources': getEverything(34),
    '`*:Get*` on 88 resources': getEverything(88),
    '`**` in a broken policy': '{"r","Action":"**"',
    '`*:*` without Effect or Resource': '{"Statement":[{"Action":"*:*"}]}',
    '334 statements of `service1:*`': JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 334 }, () => ({
        Action: ['service1:*'],
        Resource: 'arn:aws:service1:us-west-2:accountID:widget/*',
        Effect: 'Allow',
      })),
    }),
  }

  it.each(Object.entries(findings))(
    'describes %s within its estimate and 64 KiB + 64 characters per character of it',
    (_, text) => {
      const answer = answerOf(described(describePolicy(text, { catalog })))
      expect(answer).toBeLessThanOrEqual(estimateOf(text))
      // the fuzzer's bound for an answer (packages/fuzz/README.md, _Findings_)
      expect(answer).toBeLessThanOrEqual(64 * 1024 + 64 * text.length)
    },
  )

  it('lists at most `maxListed` services and names of an element, and counts the others', () => {
    const { statements, text } = described(
      describePolicy('{"Statement":[{"Effect":"Allow","Action":"*:Get*"}]}', {
        catalog,
        budget: { maxListed: 5 },
      }),
    )
    const actions = statements[0]?.actions
    expect(actions?.services).toHaveLength(5)
    expect(actions?.omittedServices).toBe(295)
    const groups = actions?.services.flatMap((service) => service.groups) ?? []
    const listed = groups.reduce((sum, group) => sum + group.actions.length, 0)
    const omitted = groups.reduce((sum, group) => sum + (group.omittedActions ?? 0), 0)
    expect(listed).toBe(5)
    // every `Get` action of the five services listed is named or counted
    expect(listed + omitted).toBe(5 * 20)
    expect(actions?.services[0]?.actionCount).toBe(20)
    // the words name three services and say how many more there are
    expect(text).toContain('and 297 more services (5940 actions)')
    expect(text).toContain('20 Amazon Example Service Number 0 actions (')
    expect(text).toMatch(/and \d+ more/)
  })

  it('says the same in words whatever `maxListed` lists', () => {
    const policy = '{"Statement":[{"Effect":"Allow","Action":["service1:*","*:Put*"]}]}'
    const few = described(describePolicy(policy, { catalog, budget: { maxListed: 0 } }))
    const many = described(describePolicy(policy, { catalog }))
    expect(few.text).toBe(many.text)
    expect(few.statements[0]?.actions?.services).toEqual([])
    expect(few.statements[0]?.actions?.omittedServices).toBe(300)
  })

  it('lists at most `maxListed` resource types of a value, and counts the others', () => {
    const policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 'service1:*', Resource: 'arn:aws:*:*:*:*' }],
    })
    const value = described(describePolicy(policy, { catalog, budget: { maxListed: 7 } }))
      .statements[0]?.resources?.values[0]
    expect(value?.resourceTypes).toHaveLength(7)
    expect((value?.resourceTypes.length ?? 0) + (value?.omittedResourceTypes ?? 0)).toBeGreaterThan(
      7,
    )
  })

  it('refuses up front a description estimated over `maxAnswerBytes`, naming the limit', () => {
    const text = getEverything(34)
    const result = describePolicy(text, { catalog, budget: { maxAnswerBytes: 10_000 } })
    expect(result.statements).toBeUndefined()
    expect(result.errors).toEqual([
      {
        source: 'budget',
        message: expect.stringMatching(
          /^over budget: the description would answer about [\d,]+ bytes, more than `maxAnswerBytes` allows \(10,000\): nothing was described$/,
        ),
        overBudget: { limit: 'maxAnswerBytes', estimated: estimateOf(text), allowed: 10_000 },
      },
    ])
    // the estimate is what lets it through
    const within = describePolicy(text, { catalog, budget: { maxAnswerBytes: estimateOf(text) } })
    expect(within.errors).toBeUndefined()
  })

  it('is an option that names its mistakes', () => {
    expect(describePolicy('{}', { budget: { maxListing: 3 } as never }).errors).toEqual([
      {
        source: 'options',
        message: expect.stringContaining('`budget` has no limit `maxListing`'),
      },
    ])
  })
})
