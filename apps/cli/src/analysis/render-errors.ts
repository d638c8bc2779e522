import type { EvaluationError } from '@connect-policy/core'
import { UsageError } from '../command.ts'

/**
 * Why a policy set cannot be analyzed, as a usage error: each error in a line, with its
 * diagnostics' messages and lines (`connect-policy validate` reports them with fixes).
 */
export function analysisErrors(errors: readonly EvaluationError[]): UsageError {
  const lines = errors.flatMap((error) => [
    error.message,
    ...error.diagnostics.map(
      (diagnostic) =>
        `  ${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.message}`,
    ),
  ])
  const [first = 'the policies cannot be analyzed', ...rest] = lines
  return new UsageError(first, ...rest)
}
