import type { SourceRange, Statement } from '../../model/index.ts'
import type { JsonMember } from '../json/index.ts'
import { readStatement } from './read-statement.ts'
import type { Report } from './report.ts'
import { typeName } from './type-name.ts'

/**
 * `Statement`: one statement object, or a non-empty array of them
 * (*IAM JSON policy elements: Statement*). Items that are not objects are reported and skipped.
 * A missing `Statement` is reported at `brace`, the document's opening brace.
 */
export function readStatements(
  member: JsonMember | undefined,
  brace: SourceRange,
  report: Report,
): Statement[] {
  if (member === undefined) {
    report('missing-statement', 'error', 'the policy has no `Statement`', brace)
    return []
  }
  const { value } = member
  if (value.kind === 'object') return [readStatement(value, report)]
  if (value.kind !== 'array') {
    report(
      'wrong-type',
      'error',
      `\`Statement\` must be an object or an array of objects, not ${typeName(value)}`,
      value.range,
    )
    return []
  }
  if (value.items.length === 0) {
    report(
      'empty-statement-list',
      'error',
      '`Statement` is an empty list: a policy needs at least one statement',
      value.range,
    )
  }
  const statements: Statement[] = []
  for (const item of value.items) {
    if (item.kind === 'object') {
      statements.push(readStatement(item, report))
    } else {
      report(
        'statement-not-object',
        'error',
        `a statement must be an object, not ${typeName(item)}`,
        item.range,
      )
    }
  }
  return statements
}
