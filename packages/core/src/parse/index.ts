export type { ParseResult } from './parse-policy.ts'
export { parsePolicy } from './parse-policy.ts'
