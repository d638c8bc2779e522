import type { PolicyPath } from '../policy-path.ts'

/** A whole piece of policy to insert where nothing is written yet, as a snippet template. */
export interface Skeleton {
  readonly label: string
  readonly detail: string
  /**
   * CodeMirror's snippet syntax: `#{1}` and `#{2}` are the fields Tab moves through, and each
   * tab at a line's start is one indent unit more than the line the snippet starts on.
   */
  readonly snippet: string
}

/** The lines of one statement, with the cursor first in its action, then in its resource. */
const statementLines = (effect: 'Allow' | 'Deny') => [
  '{',
  `\t"Effect": "${effect}",`,
  '\t"Action": ["#{1}"],',
  '\t"Resource": ["#{2}"]',
  '}',
]

const indented = (lines: readonly string[]) => lines.map((line) => `\t${line}`)

const statementSkeletons = (wrap: (lines: readonly string[]) => readonly string[]) =>
  (['Allow', 'Deny'] as const).map(
    (effect): Skeleton => ({
      label: `${effect} statement`,
      detail: 'Effect, Action, Resource',
      snippet: wrap(statementLines(effect)).join('\n'),
    }),
  )

const documentBody = [
  '"Version": "2012-10-17",',
  '"Statement": [',
  ...indented(statementLines('Allow')),
  ']',
]

const documentDetail = 'Version 2012-10-17 and an Allow statement'

/**
 * The skeletons for a place where a whole value or the first names go: a policy document where
 * the document is empty, its elements in an empty top object, a list of one statement as the
 * value of `Statement`, and a statement as an element of that list. None inside a string, and
 * none unless the place is free: nothing but the word typed is written there yet. `isFree` is
 * asked only at those places, since every keystroke of a completion comes here.
 */
export function skeletonsAt(at: PolicyPath, isFree: () => boolean): readonly Skeleton[] {
  const { path, kind } = at
  const statementList = kind === 'value' && path[0] === 'Statement'
  const place =
    path.length === 0 ||
    (statementList && (path.length === 1 || (path.length === 2 && typeof path[1] === 'number')))
  if (at.quoted || !place || !isFree()) return []
  if (path.length === 0 && kind === 'value') {
    return [
      {
        label: 'policy',
        detail: documentDetail,
        snippet: ['{', ...indented(documentBody), '}'].join('\n'),
      },
    ]
  }
  if (path.length === 0 && kind === 'property-name') {
    return [
      { label: 'Version and Statement', detail: documentDetail, snippet: documentBody.join('\n') },
    ]
  }
  return path.length === 1
    ? statementSkeletons((lines) => ['[', ...indented(lines), ']'])
    : statementSkeletons((lines) => lines)
}
