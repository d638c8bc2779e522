import type { Diagnostic } from '../model/index.ts'
import type { Finding, FindingSeverity, TextEdit } from './finding.ts'
import { insertionAt } from './text-range.ts'

const severities: Record<Diagnostic['severity'], FindingSeverity> = {
  error: 'error',
  warning: 'warning',
  info: 'suggestion',
}

function fixFor(diagnostic: Diagnostic, text: string): TextEdit | undefined {
  const { code, range } = diagnostic
  switch (code) {
    case 'trailing-comma':
      return { title: 'Remove the comma', range, newText: '' }
    case 'comment':
      return { title: 'Remove the comment', range, newText: '' }
    case 'missing-comma':
      return { title: 'Insert a comma', range: insertionAt(range.start), newText: ',' }
    case 'missing-version': {
      // an object without members takes no comma after the new one
      const empty = text.slice(range.end.offset).trimStart().startsWith('}')
      return {
        title: 'Add `"Version": "2012-10-17"`',
        range: insertionAt(range.end),
        newText: empty ? '"Version": "2012-10-17"' : '"Version": "2012-10-17", ',
      }
    }
    default:
      return undefined
  }
}

/**
 * The parser's diagnostics as findings, under the same codes: JSON syntax and policy grammar
 * (*Grammar of the IAM JSON policy language*), with a fix where the remedy is mechanical.
 */
export function diagnosticFindings(diagnostics: readonly Diagnostic[], text: string): Finding[] {
  return diagnostics.map((diagnostic) => {
    const fix = fixFor(diagnostic, text)
    return {
      code: diagnostic.code,
      severity: severities[diagnostic.severity],
      message: diagnostic.message,
      range: diagnostic.range,
      ...(fix === undefined ? {} : { fix }),
    }
  })
}
