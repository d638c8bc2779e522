import type { SourceRange } from './source.ts'

/** How bad a diagnostic is: an `error` means AWS would reject the policy. */
export const diagnosticSeverities = ['error', 'warning', 'info'] as const
export type DiagnosticSeverity = (typeof diagnosticSeverities)[number]

/**
 * Codes of the ways a statement's value can fail to be read as what its element holds (an
 * action that is not `service:ActionName`, a resource that is neither `*` nor an ARN, ...):
 * each value matches nothing as written. The evaluator refuses a Deny holding one; the
 * validator reports each.
 */
export const unreadableValueCodes = [
  'empty-value-list',
  'action-has-whitespace',
  'value-has-whitespace',
  'control-character-in-value',
  'invalid-action-format',
  'invalid-arn',
  'invalid-account-id',
  'arn-placeholder',
  'malformed-variable',
  'invalid-principal',
  'unknown-condition-key',
  'deploy-time-value',
] as const

/**
 * Stable codes of everything the parser reports, and of what keeps a policy from being
 * evaluated. Users suppress and search for these, so a code
 * never changes meaning once published.
 */
export const diagnosticCodes = [
  // JSON syntax
  'unexpected-character',
  'unexpected-token',
  'unexpected-end',
  'unterminated-string',
  'invalid-escape',
  'control-character-in-string',
  'invalid-number',
  'missing-comma',
  'trailing-comma',
  'missing-colon',
  'comment',
  'trailing-content',
  'nesting-too-deep',
  'empty-document',
  'duplicate-key',
  'invalid-character',
  // Policy grammar
  'document-not-object',
  'bare-statement',
  'wrong-type',
  'unknown-element',
  'missing-version',
  'unknown-version',
  'missing-statement',
  'empty-statement-list',
  'statement-not-object',
  'missing-effect',
  'invalid-effect',
  'missing-action',
  'action-and-not-action',
  'missing-resource',
  'resource-and-not-resource',
  'principal-and-not-principal',
  'invalid-principal-type',
  'invalid-condition',
  // Evaluation
  'element-not-allowed',
  'missing-principal',
  'unknown-condition-operator',
  'invalid-condition-value',
  // Arguments a function cannot read
  'invalid-argument',
  // Values that cannot be read (a Deny holding one is refused)
  ...unreadableValueCodes,
] as const
export type DiagnosticCode = (typeof diagnosticCodes)[number]

/** Something the parser noticed about the text, with where it is. */
export interface Diagnostic {
  readonly code: DiagnosticCode
  readonly severity: DiagnosticSeverity
  readonly message: string
  readonly range: SourceRange
}
