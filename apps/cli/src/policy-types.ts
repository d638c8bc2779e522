import type { PolicyType } from '@connect-policy/core'
import { oneOf } from './command.ts'

/** The policy types as options name them: short, lowercase, the AWS abbreviations for SCP and RCP. */
export const policyTypeOptions = {
  identity: 'identity',
  resource: 'resource',
  'permissions-boundary': 'permissionsBoundary',
  session: 'session',
  scp: 'serviceControl',
  rcp: 'resourceControl',
} as const satisfies Record<string, PolicyType>
type PolicyTypeOption = keyof typeof policyTypeOptions

const optionNames = Object.keys(policyTypeOptions) as PolicyTypeOption[]

/** The policy type an option value names, `identity` when not given. */
export function readPolicyType(option: string, value: string | undefined): PolicyType {
  return policyTypeOptions[oneOf(option, value, optionNames, 'identity')]
}

/** How output names each policy type. */
export const policyTypeLabels: Readonly<Record<PolicyType, string>> = {
  identity: 'identity policy',
  resource: 'resource policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
  serviceControl: 'SCP',
  resourceControl: 'RCP',
}
