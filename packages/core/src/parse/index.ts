export { sourceLines } from './json/index.ts'
export type { ParseResult } from './parse-policy.ts'
export { parsePolicy } from './parse-policy.ts'
export { kindOf, policyText } from './policy-text.ts'
