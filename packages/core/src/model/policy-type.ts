/** The kinds of policy AWS evaluates (*Policy evaluation logic*), named as `PolicySet` fields. */
export const policyTypes = [
  'identity',
  'resource',
  'permissionsBoundary',
  'session',
  'serviceControl',
  'resourceControl',
] as const
export type PolicyType = (typeof policyTypes)[number]

/** How each kind of policy is named in messages: one of them, and several. */
export const policyTypeWords: Readonly<Record<PolicyType, { one: string; many: string }>> = {
  identity: { one: 'identity-based policy', many: 'identity-based policies' },
  resource: { one: 'resource-based policy', many: 'resource-based policies' },
  permissionsBoundary: { one: 'permissions boundary', many: 'permissions boundaries' },
  session: { one: 'session policy', many: 'session policies' },
  serviceControl: { one: 'service control policy', many: 'service control policies' },
  resourceControl: { one: 'resource control policy', many: 'resource control policies' },
}
