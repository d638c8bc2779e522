import type { PolicyType, SourceRange } from '@connect-policy/core'
import type { Projection } from '../project/projection.ts'

/** The formats a file is recognised as, by its content. */
export const sourceFormats = [
  'policy',
  'cloudformation',
  'terraform-plan',
  'terraform-state',
  'authorization-details',
  'policy-version',
  'inline-policy',
] as const
export type SourceFormat = (typeof sourceFormats)[number]

/** What each format is, in the words front ends show. */
export const sourceFormatNames: Readonly<Record<SourceFormat, string>> = {
  policy: 'IAM policy',
  cloudformation: 'CloudFormation template',
  'terraform-plan': 'Terraform plan (terraform show -json)',
  'terraform-state': 'Terraform state',
  'authorization-details': 'aws iam get-account-authorization-details output',
  'policy-version': 'aws iam get-policy-version output',
  'inline-policy': 'aws iam get-role-policy, get-user-policy or get-group-policy output',
}

/** A policy found in a file. */
export interface FoundPolicy {
  /** Where it is in the file, stable across edits elsewhere: `Resources.AgentRole.Properties.Policies[0].PolicyDocument`. */
  readonly path: string
  /** What it is, for people: `AgentRole: inline policy agent-access`. */
  readonly label: string
  readonly policyType: PolicyType
  /** The policy's place in the file. */
  readonly range: SourceRange
  /** Its JSON text and the way back into the file; absent when the file does not hold it yet. */
  readonly projection?: Projection
  /** Why there is no text, for a policy known only after `terraform apply`. */
  readonly unknown?: string
}

/** Something about the file itself: it cannot be read, or part of it cannot be. */
export interface SourceProblem {
  readonly code: SourceProblemCode
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly range: SourceRange
}

export const sourceProblemCodes = [
  /** The file is none of the formats read. */
  'unrecognized-file',
  /** The file's YAML or JSON is broken where no policy can be read. */
  'unreadable-file',
  /** A policy that only `terraform apply` will know. */
  'policy-known-after-apply',
  /** A value where a policy should be that is not one (a number, a list). */
  'not-a-policy',
] as const
export type SourceProblemCode = (typeof sourceProblemCodes)[number]
