import type { UnknownElement } from '../../model/index.ts'
import type { JsonMember } from '../json/index.ts'
import { keepAsUnknown } from './read-unknown-elements.ts'
import type { Report } from './report.ts'

/** The elements that come with a `Not` twin, which a statement may not hold together. */
export type ExclusiveElement = 'Action' | 'Resource' | 'Principal'

const conflictCodes = {
  Action: 'action-and-not-action',
  Resource: 'resource-and-not-resource',
  Principal: 'principal-and-not-principal',
} as const

/** Which of `Name` and `NotName` a statement holds, and the twin set aside if it holds both. */
export interface ExclusiveChoice<Name extends ExclusiveElement> {
  readonly name: Name | `Not${Name}`
  readonly member: JsonMember
  readonly setAside?: UnknownElement
}

/**
 * `Name` or `NotName`, whichever the statement holds. When it holds both (which IAM rejects,
 * *Grammar of the IAM JSON policy language*), the first written is used and the second kept as
 * an unknown element, reported at its name.
 */
export function readExclusive<Name extends ExclusiveElement>(
  members: ReadonlyMap<string, JsonMember>,
  name: Name,
  report: Report,
): ExclusiveChoice<Name> | undefined {
  const notName = `Not${name}` as const
  const plain = members.get(name)
  const negated = members.get(notName)
  if (plain === undefined) return negated && { name: notName, member: negated }
  if (negated === undefined) return { name, member: plain }
  const plainFirst = plain.keyRange.start.offset <= negated.keyRange.start.offset
  const [used, other] = plainFirst ? [plain, negated] : [negated, plain]
  report(
    conflictCodes[name],
    'error',
    `a statement has either \`${name}\` or \`${notName}\`, not both: this \`${other.key}\` is ignored`,
    other.keyRange,
  )
  return {
    name: plainFirst ? name : notName,
    member: used,
    setAside: keepAsUnknown(other),
  }
}
