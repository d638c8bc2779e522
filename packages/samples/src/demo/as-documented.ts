import type { DemoRow } from './format-report.ts'

/** Whether the corrected policy gave the documented decision. */
export function asDocumented(row: DemoRow): boolean {
  return row.corrected === row.documented
}
