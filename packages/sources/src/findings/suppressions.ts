import type { SourceComment } from '../tree/read-yaml.ts'

/** The marker of a suppression comment: `# connect-policy-ignore: unknown-action, missing-effect`. */
export const suppressionMarker = 'connect-policy-ignore'

/**
 * What a comment's text says if it is a suppression: `connect-policy-ignore: code, code`, and
 * after ` -- ` or ` because ` the reason.
 */
export function readSuppression(
  comment: string,
): { readonly codes: readonly string[]; readonly reason?: string } | undefined {
  if (!comment.startsWith(suppressionMarker)) return undefined
  const rest = comment.slice(suppressionMarker.length).replace(/^:?\s*/, '')
  const cut = [rest.indexOf(' -- '), rest.indexOf(' because ')].filter((at) => at >= 0)
  const codesEnd = cut.length === 0 ? rest.length : Math.min(...cut)
  const codes = rest
    .slice(0, codesEnd)
    .replaceAll(',', ' ')
    .split(' ')
    .filter((code) => code !== '')
  const reason = rest
    .slice(codesEnd)
    .replace(/^ (--|because) /, '')
    .trim()
  return codes.length === 0 ? undefined : { codes, ...(reason ? { reason } : {}) }
}

/** Finding codes a comment turns off over a stretch of lines. */
export interface LineSuppression {
  readonly codes: readonly string[]
  /** The comment's line. */
  readonly line: number
  /** First and last line (1-based, inclusive) it covers. */
  readonly from: number
  readonly to: number
  readonly reason?: string
}

function indentation(line: string): number {
  return line.length - line.trimStart().length
}

/**
 * The suppressions written in a file's comments. A comment at the end of a line covers that
 * line; a comment on a line of its own covers the next line that holds something, and every
 * line below it indented deeper (in YAML, the whole item or mapping that starts there: a
 * statement, a policy, a resource). After the codes, `--` or `because` starts the reason.
 */
export function commentSuppressions(
  comments: readonly SourceComment[],
  text: string,
): LineSuppression[] {
  const lines = text.split(/\r\n|\r|\n/)
  const found: LineSuppression[] = []
  for (const comment of comments) {
    const read = readSuppression(comment.text)
    if (read === undefined) continue
    const { codes, reason } = read
    if (comment.trailing) {
      found.push({
        codes,
        line: comment.line,
        from: comment.line,
        to: comment.line,
        ...(reason ? { reason } : {}),
      })
      continue
    }
    let start = comment.line
    while (
      start < lines.length &&
      ((lines[start] ?? '').trim() === '' || (lines[start] ?? '').trimStart().startsWith('#'))
    )
      start++
    if (start >= lines.length) continue
    const depth = indentation(lines[start] ?? '')
    let end = start + 1
    while (end < lines.length) {
      const line = lines[end] ?? ''
      if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
        if (indentation(line) <= depth) break
      }
      end++
    }
    found.push({
      codes,
      line: comment.line,
      from: start + 1,
      to: end,
      ...(reason ? { reason } : {}),
    })
  }
  return found
}

/** Whether a suppression covers a finding of `code` starting on `line`. */
export function suppresses(suppression: LineSuppression, code: string, line: number): boolean {
  return (
    line >= suppression.from &&
    line <= suppression.to &&
    (suppression.codes.includes(code) || suppression.codes.includes('all'))
  )
}
