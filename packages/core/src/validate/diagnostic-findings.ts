import type { Diagnostic } from '../model/index.ts'
import type { Finding, FindingSeverity, TextEdit } from './finding.ts'
import { insertionAt } from './text-range.ts'

const severities: Record<Diagnostic['severity'], FindingSeverity> = {
  error: 'error',
  warning: 'warning',
  info: 'suggestion',
}

function fixFor(diagnostic: Diagnostic): TextEdit | undefined {
  const { code, range } = diagnostic
  switch (code) {
    case 'trailing-comma':
      return { title: 'Remove the comma', range, newText: '' }
    case 'comment':
      return { title: 'Remove the comment', range, newText: '' }
    case 'missing-comma':
      return { title: 'Insert a comma', range: insertionAt(range.start), newText: ',' }
    case 'missing-version':
      return {
        title: 'Add `"Version": "2012-10-17"`',
        range: insertionAt(range.end),
        newText: '"Version": "2012-10-17", ',
      }
    default:
      return undefined
  }
}

/**
 * The parser's diagnostics as findings, under the same codes: JSON syntax and policy grammar
 * (*Grammar of the IAM JSON policy language*), with a fix where the remedy is mechanical.
 */
export function diagnosticFindings(diagnostics: readonly Diagnostic[]): Finding[] {
  return diagnostics.map((diagnostic) => {
    const fix = fixFor(diagnostic)
    return {
      code: diagnostic.code,
      severity: severities[diagnostic.severity],
      message: diagnostic.message,
      range: diagnostic.range,
      ...(fix === undefined ? {} : { fix }),
    }
  })
}
