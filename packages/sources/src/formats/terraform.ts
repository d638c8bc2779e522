import type { PolicyType, SourceRange } from '@connect-policy/core'
import { ProjectionBuilder } from '../project/projection.ts'
import { items, member, type SourceNode, text } from '../tree/source-node.ts'
import type { FoundPolicy, SourceProblem } from './found-policy.ts'
import { policyProjection } from './policy-node.ts'

/** What `terraform show -json` or a state file is. */
export type TerraformShape = 'terraform-plan' | 'terraform-state'

/** Whether a tree is Terraform's JSON: a plan or state from `terraform show -json`, or a state file. */
export function terraformShape(root: SourceNode): TerraformShape | undefined {
  if (member(root, 'format_version') !== undefined) {
    if (
      member(root, 'planned_values') !== undefined ||
      member(root, 'resource_changes') !== undefined
    ) {
      return 'terraform-plan'
    }
    if (member(root, 'values') !== undefined || member(root, 'terraform_version') !== undefined) {
      return 'terraform-state'
    }
  }
  if (
    member(root, 'terraform_version') !== undefined &&
    member(root, 'resources')?.kind === 'array'
  ) {
    return 'terraform-state'
  }
  return undefined
}

/** The attributes of each resource type that hold a policy, with what it is attached as. */
const policyAttributes: Readonly<
  Record<string, readonly (readonly [string, PolicyType, string])[]>
> = {
  aws_iam_policy: [['policy', 'identity', 'policy']],
  aws_iam_role: [['assume_role_policy', 'resource', 'trust policy']],
  aws_iam_role_policy: [['policy', 'identity', 'inline policy']],
  aws_iam_user_policy: [['policy', 'identity', 'inline policy']],
  aws_iam_group_policy: [['policy', 'identity', 'inline policy']],
  aws_s3_bucket_policy: [['policy', 'resource', 'bucket policy']],
  aws_sqs_queue_policy: [['policy', 'resource', 'queue policy']],
  aws_sns_topic_policy: [['policy', 'resource', 'topic policy']],
  aws_sns_topic: [['policy', 'resource', 'topic policy']],
  aws_sqs_queue: [['policy', 'resource', 'queue policy']],
  aws_kms_key: [['policy', 'resource', 'key policy']],
  aws_ecr_repository_policy: [['policy', 'resource', 'repository policy']],
  aws_secretsmanager_secret_policy: [['policy', 'resource', 'secret policy']],
  aws_lambda_function_url: [],
  aws_ssoadmin_permission_set_inline_policy: [['inline_policy', 'identity', 'inline policy']],
}

/** One resource of the plan or state with its values and what is unknown until apply. */
interface TerraformResource {
  readonly address: string
  readonly mode: string
  readonly type: string
  readonly values: SourceNode | undefined
  readonly node: SourceNode
  readonly unknown: SourceNode | undefined
}

function moduleResources(
  module: SourceNode | undefined,
  into: TerraformResource[],
  unknown: Map<string, SourceNode>,
  depth = 0,
) {
  if (module === undefined || depth > 64) return
  for (const resource of items(member(module, 'resources'))) {
    const address = text(member(resource, 'address')) ?? ''
    into.push({
      address,
      mode: text(member(resource, 'mode')) ?? 'managed',
      type: text(member(resource, 'type')) ?? '',
      values: member(resource, 'values'),
      node: resource,
      unknown: unknown.get(address),
    })
  }
  for (const child of items(member(module, 'child_modules')))
    moduleResources(child, into, unknown, depth + 1)
}

/** Resources of a state file as Terraform writes it (`version` 4): one per instance. */
function stateFileResources(root: SourceNode): TerraformResource[] {
  const found: TerraformResource[] = []
  for (const resource of items(member(root, 'resources'))) {
    const module = text(member(resource, 'module'))
    const mode = text(member(resource, 'mode')) ?? 'managed'
    const type = text(member(resource, 'type')) ?? ''
    const name = text(member(resource, 'name')) ?? ''
    const base = `${module === undefined ? '' : `${module}.`}${mode === 'data' ? 'data.' : ''}${type}.${name}`
    items(member(resource, 'instances')).forEach((instance, index, all) => {
      const key = member(instance, 'index_key')
      const suffix =
        key === undefined
          ? all.length > 1
            ? `[${index}]`
            : ''
          : key.kind === 'string'
            ? `["${key.value}"]`
            : `[${key.kind === 'number' ? key.value : index}]`
      found.push({
        address: `${base}${suffix}`,
        mode,
        type,
        values: member(instance, 'attributes'),
        node: instance,
        unknown: undefined,
      })
    })
  }
  return found
}

const afterApply = '{{known after apply}}'

function isUnknown(marker: SourceNode | undefined): boolean {
  return marker?.kind === 'boolean' && marker.value
}

function stringList(node: SourceNode | undefined, unknown: SourceNode | undefined): string[] {
  const values = items(node).flatMap((item) => (item.kind === 'string' ? [item.value] : []))
  if (isUnknown(unknown) || items(unknown).some(isUnknown)) values.push(afterApply)
  return values
}

/**
 * The policy an `aws_iam_policy_document` data source renders, from its `statement` blocks, for a
 * plan where its `json` is known only after apply: each value known only then is a placeholder.
 */
function renderedDocument(values: SourceNode, unknown: SourceNode | undefined): string {
  const statements = items(member(values, 'statement')).map((block, index) => {
    const unknownBlock = items(member(unknown, 'statement'))[index]
    const list = (name: string) => stringList(member(block, name), member(unknownBlock, name))
    const principals = (name: string) => {
      const entries = items(member(block, name))
      if (entries.length === 0) return undefined
      const map: Record<string, string[]> = {}
      entries.forEach((entry, at) => {
        const type = text(member(entry, 'type')) ?? 'AWS'
        map[type] = [
          ...(map[type] ?? []),
          ...stringList(
            member(entry, 'identifiers'),
            member(items(member(unknownBlock, name))[at], 'identifiers'),
          ),
        ]
      })
      return map
    }
    const statement: Record<string, unknown> = {}
    const sid = text(member(block, 'sid'))
    if (sid) statement.Sid = sid
    statement.Effect = text(member(block, 'effect')) ?? 'Allow'
    const principal = principals('principals')
    if (principal) statement.Principal = principal
    const notPrincipal = principals('not_principals')
    if (notPrincipal) statement.NotPrincipal = notPrincipal
    for (const [name, element] of [
      ['actions', 'Action'],
      ['not_actions', 'NotAction'],
      ['resources', 'Resource'],
      ['not_resources', 'NotResource'],
    ] as const) {
      const values = list(name)
      if (values.length > 0) statement[element] = values
    }
    const conditions = items(member(block, 'condition'))
    if (conditions.length > 0) {
      const condition: Record<string, Record<string, string[]>> = {}
      conditions.forEach((entry, at) => {
        const test = text(member(entry, 'test')) ?? 'StringEquals'
        const variable = text(member(entry, 'variable')) ?? ''
        condition[test] = {
          ...condition[test],
          [variable]: stringList(
            member(entry, 'values'),
            member(items(member(unknownBlock, 'condition'))[at], 'values'),
          ),
        }
      })
      statement.Condition = condition
    }
    return statement
  })
  return JSON.stringify(
    { Version: text(member(values, 'version')) ?? '2012-10-17', Statement: statements },
    null,
    2,
  )
}

function labelOf(address: string, what: string): string {
  return `${address}: ${what}`
}

/**
 * The policies of a Terraform plan or state (`terraform show -json`, or a state file): those of
 * `aws_iam_policy`, `aws_iam_role` (its trust policy and `inline_policy` blocks),
 * `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, the common resource
 * policies, and `aws_iam_policy_document` data sources whose `json` is known only after apply
 * (rendered from their statements). Modules are read to any depth. A policy known only after
 * apply is reported as such, at its resource, instead of being missed.
 */
export function readTerraform(
  root: SourceNode,
  file: string,
  shape: TerraformShape,
): { policies: FoundPolicy[]; problems: SourceProblem[] } {
  const policies: FoundPolicy[] = []
  const problems: SourceProblem[] = []
  const unknown = new Map<string, SourceNode>()
  for (const change of items(member(root, 'resource_changes'))) {
    const address = text(member(change, 'address'))
    const afterUnknown = member(member(change, 'change'), 'after_unknown')
    if (address !== undefined && afterUnknown !== undefined) unknown.set(address, afterUnknown)
  }
  const resources: TerraformResource[] = []
  if (shape === 'terraform-plan')
    moduleResources(member(member(root, 'planned_values'), 'root_module'), resources, unknown)
  else if (member(root, 'values') !== undefined)
    moduleResources(member(member(root, 'values'), 'root_module'), resources, unknown)
  else resources.push(...stateFileResources(root))

  const read = (
    resource: TerraformResource,
    attribute: string,
    value: SourceNode | undefined,
    unknownMarker: SourceNode | undefined,
    policyType: PolicyType,
    what: string,
    path: string,
  ) => {
    const label = labelOf(resource.address, what)
    const range: SourceRange = (value ?? resource.values ?? resource.node).range
    if (isUnknown(unknownMarker)) {
      const message = `${label}: \`${attribute}\` is known only after \`terraform apply\`, so it cannot be checked in this plan; check the plan again once what it depends on exists, or check the \`aws_iam_policy_document\` it is built from`
      problems.push({ code: 'policy-known-after-apply', severity: 'warning', message, range })
      policies.push({ path, label, policyType, range, unknown: message })
      return
    }
    if (
      value === undefined ||
      value.kind === 'null' ||
      (value.kind === 'string' && value.value === '')
    )
      return
    const projection = policyProjection(value, file)
    if (projection === undefined) {
      problems.push({
        code: 'not-a-policy',
        severity: 'error',
        message: `${label}: \`${attribute}\` holds no policy`,
        range,
      })
      return
    }
    policies.push({ path, label, policyType, range, projection })
  }

  // a refreshed state repeats each `aws_iam_role_policy` in its role's `inline_policy`: read it once
  const rolePolicies = new Set(
    resources
      .filter((resource) => resource.type === 'aws_iam_role_policy')
      .map(
        (resource) =>
          `${text(member(resource.values, 'role'))}\u0000${text(member(resource.values, 'name'))}`,
      ),
  )
  for (const resource of resources) {
    const { values, type, address } = resource
    if (resource.mode === 'data') {
      if (type !== 'aws_iam_policy_document' || values === undefined) continue
      if (!isUnknown(member(resource.unknown, 'json'))) continue
      const rendered = renderedDocument(values, resource.unknown)
      const builder = new ProjectionBuilder()
      builder.written(rendered, values.range.start.offset, values.range.end.offset)
      policies.push({
        path: `${address}.json`,
        label: labelOf(
          address,
          'policy document (rendered from its statements; values known after apply are placeholders)',
        ),
        policyType: 'identity',
        range: values.range,
        projection: builder.build(),
      })
      continue
    }
    for (const [attribute, policyType, what] of policyAttributes[type] ?? []) {
      read(
        resource,
        attribute,
        member(values, attribute),
        member(resource.unknown, attribute),
        policyType,
        what,
        `${address}.${attribute}`,
      )
    }
    if (type === 'aws_iam_role') {
      const roleName = text(member(values, 'name'))
      items(member(values, 'inline_policy')).forEach((block, index) => {
        const name = text(member(block, 'name')) ?? `#${index + 1}`
        if (rolePolicies.has(`${roleName}\u0000${name}`)) return
        const unknownBlock = items(member(resource.unknown, 'inline_policy'))[index]
        read(
          resource,
          'inline_policy.policy',
          member(block, 'policy'),
          member(unknownBlock, 'policy'),
          'identity',
          `inline policy ${name}`,
          `${address}.inline_policy[${index}].policy`,
        )
      })
    }
    if (type === 'aws_organizations_policy') {
      const kind = text(member(values, 'type'))
      const policyType =
        kind === 'RESOURCE_CONTROL_POLICY'
          ? 'resourceControl'
          : kind === 'SERVICE_CONTROL_POLICY' || kind === undefined
            ? 'serviceControl'
            : undefined
      if (policyType !== undefined)
        read(
          resource,
          'content',
          member(values, 'content'),
          member(resource.unknown, 'content'),
          policyType,
          policyType === 'serviceControl' ? 'service control policy' : 'resource control policy',
          `${address}.content`,
        )
    }
  }
  return { policies, problems }
}
