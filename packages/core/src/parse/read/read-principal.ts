import type { PrincipalElement, PrincipalEntry, PrincipalType } from '../../model/index.ts'
import { principalTypes } from '../../model/index.ts'
import { didYouMean } from '../../suggest/index.ts'
import type { JsonMember } from '../json/index.ts'
import { show } from '../show.ts'
import { membersByName } from './members-by-name.ts'
import { readStrings } from './read-string-list.ts'
import type { Report } from './report.ts'
import { typeName } from './type-name.ts'

function isPrincipalType(name: string): name is PrincipalType {
  return (principalTypes as readonly string[]).includes(name)
}

/** The map a principal string was probably meant to be in, for the message. */
function mapFor(value: string): string {
  const type = value.endsWith('.amazonaws.com') ? 'Service' : 'AWS'
  return show(`{"${type}": ${JSON.stringify(value)}}`)
}

/**
 * `Principal` or `NotPrincipal`: `"*"`, or a map from principal types (`AWS`, `Service`,
 * `Federated`, `CanonicalUser`) to one identifier or a list of them
 * (*AWS JSON policy elements: Principal*). Any other string is an error: IAM takes only `*`
 * unwrapped.
 */
export function readPrincipal(
  member: JsonMember,
  name: 'Principal' | 'NotPrincipal',
  report: Report,
): PrincipalElement | undefined {
  const { value } = member
  const base = { element: name, range: value.range }
  if (value.kind === 'string') {
    if (value.value === '*') return { ...base, anyone: true, entries: [] }
    report(
      'wrong-type',
      'error',
      `principals other than \`*\` must be given as a map like ${mapFor(value.value)}`,
      value.range,
    )
    return undefined
  }
  if (value.kind !== 'object') {
    report(
      'wrong-type',
      'error',
      `\`${name}\` must be \`"*"\` or a map like \`{"AWS": "..."}\`, not ${typeName(value)}`,
      value.range,
    )
    return undefined
  }
  if (value.members.length === 0) {
    report(
      'empty-value-list',
      'warning',
      `\`${name}\` is an empty map: it names no principal`,
      value.range,
    )
  }
  const entries: PrincipalEntry[] = []
  for (const [type, entry] of membersByName(value)) {
    if (!isPrincipalType(type)) {
      report(
        'invalid-principal-type',
        'error',
        `unknown principal type ${show(type)}: use \`AWS\`, \`Service\`, \`Federated\` or \`CanonicalUser\`${didYouMean(type, principalTypes)}`,
        entry.keyRange,
      )
      continue
    }
    const values = readStrings(entry.value, `${name}.${type}`, report)
    if (values !== undefined) entries.push({ type: { value: type, range: entry.keyRange }, values })
  }
  return { ...base, anyone: false, entries }
}
