import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { type SourceFinding, validateSource } from '../findings/validate-source.ts'
import { type ReadSource, readSource } from '../read-source.ts'
import {
  expectDeliberate,
  expectDeliberateErrors,
  expectPositionsOf,
  expectWithinPolicies,
} from '../testing/deliberate.ts'
import { covered, testFile } from '../testing/test-files.ts'

const catalog = awsCatalog()

const shape = (read: ReadSource) =>
  read.policies.map((policy) => [policy.path, policy.label, policy.policyType])

/** The two managed policies both exports of the account list first: path, label and type. */
const boundaryAndReadOnly = [
  [
    'Policies[0].PolicyVersionList[0].Document',
    'permissions boundary ConnectAgentBoundary (v2)',
    // which a test of each export holds to `permissionsBoundary`
    expect.any(String),
  ],
  [
    'Policies[1].PolicyVersionList[0].Document',
    'managed policy ConnectAgentReadOnly (v3)',
    'identity',
  ],
]

/** What a path such as `Policies[2].PolicyVersionList[1].Document` names in a parsed value. */
function at(value: unknown, path: string): unknown {
  let current = value
  for (const part of path.replaceAll('[', '.').replaceAll(']', '').split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}

/** The version entry holding a managed policy's document, by the document's path. */
const versionOf = (value: unknown, path: string) =>
  at(value, path.slice(0, -'.Document'.length)) as
    | { VersionId: string; IsDefaultVersion: boolean }
    | undefined

describe('`aws iam get-account-authorization-details` as the CLI prints it (account/authorization-details.json)', () => {
  const text = testFile('account/authorization-details.json')
  const parsed = JSON.parse(text) as unknown
  const read = readSource({ name: 'authorization-details.json', text })
  const validation = validateSource(read, { catalog })

  it('is read as authorization details: each managed policy’s default version, and every inline and trust policy', () => {
    expect(read.format).toBe('authorization-details')
    expect(read.json).toBe(true)
    expect(read.problems).toEqual([])
    expect(shape(read)).toEqual([
      ...boundaryAndReadOnly,
      [
        'Policies[2].PolicyVersionList[1].Document',
        'managed policy ConnectReporting (v1)',
        'identity',
      ],
      [
        'Policies[3].PolicyVersionList[0].Document',
        'managed policy AmazonConnect_FullAccess (v4)',
        'identity',
      ],
      [
        'Policies[4].PolicyVersionList[0].Document',
        'managed policy AmazonConnectServiceLinkedRolePolicy (v55)',
        'identity',
      ],
      [
        'Policies[5].PolicyVersionList[0].Document',
        'managed policy AWSLambdaBasicExecutionRole (v1)',
        'identity',
      ],
      [
        'GroupDetailList[0].GroupPolicyList[0].PolicyDocument',
        'group connect-supervisors: inline policy ConnectSupervisorAccess',
        'identity',
      ],
      [
        'UserDetailList[0].UserPolicyList[0].PolicyDocument',
        'user alice.supervisor: inline policy ConnectOutbound',
        'identity',
      ],
      [
        'RoleDetailList[0].AssumeRolePolicyDocument',
        'role AWSServiceRoleForAmazonConnect_4Hq2ZLmT9wEKdYbKa6nX: trust policy',
        'resource',
      ],
      ['RoleDetailList[1].AssumeRolePolicyDocument', 'role ConnectAdmin: trust policy', 'resource'],
      [
        'RoleDetailList[1].RolePolicyList[0].PolicyDocument',
        'role ConnectAdmin: inline policy RecordingsAdmin',
        'identity',
      ],
      ['RoleDetailList[2].AssumeRolePolicyDocument', 'role ConnectAgent: trust policy', 'resource'],
      [
        'RoleDetailList[2].RolePolicyList[0].PolicyDocument',
        'role ConnectAgent: inline policy AgentWorkspace',
        'identity',
      ],
      [
        'RoleDetailList[3].AssumeRolePolicyDocument',
        'role ConnectContactLookupLambda: trust policy',
        'resource',
      ],
      [
        'RoleDetailList[3].RolePolicyList[0].PolicyDocument',
        'role ConnectContactLookupLambda: inline policy ContactLookup',
        'identity',
      ],
    ])
    for (const policy of read.policies) expectPositionsOf(read.text, policy.range)
  })

  it('reads a managed policy the account uses only as a permissions boundary as a boundary, as a template’s is read', () => {
    const boundary = read.policies.find((policy) => policy.label.includes('ConnectAgentBoundary'))
    expect(boundary?.policyType).toBe('permissionsBoundary')
  })

  it('reads of each managed policy its default version only (oracle: `IsDefaultVersion` of the parsed file)', () => {
    const managed = read.policies.filter((policy) => policy.path.startsWith('Policies['))
    expect(managed).toHaveLength((parsed as { Policies: unknown[] }).Policies.length)
    for (const policy of managed) {
      const version = versionOf(parsed, policy.path)
      expect(version?.IsDefaultVersion, policy.path).toBe(true)
      expect(policy.label).toContain(`(${version?.VersionId})`)
      // the projection is that version's document
      expect(JSON.parse(policy.projection?.text ?? '')).toEqual(at(parsed, policy.path))
    }
  })

  it('lists each user, group and role with its identity policies, boundary and trust policy', () => {
    const principal = (name: string) => read.principals.find((entry) => entry.name === name)
    expect(read.principals.map((entry) => [entry.kind, entry.name])).toEqual([
      ['group', 'connect-supervisors'],
      ['user', 'alice.supervisor'],
      ['user', 'bob.analyst'],
      ['role', 'AWSServiceRoleForAmazonConnect_4Hq2ZLmT9wEKdYbKa6nX'],
      ['role', 'ConnectAdmin'],
      ['role', 'ConnectAgent'],
      ['role', 'ConnectContactLookupLambda'],
    ])
    // a user's policies: its inline policy, then its group's inline and managed policies
    expect(principal('alice.supervisor')).toMatchObject({
      identityPolicies: [
        'UserDetailList[0].UserPolicyList[0].PolicyDocument',
        'GroupDetailList[0].GroupPolicyList[0].PolicyDocument',
        'Policies[1].PolicyVersionList[0].Document',
      ],
      groups: ['connect-supervisors'],
      missingPolicies: [],
    })
    expect(principal('alice.supervisor')?.permissionsBoundary).toBeUndefined()
    // the default version of ConnectReporting is the older v1, listed second
    expect(principal('bob.analyst')).toMatchObject({
      identityPolicies: ['Policies[2].PolicyVersionList[1].Document'],
      permissionsBoundary: 'Policies[0].PolicyVersionList[0].Document',
      groups: [],
    })
    expect(principal('ConnectAgent')).toMatchObject({
      arn: 'arn:aws:iam::111122223333:role/connect/ConnectAgent',
      identityPolicies: [
        'RoleDetailList[2].RolePolicyList[0].PolicyDocument',
        'Policies[1].PolicyVersionList[0].Document',
      ],
      permissionsBoundary: 'Policies[0].PolicyVersionList[0].Document',
      trustPolicy: 'RoleDetailList[2].AssumeRolePolicyDocument',
      missingPolicies: [],
    })
    expect(principal('ConnectAdmin')).toMatchObject({
      identityPolicies: [
        'RoleDetailList[1].RolePolicyList[0].PolicyDocument',
        'Policies[3].PolicyVersionList[0].Document',
      ],
      trustPolicy: 'RoleDetailList[1].AssumeRolePolicyDocument',
    })
    expect(principal('connect-supervisors')).toMatchObject({
      identityPolicies: [
        'GroupDetailList[0].GroupPolicyList[0].PolicyDocument',
        'Policies[1].PolicyVersionList[0].Document',
      ],
    })
    // every path a principal names is a policy read, of the kind it is used as
    const paths = new Set(read.policies.map((policy) => policy.path))
    for (const entry of read.principals) {
      for (const path of [
        ...entry.identityPolicies,
        ...(entry.permissionsBoundary === undefined ? [] : [entry.permissionsBoundary]),
        ...(entry.trustPolicy === undefined ? [] : [entry.trustPolicy]),
      ])
        expect(paths.has(path), `${entry.name}: ${path}`).toBe(true)
      const trust = read.policies.find((policy) => policy.path === entry.trustPolicy)
      if (entry.kind === 'role') expect(trust?.policyType).toBe('resource')
    }
  })

  it('finds the misspelt action at the text and on the line its README names', () => {
    // the only error of the customer's own policies (AWS's managed ones have their own findings)
    const [action] = expectDeliberateErrors(
      read,
      validation.findings,
      [
        {
          line: 234,
          text: 'connect:GetCurrentUserDat',
          code: 'unknown-action',
          policyLabel: 'role ConnectAgent: inline policy AgentWorkspace',
        },
      ],
      (finding) => !/AWS|Amazon/.test(finding.policyLabel),
    )
    expect(covered(read.text, action?.range ?? read.positions.range(0, 0))).toBe(
      '"connect:GetCurrentUserDat"',
    )
    expect(action?.fix?.newText).toBe('connect:GetCurrentUserData')
  })
})

/** A finding in a form both exports share: its policy, code, message, and the text it covers without whitespace. */
function comparable(read: ReadSource, finding: SourceFinding, decode: boolean) {
  const written = covered(read.text, finding.range)
  return [
    finding.policyLabel,
    finding.code,
    finding.message,
    (decode ? decodeURIComponent(written) : written).replaceAll(/\s/g, ''),
  ]
}

describe('the same export from the raw API, documents URL-encoded (account/authorization-details-raw.json)', () => {
  const text = testFile('account/authorization-details-raw.json')
  const read = readSource({ name: 'authorization-details-raw.json', text })
  const validation = validateSource(read, { catalog })
  const cli = readSource({
    name: 'authorization-details.json',
    text: testFile('account/authorization-details.json'),
  })
  const cliValidation = validateSource(cli, { catalog })

  it('is read as authorization details, its documents decoded', () => {
    expect(read.format).toBe('authorization-details')
    expect(read.problems).toEqual([])
    expect(shape(read)).toEqual([
      ...boundaryAndReadOnly,
      ['RoleDetailList[0].AssumeRolePolicyDocument', 'role ConnectAdmin: trust policy', 'resource'],
      [
        'RoleDetailList[0].RolePolicyList[0].PolicyDocument',
        'role ConnectAdmin: inline policy RecordingsAdmin',
        'identity',
      ],
      ['RoleDetailList[1].AssumeRolePolicyDocument', 'role ConnectAgent: trust policy', 'resource'],
      [
        'RoleDetailList[1].RolePolicyList[0].PolicyDocument',
        'role ConnectAgent: inline policy AgentWorkspace',
        'identity',
      ],
    ])
    // each document decodes to the one the CLI prints (oracle: decodeURIComponent and JSON.parse)
    const parsed = JSON.parse(text) as unknown
    for (const policy of read.policies) {
      const decoded = JSON.parse(decodeURIComponent(at(parsed, policy.path) as string))
      expect(JSON.parse(policy.projection?.text ?? '')).toEqual(decoded)
      const same = cli.policies.find((entry) => entry.label === policy.label)
      expect(JSON.parse(same?.projection?.text ?? '')).toEqual(decoded)
    }
  })

  it('reads the boundary as a boundary, as the CLI’s export', () => {
    expect(read.policies[0]?.policyType).toBe('permissionsBoundary')
  })

  it('lists its roles, the AWS managed policy it filtered out as missing', () => {
    expect(
      read.principals.map((entry) => [
        entry.kind,
        entry.name,
        entry.identityPolicies,
        entry.trustPolicy,
        entry.missingPolicies,
      ]),
    ).toEqual([
      [
        'role',
        'ConnectAdmin',
        ['RoleDetailList[0].RolePolicyList[0].PolicyDocument'],
        'RoleDetailList[0].AssumeRolePolicyDocument',
        ['arn:aws:iam::aws:policy/AmazonConnect_FullAccess'],
      ],
      [
        'role',
        'ConnectAgent',
        [
          'RoleDetailList[1].RolePolicyList[0].PolicyDocument',
          'Policies[1].PolicyVersionList[0].Document',
        ],
        'RoleDetailList[1].AssumeRolePolicyDocument',
        [],
      ],
    ])
  })

  it('finds the misspelt action inside the encoded string, on the line its README names', () => {
    const [action] = expectDeliberate(read, validation.findings, [
      {
        line: 53,
        text: 'connect%3AGetCurrentUserDat',
        code: 'unknown-action',
        policyLabel: 'role ConnectAgent: inline policy AgentWorkspace',
      },
    ])
    expect(covered(read.text, action?.range ?? read.positions.range(0, 0))).toBe(
      '%22connect%3AGetCurrentUserDat%22',
    )
    // an edit of encoded text is not offered
    expect(action?.fix).toBeUndefined()
  })

  it('gives the findings the decoded documents give, each inside its encoded string (oracle: the CLI’s export)', () => {
    const labels = new Set(read.policies.map((policy) => policy.label))
    const expected = cliValidation.findings
      .filter((finding) => labels.has(finding.policyLabel))
      .map((finding) => comparable(cli, finding, false))
    expect(validation.findings.map((finding) => comparable(read, finding, true)).sort()).toEqual(
      expected.sort(),
    )
    for (const finding of validation.findings) {
      const policy = read.policies.find((entry) => entry.path === finding.policy)
      // strictly inside the string's quotes
      expect(finding.range.start.offset).toBeGreaterThan(policy?.range.start.offset ?? 0)
      expect(finding.range.end.offset).toBeLessThan(policy?.range.end.offset ?? 0)
      expect(finding.range.start.line).toBe(policy?.range.start.line)
    }
  })
})

describe('the single-policy commands of the CLI', () => {
  const cases = [
    {
      file: 'account/get-policy-version.json',
      format: 'policy-version',
      path: 'PolicyVersion.Document',
      label: 'policy version v3',
    },
    {
      file: 'account/get-role-policy.json',
      format: 'inline-policy',
      path: 'PolicyDocument',
      label: 'ConnectAgent: inline policy AgentWorkspace',
    },
    {
      file: 'account/get-user-policy.json',
      format: 'inline-policy',
      path: 'PolicyDocument',
      label: 'alice.supervisor: inline policy ConnectOutbound',
    },
    {
      file: 'account/get-group-policy.json',
      format: 'inline-policy',
      path: 'PolicyDocument',
      label: 'connect-supervisors: inline policy ConnectSupervisorAccess',
    },
  ] as const

  it.each(cases)('$file is read as its one policy', ({ file, format, path, label }) => {
    const text = testFile(file)
    const read = readSource({ name: file, text })
    expect(read.format).toBe(format)
    expect(read.problems).toEqual([])
    expect(shape(read)).toEqual([[path, label, 'identity']])
    expect(JSON.parse(read.policies[0]?.projection?.text ?? '')).toEqual(at(JSON.parse(text), path))
    const validation = validateSource(read, { catalog })
    expectWithinPolicies(read, validation.findings)
    for (const finding of validation.findings) expectPositionsOf(read.text, finding.range)
  })

  it('get-role-policy: finds the misspelt action on the line its README names', () => {
    const read = readSource({
      name: 'get-role-policy.json',
      text: testFile('account/get-role-policy.json'),
    })
    const validation = validateSource(read, { catalog })
    const [action] = expectDeliberate(read, validation.findings, [
      {
        line: 13,
        text: 'connect:GetCurrentUserDat',
        code: 'unknown-action',
        policyLabel: 'ConnectAgent: inline policy AgentWorkspace',
      },
    ])
    expect(action?.fix?.newText).toBe('connect:GetCurrentUserData')
  })
})
