import type { PolicyType } from '@connect-policy/core'
import type { RenderValue } from '../project/print-json.ts'
import { items, member, type SourceNode, text } from '../tree/source-node.ts'
import { intrinsicOf } from './cloudformation-values.ts'
import type { FoundPolicy, SourceProblem } from './found-policy.ts'
import { policyProjection } from './policy-node.ts'

/** Whether a tree is a CloudFormation template: resources with `AWS::` types, or the version field. */
export function isCloudFormation(root: SourceNode): boolean {
  if (member(root, 'AWSTemplateFormatVersion') !== undefined) return true
  const resources = member(root, 'Resources')
  return (
    resources?.kind === 'object' &&
    resources.members.some((entry) =>
      /^(AWS|Custom)::|^Alexa::/.test(text(member(entry.value, 'Type')) ?? ''),
    )
  )
}

/** Resource policies of the common resource types: the property that holds the document. */
const resourcePolicies: Readonly<Record<string, string>> = {
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::S3::AccessPoint': 'Policy',
  'AWS::S3Express::BucketPolicy': 'PolicyDocument',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
  'AWS::KMS::ReplicaKey': 'KeyPolicy',
  'AWS::SecretsManager::ResourcePolicy': 'ResourcePolicy',
  'AWS::ECR::Repository': 'RepositoryPolicyText',
  'AWS::Logs::ResourcePolicy': 'PolicyDocument',
  'AWS::EFS::FileSystem': 'FileSystemPolicy',
  'AWS::Backup::BackupVault': 'AccessPolicy',
  'AWS::OpenSearchService::Domain': 'AccessPolicies',
  'AWS::Elasticsearch::Domain': 'AccessPolicies',
  'AWS::CodeArtifact::Domain': 'PermissionsPolicyDocument',
  'AWS::CodeArtifact::Repository': 'PermissionsPolicyDocument',
  'AWS::ApiGateway::RestApi': 'Policy',
  'AWS::Lambda::Url': 'Policy',
  'AWS::DynamoDB::ResourcePolicy': 'PolicyDocument',
}

/** Identity policies that stand alone: the document and whether it may serve as a boundary. */
const standalonePolicies: ReadonlySet<string> = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
])

/** The logical IDs a template names as permissions boundaries (`PermissionsBoundary: !Ref X`). */
function boundaryIds(resources: SourceNode): Set<string> {
  const ids = new Set<string>()
  if (resources.kind !== 'object') return ids
  for (const entry of resources.members) {
    const boundary = member(member(entry.value, 'Properties'), 'PermissionsBoundary')
    const intrinsic = boundary === undefined ? undefined : intrinsicOf(boundary)
    if (intrinsic?.name === 'Ref' && intrinsic.argument.kind === 'string')
      ids.add(intrinsic.argument.value)
  }
  return ids
}

/**
 * The policies of a CloudFormation template (written by hand, or synthesized by the CDK): each
 * `AWS::IAM::Role`'s trust policy and inline policies, the inline policies of users and groups,
 * `AWS::IAM::Policy` and `ManagedPolicy` documents (as permissions boundaries where a role or user
 * names them so), the resource policies of the common resource types, and Organizations' service
 * and resource control policies.
 */
export function readCloudFormation(
  root: SourceNode,
  file: string,
  render: RenderValue,
): { policies: FoundPolicy[]; problems: SourceProblem[] } {
  const policies: FoundPolicy[] = []
  const problems: SourceProblem[] = []
  const resources = member(root, 'Resources')
  if (resources?.kind !== 'object') return { policies, problems }
  const boundaries = boundaryIds(resources)

  const add = (
    node: SourceNode | undefined,
    path: string,
    label: string,
    policyType: PolicyType,
  ) => {
    if (node === undefined) return
    const rendered = render(node)
    if (rendered?.kind === 'drop') return
    const projection = policyProjection(node, file, render)
    if (projection === undefined) {
      problems.push({
        code: 'not-a-policy',
        severity: 'error',
        message: `${label}: a policy document is an object or JSON text, not what is written here`,
        range: node.range,
      })
      return
    }
    policies.push({ path, label, policyType, range: node.range, projection })
  }

  for (const { key: id, value: resource } of resources.members) {
    const type = text(member(resource, 'Type')) ?? ''
    const properties = member(resource, 'Properties')
    const base = `Resources.${id}.Properties`
    if (type === 'AWS::IAM::Role') {
      add(
        member(properties, 'AssumeRolePolicyDocument'),
        `${base}.AssumeRolePolicyDocument`,
        `${id}: trust policy`,
        'resource',
      )
    }
    if (type === 'AWS::IAM::Role' || type === 'AWS::IAM::User' || type === 'AWS::IAM::Group') {
      items(member(properties, 'Policies')).forEach((policy, index) => {
        const name = text(member(policy, 'PolicyName')) ?? `#${index + 1}`
        add(
          member(policy, 'PolicyDocument'),
          `${base}.Policies[${index}].PolicyDocument`,
          `${id}: inline policy ${name}`,
          'identity',
        )
      })
    }
    if (standalonePolicies.has(type)) {
      const name =
        text(member(properties, 'PolicyName')) ??
        text(member(properties, 'ManagedPolicyName')) ??
        id
      const boundary = boundaries.has(id)
      add(
        member(properties, 'PolicyDocument'),
        `${base}.PolicyDocument`,
        `${id}: ${boundary ? 'permissions boundary' : 'policy'} ${name}`,
        boundary ? 'permissionsBoundary' : 'identity',
      )
    }
    if (type === 'AWS::SSO::PermissionSet') {
      add(
        member(properties, 'InlinePolicy'),
        `${base}.InlinePolicy`,
        `${id}: inline policy`,
        'identity',
      )
    }
    if (type === 'AWS::Organizations::Policy') {
      const kind = text(member(properties, 'Type'))
      const policyType =
        kind === 'SERVICE_CONTROL_POLICY'
          ? 'serviceControl'
          : kind === 'RESOURCE_CONTROL_POLICY'
            ? 'resourceControl'
            : undefined
      if (policyType !== undefined)
        add(
          member(properties, 'Content'),
          `${base}.Content`,
          `${id}: ${policyType === 'serviceControl' ? 'service' : 'resource'} control policy`,
          policyType,
        )
    }
    const property = resourcePolicies[type]
    if (property !== undefined) {
      add(
        member(properties, property),
        `${base}.${property}`,
        `${id}: resource policy (${type})`,
        'resource',
      )
    }
  }
  return { policies, problems }
}
