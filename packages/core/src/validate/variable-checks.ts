import { parseTemplate } from '../evaluate/index.ts'
import type { Located } from '../model/index.ts'
import type { CheckContext } from './check-context.ts'
import { quote } from './check-context.ts'

/**
 * Policy variables need `"Version": "2012-10-17"`: under 2008-10-17, or with no Version, IAM
 * reads `${aws:username}` as those very characters (*IAM policy elements: Variables and tags*).
 */
export function checkVariables(context: CheckContext): void {
  if (context.variablesEnabled) return
  const values: Located<string>[] = []
  for (const facts of context.statements) {
    values.push(...facts.resources)
    for (const clause of facts.statement.condition?.clauses ?? []) {
      for (const value of clause.values) {
        if (typeof value.value === 'string') values.push(value as Located<string>)
      }
    }
  }
  for (const value of values) {
    if (!parseTemplate(value.value).hasVariables) continue
    context.report(
      'variables-not-enabled',
      'error',
      `${quote(value.value)} holds a policy variable, which IAM reads as plain text unless the policy has \`"Version": "2012-10-17"\``,
      value.range,
    )
  }
}
