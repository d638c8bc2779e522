export type { ManagedPolicy, ManagedPolicyCorpus } from './read-managed-policies.ts'
export { readManagedPolicies } from './read-managed-policies.ts'
export type { CorpusError, CorpusSurvey } from './survey-policies.ts'
export { surveyPolicies } from './survey-policies.ts'
