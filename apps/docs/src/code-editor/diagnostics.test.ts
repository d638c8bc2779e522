import { describe, expect, it } from 'vitest'
import { type EditorFinding, editorDiagnostics } from './diagnostics.ts'

const at = (start: number, end: number) => ({
  start: { offset: start, line: 1, column: start + 1 },
  end: { offset: end, line: 1, column: end + 1 },
})

describe('editorDiagnostics', () => {
  const findings: EditorFinding[] = [
    { code: 'trailing-comma', severity: 'error', message: 'a `,` too many', range: at(4, 5) },
    { code: 'wide', severity: 'security-warning', message: 'm', range: at(0, 2) },
    { code: 'hint', severity: 'suggestion', message: 'm', range: at(1, 1) },
  ]

  it('maps severities and codes, and shows messages without their code marks', () => {
    expect(editorDiagnostics(findings, 10).map((d) => [d.severity, d.source, d.message])).toEqual([
      ['error', 'trailing-comma', 'a , too many'],
      ['warning', 'wide', 'm'],
      ['info', 'hint', 'm'],
    ])
  })

  it('clamps ranges to the text, so that findings of a longer text never make the editor throw', () => {
    const [late] = editorDiagnostics([{ ...findings[0], range: at(40, 50) } as EditorFinding], 10)
    expect([late?.from, late?.to]).toEqual([10, 10])
    const [backwards] = editorDiagnostics(
      [{ ...findings[0], range: at(5, 3) } as EditorFinding],
      10,
    )
    expect([backwards?.from, backwards?.to]).toEqual([5, 5])
  })

  it('offers a fix as a quick fix that replaces its range with its text', () => {
    const [withFix] = editorDiagnostics(
      [
        {
          ...findings[0],
          fix: { title: 'remove the comma', range: at(4, 5), newText: '' },
        } as EditorFinding,
      ],
      10,
    )
    expect(withFix?.actions?.map((action) => action.name)).toEqual(['remove the comma'])
    const dispatched: unknown[] = []
    const view = {
      state: { doc: { length: 10 } },
      dispatch: (spec: unknown) => dispatched.push(spec),
    }
    withFix?.actions?.[0]?.apply(view as never, 4, 5)
    expect(dispatched).toEqual([{ changes: { from: 4, to: 5, insert: '' } }])
  })
})
