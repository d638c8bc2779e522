import type { Statement, UnknownElement } from '../model/index.ts'
import { effects } from '../model/index.ts'
import type { JsonMember, JsonObject } from './json/syntax.ts'
import { readCondition, readPrincipal, readStringList } from './read-elements.ts'
import { keepAsUnknown, membersByName, type Report, readString, unknownMembers } from './reader.ts'
import { didYouMean } from './suggest.ts'

/** The elements a statement may hold (*Grammar of the IAM JSON policy language*). */
export const statementElements = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const

type Pair<A extends string, B extends string> = (JsonMember & { key: A | B }) | undefined

/**
 * The one of two exclusive elements that is present; when both are, the first written is used,
 * the other kept as an unknown element and the conflict reported.
 */
function exclusive<A extends string, B extends string>(
  members: Map<string, JsonMember>,
  names: readonly [A, B],
  conflictCode:
    | 'action-and-not-action'
    | 'resource-and-not-resource'
    | 'principal-and-not-principal',
  report: Report,
  kept: UnknownElement[],
): Pair<A, B> {
  const first = members.get(names[0])
  const second = members.get(names[1])
  if (first !== undefined && second !== undefined) {
    const [used, other] =
      first.keyRange.start.offset <= second.keyRange.start.offset
        ? [first, second]
        : [second, first]
    report(
      conflictCode,
      'error',
      `a statement has either \`${names[0]}\` or \`${names[1]}\`, not both: \`${other.key}\` is ignored`,
      other.keyRange,
    )
    kept.push(keepAsUnknown(other))
    return used as JsonMember & { key: A | B }
  }
  return (first ?? second) as Pair<A, B>
}

/** Reads one statement object into the model, reporting what IAM would reject. */
export function readStatement(object: JsonObject, report: Report): Statement {
  const members = membersByName(object, report)
  const unknownElements = unknownMembers(members, statementElements, report, 'a statement')
  const opening = { start: object.range.start, end: object.range.start }
  const sidMember = members.get('Sid')
  const sid = sidMember === undefined ? undefined : readString(sidMember, report)
  const effectMember = members.get('Effect')
  const effect = effectMember === undefined ? undefined : readString(effectMember, report)
  if (effectMember === undefined) {
    report(
      'missing-effect',
      'error',
      'the statement has no `Effect`: add `"Effect": "Allow"` or `"Deny"`',
      opening,
    )
  } else if (effect !== undefined && !(effects as readonly string[]).includes(effect.value)) {
    report(
      'invalid-effect',
      'error',
      `\`Effect\` must be \`Allow\` or \`Deny\`, not \`${effect.value}\`${didYouMean(effect.value, effects)}`,
      effect.range,
    )
  }
  const actionMember = exclusive(
    members,
    ['Action', 'NotAction'],
    'action-and-not-action',
    report,
    unknownElements,
  )
  if (actionMember === undefined) {
    report('missing-action', 'error', 'the statement has no `Action` or `NotAction`', opening)
  }
  const resourceMember = exclusive(
    members,
    ['Resource', 'NotResource'],
    'resource-and-not-resource',
    report,
    unknownElements,
  )
  if (resourceMember === undefined) {
    report('missing-resource', 'error', 'the statement has no `Resource` or `NotResource`', opening)
  }
  const principalMember = exclusive(
    members,
    ['Principal', 'NotPrincipal'],
    'principal-and-not-principal',
    report,
    unknownElements,
  )
  const conditionMember = members.get('Condition')
  const action = actionMember === undefined ? undefined : readStringList(actionMember, report)
  const resource = resourceMember === undefined ? undefined : readStringList(resourceMember, report)
  const principal =
    principalMember === undefined ? undefined : readPrincipal(principalMember, report)
  const condition =
    conditionMember === undefined ? undefined : readCondition(conditionMember, report)
  return {
    ...(sid === undefined ? {} : { sid }),
    ...(effect === undefined ? {} : { effect }),
    ...(principal === undefined ? {} : { principal }),
    ...(action === undefined ? {} : { action }),
    ...(resource === undefined ? {} : { resource }),
    ...(condition === undefined ? {} : { condition }),
    unknownElements,
    range: object.range,
  }
}
