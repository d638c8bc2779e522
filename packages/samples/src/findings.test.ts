import { validatePolicy } from '@connect-policy/catalog'
import type { Finding } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { samples } from './index.ts'
import { locateErratum } from './locate-erratum.ts'
import type { Sample } from './schema.ts'

/** The innermost `{...}` around a span: the statement an erratum is in. */
function enclosingObject(text: string, span: { start: number; end: number }) {
  let depth = 0
  let open = -1
  for (let index = span.start; index >= 0; index--) {
    if (text[index] === '}' && index < span.start) depth++
    if (text[index] === '{') {
      if (depth === 0) {
        open = index
        break
      }
      depth--
    }
  }
  let close = text.length
  depth = 0
  for (let index = span.end; index < text.length; index++) {
    if (text[index] === '{') depth++
    if (text[index] === '}') {
      if (depth === 0) {
        close = index + 1
        break
      }
      depth--
    }
  }
  return { start: Math.max(open, 0), end: close }
}

function overlaps(finding: Finding, span: { start: number; end: number }): boolean {
  return finding.range.start.offset < span.end && finding.range.end.offset > span.start
}

const textErrata = samples.flatMap((sample: Sample) =>
  sample.errata
    .filter((erratum) => erratum.where.part === 'text')
    .flatMap((erratum) =>
      erratum.versions.map(
        (version) => [`${sample.id} ${version}: ${erratum.id}`, sample, erratum, version] as const,
      ),
    ),
)

describe('the validator explains the errata of the printed policies', () => {
  it.each(textErrata.filter(([, , erratum]) => erratum.findings !== undefined))(
    '%s',
    (_, sample, erratum, version) => {
      const text = sample.printed[version]?.text ?? ''
      const findings = validatePolicy(text)
      const span = locateErratum(sample, erratum, version)
      if (span === undefined) {
        throw new Error(`\`${erratum.where.text}\` is not in the ${version} text`)
      }
      const statement = enclosingObject(text, span)
      for (const code of erratum.findings ?? []) {
        const at = findings.filter((finding) => finding.code === code)
        const near = at.filter((finding) => overlaps(finding, span) || overlaps(finding, statement))
        expect(
          near.length,
          `${code} near \`${erratum.where.text}\`: ${JSON.stringify(findings.map((f) => f.code))}`,
        ).toBeGreaterThan(0)
      }
    },
  )

  it('names findings for every erratum of JSON syntax, grammar, actions and example values in a policy', () => {
    const unexplained = textErrata
      .filter(([, , erratum]) =>
        ['json-syntax', 'policy-grammar', 'example-value'].includes(erratum.category),
      )
      .filter(([, , erratum]) => erratum.findings === undefined)
      .map(([name]) => name)
    expect(unexplained).toEqual([])
  })
})

describe('corrected policies', () => {
  const corrected = samples.filter((sample) => sample.corrected !== undefined)
  it.each(corrected.map((sample) => [sample.id, sample] as const))(
    '%s gets nothing above a suggestion',
    (_, sample) => {
      const findings = validatePolicy(sample.corrected ?? '')
      expect(findings.filter((finding) => finding.severity !== 'suggestion')).toEqual([])
    },
  )
})
