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

type Exclusive = 'Action' | 'Resource' | 'Principal'
const conflictCodes = {
  Action: 'action-and-not-action',
  Resource: 'resource-and-not-resource',
  Principal: 'principal-and-not-principal',
} as const

/**
 * `Name` or `NotName`, whichever is present; when both are, the first written is used, the
 * other kept as an unknown element and the conflict reported.
 */
function exclusive<Name extends Exclusive>(
  members: Map<string, JsonMember>,
  name: Name,
  report: Report,
  kept: UnknownElement[],
): (JsonMember & { key: Name | `Not${Name}` }) | undefined {
  const first = members.get(name)
  const second = members.get(`Not${name}`)
  let used = first ?? second
  if (first !== undefined && second !== undefined) {
    const other = first.keyRange.start.offset <= second.keyRange.start.offset ? second : first
    used = other === first ? second : first
    report(
      conflictCodes[name],
      'error',
      `a statement has either \`${name}\` or \`Not${name}\`, not both: \`${other.key}\` is ignored`,
      other.keyRange,
    )
    kept.push(keepAsUnknown(other))
  }
  return used as (JsonMember & { key: Name | `Not${Name}` }) | undefined
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
  const actionMember = exclusive(members, 'Action', report, unknownElements)
  const resourceMember = exclusive(members, 'Resource', report, unknownElements)
  const principalMember = exclusive(members, 'Principal', report, unknownElements)
  if (actionMember === undefined) {
    report('missing-action', 'error', 'the statement has no `Action` or `NotAction`', opening)
  }
  if (resourceMember === undefined) {
    report('missing-resource', 'error', 'the statement has no `Resource` or `NotResource`', opening)
  }
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
