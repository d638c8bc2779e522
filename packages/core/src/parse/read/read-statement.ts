import type { Located, Statement, UnknownElement } from '../../model/index.ts'
import { effects } from '../../model/index.ts'
import { didYouMean } from '../../suggest/index.ts'
import type { JsonMember, JsonObject } from '../json/index.ts'
import { show } from '../show.ts'
import { membersByName } from './members-by-name.ts'
import { openingBrace } from './opening-brace.ts'
import { readCondition } from './read-condition.ts'
import { readExclusive } from './read-exclusive.ts'
import { readPrincipal } from './read-principal.ts'
import { readString } from './read-string.ts'
import { readStringList } from './read-string-list.ts'
import { readUnknownElements } from './read-unknown-elements.ts'
import type { Report } from './report.ts'

function readEffect(
  member: JsonMember | undefined,
  brace: Statement['range'],
  report: Report,
): Located<string> | undefined {
  if (member === undefined) {
    report(
      'missing-effect',
      'error',
      'the statement has no `Effect`: add `"Effect": "Allow"` or `"Effect": "Deny"`',
      brace,
    )
    return undefined
  }
  const effect = readString(member, report)
  if (effect !== undefined && !(effects as readonly string[]).includes(effect.value)) {
    report(
      'invalid-effect',
      'error',
      `\`Effect\` must be \`Allow\` or \`Deny\`, not ${show(effect.value)}${didYouMean(effect.value, effects)}`,
      effect.range,
    )
  }
  return effect
}

/**
 * Reads one statement (*Grammar of the IAM JSON policy language*): `Sid`, `Effect`, `Principal`
 * or `NotPrincipal`, `Action` or `NotAction`, `Resource` or `NotResource`, `Condition`.
 * What is missing is reported at the statement's opening brace; what is wrong, at the value;
 * unknown elements, at their name. The effect is kept as written even when invalid, and every
 * element the model has no place for is kept as an unknown element, in written order.
 */
export function readStatement(object: JsonObject, report: Report): Statement {
  const members = membersByName(object)
  const brace = openingBrace(object.range)
  const unknownElements: UnknownElement[] = readUnknownElements(members, 'statement', report)
  const sidMember = members.get('Sid')
  const sid = sidMember && readString(sidMember, report)
  const effect = readEffect(members.get('Effect'), brace, report)
  const principalChoice = readExclusive(members, 'Principal', report)
  const actionChoice = readExclusive(members, 'Action', report)
  const resourceChoice = readExclusive(members, 'Resource', report)
  if (actionChoice === undefined) {
    report('missing-action', 'error', 'the statement has no `Action` or `NotAction`', brace)
  }
  if (resourceChoice === undefined) {
    report('missing-resource', 'error', 'the statement has no `Resource` or `NotResource`', brace)
  }
  const principal =
    principalChoice && readPrincipal(principalChoice.member, principalChoice.name, report)
  const action = actionChoice && readStringList(actionChoice.member, actionChoice.name, report)
  const resource =
    resourceChoice && readStringList(resourceChoice.member, resourceChoice.name, report)
  const conditionMember = members.get('Condition')
  const condition = conditionMember && readCondition(conditionMember, report)
  for (const choice of [principalChoice, actionChoice, resourceChoice]) {
    if (choice?.setAside !== undefined) unknownElements.push(choice.setAside)
  }
  unknownElements.sort((a, b) => a.key.range.start.offset - b.key.range.start.offset)
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
