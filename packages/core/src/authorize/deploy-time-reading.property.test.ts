import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { comparePolicies } from '../analyze/index.ts'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import type { AuthorizationRequest } from './request.ts'

// Oracle: brute-force enumeration. A template's policy is read with its deploy-time values
// unknown; every value the deployment could fill in gives a concrete policy. Reading the template
// must never allow what some filling denies, in Allow and Deny statements alike.

const instance = 'arn:aws:connect:us-east-1:123456789012:instance'
/** What the deployment may fill in for `{{Ref Id}}`. */
const fillings = ['i-1', 'i-2', '*', 'i-1/agent/u-1', '']
const requests: AuthorizationRequest[] = ['i-1', 'i-2', '{{Ref Id}}'].flatMap((id) =>
  ['connect:DescribeUser', 'connect:DeleteUser'].map((action) => ({
    action,
    resource: `${instance}/${id}/agent/u-1`,
    principal: 'arn:aws:iam::123456789012:role/agent',
  })),
)

const arbValue = fc.constantFrom(
  `${instance}/{{Ref Id}}/agent/*`,
  `${instance}/i-1/agent/*`,
  `${instance}/*`,
  '{{Ref Id}}',
  '*',
)
const arbStatement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.constantFrom('connect:DescribeUser', 'connect:*', '{{Ref Action}}'),
  element: fc.constantFrom('Resource', 'NotResource'),
  values: fc.array(arbValue, { minLength: 1, maxLength: 3 }),
  condition: fc.constantFrom(undefined, '{{Ref Tag}}', 'red'),
})
interface StatementSpec {
  readonly Effect: string
  readonly Action: string
  readonly element: string
  readonly values: readonly string[]
  readonly condition: string | undefined
}

function policyText(statements: readonly StatementSpec[], fill: (text: string) => string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map(({ Effect, Action, element, values, condition }) => ({
      Effect,
      Action: fill(Action),
      [element]: values.map(fill),
      ...(condition === undefined
        ? {}
        : { Condition: { StringEquals: { 'aws:PrincipalTag/team': fill(condition) } } }),
    })),
  })
}

function allowed(text: string, request: AuthorizationRequest): boolean | 'error' {
  const result = evaluate(request, { identityPolicies: [text] })
  if (result.errors !== undefined) return 'error'
  return result.decision === 'Allow'
}

describe('deploy-time values are read never more permissively than any filling', () => {
  it('a template allows a request only if every filling of its values allows it', () => {
    fc.assert(
      fc.property(fc.array(arbStatement, { minLength: 1, maxLength: 3 }), (statements) => {
        const template = policyText(statements, (text) => text)
        for (const request of requests) {
          if (allowed(template, request) !== true) continue
          for (const id of fillings) {
            for (const action of ['connect:DescribeUser', 'connect:DeleteUser', '*']) {
              const filled = policyText(statements, (text) =>
                text
                  .replaceAll('{{Ref Id}}', id)
                  .replaceAll('{{Ref Action}}', action)
                  .replaceAll('{{Ref Tag}}', 'blue'),
              )
              expect(allowed(filled, request), `${filled} for ${request.resource}`).not.toBe(false)
            }
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a request that spells a deploy-time value is never allowed through it', () => {
    const text = policyText(
      [
        {
          Effect: 'Allow',
          Action: 'connect:*',
          element: 'Resource',
          values: [`${instance}/{{Ref Id}}/agent/*`],
          condition: undefined,
        },
      ],
      (value) => value,
    )
    const request = requests.find((r) => r.resource.includes('{{')) as AuthorizationRequest
    const result = compilePolicies({ identityPolicies: [text] }).evaluate(request)
    expect(result.errors).toBeUndefined()
    if (result.errors !== undefined) return
    expect(result.decision).toBe('ImplicitDeny')
    expect(result.findings.map((finding) => finding.code)).toContain('deploy-time-value')
  })

  it('a Deny holding one keeps the policy from being evaluated, naming the value', () => {
    const text = policyText(
      [
        { Effect: 'Allow', Action: '*', element: 'Resource', values: ['*'], condition: undefined },
        {
          Effect: 'Deny',
          Action: 'connect:DeleteUser',
          element: 'Resource',
          values: [`${instance}/{{Ref Id}}/agent/*`],
          condition: undefined,
        },
      ],
      (value) => value,
    )
    const result = evaluate(requests[0] as AuthorizationRequest, { identityPolicies: [text] })
    expect(result.errors?.[0]?.diagnostics?.map((d) => d.code)).toEqual(['deploy-time-value'])
  })

  it('analysis offers no witness that spells a deploy-time value', () => {
    const base = {
      Effect: 'Allow',
      Action: 'connect:ListUsers',
      element: 'Resource',
      values: [`${instance}/*`],
      condition: undefined,
    }
    const before = policyText([base], (value) => value)
    const after = policyText(
      [
        base,
        {
          Effect: 'Allow',
          Action: 'connect:DescribeUser',
          element: 'Resource',
          values: [`${instance}/{{Ref Id}}/agent/*`],
          condition: undefined,
        },
      ],
      (value) => value,
    )
    const comparison = comparePolicies(
      { identityPolicies: [before] },
      { identityPolicies: [after] },
      { catalog: createCatalog(catalogFixture) },
    )
    expect('relation' in comparison && comparison.relation).toBe('equivalent')
  })
})
