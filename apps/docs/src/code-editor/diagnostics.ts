import type { Diagnostic } from '@codemirror/lint'
import type { FindingSeverity, SourceRange, TextEdit } from '@connect-policy/core'

/** What the editor underlines: a validator's finding, or an evaluation's, with its range. */
export interface EditorFinding {
  readonly code: string
  readonly severity: FindingSeverity
  readonly message: string
  readonly range: SourceRange
  readonly fix?: TextEdit
}

/** The editor's severities: warnings about security are warnings, suggestions are infos. */
const severityOf: Readonly<Record<FindingSeverity, Diagnostic['severity']>> = {
  error: 'error',
  'security-warning': 'warning',
  warning: 'warning',
  suggestion: 'info',
}

/**
 * The findings of a text as the editor's diagnostics, each fix a quick fix that replaces its
 * range with its text. Ranges past the end of the text (which the findings of another text may
 * hold) are clamped to it, so that a late answer can never make the editor throw.
 */
export function editorDiagnostics(
  findings: readonly EditorFinding[],
  length: number,
): Diagnostic[] {
  const clamp = (offset: number) => Math.min(Math.max(0, offset), length)
  return findings.map((finding) => {
    const from = clamp(finding.range.start.offset)
    const to = Math.max(from, clamp(finding.range.end.offset))
    const fix = finding.fix
    return {
      from,
      to,
      severity: severityOf[finding.severity],
      source: finding.code,
      message: finding.message.replaceAll('`', ''),
      markClass: `cm-finding-${finding.severity}`,
      ...(fix === undefined
        ? {}
        : {
            actions: [
              {
                name: fix.title,
                apply: (view, _from, _to) => {
                  const end = view.state.doc.length
                  view.dispatch({
                    changes: {
                      from: Math.min(fix.range.start.offset, end),
                      to: Math.min(fix.range.end.offset, end),
                      insert: fix.newText,
                    },
                  })
                },
              },
            ],
          }),
    } satisfies Diagnostic
  })
}
