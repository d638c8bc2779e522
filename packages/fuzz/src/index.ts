export type { Placement } from './inputs/fuzz-case.ts'
export { placements, policyTypeOf } from './inputs/fuzz-case.ts'
