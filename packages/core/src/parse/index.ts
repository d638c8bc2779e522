export {
  createPositionMap,
  type JsonMember,
  type JsonNode,
  type JsonParseResult,
  type PositionMap,
  parseJson,
  sourceLines,
} from './json/index.ts'
export { maximumDiagnostics } from './limits.ts'
export type { ParseResult } from './parse-policy.ts'
export { parsePolicy } from './parse-policy.ts'
export { kindOf, policyText } from './policy-text.ts'
