// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in texts, not templates
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { literalQuestionMark, literalStar } from '../match/index.ts'
import { parseTemplate, type Template, type TemplatePart } from './policy-variable.ts'

// parseTemplate as it was before it was made linear: from each `${`, a scan to the first `}`
// and a regular expression over the body, again for every `${` that is not a variable, time
// quadratic in the text for `${a ` repeated before a `}`. One change: the special bodies are
// looked up among their own keys, where the old object also answered `constructor`.
const specialCharacters = new Map([
  ['*', literalStar],
  ['?', literalQuestionMark],
  ['$', '$'],
])
const variableBody = /^([^\s,'}]+)(?:\s?,\s?'([^']*)')?$/

function quadraticParseTemplate(source: string): Template {
  const parts: TemplatePart[] = []
  let text = ''
  let hasVariables = false
  let index = 0
  while (index < source.length) {
    const open = source.indexOf('${', index)
    if (open < 0) break
    const close = source.indexOf('}', open + 2)
    if (close < 0) break
    const body = source.slice(open + 2, close)
    const special = specialCharacters.get(body)
    const variable = special === undefined ? variableBody.exec(body) : null
    if (special === undefined && variable === null) {
      text += source.slice(index, open + 2)
      index = open + 2
      continue
    }
    text += source.slice(index, open)
    index = close + 1
    if (special !== undefined) {
      text += special
      hasVariables = true
      continue
    }
    if (text !== '') parts.push({ kind: 'text', text })
    text = ''
    const [, key = '', fallback] = variable as RegExpExecArray
    parts.push(
      fallback === undefined ? { kind: 'variable', key } : { kind: 'variable', key, fallback },
    )
    hasVariables = true
  }
  text += source.slice(index)
  if (text !== '') parts.push({ kind: 'text', text })
  return { source, parts, hasVariables }
}

/** Texts of at most 30 characters made mostly of what makes or breaks a variable. */
const arbText = fc
  .array(
    fc.constantFrom('${', '$', '{', '}', "'", ',', ' ', '\t', 'a', 'aws:', 'x', '*', '?', ', '),
    { maxLength: 16 },
  )
  .map((pieces) => pieces.join('').slice(0, 30))

describe('parseTemplate (oracle: the quadratic reading it replaced)', () => {
  it('reads the same parts from texts built of variable pieces', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        expect(parseTemplate(text)).toEqual(quadraticParseTemplate(text))
      }),
    )
  })

  it('reads the same parts from any short text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(parseTemplate(text)).toEqual(quadraticParseTemplate(text))
      }),
    )
  })

  it('reads the documented forms', () => {
    for (const text of [
      'arn:aws:s3:::bucket/${aws:username}/*',
      "${aws:PrincipalTag/team, 'none'}",
      "${aws:PrincipalTag/team ,'none'}",
      "${aws:PrincipalTag/team , 'none'}",
      '${*}${?}${$}',
      '${a${b}',
      '${a b}${c}',
      "${a, 'x'}${b, x}",
      '${constructor}',
    ]) {
      expect(parseTemplate(text), text).toEqual(quadraticParseTemplate(text))
    }
    expect(parseTemplate('${constructor}').parts).toEqual([
      { kind: 'variable', key: 'constructor' },
    ])
  })
})
