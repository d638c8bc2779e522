import type { Located } from '../../model/index.ts'
import type { JsonMember } from '../json/index.ts'
import type { Report } from './report.ts'
import { typeName } from './type-name.ts'

/** A member's string value, or a `wrong-type` error at the value. */
export function readString(member: JsonMember, report: Report): Located<string> | undefined {
  if (member.value.kind === 'string') {
    return { value: member.value.value, range: member.value.range }
  }
  report(
    'wrong-type',
    'error',
    `\`${member.key}\` must be a string, not ${typeName(member.value)}`,
    member.value.range,
  )
  return undefined
}
