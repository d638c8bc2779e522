import { type PolicyType, policyTypeNames } from '@connect-policy/core'
import { oneOf } from './command.ts'

const names = Object.keys(policyTypeNames)

/** The policy type an option value names (any name core takes), `identity` when not given. */
export function readPolicyType(option: string, value: string | undefined): PolicyType {
  return policyTypeNames[oneOf(option, value, names, 'identity')] as PolicyType
}
