// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in texts, not templates
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { naiveResourceMatch, naiveWildcardMatch } from '../testing/naive-match.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import type { PolicySet } from './policy-set.ts'
import type { AuthorizationRequest } from './request.ts'
import type { EvaluationResult } from './result.ts'

const instance = 'arn:aws:connect:us-east-1:123456789012:instance/i-1'
const request: AuthorizationRequest = {
  action: 'connect:DeleteUser',
  resource: `${instance}/agent/u-1`,
  context: { 'aws:PrincipalTag/team': 'red' },
}

/** A Deny that applies to `request`, written with each element the corruptions below can break. */
interface DenySpec {
  readonly action: readonly string[]
  readonly resource: readonly string[]
  readonly conditionKey: string
}

const intact: DenySpec = {
  action: ['connect:DeleteUser'],
  resource: [`${instance}/agent/*`],
  conditionKey: 'aws:PrincipalTag/team',
}

function policySet(spec: DenySpec): PolicySet {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: spec.action,
        Resource: spec.resource,
        Condition: { StringEquals: { [spec.conditionKey]: 'red' } },
      },
    ],
  }
  return { identityPolicies: [JSON.stringify(policy)] }
}

function results(set: PolicySet): EvaluationResult[] {
  const compiled = compilePolicies(set)
  return [
    evaluate(request, set),
    compiled.evaluate(request),
    compiled.evaluate(request, { explain: false }),
  ]
}

/** Characters no action, ARN or key holds: spaces around a value, control characters. */
const arbBreak = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u0000', '\u001f', '\u007f')

/** A value with a breaking character added at its start, its end, or (control characters) inside. */
function broken(value: string): fc.Arbitrary<string> {
  return fc.tuple(arbBreak, fc.nat({ max: value.length })).map(([character, at]) => {
    if (character.trim() === '' && character !== '\u0000') {
      return at % 2 === 0 ? `${character}${value}` : `${value}${character}`
    }
    return `${value.slice(0, at)}${character}${value.slice(at)}`
  })
}

/** An action that is no longer `service:ActionName`. */
const arbBrokenAction = fc.oneof(
  broken('connect:DeleteUser'),
  fc.constantFrom(
    '',
    'connect',
    'DeleteUser',
    'connect::DeleteUser',
    'connect:DeleteUser:',
    ':DeleteUser',
    'connect:',
    'connect:${aws:username}',
    'connect: DeleteUser',
    'connect:Delete User',
  ),
)

/** A resource that is no longer `*` or an ARN some resource can have. */
const arbBrokenResource = fc.oneof(
  broken(`${instance}/agent/*`),
  fc.constantFrom(
    '',
    'instance/i-1/agent/*',
    'arn:aws:connect',
    'arn:aws:connect:us-east-1',
    `arn:aws:connect:us-east-1:accountID:instance/i-1/agent/*`,
    `arn:aws:connect:us-east-1:12345:instance/i-1/agent/*`,
    `${instance}/agent/\${aws:`,
    `${instance}/agent/\${aws:}`,
    `${instance}/agent/\${}`,
    `${instance}/agent/\${ aws:username}`,
    `arn:aws:connect:us-east-1:\${aws:PrincipalAccount}:instance/i-1/agent/*`,
  ),
)

/** A condition key that no request holds. */
const arbBrokenKey = fc.oneof(
  broken('aws:PrincipalTag/team'),
  fc.constantFrom('', 'PrincipalTag/team', ':team', 'aws:'),
)

/** The intact Deny with one element broken: one of its values, or the whole list emptied. */
const arbCorruptedDeny: fc.Arbitrary<DenySpec> = fc.oneof(
  arbBrokenAction.map((action) => ({ ...intact, action: [action] })),
  arbBrokenResource.map((resource) => ({ ...intact, resource: [resource] })),
  arbBrokenKey.map((conditionKey) => ({ ...intact, conditionKey })),
  fc.constantFrom<DenySpec>({ ...intact, action: [] }, { ...intact, resource: [] }),
)

// the grammar as the toolkit reads it: wildcards in the name, and in the service prefix, which
// the matcher reads as a pattern of prefixes
const actionGrammar = /^(\*+|[A-Za-z0-9*?-]+:[A-Za-z0-9*?-]+)$/

describe('a Deny that cannot be read', () => {
  it('never gives way to an Allow: the evaluation fails or the Deny decides (oracle: the intact Deny denies)', () => {
    fc.assert(
      fc.property(arbCorruptedDeny, (spec) =>
        results(policySet(spec)).every((result) => result.decision !== 'Allow'),
      ),
    )
    // the intact statement denies, so a corruption is all that could let the Allow through
    for (const result of results(policySet(intact))) {
      if (result.decision !== 'ExplicitDeny') throw new Error('the intact Deny must deny')
    }
  })

  it('gives way to an Allow only when its action is grammatical and does not name the request (oracle: grammar and naive matcher)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), arbBrokenAction), (action) => {
        const allowed = results(policySet({ ...intact, action: [action] })).some(
          (result) => result.decision === 'Allow',
        )
        return (
          !allowed ||
          (actionGrammar.test(action) &&
            !naiveWildcardMatch(action.toLowerCase(), request.action.toLowerCase()))
        )
      }),
    )
  })

  it('gives way to an Allow only when its resource is an ARN that does not name the request (oracle: naive matcher)', () => {
    const arbResource = fc.oneof(
      fc.string(),
      arbBrokenResource,
      fc.string().map((tail) => `${instance}/${tail}`),
    )
    fc.assert(
      fc.property(arbResource, (resource) => {
        const allowed = results(policySet({ ...intact, resource: [resource] })).some(
          (result) => result.decision === 'Allow',
        )
        const arn = /^arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:\S/.test(resource)
        return (
          !allowed ||
          (arn &&
            resource.trim() === resource &&
            !naiveResourceMatch(resource, request.resource as string))
        )
      }),
    )
  })
})
