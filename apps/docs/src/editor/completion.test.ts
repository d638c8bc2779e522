// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and condition keys of the reference, not templates
import type { CompletionResult } from '@codemirror/autocomplete'
import { awsCatalog, awsCatalogData, subsetCatalogData } from '@connect-policy/catalog'
import { createCatalog } from '@connect-policy/core'
import { parser } from '@lezer/json'
import { describe, expect, it } from 'vitest'
import {
  defaultCompletionLimit,
  type PolicyCompletionOptions,
  type PolicyCompletions,
  policyCompletions,
} from './completion.ts'
import {
  agentPolicy,
  marked,
  oneLinePolicy,
  resourcePolicy,
  testPolicies,
} from './policies.test-data.ts'

const catalog = awsCatalog()

const complete = (text: string, options?: PolicyCompletionOptions) => {
  const { text: plain, tree, position } = marked(text)
  return policyCompletions(tree, plain, position, catalog, options)
}
const labels = (result: PolicyCompletions | undefined) =>
  result?.options.map(({ label }) => label) ?? []
const option = (result: PolicyCompletions | undefined, label: string) =>
  result?.options.find((candidate) => candidate.label === label)

const connect = catalog.service('connect')
if (connect === undefined) throw new Error('the catalog holds Amazon Connect')

describe('policyCompletions in Action', () => {
  it("offers a service's actions and wildcard after its prefix, with access level and resource types", () => {
    const result = complete('{"Statement": {"Action": "connect:|"}}')
    expect(result).toMatchObject({ from: 26, to: 34 })
    expect(labels(result)).toEqual([
      'connect:*',
      ...connect.actions.map((action) => action.fullName),
    ])
    expect(option(result, 'connect:DescribeUser')).toEqual({
      label: 'connect:DescribeUser',
      detail: 'Read',
      info: 'Grants permission to describe a user in an Amazon Connect instance\nResource types: user (required)',
      type: 'function',
    })
    expect(option(result, 'connect:*')).toMatchObject({
      type: 'namespace',
      info: 'Every action of Amazon Connect',
    })
  })

  it('stays valid while the text keeps its service, so that CodeMirror filters it', () => {
    const validFor = complete('{"Statement": {"Action": "connect:|"}}')?.validFor
    expect(validFor?.('connect:Desc')).toBe(true)
    expect(validFor?.('CONNECT:desc')).toBe(true)
    expect(validFor?.('conn')).toBe(false)
    expect(validFor?.('connect:a"')).toBe(false)
  })

  it('matches services by prefix and actions by the name after the colon', () => {
    const byService = complete('{"Statement": {"Action": ["connect:DescribeUser", "conn|"]}}')
    expect(labels(byService)).toContain('connect:*')
    expect(labels(byService)).toContain('connect-campaigns:*')
    expect(labels(byService)).toContain('connect:DescribeUser')
    const byName = complete('{"Statement": {"Action": "describeu|"}}')
    expect(labels(byName)).toContain('connect:DescribeUser')
    const startsWith = (label: string, text: string) => {
      const [service = '', name = ''] = label.toLowerCase().split(':')
      return service.startsWith(text) || name.startsWith(text)
    }
    for (const label of labels(byService)) expect(startsWith(label, 'conn')).toBe(true)
    for (const label of labels(byName)) expect(startsWith(label, 'describeu')).toBe(true)
  })

  it('offers the services alone when nothing is typed and every action would not fit', () => {
    const result = complete('{"Statement": {"NotAction": "|"}}')
    expect(labels(result)).toEqual(catalog.coveredPrefixes.map((prefix) => `${prefix}:*`))
    expect(result?.validFor).toBeUndefined()
    const unlimited = complete('{"Statement": {"NotAction": "|"}}', {
      limit: Number.POSITIVE_INFINITY,
    })
    expect(unlimited?.options).toHaveLength(
      catalog.coveredPrefixes.length + catalog.allActions.length,
    )
    expect(unlimited?.validFor?.('anything')).toBe(true)
  })

  it('offers every action when nothing is typed and they fit, as in the playground catalog', () => {
    const subset = createCatalog(subsetCatalogData(awsCatalogData(), ['connect', 'profile']))
    const { text, tree, position } = marked('{"Statement": {"Action": "|"}}')
    const result = policyCompletions(tree, text, position, subset)
    expect(result?.options).toHaveLength(subset.coveredPrefixes.length + subset.allActions.length)
    expect(result?.validFor?.('conn')).toBe(true)
  })

  it('holds at most the limit, and asks again on the next keystroke when it had to cut', () => {
    const result = complete('{"Statement": {"Action": "c|"}}')
    expect(result?.options).toHaveLength(defaultCompletionLimit)
    expect(result?.validFor).toBeUndefined()
    expect(complete('{"Statement": {"Action": "c|"}}', { limit: 7 })?.options).toHaveLength(7)
    expect(complete('{"Statement": {"Action": "c|"}}', { limit: 0 })?.options).toHaveLength(1)
  })

  it('gives the same options in the same order for the same text', () => {
    for (const text of ['{"Statement": {"Action": "c|"}}', '{"Statement": {"Action": "Get|"}}']) {
      expect(complete(text)?.options).toEqual(complete(text)?.options)
    }
  })

  it('adds the quotes a position without them needs', () => {
    const bare = complete('{"Statement": {"Action": connect:DescribeU|}}')
    expect(bare).toMatchObject({ from: 25, to: 42 })
    expect(option(bare, 'connect:DescribeUser')?.apply).toBe('"connect:DescribeUser"')
    const unclosed = complete('{"Statement": {"Action": "connect:DescribeU|')
    expect(option(unclosed, 'connect:DescribeUser')?.apply).toBe('connect:DescribeUser"')
    const closed = complete('{"Statement": {"Action": "connect:DescribeU|"}}')
    expect(option(closed, 'connect:DescribeUser')?.apply).toBeUndefined()
  })

  it('offers nothing for a service the catalog does not hold', () => {
    expect(complete('{"Statement": {"Action": "nosuchservice:|"}}')).toBeUndefined()
  })

  it('has the shape of a CodeMirror completion result', () => {
    const result: CompletionResult | undefined = complete('{"Statement": {"Action": "connect:|"}}')
    expect(result?.options.length).toBeGreaterThan(0)
  })
})

describe('policyCompletions in Resource', () => {
  it("offers `*` and the ARN formats of the statement's actions, named by resource type", () => {
    const result = complete(
      '{"Statement": [{"Action": "s3:GetObject"}, {"Action": ["connect:DescribeUser", "connect:DescribeQueue"], "Resource": ["|"]}]}',
    )
    expect(labels(result)).toEqual([
      '*',
      'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}',
      'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/${QueueId}',
    ])
    expect(result?.options[1]).toMatchObject({ detail: 'user', type: 'type' })
    expect(result?.options[1]?.info).toContain('connect:DescribeUser (required)')
  })

  it('reads wildcards of the statement, and only Action', () => {
    const wildcard = complete('{"Statement": {"Action": "connect:Describe*", "NotResource": "|"}}')
    expect(wildcard?.options.map(({ detail }) => detail)).toContain('instance')
    const notAction = complete(
      '{"Statement": {"NotAction": "connect:DescribeUser", "Resource": "|"}}',
    )
    const connectFormats = connect.resourceTypes.flatMap((type) =>
      type.arnFormats.map(({ source }) => source),
    )
    expect(labels(notAction)).toEqual(['*', ...new Set(connectFormats)])
  })

  it('offers every Amazon Connect resource type when the statement names no action', () => {
    const result = complete('{"Statement": {"Resource": "|')
    expect(result?.options.length).toBeGreaterThan(connect.resourceTypes.length)
    expect(option(result, '*')?.apply).toBe('*"')
  })

  it('continues a typed ARN field by field, with the values the other ARNs give', () => {
    const policy = (typed: string) =>
      `{"Statement": [{"Action": "connect:ListQueues", "Resource": "arn:aws:connect:us-east-1:111122223333:instance/abc/*"}, {"Action": "connect:DescribeUser", "Resource": "${typed}|"}]}`
    // the account and the instance are the only ones in use: written in
    expect(labels(complete(policy('arn:aws:connect:')))).toEqual([
      '*',
      'arn:aws:connect:us-east-1:111122223333:instance/abc/agent/${UserId}',
      'arn:aws:connect:${Region}:111122223333:instance/abc/agent/${UserId}',
    ])
    // the document's partition, then the catalog's others, each once
    const rest = ':connect:us-east-1:111122223333:instance/abc/agent/${UserId}'
    expect([...catalog.partitions].slice(0, 3)).toEqual(['aws', 'aws-cn', 'aws-us-gov'])
    expect(labels(complete(policy('arn:')))).toEqual([
      '*',
      ...[...catalog.partitions, '${Partition}'].map((partition) => `arn:${partition}${rest}`),
    ])
    // what is typed is kept, though the document gives other values
    expect(
      labels(complete(policy('arn:aws:connect:eu-west-2:444455556666:instance/i-9/a'))),
    ).toEqual(['*', 'arn:aws:connect:eu-west-2:444455556666:instance/i-9/agent/${UserId}'])
    const result = complete(policy('arn:aws:connect:eu-west-2:444455556666:'))
    expect(
      option(result, 'arn:aws:connect:eu-west-2:444455556666:instance/abc/agent/${UserId}'),
    ).toMatchObject({ detail: 'user', type: 'type' })
    // the labels hold the typed text: a longer text asks again
    expect(result?.validFor).toBeUndefined()
    expect(labels(complete(policy('arn:aws:s3:::')))).toEqual(['*'])
  })

  it('reads no value from the ARN being typed, nor from wildcards and variables', () => {
    const result = complete(
      '{"Statement": {"Action": "connect:DescribeUser", "Resource": ["arn:aws:connect:*:*:instance/*/agent/${aws:userid}", "arn:aws:connect:us-east-1:1|"]}}',
    )
    expect(labels(result)).toEqual([
      '*',
      'arn:aws:connect:us-east-1:1:instance/${InstanceId}/agent/${UserId}',
    ])
  })

  it('keeps to the limit when the statement names every action', () => {
    const result = complete('{"Statement": {"Action": "*", "Resource": "|"}}')
    expect(result?.options.length).toBeLessThanOrEqual(defaultCompletionLimit)
    expect(result?.options[0]?.label).toBe('*')
  })
})

describe('policyCompletions in Condition', () => {
  it('offers operators, with set qualifiers and IfExists, and what each asks', () => {
    const result = complete('{"Statement": {"Condition": {"|": {}}}}')
    for (const name of [
      'StringEquals',
      'StringLike',
      'ArnLike',
      'ForAnyValue:StringLike',
      'ForAllValues:StringEquals',
      'StringEqualsIfExists',
      'Null',
    ]) {
      expect(labels(result)).toContain(name)
    }
    expect(option(result, 'StringLike')).toMatchObject({ detail: 'String', type: 'keyword' })
    expect(option(result, 'StringLike')?.info).toContain('wildcards')
  })

  it("offers the keys of the statement's actions and the global keys, with type and description", () => {
    const result = complete(
      '{"Statement": {"Action": "connect:DescribeUser", "Condition": {"StringEquals": {"|": "x"}}}}',
    )
    expect(option(result, 'connect:InstanceId')).toMatchObject({
      detail: 'String',
      type: 'variable',
    })
    expect(option(result, 'connect:InstanceId')?.info).toContain(
      catalog.conditionKey('connect:InstanceId')?.description ?? '?',
    )
    for (const name of catalog.globalKeyNames) expect(labels(result)).toContain(name)
    expect(labels(result)).not.toContain('s3:prefix')
    expect(new Set(labels(result).map((label) => label.toLowerCase())).size).toBe(
      labels(result).length,
    )
  })

  it('inserts a key with a variable part up to it, for the tag to be typed', () => {
    const result = complete('{"Statement": {"Condition": {"StringEquals": {"aws:Pri|": "x"}}}}')
    expect(option(result, 'aws:PrincipalTag/${TagKey}')?.apply).toBe('aws:PrincipalTag/')
    const bare = complete('{"Statement": {"Condition": {"StringEquals": {aws|')
    expect(option(bare, 'aws:PrincipalTag/${TagKey}')?.apply).toBe('"aws:PrincipalTag/')
    expect(option(bare, 'aws:SourceIp')?.apply).toBe('"aws:SourceIp"')
  })

  it('offers the keys of Amazon Connect when the statement names no action', () => {
    const result = complete('{"Statement": {"Condition": {"StringEquals": {"|"}}}}')
    expect(labels(result)).toContain('connect:UserArn')
  })

  it('offers true and false as values of Bool and Null keys only', () => {
    expect(
      labels(complete('{"Statement": {"Condition": {"Bool": {"aws:SecureTransport": "|"}}}}')),
    ).toEqual(['true', 'false'])
    expect(
      labels(complete('{"Statement": {"Condition": {"Null": {"aws:TokenIssueTime": ["|"]}}}}')),
    ).toEqual(['true', 'false'])
    expect(
      complete('{"Statement": {"Condition": {"StringEquals": {"aws:SourceIp": "|"}}}}'),
    ).toBeUndefined()
  })
})

describe('policyCompletions of elements', () => {
  it('offers the statement elements not present, nor the twin of one present', () => {
    const result = complete('{"Statement": [{"Effect": "Allow", "Action": "x", "|": 1}]}')
    expect(labels(result)).toEqual([
      'Sid',
      'Resource',
      'NotResource',
      'Principal',
      'NotPrincipal',
      'Condition',
    ])
    expect(result?.options[0]).toMatchObject({ type: 'property', detail: 'statement identifier' })
  })

  it('offers the name being typed over, though the statement holds it', () => {
    expect(labels(complete('{"Statement": {"Eff|ect": "Allow"}}'))).toContain('Effect')
  })

  it('quotes a name typed without quotes', () => {
    const result = complete('{"Statement": {"Effect": "Allow", Ac|')
    expect(result).toMatchObject({ from: 34, to: 36 })
    expect(option(result, 'Action')?.apply).toBe('"Action"')
  })

  it('offers the document elements, Allow and Deny, the version and principal types', () => {
    expect(labels(complete('{"Version": "2012-10-17", |'))).toEqual(['Statement', 'Id'])
    expect(labels(complete('{"Statement": {"Effect": "|"}}'))).toEqual(['Allow', 'Deny'])
    expect(option(complete('{"Statement": {"Effect": |}}'), 'Deny')?.apply).toBe('"Deny"')
    expect(labels(complete('{"Version": "|'))).toEqual(['2012-10-17'])
    expect(labels(complete('{"Statement": {"Principal": {"|'))).toEqual([
      'AWS',
      'Service',
      'Federated',
      'CanonicalUser',
    ])
    expect(labels(complete('{"Statement": {"Principal": "|'))).toEqual(['*'])
  })

  it('offers nothing where nothing is known to go', () => {
    for (const text of [
      '{"Statement": {"Sid": "|"}}',
      '{"Id": "|"}',
      '{"Other": {"Action": "|"}}',
      '{"Statement": {"Effect": "Allow" |}}',
      '{"Statement": {"Action": {"|"}}}',
      '{"Statement": {"Effect": ["|"]}}',
    ]) {
      expect(complete(text), text).toBeUndefined()
    }
  })
})

/**
 * The laws every result keeps, as the list of those it breaks: a range around the position,
 * options with labels, and quotes inserted where the position has none. Checked in plain code
 * and asserted once per result, as a result holds up to a thousand options.
 */
function brokenLaws(
  result: PolicyCompletions | undefined,
  text: string,
  position: number,
): string[] {
  if (result === undefined) return []
  const broken: string[] = []
  if (result.from > position || result.to < position || result.to > text.length) {
    broken.push(`range ${result.from}-${result.to} at ${position}`)
  }
  if (result.options.length === 0) broken.push('no options')
  const quoted = text.charAt(result.from - 1) === '"'
  for (const { label, apply, snippet } of result.options) {
    if (label === '') broken.push('an empty label')
    // a skeleton is a whole value or whole members, never put inside a string
    if (snippet !== undefined) {
      if (quoted) broken.push(`${label} inserted inside a string`)
    } else if (!quoted && apply?.startsWith('"') !== true) {
      broken.push(`${label} inserted without quotes`)
    }
  }
  return broken
}

describe('policyCompletions never throws, and keeps its laws, on documents being typed', () => {
  it('at the end of every prefix of the handwritten policies', () => {
    for (const text of [agentPolicy, resourcePolicy, oneLinePolicy]) {
      for (let length = 0; length <= text.length; length++) {
        const prefix = text.slice(0, length)
        const result = policyCompletions(parser.parse(prefix), prefix, length, catalog)
        expect(brokenLaws(result, prefix, length), prefix).toEqual([])
      }
    }
  })

  it('at every position of every test policy', () => {
    for (const text of testPolicies) {
      const tree = parser.parse(text)
      for (let position = 0; position <= text.length; position++) {
        const result = policyCompletions(tree, text, position, catalog)
        expect(brokenLaws(result, text, position), `${position} of ${text}`).toEqual([])
      }
    }
  })
})

describe('policyCompletions of whole pieces', () => {
  it('offers a policy skeleton in an empty document, inserted as it is, not quoted', () => {
    const result = complete('|')
    expect(labels(result)).toEqual(['policy'])
    expect(result?.options[0]).toMatchObject({ type: 'text' })
    expect(result?.options[0]?.apply).toBeUndefined()
    expect(result?.options[0]?.snippet).toContain('"Version": "2012-10-17"')
  })

  it('offers the elements and a skeleton of both in an empty top object', () => {
    expect(labels(complete('{|}'))).toEqual(['Version', 'Statement', 'Id', 'Version and Statement'])
    expect(labels(complete('{"Id": "x", |}'))).toEqual(['Version', 'Statement'])
  })

  it('offers none before a value already written, which would leave two values', () => {
    expect(labels(complete('|{"Version": "2012-10-17"}'))).toEqual([])
    expect(labels(complete('{"Statement": |[]}'))).toEqual([])
    expect(labels(complete('{"Statement": [|{"Effect": "Allow"}]}'))).toEqual([])
    expect(labels(complete('{"Statement": [{"Effect": "Allow"}, |]}'))).toEqual([
      'Allow statement',
      'Deny statement',
    ])
  })

  it('offers Allow and Deny statements where a statement goes', () => {
    expect(labels(complete('{"Statement": [|]}'))).toEqual(['Allow statement', 'Deny statement'])
    expect(complete('{"Statement": [|]}')?.validFor?.('All')).toBe(true)
  })
})
