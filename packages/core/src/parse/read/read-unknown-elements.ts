import type { UnknownElement } from '../../model/index.ts'
import { didYouMean } from '../../suggest/index.ts'
import { type JsonMember, toJsonValue } from '../json/index.ts'
import { show } from '../show.ts'
import { documentElements, statementElements } from './elements.ts'
import type { Report } from './report.ts'

/** Where an element was found, and the names that belong there and elsewhere. */
export type ElementLevel = 'document' | 'statement'

const levels = {
  document: { where: 'the policy', known: documentElements, other: statementElements },
  statement: { where: 'a statement', known: statementElements, other: documentElements },
} as const

/** A member kept as it was written, for an element the model has no place for. */
export function keepAsUnknown(member: JsonMember): UnknownElement {
  return { key: { value: member.key, range: member.keyRange }, value: toJsonValue(member.value) }
}

/**
 * The members whose names IAM does not know at this level, each reported at its name (with the
 * element meant, when the name is a near miss or belongs at the other level) and kept as an
 * unknown element so that printing loses nothing. Element names are case-sensitive
 * (*IAM JSON policy elements reference*).
 */
export function readUnknownElements(
  members: ReadonlyMap<string, JsonMember>,
  level: ElementLevel,
  report: Report,
): UnknownElement[] {
  const { where, known, other } = levels[level]
  const unknown: UnknownElement[] = []
  for (const [name, member] of members) {
    if ((known as readonly string[]).includes(name)) continue
    const hint = (other as readonly string[]).includes(name)
      ? `: \`${name}\` belongs ${level === 'document' ? 'inside a statement' : 'at the top level of the policy'}`
      : didYouMean(name, known)
    report(
      'unknown-element',
      'error',
      `unknown element ${show(name)} in ${where}${hint}`,
      member.keyRange,
    )
    unknown.push(keepAsUnknown(member))
  }
  return unknown
}
