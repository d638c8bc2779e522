import type { DiagnosticCode, DiagnosticSeverity, SourceRange } from '../../model/index.ts'

/** Where the policy reader reports what it finds. */
export type Report = (
  code: DiagnosticCode,
  severity: DiagnosticSeverity,
  message: string,
  range: SourceRange,
) => void
