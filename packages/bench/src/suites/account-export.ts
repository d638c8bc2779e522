/**
 * A large account's `aws iam get-account-authorization-details` output, generated in code
 * (deterministically: the same text on every run and machine, nothing committed), for the
 * benchmark of `@connect-policy/sources` reading and validating an account export.
 */

export interface AccountExportSize {
  readonly roles: number
  readonly users: number
  readonly groups: number
  /** Customer managed policies, each with several versions. */
  readonly managedPolicies: number
}

/** The account of the issue: 5,000 roles, 200 users, 20 groups and 50 customer managed policies. */
export const largeAccount: AccountExportSize = {
  roles: 5000,
  users: 200,
  groups: 20,
  managedPolicies: 50,
}

export interface AccountExport {
  /** The file, as the AWS CLI writes it (JSON, four spaces deep). */
  readonly text: string
  /** Documents in it: every version of every managed policy, trust and inline policies. */
  readonly documents: number
  /**
   * The policies a reader validates: each managed policy's default version, each role's trust
   * policy, and every inline policy of a role, user or group.
   */
  readonly policies: number
  /** Roles with a permissions boundary. */
  readonly boundedRoles: number
  /** Deliberate mistakes written in (a misspelt action in a role's inline policy). */
  readonly misspelt: number
}

const account = '111122223333'
const region = 'eu-west-2'

/** A small deterministic generator (mulberry32), so that every run reads the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Statements as people write them for Amazon Connect: actions with the resources they act on (the
 * path after the instance's ARN, `undefined` for `*`), so that most validate cleanly and the
 * validator's work is that of a clean account. The last one misses a resource type the action
 * also needs (the instance of `connect:MonitorContact`), a finding real accounts have.
 */
const statementShapes: readonly {
  readonly actions: readonly string[]
  readonly paths: readonly (string | undefined)[]
}[] = [
  { actions: ['connect:DescribeQueue', 'connect:UpdateQueueStatus'], paths: ['/queue/*'] },
  { actions: ['connect:DescribeRoutingProfile'], paths: ['/routing-profile/*'] },
  {
    actions: ['connect:DescribeContactFlow', 'connect:StartChatContact'],
    paths: ['/contact-flow/*'],
  },
  {
    actions: [
      'connect:DescribeContact',
      'connect:StopContact',
      'connect:GetContactAttributes',
      'connect:UpdateContactAttributes',
    ],
    paths: ['/contact/*'],
  },
  { actions: ['connect:GetFederationToken', 'connect:SearchUsers'], paths: [''] },
  { actions: ['connect:DescribeUser'], paths: ['/agent/*'] },
  { actions: ['connect:ListInstances'], paths: [undefined] },
  { actions: ['connect:MonitorContact'], paths: ['/contact/*', '/agent/*'] },
]

const timestamp = (index: number) =>
  `2023-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}T10:${String(index % 60).padStart(2, '0')}:00+00:00`

/** An identifier as IAM writes them: a prefix and 17 uppercase letters and digits. */
function identifier(prefix: string, next: () => number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let id = prefix
  for (let index = 0; index < 17; index++) id += alphabet[Math.floor(next() * alphabet.length)]
  return id
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)] as T
}

function some<T>(list: readonly T[], count: number, next: () => number): T[] {
  const chosen = new Set<T>()
  while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list, next))
  return [...chosen]
}

/**
 * The authorization details of an account of the given size. Each role has a trust policy
 * (SAML federation, a service or the account with MFA), one or two inline policies with
 * Amazon Connect actions on instance ARNs, one to three attached managed policies (customer
 * managed and AWS managed, which the export leaves out), and every fourth a permissions boundary;
 * every 97th role's inline policy misspells an action. Customer managed policies have two to five
 * versions, one the default; users are in groups and have inline and attached policies.
 */
export function accountExport(size: AccountExportSize = largeAccount): AccountExport {
  const next = random(20240520)
  const instances = Array.from(
    { length: 8 },
    (_, index) => `a1b2c3d4-5678-90ab-cdef-${String(index + 1).padStart(12, '0')}`,
  )
  const instanceArn = (id: string) => `arn:aws:connect:${region}:${account}:instance/${id}`
  let documents = 0
  let policies = 0
  let misspelt = 0

  const connectStatement = (sid: string) => {
    const instance = instanceArn(pick(instances, next))
    const shape = pick(statementShapes, next)
    const resources = shape.paths.map((path) => (path === undefined ? '*' : `${instance}${path}`))
    return {
      Sid: sid,
      Effect: 'Allow',
      Action: some(shape.actions, 1 + Math.floor(next() * shape.actions.length), next),
      Resource: resources.length === 1 ? (resources[0] as string) : resources,
    }
  }
  const connectDocument = (statements: number) => {
    documents++
    return {
      Version: '2012-10-17',
      Statement: Array.from({ length: statements }, (_, index) =>
        connectStatement(`Connect${index + 1}`),
      ),
    }
  }

  const boundaryCount = Math.max(1, Math.floor(size.managedPolicies / 10))
  const managed = Array.from({ length: size.managedPolicies }, (_, index) => {
    const boundary = index < boundaryCount
    const name = boundary
      ? `ConnectBoundary${index + 1}`
      : `ConnectTeam${String(index + 1).padStart(2, '0')}Access`
    const path = boundary ? '/boundaries/' : '/connect/'
    const versionCount = 2 + Math.floor(next() * 4)
    const defaultVersion = 1 + Math.floor(next() * versionCount)
    policies++
    const versions = Array.from({ length: versionCount }, (_, version) => {
      const document = boundary
        ? (() => {
            documents++
            return {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'ConnectOnly',
                  Effect: 'Allow',
                  Action: ['connect:*', 's3:GetObject', 'kms:Decrypt', 'sts:AssumeRole'],
                  Resource: '*',
                },
                {
                  Sid: 'NoInstanceDeletion',
                  Effect: 'Deny',
                  Action: ['connect:DeleteInstance', 'iam:*'],
                  Resource: '*',
                },
              ],
            }
          })()
        : connectDocument(1 + Math.floor(next() * 3))
      return {
        Document: document,
        VersionId: `v${version + 1}`,
        IsDefaultVersion: version + 1 === defaultVersion,
        CreateDate: timestamp(index + version),
      }
    })
    return {
      PolicyName: name,
      PolicyId: identifier('ANPA', next),
      Arn: `arn:aws:iam::${account}:policy${path}${name}`,
      Path: path,
      DefaultVersionId: `v${defaultVersion}`,
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: timestamp(index),
      UpdateDate: timestamp(index + versionCount),
      PolicyVersionList: versions,
    }
  })
  const boundaries = managed.slice(0, boundaryCount)
  const attachable = managed.slice(boundaryCount)
  const awsManaged = [
    'AmazonConnectReadOnlyAccess',
    'AmazonConnect_FullAccess',
    'ReadOnlyAccess',
    'CloudWatchReadOnlyAccess',
  ].map((name) => ({ PolicyName: name, PolicyArn: `arn:aws:iam::aws:policy/${name}` }))
  const attach = (count: number) => {
    const chosen = some(attachable, count, next).map((policy) => ({
      PolicyName: policy.PolicyName,
      PolicyArn: policy.Arn,
    }))
    if (next() < 0.3) chosen.push(pick(awsManaged, next))
    return chosen
  }

  const groups = Array.from({ length: size.groups }, (_, index) => {
    const name = `connect-team-${String(index + 1).padStart(2, '0')}`
    policies++
    return {
      Path: '/',
      GroupName: name,
      GroupId: identifier('AGPA', next),
      Arn: `arn:aws:iam::${account}:group/${name}`,
      CreateDate: timestamp(index),
      GroupPolicyList: [{ PolicyName: `${name}-access`, PolicyDocument: connectDocument(2) }],
      AttachedManagedPolicies: attach(1),
    }
  })

  const users = Array.from({ length: size.users }, (_, index) => {
    const name = `agent.${String(index + 1).padStart(4, '0')}`
    const inline = index % 3 === 0
    if (inline) policies++
    return {
      Path: '/connect/',
      UserName: name,
      UserId: identifier('AIDA', next),
      Arn: `arn:aws:iam::${account}:user/connect/${name}`,
      CreateDate: timestamp(index),
      ...(inline
        ? { UserPolicyList: [{ PolicyName: 'own-contacts', PolicyDocument: connectDocument(1) }] }
        : {}),
      GroupList: some(groups, 1 + (index % 2), next).map((group) => group.GroupName),
      AttachedManagedPolicies: index % 2 === 0 ? attach(1) : [],
      ...(index % 5 === 0
        ? {
            PermissionsBoundary: {
              PermissionsBoundaryType: 'Policy',
              PermissionsBoundaryArn: pick(boundaries, next).Arn,
            },
          }
        : {}),
      Tags: [{ Key: 'team', Value: 'contact-centre' }],
    }
  })

  const trustPolicy = (index: number) => {
    documents++
    policies++
    const kind = index % 3
    const statement =
      kind === 0
        ? {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${account}:saml-provider/ConnectAgentsIdP` },
            Action: 'sts:AssumeRoleWithSAML',
            Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
          }
        : kind === 1
          ? {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'aws:SourceAccount': account } },
            }
          : {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${account}:root` },
              Action: 'sts:AssumeRole',
              Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
            }
    return { Version: '2012-10-17', Statement: [statement] }
  }

  let boundedRoles = 0
  const roles = Array.from({ length: size.roles }, (_, index) => {
    const name = `ConnectAgent-${String(index + 1).padStart(5, '0')}`
    const inlineCount = 1 + (index % 2)
    policies += inlineCount
    const inline = Array.from({ length: inlineCount }, (_, at) => {
      const document = connectDocument(1 + Math.floor(next() * 3))
      if (at === 0 && index % 97 === 0) {
        // a misspelt action, as people write them
        const [first] = document.Statement
        if (first !== undefined) {
          first.Action = [...first.Action, 'connect:DescribeQueu']
          misspelt++
        }
      }
      return {
        PolicyName: `agent-${at === 0 ? 'workspace' : 'reporting'}`,
        PolicyDocument: document,
      }
    })
    const bounded = index % 4 === 0
    if (bounded) boundedRoles++
    return {
      Path: '/connect/',
      RoleName: name,
      RoleId: identifier('AROA', next),
      Arn: `arn:aws:iam::${account}:role/connect/${name}`,
      CreateDate: timestamp(index),
      AssumeRolePolicyDocument: trustPolicy(index),
      InstanceProfileList: [],
      RolePolicyList: inline,
      AttachedManagedPolicies: attach(1 + (index % 3)),
      ...(bounded
        ? {
            PermissionsBoundary: {
              PermissionsBoundaryType: 'Policy',
              PermissionsBoundaryArn: pick(boundaries, next).Arn,
            },
          }
        : {}),
      Tags: [{ Key: 'team', Value: 'contact-centre' }],
      RoleLastUsed: { LastUsedDate: timestamp(index), Region: region },
    }
  })

  const text = `${JSON.stringify(
    {
      UserDetailList: users,
      GroupDetailList: groups,
      RoleDetailList: roles,
      Policies: managed,
    },
    null,
    4,
  )}\n`
  return { text, documents, policies, boundedRoles, misspelt }
}
