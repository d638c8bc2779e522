import type { Diagnostic, PolicyDocument, Statement } from '../model/index.ts'
import { policyVersions } from '../model/index.ts'
import { parseJson } from './json/parse-json.ts'
import type { JsonObject } from './json/syntax.ts'
import { readStatement, statementElements } from './read-statement.ts'
import {
  collectDiagnostics,
  membersByName,
  type Report,
  readString,
  typeName,
  unknownMembers,
} from './reader.ts'

/** What `parsePolicy` makes of a text: the policy when one could be read, and every diagnostic. */
export interface ParseResult {
  readonly policy?: PolicyDocument
  readonly diagnostics: readonly Diagnostic[]
}

const documentElements = ['Version', 'Id', 'Statement'] as const

function readStatements(document: JsonObject, report: Report): Statement[] {
  const member = membersByName(document, () => {}).get('Statement')
  if (member === undefined) {
    report('missing-statement', 'error', 'the policy has no `Statement`', {
      start: document.range.start,
      end: document.range.start,
    })
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
    if (item.kind === 'object') statements.push(readStatement(item, report))
    else
      report(
        'statement-not-object',
        'error',
        `a statement must be an object, not ${typeName(item)}`,
        item.range,
      )
  }
  return statements
}

function readDocument(document: JsonObject, report: Report): PolicyDocument {
  const members = membersByName(document, () => {})
  const isBareStatement =
    !members.has('Statement') &&
    statementElements.some((name) => name !== 'Sid' && members.has(name))
  if (isBareStatement) {
    report(
      'bare-statement',
      'error',
      'a statement must be inside a policy document: wrap it in `{"Version": "2012-10-17", "Statement": [...]}`',
      { start: document.range.start, end: document.range.start },
    )
    return {
      statements: [readStatement(document, report)],
      unknownElements: [],
      range: document.range,
    }
  }
  membersByName(document, report)
  const unknownElements = unknownMembers(members, documentElements, report, 'the policy')
  const versionMember = members.get('Version')
  const version = versionMember === undefined ? undefined : readString(versionMember, report)
  if (versionMember === undefined) {
    report(
      'missing-version',
      'warning',
      'the policy has no `Version`: add `"Version": "2012-10-17"`, without which policy variables are plain text',
      { start: document.range.start, end: document.range.start },
    )
  } else if (
    version !== undefined &&
    !(policyVersions as readonly string[]).includes(version.value)
  ) {
    report(
      'unknown-version',
      'error',
      `unknown \`Version\` \`${version.value}\`: use \`2012-10-17\``,
      version.range,
    )
  }
  const idMember = members.get('Id')
  const id = idMember === undefined ? undefined : readString(idMember, report)
  return {
    ...(version === undefined ? {} : { version }),
    ...(id === undefined ? {} : { id }),
    statements: readStatements(document, report),
    unknownElements,
    range: document.range,
  }
}

/**
 * Reads a policy from text. Never throws. Accepts exactly what `JSON.parse` accepts; besides,
 * recovers from and reports what documentation pages print (trailing and missing commas,
 * comments, a bare statement), and reports everything IAM's grammar forbids, each diagnostic
 * with a stable code and a line/column range.
 */
export function parsePolicy(text: string): ParseResult {
  const json = parseJson(typeof text === 'string' ? text : String(text))
  const { diagnostics, report } = collectDiagnostics()
  diagnostics.push(...json.diagnostics)
  const value = json.value
  if (value === undefined) return { diagnostics }
  if (value.kind !== 'object') {
    report(
      'document-not-object',
      'error',
      `a policy must be a JSON object, not ${typeName(value)}`,
      value.range,
    )
    return { diagnostics }
  }
  const policy = readDocument(value, report)
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset)
  return { policy, diagnostics }
}
