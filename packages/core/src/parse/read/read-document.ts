import type { Located, PolicyDocument, SourceRange } from '../../model/index.ts'
import { policyVersions } from '../../model/index.ts'
import type { JsonMember, JsonObject } from '../json/index.ts'
import { show } from '../show.ts'
import { statementElements } from './elements.ts'
import { membersByName } from './members-by-name.ts'
import { openingBrace } from './opening-brace.ts'
import { readStatement } from './read-statement.ts'
import { readStatements } from './read-statements.ts'
import { readString } from './read-string.ts'
import { readUnknownElements } from './read-unknown-elements.ts'
import type { Report } from './report.ts'

function readVersion(
  member: JsonMember | undefined,
  brace: SourceRange,
  bare: boolean,
  report: Report,
): Located<string> | undefined {
  if (member === undefined) {
    if (!bare) {
      report(
        'missing-version',
        'warning',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
        'the policy has no `Version`: add `"Version": "2012-10-17"`, without which IAM reads policy variables such as `${aws:username}` as plain text',
        brace,
      )
    }
    return undefined
  }
  const version = readString(member, report)
  if (version !== undefined && !(policyVersions as readonly string[]).includes(version.value)) {
    report(
      'unknown-version',
      'error',
      `unknown \`Version\` ${show(version.value)}: use \`2012-10-17\` (or the older \`2008-10-17\`)`,
      version.range,
    )
  }
  return version
}

/**
 * Reads a policy document (*IAM JSON policy elements: Version, Id, Statement*). A top-level
 * object with no `Statement` but with statement elements is read as a bare statement, which
 * documentation pages print: reported once, and read as a document holding that statement
 * (its `Version` and `Id`, if any, staying with the document), without the missing-version or
 * missing-statement reports that would only repeat it.
 */
export function readDocument(document: JsonObject, report: Report): PolicyDocument {
  const members = membersByName(document)
  const brace = openingBrace(document.range)
  const bare = !members.has('Statement') && statementElements.some((name) => members.has(name))
  if (bare) {
    report(
      'bare-statement',
      'error',
      'a statement must be inside a policy document: wrap it in `{"Version": "2012-10-17", "Statement": [...]}`',
      brace,
    )
  }
  const unknownElements = bare ? [] : readUnknownElements(members, 'document', report)
  const version = readVersion(members.get('Version'), brace, bare, report)
  const idMember = members.get('Id')
  const id = idMember && readString(idMember, report)
  const statements = bare
    ? [
        readStatement(
          {
            ...document,
            members: document.members.filter(({ key }) => key !== 'Version' && key !== 'Id'),
          },
          report,
        ),
      ]
    : readStatements(members.get('Statement'), brace, report)
  return {
    ...(version === undefined ? {} : { version }),
    ...(id === undefined ? {} : { id }),
    statements,
    unknownElements,
    range: document.range,
  }
}
