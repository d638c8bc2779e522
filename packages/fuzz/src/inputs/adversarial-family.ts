import type { AuthorizationRequest } from '@connect-policy/core'
import type { FuzzBases } from './bases.ts'
import { correctedSamples } from './corrected-samples.ts'
import { type FuzzCase, placements } from './fuzz-case.ts'
import { account, caller } from './requests.ts'
import type { Rng } from './rng.ts'

const instance = `arn:aws:connect:us-east-1:${account}:instance/i-1`

interface Built {
  readonly shape: string
  readonly statements: unknown[]
  readonly request: AuthorizationRequest
  /** The policy's text, when JSON.stringify cannot write it (raw numbers, deep nesting). */
  readonly text?: string
}

type Builder = (rng: Rng, n: number, bases: FuzzBases) => Built

const allow = (more: Record<string, unknown>) => ({ Effect: 'Allow', ...more })
const deny = (more: Record<string, unknown>) => ({ Effect: 'Deny', ...more })
const withCommas = (count: number) => count.toLocaleString('en-US')
const request = (action: string, resource: string | string[], context?: Record<string, unknown>) =>
  ({
    action,
    resource,
    principal: caller,
    ...(context === undefined ? {} : { context }),
  }) as AuthorizationRequest

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: policy variables, not templates
/** Each adversarial family, built at scale `n`: the count of the thing that is repeated. */
const builders: Readonly<Record<string, Builder>> = {
  'stars-action': (rng, n) => {
    const unit = rng.pick(['*a', 'a*', '*?', '?*'])
    return {
      shape: `an action pattern of ${withCommas(n)} \`${unit}\``,
      statements: [allow({ Action: `connect:${unit.repeat(n)}b`, Resource: '*' })],
      request: request(`connect:${'a'.repeat(n)}`, '*'),
    }
  },
  'stars-resource': (rng, n) => {
    const unit = rng.pick(['a*', '*a', '*?', '?*', '*:', '*/'])
    return {
      shape: `a resource pattern of ${withCommas(n)} \`${unit}\` against ${withCommas(n * 2)} characters`,
      statements: [
        allow({ Action: 's3:GetObject', Resource: `arn:aws:s3:::*${unit.repeat(n)}?b*` }),
      ],
      request: request('s3:GetObject', `arn:aws:s3:::${'a'.repeat(n * 2)}`),
    }
  },
  'stars-condition': (rng, n) => {
    const operator = rng.pick(['StringLike', 'ArnLike', 'ForAnyValue:StringLike', 'StringNotLike'])
    const key = operator === 'ArnLike' ? 'aws:SourceArn' : 's3:prefix'
    return {
      shape: `${operator} with ${withCommas(n)} stars against ${withCommas(n * 2)} characters`,
      statements: [
        allow({
          Action: 's3:ListBucket',
          Resource: '*',
          Condition: { [operator]: { [key]: `*${'a*'.repeat(n)}?b*` } },
        }),
      ],
      request: request('s3:ListBucket', 'arn:aws:s3:::bucket', { [key]: 'a'.repeat(n * 2) }),
    }
  },
  'dollar-braces': (rng, n) => {
    const unit = rng.pick(['${', '${aws:username}', '${${', '${aws:', '${*}', '}${'])
    const where = rng.pick(['Resource', 'Condition', 'Action'])
    const value = `arn:aws:s3:::bucket/${unit.repeat(n)}`
    const statement =
      where === 'Resource'
        ? allow({ Action: 's3:GetObject', Resource: value })
        : where === 'Action'
          ? allow({ Action: `s3:${unit.repeat(n)}`, Resource: '*' })
          : allow({
              Action: 's3:GetObject',
              Resource: '*',
              Condition: { StringLike: { 'aws:PrincipalTag/team': value } },
            })
    return {
      shape: `\`${unit}\` ${withCommas(n)} times in ${where}`,
      statements: [statement],
      request: request('s3:GetObject', 'arn:aws:s3:::bucket/maria', {
        'aws:PrincipalTag/team': 'maria',
      }),
    }
  },
  'digit-run': (rng, n) => {
    const operator = rng.pick([
      'NumericLessThan',
      'NumericEquals',
      'NumericGreaterThanEquals',
      'NumericNotEquals',
      'DateLessThan',
      'DateEquals',
      'ForAnyValue:NumericLessThan',
    ])
    const key = operator.includes('Date') ? 'aws:CurrentTime' : 'aws:MultiFactorAuthAge'
    const policyDigits = rng.pick([
      `${'9'.repeat(n)}`,
      `0${'0'.repeat(n)}1`,
      `1.${'0'.repeat(n)}1`,
      `-${'1'.repeat(n)}`,
    ])
    const requestDigits = rng.pick([
      `${'8'.repeat(n)}`,
      `${'0'.repeat(n)}7`,
      `2.${'5'.repeat(n)}`,
      '60',
    ])
    const effect = rng.chance(0.5) ? allow : deny
    return {
      shape: `${operator} with ${withCommas(n)}-digit values in the policy and the request`,
      statements: [
        allow({ Action: '*', Resource: '*' }),
        effect({
          Action: 'connect:*',
          Resource: '*',
          Condition: { [operator]: { [key]: policyDigits } },
        }),
      ],
      request: request('connect:DescribeUser', `${instance}/agent/u-1`, { [key]: requestDigits }),
    }
  },
  'many-actions': (rng, n, bases) => {
    const actions: string[] = []
    for (let index = 0; index < n; index++) {
      actions.push(
        bases.actions.length > 0 && rng.chance(0.7)
          ? rng.pick(bases.actions)
          : `connect:Action${index}*`,
      )
    }
    return {
      shape: `${withCommas(n)} actions`,
      statements: [allow({ Action: actions, Resource: '*' })],
      request: request(rng.pick(actions).replace('*', 'X'), '*'),
    }
  },
  'wildcard-actions-many-resources': (rng, n) => {
    const action = rng.pick(['*', 'connect:*', 'connect:Describe*', 's3:*', '*:Get*'])
    const resources: string[] = []
    for (let index = 0; index < n; index++) {
      resources.push(
        rng.chance(0.5) ? `${instance}/agent/u-${index}` : `arn:aws:s3:::bucket-${index}/*`,
      )
    }
    return {
      shape: `Action \`${action}\` with ${withCommas(n)} resources`,
      statements: [allow({ Action: action, Resource: resources })],
      request: request('connect:DescribeUser', `${instance}/agent/u-${rng.below(n)}`),
    }
  },
  'many-request-resources': (_rng, n) => {
    const resources: string[] = []
    for (let index = 0; index < n; index++) resources.push(`${instance}/agent/u-${index}`)
    return {
      shape: `a request with ${withCommas(n)} resources`,
      statements: [
        allow({ Action: 'connect:*', Resource: `${instance}/*` }),
        deny({ Action: 'connect:DeleteUser', Resource: `${instance}/agent/u-1*` }),
      ],
      request: request('connect:DeleteUser', resources),
    }
  },
  'many-statements': (rng, n) => {
    const statements: unknown[] = []
    for (let index = 0; index < n; index++) {
      const effect = rng.chance(0.8) ? allow : deny
      statements.push(
        effect({
          Sid: `S${index}`,
          Action: `connect:*User${index % 7}`,
          Resource: `${instance}/agent/u-${index}*`,
          ...(rng.chance(0.3)
            ? { Condition: { StringEquals: { 'aws:PrincipalTag/team': `t${index}` } } }
            : {}),
        }),
      )
    }
    return {
      shape: `${withCommas(n)} statements`,
      statements,
      request: request('connect:DeleteUser1', `${instance}/agent/u-1`, {
        'aws:PrincipalTag/team': 't1',
      }),
    }
  },
  'many-condition-values': (rng, n) => {
    const operator = rng.pick([
      'ForAnyValue:StringLike',
      'ForAllValues:StringEquals',
      'StringEquals',
      'IpAddress',
      'ArnLike',
    ])
    const values: string[] = []
    for (let index = 0; index < n; index++) {
      values.push(
        operator === 'IpAddress'
          ? `10.${index % 256}.${(index >> 8) % 256}.0/24`
          : `value-${index}*`,
      )
    }
    const key =
      operator === 'IpAddress'
        ? 'aws:SourceIp'
        : operator === 'ArnLike'
          ? 'aws:SourceArn'
          : 'aws:TagKeys'
    const contextValues = values.map((value) => value.replace('*', '').replace('/24', ''))
    return {
      shape: `${operator} with ${withCommas(n)} values, and as many in the request`,
      statements: [
        allow({ Action: '*', Resource: '*', Condition: { [operator]: { [key]: values } } }),
      ],
      request: request('connect:DescribeUser', `${instance}/agent/u-1`, {
        [key]: operator === 'IpAddress' ? contextValues[0] : contextValues,
      }),
    }
  },
  'many-condition-keys': (_rng, n) => {
    const keys: Record<string, string> = {}
    const context: Record<string, string> = {}
    for (let index = 0; index < n; index++) {
      keys[`aws:PrincipalTag/k${index}`] = `v${index}`
      context[`aws:PrincipalTag/k${index}`] = `v${index}`
    }
    return {
      shape: `${withCommas(n)} condition keys, all in the request`,
      statements: [allow({ Action: '*', Resource: '*', Condition: { StringEquals: keys } })],
      request: request('connect:DescribeUser', `${instance}/agent/u-1`, context),
    }
  },
  'huge-string': (rng, n) => {
    const where = rng.pick(['Sid', 'Action', 'Resource', 'Version', 'Id'])
    const value =
      where === 'Action'
        ? `connect:${'A'.repeat(n)}`
        : where === 'Resource'
          ? `${instance}/${'a'.repeat(n)}`
          : 'x'.repeat(n)
    const statement = allow({ Action: 'connect:*', Resource: '*', [where]: value })
    return {
      shape: `a ${withCommas(n)}-character ${where}`,
      statements: [statement],
      request: request(
        where === 'Action' ? `connect:${'A'.repeat(n)}` : 'connect:DescribeUser',
        where === 'Resource' ? value : `${instance}/agent/u-1`,
      ),
    }
  },
  'deep-nesting': (rng, n) => {
    const open = rng.pick(['[', '{"a":'])
    const close = open === '[' ? ']' : '}'
    return {
      shape: `${withCommas(n)} levels of \`${open}\` nesting`,
      statements: [],
      request: request('connect:DescribeUser', `${instance}/agent/u-1`),
      text: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":${open.repeat(n)}1${close.repeat(n)}}]}`,
    }
  },
  'huge-number': (rng, n) => {
    const number = rng.pick([
      `${'9'.repeat(n)}`,
      `1e${'9'.repeat(Math.min(n, 400))}`,
      `0.${'0'.repeat(n)}1`,
      `-${'1'.repeat(n)}.5`,
    ])
    const where = rng.pick(['value', 'Version', 'Effect', 'Action'])
    const condition = `{"NumericLessThan":{"aws:MultiFactorAuthAge":${number}}}`
    const statement =
      where === 'value'
        ? `{"Effect":"Allow","Action":"*","Resource":"*","Condition":${condition}}`
        : `{"Effect":${where === 'Effect' ? number : '"Allow"'},"Action":${where === 'Action' ? number : '"*"'},"Resource":"*"}`
    return {
      shape: `a number of ${withCommas(number.length)} characters as ${where === 'value' ? 'a condition value' : where}`,
      statements: [],
      request: request('connect:DescribeUser', `${instance}/agent/u-1`, {
        'aws:MultiFactorAuthAge': number,
      }),
      text: `{"Version":${where === 'Version' ? number : '"2012-10-17"'},"Statement":[${statement}]}`,
    }
  },
  'long-context': (rng, n) => {
    const context: Record<string, unknown> = {}
    for (let index = 0; index < n; index++)
      context[`aws:PrincipalTag/k${index}`] = rng.chance(0.5) ? `v${index}` : [`v${index}`, index]
    return {
      shape: `a request context of ${withCommas(n)} keys`,
      statements: [
        allow({
          Action: '*',
          Resource: '*',
          Condition: { StringEqualsIfExists: { 'aws:PrincipalTag/k1': 'v1' } },
        }),
      ],
      request: request('connect:DescribeUser', `${instance}/agent/u-1`, context),
    }
  },
  'many-principals': (_rng, n) => {
    const principals: string[] = []
    for (let index = 0; index < n; index++)
      principals.push(`arn:aws:iam::${account}:user/u${index}`)
    return {
      shape: `a resource policy naming ${withCommas(n)} principals`,
      statements: [allow({ Principal: { AWS: principals }, Action: '*', Resource: '*' })],
      request: {
        ...request('connect:DescribeUser', `${instance}/agent/u-1`),
        principal: `arn:aws:iam::${account}:user/u${n - 1}`,
      },
    }
  },
  'long-actions-and-resources': (rng, n) => {
    const length = n * 10
    return {
      shape: `an action and a resource of ${withCommas(length)} characters`,
      statements: [
        allow({
          Action: `connect:${'Describe'.repeat(n)}*`,
          Resource: `arn:aws:connect:*:*:instance/${'i'.repeat(length)}*`,
        }),
      ],
      request: request(
        `connect:${'Describe'.repeat(n)}User`,
        rng.pick([
          `arn:aws:connect:us-east-1:${account}:instance/${'i'.repeat(length)}`,
          'x'.repeat(length),
        ]),
      ),
    }
  },
}
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: policy variables, not templates

/** The names of the adversarial families, in the order they are drawn from. */
export const adversarialFamilies = Object.keys(builders)

/**
 * The shapes known to cost time or memory (wildcards, policy variables, digit runs, long lists,
 * nesting), built at a scale drawn log-uniformly from 1 to `maxScale` (from 1 to a hundredth of
 * it, most of the time), so that every size class from a few characters to hundreds of
 * thousands is met, the sizes AWS accepts most often.
 */
export function adversarialCase(rng: Rng, bases: FuzzBases, maxScale: number): FuzzCase {
  const family = 'adversarial'
  const name = rng.pick(adversarialFamilies)
  // most inputs stay within the sizes AWS accepts; a third go up to the largest scale
  const n = rng.scale(1, rng.chance(0.7) ? Math.ceil(maxScale / 100) : maxScale)
  const built = (builders[name] as Builder)(rng, n, bases)
  const document = { Version: '2012-10-17', Statement: built.statements }
  const explain = rng.chance(0.5)
  if (name === 'many-request-resources' && rng.chance(0.5)) {
    const sample = correctedSamples.findIndex((s) => s.id === 'deny-user-delete-update')
    return {
      kind: 'request',
      family,
      generator: name,
      shape: built.shape,
      sample: Math.max(0, sample),
      request: built.request,
      explain,
    }
  }
  if (name === 'stars-resource' && rng.chance(0.3)) {
    const resource = built.statements[0] as { Resource: string }
    return {
      kind: 'match',
      family,
      generator: name,
      shape: built.shape,
      matcher: 'resourceMatch',
      pattern: resource.Resource,
      text: built.request.resource,
    }
  }
  const policy =
    built.text ?? (rng.chance(0.5) ? JSON.stringify(document) : JSON.stringify(document, null, 2))
  return {
    kind: 'policy',
    family,
    generator: name,
    shape: built.shape,
    policy,
    request: built.request,
    placement: name === 'many-principals' ? 'resource-policy' : rng.pick(placements),
    explain,
  }
}
