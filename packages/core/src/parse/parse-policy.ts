import { type Diagnostic, isPolicyDocument, noRange, type PolicyDocument } from '../model/index.ts'
import { parseJson } from './json/index.ts'
import { maximumDiagnostics } from './limits.ts'
import { policyText } from './policy-text.ts'
import { type Report, readDocument, reportDuplicateKeys, typeName } from './read/index.ts'

/** What `parsePolicy` makes of a text: the policy when one could be read, and every diagnostic. */
export interface ParseResult {
  /** Present whenever the text is, or could be recovered as, a JSON object. */
  readonly policy?: PolicyDocument
  /**
   * The problems found, in the order of the text: all of them, unless a text has more than a
   * thousand JSON syntax errors or a thousand policy grammar problems.
   */
  readonly diagnostics: readonly Diagnostic[]
  /** How many problems were found beyond those listed, when the lists were full. */
  readonly omittedDiagnostics?: number
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.offset - b.range.start.offset
}

/**
 * Reads an IAM policy from its text, as IAM would, but without stopping at the first problem.
 * Takes the object `JSON.parse` makes of a policy too, read as `JSON.stringify(policy, null, 2)`
 * (the text the ranges then refer to), and gives a parsed document back as it is; any other
 * value is a `document-not-object` error.
 *
 * Accepts exactly what `JSON.parse` accepts without a JSON syntax diagnostic. Besides, it
 * recovers from what documentation pages print (trailing and missing commas, comments,
 * typographic quotes, a bare statement) and reports it, and reports everything the IAM policy
 * grammar forbids (*IAM JSON policy language grammar*), each diagnostic with a stable code, a
 * severity and the range of the text concerned. Never throws; linear in the text's length.
 */
export function parsePolicy(text: string | object): ParseResult {
  if (typeof text !== 'string' && isPolicyDocument(text)) return { policy: text, diagnostics: [] }
  const source = policyText(text)
  if (source.problem !== undefined) {
    return {
      diagnostics: [
        { code: 'document-not-object', severity: 'error', message: source.problem, range: noRange },
      ],
    }
  }
  const json = parseJson(source.text)
  const found: Diagnostic[] = []
  let omitted = json.omittedDiagnostics ?? 0
  const report: Report = (code, severity, message, range) => {
    if (found.length >= maximumDiagnostics) omitted++
    else found.push({ code, severity, message, range })
  }
  const { value } = json
  let policy: PolicyDocument | undefined
  if (value !== undefined) {
    reportDuplicateKeys(value, report)
    if (value.kind === 'object') {
      policy = readDocument(value, report)
    } else {
      report(
        'document-not-object',
        'error',
        `a policy must be a JSON object, not ${typeName(value)}`,
        value.range,
      )
    }
  }
  const diagnostics = [...json.diagnostics, ...found].sort(byPosition)
  return {
    ...(policy === undefined ? {} : { policy }),
    diagnostics,
    ...(omitted === 0 ? {} : { omittedDiagnostics: omitted }),
  }
}
