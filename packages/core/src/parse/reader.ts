import type {
  Diagnostic,
  DiagnosticCode,
  DiagnosticSeverity,
  Located,
  SourceRange,
  UnknownElement,
} from '../model/index.ts'
import type { JsonMember, JsonNode, JsonObject } from './json/syntax.ts'
import { toJsonValue } from './json/to-json-value.ts'
import { didYouMean } from './suggest.ts'

/** Where the reader reports what it finds. */
export type Report = (
  code: DiagnosticCode,
  severity: DiagnosticSeverity,
  message: string,
  range: SourceRange,
) => void

export function collectDiagnostics(): { diagnostics: Diagnostic[]; report: Report } {
  const diagnostics: Diagnostic[] = []
  return {
    diagnostics,
    report: (code, severity, message, range) =>
      diagnostics.push({ code, severity, message, range }),
  }
}

/** The JSON type names used in messages. */
export function typeName(node: JsonNode): string {
  return node.kind === 'object'
    ? 'an object'
    : node.kind === 'array'
      ? 'an array'
      : `a ${node.kind}`
}

/**
 * An object's members by name, keeping the first of repeated names and reporting the others:
 * IAM rejects a policy that repeats an element (*Grammar of the IAM JSON policy language*).
 */
export function membersByName(object: JsonObject, report: Report): Map<string, JsonMember> {
  const members = new Map<string, JsonMember>()
  for (const member of object.members) {
    if (members.has(member.key)) {
      report(
        'duplicate-key',
        'error',
        `\`${member.key}\` appears more than once: the first is kept, remove this one`,
        member.keyRange,
      )
    } else {
      members.set(member.key, member)
    }
  }
  return members
}

/**
 * Members whose names are not `known`, reported with a suggestion and kept as unknown elements
 * so that printing loses nothing.
 */
export function unknownMembers(
  members: Map<string, JsonMember>,
  known: readonly string[],
  report: Report,
  where: string,
): UnknownElement[] {
  const unknown: UnknownElement[] = []
  for (const [name, member] of members) {
    if (known.includes(name)) continue
    report(
      'unknown-element',
      'error',
      `unknown element \`${name}\` in ${where}${didYouMean(name, known)}`,
      member.keyRange,
    )
    unknown.push({ key: { value: name, range: member.keyRange }, value: toJsonValue(member.value) })
  }
  return unknown
}

/** A string value, or a `wrong-type` report. */
export function readString(member: JsonMember, report: Report): Located<string> | undefined {
  if (member.value.kind === 'string')
    return { value: member.value.value, range: member.value.range }
  report(
    'wrong-type',
    'error',
    `\`${member.key}\` must be a string, not ${typeName(member.value)}`,
    member.value.range,
  )
  return undefined
}

/** Keeps a member the model has no place for (such as a second, conflicting element). */
export function keepAsUnknown(member: JsonMember): UnknownElement {
  return { key: { value: member.key, range: member.keyRange }, value: toJsonValue(member.value) }
}
