// What the policy editor knows of the IAM policy language, as pure functions of a @lezer/json
// tree, the text and a position: the CodeMirror wiring calls them and renders what they return.
export {
  defaultCompletionLimit,
  type PolicyCompletion,
  type PolicyCompletionOptions,
  type PolicyCompletions,
  type PolicyCompletionType,
  policyCompletions,
  policyCompletionTypes,
} from './completion.ts'
export { type PolicyHover, policyHover } from './hover.ts'
export {
  type DocumentText,
  type PathStep,
  type PolicyPath,
  type PolicyPathKind,
  policyPath,
} from './policy-path.ts'
