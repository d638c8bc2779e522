// biome-ignore-all lint/suspicious/noTemplateCurlyInString: a policy variable as policies write it, not a template
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../authorize/index.ts'
import {
  allowedBy,
  arbAnalysisRequests,
  arbAnalysisStatements,
  analysisCatalog as catalog,
  identitySetOf,
} from '../testing/index.ts'
import { type EffectiveAccessDescription, effectiveAccessLimits } from './describe-effective.ts'
import { describePolicy } from './describe-policy.ts'

const instance = 'arn:aws:connect:us-east-1:123456789012:instance/i-1'

function policy(statements: readonly Record<string, unknown>[]) {
  return { Version: '2012-10-17', Statement: statements }
}

function effectiveOf(
  statements: readonly Record<string, unknown>[],
  options: Parameters<typeof describePolicy>[1] = { catalog },
): EffectiveAccessDescription | undefined {
  const description = describePolicy(policy(statements), options)
  if (description.errors !== undefined) throw new Error(description.errors[0]?.message)
  return description.effective
}

const grantsOf = (effective: EffectiveAccessDescription | undefined) =>
  (effective?.services ?? []).flatMap((service) => service.levels.flatMap((level) => level.grants))

const actionsOf = (effective: EffectiveAccessDescription | undefined) =>
  new Set(grantsOf(effective).flatMap((grant) => grant.actions))

describe('the effective access of a description', () => {
  it('shows "full access" on an instance ARN for what it is: the instance, not what is in it', () => {
    const effective = effectiveOf([{ Effect: 'Allow', Action: 'connect:*', Resource: instance }])
    const actions = actionsOf(effective)
    expect(actions.has('connect:SearchUsers')).toBe(true)
    expect(actions.has('connect:DescribeUser')).toBe(false)
    expect(effective?.complete).toBe(true)
    expect(effective?.text).toMatch(
      /^In effect, after its Denies and against the service reference, it allows \d+ actions of 1 service\. Amazon Connect, /,
    )
    for (const grant of grantsOf(effective)) {
      expect(grant.witness.resource).toBe(instance)
      expect(
        evaluate(
          grant.witness,
          identitySetOf([{ Effect: 'Allow', Action: 'connect:*', Resource: instance }]),
          { catalog },
        ).decision,
      ).toBe('Allow')
    }
  })

  it('says a policy whose Denies take back every Allow allows nothing', () => {
    const effective = effectiveOf([
      { Effect: 'Allow', Action: 'connect:DescribeUser', Resource: '*' },
      { Effect: 'Deny', Action: 'connect:Describe*', Resource: '*' },
    ])
    expect(effective).toMatchObject({ services: [], actions: 0, complete: true })
    expect(effective?.text).toBe('In effect, it allows nothing: every request is denied.')
  })

  it('reads a policy that names principals as a resource policy', () => {
    const effective = effectiveOf([
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:role/Agent' },
        Action: 'connect:DescribeUser',
        Resource: `${instance}/agent/*`,
      },
    ])
    const [grant] = grantsOf(effective)
    expect(grant?.actions).toEqual(['connect:DescribeUser'])
    expect(grant?.witness.principal).toBe('arn:aws:iam::123456789012:role/Agent')
  })

  it('says when it may not be all the policy allows, and why', () => {
    const effective = effectiveOf([
      {
        Effect: 'Allow',
        Action: 'connect:DescribeUser',
        Resource: `${instance}/agent/\${aws:username}`,
      },
    ])
    expect(effective?.complete).toBe(false)
    expect(effective?.reasons.length).toBeGreaterThan(0)
    expect(effective?.text).toContain('This may not be all it allows: ')
  })

  it('lists at most `maxListed` grants and counts the others', () => {
    const statements = [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }]
    const whole = effectiveOf(statements)
    const cut = effectiveOf(statements, { catalog, budget: { maxListed: 1 } })
    const total = grantsOf(whole).length + (whole?.omittedGrants ?? 0)
    expect(grantsOf(cut)).toHaveLength(1)
    expect(cut?.omittedGrants).toBe(total - 1)
    expect(cut?.actions).toBe(whole?.actions)
    expect(cut?.text).toContain(`It allows ${total - 1} more grants not listed here.`)
  })

  it('is not worked out for statements larger than any policy AWS accepts, and says so', () => {
    const resources = Array.from({ length: 200 }, (_, index) => `${instance}/queue/q-${index}`)
    const effective = effectiveOf([{ Effect: 'Allow', Action: 'connect:*', Resource: resources }])
    expect(effective).toMatchObject({ services: [], complete: false, actions: 0 })
    expect(effective?.headline).toMatch(
      /^In effect: not worked out, as the policy's statements hold [\d,]+ characters, more than any policy AWS accepts\.$/,
    )
  })

  it("shares its work out by the policy's size", () => {
    expect(effectiveAccessLimits(800)).toMatchObject({ maxRequests: 20_000, maxSearches: 2_000 })
    expect(effectiveAccessLimits(5_000)).toMatchObject({ maxRequests: 4_000, maxSearches: 400 })
  })

  it('is left out without a catalog, with `effective: false`, and for a policy of no statement', () => {
    const statements = [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }]
    expect(effectiveOf(statements, {})).toBeUndefined()
    expect(effectiveOf(statements, { catalog, effective: false })).toBeUndefined()
    expect(effectiveOf([])).toBeUndefined()
  })

  it('agrees with evaluate: its grants are allowed, and every allowed sample is among them (oracle: evaluate on samples)', () => {
    fc.assert(
      fc.property(arbAnalysisStatements, arbAnalysisRequests, (statements, requests) => {
        const set = identitySetOf(statements)
        const effective = effectiveOf(statements)
        if (effective === undefined) throw new Error('a policy of the fixture was not described')
        for (const grant of grantsOf(effective)) expect(allowedBy(grant.witness, set)).toBe(true)
        if (!effective.complete || effective.omittedGrants > 0) return
        const described = new Set([...actionsOf(effective)].map((action) => action.toLowerCase()))
        expect(described.size).toBe(effective.actions)
        for (const request of requests) {
          if (catalog.action(request.action) === undefined || !allowedBy(request, set)) continue
          expect(described.has(request.action.toLowerCase())).toBe(true)
        }
        if (effective.actions === 0) {
          expect(requests.some((request) => allowedBy(request, set))).toBe(false)
        }
      }),
      { numRuns: 60 },
    )
  }, 240_000)
})
