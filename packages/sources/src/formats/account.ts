import type { PolicyType } from '@connect-policy/core'
import { items, member, type SourceNode, text } from '../tree/source-node.ts'
import type { FoundPolicy, SourceProblem } from './found-policy.ts'
import { policyProjection } from './policy-node.ts'

/** The kinds of IAM principals an account export lists. */
export const principalKinds = ['user', 'group', 'role'] as const
export type PrincipalKind = (typeof principalKinds)[number]

/** A user, group or role of the account with where each of its policies is found. */
export interface AccountPrincipal {
  readonly kind: PrincipalKind
  readonly name: string
  readonly arn: string
  /** Paths (`FoundPolicy.path`) of its inline policies, of the managed policies attached, and for a user, of its groups' policies. */
  readonly identityPolicies: readonly string[]
  /** Path of the permissions boundary's document. */
  readonly permissionsBoundary?: string
  /** Path of a role's trust policy. */
  readonly trustPolicy?: string
  /** For a user, the groups it is in. */
  readonly groups?: readonly string[]
  /** Managed policies attached by ARN that the export does not hold (AWS managed ones it left out). */
  readonly missingPolicies: readonly string[]
}

/** Whether a tree is `aws iam get-account-authorization-details` output. */
export function isAuthorizationDetails(root: SourceNode): boolean {
  return (
    ['UserDetailList', 'GroupDetailList', 'RoleDetailList'].some(
      (name) => member(root, name)?.kind === 'array',
    ) ||
    items(member(root, 'Policies')).some(
      (policy) => member(policy, 'PolicyVersionList') !== undefined,
    )
  )
}

/** Which single-policy output a tree is: `get-policy-version`, or `get-role-policy` and its siblings. */
export function singlePolicyShape(
  root: SourceNode,
): 'policy-version' | 'inline-policy' | undefined {
  if (member(member(root, 'PolicyVersion'), 'Document') !== undefined) return 'policy-version'
  if (
    member(root, 'PolicyDocument') !== undefined &&
    member(root, 'PolicyName') !== undefined &&
    ['RoleName', 'UserName', 'GroupName'].some((name) => member(root, name) !== undefined)
  ) {
    return 'inline-policy'
  }
  return undefined
}

function notAPolicy(label: string, node: SourceNode): SourceProblem {
  return {
    code: 'not-a-policy',
    severity: 'error',
    message: `${label}: a policy document is an object or JSON text`,
    range: node.range,
  }
}

/** The one policy of `get-policy-version` or `get-role-policy` (`get-user-policy`, `get-group-policy`) output. */
export function readSinglePolicy(
  root: SourceNode,
  file: string,
  shape: 'policy-version' | 'inline-policy',
): { policies: FoundPolicy[]; problems: SourceProblem[] } {
  const node =
    shape === 'policy-version'
      ? member(member(root, 'PolicyVersion'), 'Document')
      : member(root, 'PolicyDocument')
  if (node === undefined) return { policies: [], problems: [] }
  const owner =
    text(member(root, 'RoleName')) ??
    text(member(root, 'UserName')) ??
    text(member(root, 'GroupName'))
  const label =
    shape === 'policy-version'
      ? `policy version ${text(member(member(root, 'PolicyVersion'), 'VersionId')) ?? ''}`.trim()
      : `${owner}: inline policy ${text(member(root, 'PolicyName')) ?? ''}`.trim()
  const path = shape === 'policy-version' ? 'PolicyVersion.Document' : 'PolicyDocument'
  const projection = policyProjection(node, file)
  if (projection === undefined) return { policies: [], problems: [notAPolicy(label, node)] }
  return {
    policies: [{ path, label, policyType: 'identity', range: node.range, projection }],
    problems: [],
  }
}

/**
 * The policies and principals of `aws iam get-account-authorization-details` output, documents
 * as objects (the AWS CLI decodes them) or as URL-encoded JSON text (the raw API). Each managed
 * policy's default version is its document; each principal lists the paths of what applies to
 * it: inline policies, attached managed policies, for a user its groups' policies, its
 * permissions boundary, and a role's trust policy.
 */
export function readAuthorizationDetails(
  root: SourceNode,
  file: string,
): { policies: FoundPolicy[]; problems: SourceProblem[]; principals: AccountPrincipal[] } {
  const policies: FoundPolicy[] = []
  const problems: SourceProblem[] = []
  const principals: AccountPrincipal[] = []
  const managedPaths = new Map<string, string>()

  const add = (
    node: SourceNode | undefined,
    path: string,
    label: string,
    policyType: PolicyType,
  ): string | undefined => {
    if (node === undefined) return undefined
    const projection = policyProjection(node, file)
    if (projection === undefined) {
      problems.push(notAPolicy(label, node))
      return undefined
    }
    policies.push({ path, label, policyType, range: node.range, projection })
    return path
  }

  // a managed policy the account only uses as a permissions boundary is checked as one
  const principalsOf = ['UserDetailList', 'GroupDetailList', 'RoleDetailList'].flatMap((list) =>
    items(member(root, list)),
  )
  const boundaryArns = new Set(
    principalsOf.flatMap((entity) => {
      const arn = text(member(member(entity, 'PermissionsBoundary'), 'PermissionsBoundaryArn'))
      return arn === undefined ? [] : [arn]
    }),
  )
  const attachedArns = new Set(
    principalsOf.flatMap((entity) =>
      items(member(entity, 'AttachedManagedPolicies')).flatMap((entry) => {
        const arn = text(member(entry, 'PolicyArn'))
        return arn === undefined ? [] : [arn]
      }),
    ),
  )
  items(member(root, 'Policies')).forEach((policy, index) => {
    const arn = text(member(policy, 'Arn')) ?? ''
    const boundary = boundaryArns.has(arn) && !attachedArns.has(arn)
    const name = text(member(policy, 'PolicyName')) ?? arn
    const versions = items(member(policy, 'PolicyVersionList'))
    const defaultId = text(member(policy, 'DefaultVersionId'))
    const version =
      versions.find(
        (entry) =>
          member(entry, 'IsDefaultVersion')?.kind === 'boolean' &&
          (member(entry, 'IsDefaultVersion') as { value: boolean }).value,
      ) ?? versions.find((entry) => text(member(entry, 'VersionId')) === defaultId)
    const versionIndex = version === undefined ? -1 : versions.indexOf(version)
    if (version === undefined) return
    const path = add(
      member(version, 'Document'),
      `Policies[${index}].PolicyVersionList[${versionIndex}].Document`,
      `${boundary ? 'permissions boundary' : 'managed policy'} ${name} (${text(member(version, 'VersionId')) ?? 'default version'})`,
      boundary ? 'permissionsBoundary' : 'identity',
    )
    if (path !== undefined && arn !== '') managedPaths.set(arn, path)
  })

  const inlineOf = (entity: SourceNode, list: string, base: string, owner: string): string[] =>
    items(member(entity, list)).flatMap((inline, index) => {
      const name = text(member(inline, 'PolicyName')) ?? `#${index + 1}`
      const path = add(
        member(inline, 'PolicyDocument'),
        `${base}.${list}[${index}].PolicyDocument`,
        `${owner}: inline policy ${name}`,
        'identity',
      )
      return path === undefined ? [] : [path]
    })

  const attached = (entity: SourceNode): { paths: string[]; missing: string[] } => {
    const paths: string[] = []
    const missing: string[] = []
    for (const entry of items(member(entity, 'AttachedManagedPolicies'))) {
      const arn = text(member(entry, 'PolicyArn')) ?? ''
      const path = managedPaths.get(arn)
      if (path === undefined) missing.push(arn)
      else paths.push(path)
    }
    return { paths, missing }
  }

  const groupPolicies = new Map<string, { paths: string[]; missing: string[] }>()
  items(member(root, 'GroupDetailList')).forEach((group, index) => {
    const name = text(member(group, 'GroupName')) ?? `#${index + 1}`
    const arn = text(member(group, 'Arn')) ?? ''
    const inline = inlineOf(group, 'GroupPolicyList', `GroupDetailList[${index}]`, `group ${name}`)
    const managed = attached(group)
    const all = { paths: [...inline, ...managed.paths], missing: managed.missing }
    groupPolicies.set(name, all)
    principals.push({
      kind: 'group',
      name,
      arn,
      identityPolicies: all.paths,
      missingPolicies: all.missing,
    })
  })

  const boundaryOf = (entity: SourceNode): string | undefined => {
    const arn = text(member(member(entity, 'PermissionsBoundary'), 'PermissionsBoundaryArn'))
    return arn === undefined ? undefined : (managedPaths.get(arn) ?? `missing:${arn}`)
  }

  items(member(root, 'UserDetailList')).forEach((user, index) => {
    const name = text(member(user, 'UserName')) ?? `#${index + 1}`
    const arn = text(member(user, 'Arn')) ?? ''
    const inline = inlineOf(user, 'UserPolicyList', `UserDetailList[${index}]`, `user ${name}`)
    const managed = attached(user)
    const groups = items(member(user, 'GroupList')).flatMap((group) =>
      group.kind === 'string' ? [group.value] : [],
    )
    const fromGroups = groups.flatMap((group) => groupPolicies.get(group)?.paths ?? [])
    const boundary = boundaryOf(user)
    principals.push({
      kind: 'user',
      name,
      arn,
      identityPolicies: [...inline, ...managed.paths, ...fromGroups],
      ...(boundary === undefined ? {} : { permissionsBoundary: boundary }),
      groups,
      missingPolicies: [
        ...managed.missing,
        ...groups.flatMap((group) => groupPolicies.get(group)?.missing ?? []),
      ],
    })
  })

  items(member(root, 'RoleDetailList')).forEach((role, index) => {
    const name = text(member(role, 'RoleName')) ?? `#${index + 1}`
    const arn = text(member(role, 'Arn')) ?? ''
    const base = `RoleDetailList[${index}]`
    const trust = add(
      member(role, 'AssumeRolePolicyDocument'),
      `${base}.AssumeRolePolicyDocument`,
      `role ${name}: trust policy`,
      'resource',
    )
    const inline = inlineOf(role, 'RolePolicyList', base, `role ${name}`)
    const managed = attached(role)
    const boundary = boundaryOf(role)
    principals.push({
      kind: 'role',
      name,
      arn,
      identityPolicies: [...inline, ...managed.paths],
      ...(boundary === undefined ? {} : { permissionsBoundary: boundary }),
      ...(trust === undefined ? {} : { trustPolicy: trust }),
      missingPolicies: managed.missing,
    })
  })
  return { policies, problems, principals }
}
