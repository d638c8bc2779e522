import { describe, expect, it } from 'vitest'
import { sampleInputs, samples } from './index.ts'
import { documentVersions, printedParts, sampleSchema, samplesSchema } from './schema.ts'

const first = samples[0]
if (first === undefined) throw new Error('no samples')
const policySample = samples.find(
  (sample) => sample.expectations.length > 0 && sample.errata.length > 0,
)
if (policySample === undefined) throw new Error('no policy sample with errata and expectations')

/** The text with JSON whitespace removed outside strings. */
function withoutJsonWhitespace(text: string): string {
  let out = ''
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    if (inString) {
      out += char
      if (char === '\\') out += text[++index] ?? ''
      else if (char === '"') inString = false
    } else if (char === '"') {
      inString = true
      out += char
    } else if (!/\s/.test(char)) {
      out += char
    }
  }
  return out
}

describe('sample schema', () => {
  it.each(sampleInputs.map((input) => [input.id, input] as const))('%s validates', (_, input) => {
    const result = sampleSchema.safeParse(input)
    expect(result.error?.issues ?? []).toEqual([])
  })

  it('gives every sample a unique kebab-case id', () => {
    const ids = samples.map((sample) => sample.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('rejects an unknown field on a sample', () => {
    const result = sampleSchema.safeParse({ ...first, reviewedBy: 'someone' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys')
  })

  it('rejects unknown fields inside a sample', () => {
    const [erratum] = policySample.errata
    const [expectation] = policySample.expectations
    const withBadErratum = { ...policySample, errata: [{ ...erratum, note: 'x' }] }
    const withBadRequest = {
      ...policySample,
      expectations: [{ ...expectation, request: { ...expectation?.request, context: {} } }],
    }
    const withBadPrinted = {
      ...policySample,
      printed: { ...policySample.printed, draft: { prose: 'x' } },
    }
    for (const input of [withBadErratum, withBadRequest, withBadPrinted]) {
      const result = sampleSchema.safeParse(input)
      expect(result.success).toBe(false)
      expect(result.error?.issues.map((issue) => issue.code)).toContain('unrecognized_keys')
    }
  })

  it('rejects a duplicate sample id', () => {
    const result = samplesSchema.safeParse([first, first])
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toContain('duplicate sample id')
  })

  it('rejects a printed outcome equal to the documented one', () => {
    const expectation = policySample.expectations[0]
    if (expectation === undefined) throw new Error('no expectation')
    const result = sampleSchema.safeParse({
      ...policySample,
      expectations: [{ ...expectation, printed: { original: expectation.documented } }],
    })
    expect(result.success).toBe(false)
  })

  it('rejects a deciding statement for an implicit deny', () => {
    const expectation = policySample.expectations.find((each) => each.documented === 'ImplicitDeny')
    if (expectation === undefined) throw new Error('no implicit deny')
    const result = sampleSchema.safeParse({
      ...policySample,
      expectations: [{ ...expectation, deciding: { statementIndex: 0 } }],
    })
    expect(result.success).toBe(false)
  })
})

describe('samples', () => {
  it.each(samples.map((sample) => [sample.id, sample] as const))(
    '%s: the comparison of the two printings is right',
    (_, sample) => {
      const { original, revised } = sample.printed
      if (original === undefined || revised === undefined) {
        expect(sample.comparison).toBeUndefined()
        return
      }
      const unchanged = printedParts.filter(
        (part) => original[part] !== undefined && original[part] === revised[part],
      )
      const whitespaceOnly = printedParts.filter((part) => {
        const before = original[part]
        const after = revised[part]
        if (before === undefined || after === undefined || before === after) return false
        return part === 'text'
          ? withoutJsonWhitespace(before) === withoutJsonWhitespace(after)
          : before.replace(/\s+/g, '') === after.replace(/\s+/g, '')
      })
      expect(sample.comparison).toEqual({ unchanged, whitespaceOnly })
    },
  )

  it.each(
    samples.filter((sample) => sample.corrected !== undefined).map((s) => [s.id, s] as const),
  )('%s: the corrected policy is canonical JSON', (_, sample) => {
    const corrected = sample.corrected as string
    expect(JSON.stringify(JSON.parse(corrected), null, 2)).toBe(corrected)
    if (sample.literal !== undefined) {
      expect(JSON.stringify(JSON.parse(sample.literal.text), null, 2)).toBe(sample.literal.text)
    }
  })

  it.each(
    samples.filter((sample) => sample.placeholders.length > 0).map((s) => [s.id, s] as const),
  )('%s: every placeholder is printed, and is gone from the corrected policy', (_, sample) => {
    for (const placeholder of sample.placeholders) {
      const printed = documentVersions.some((version) =>
        sample.printed[version]?.text?.includes(placeholder.text),
      )
      expect(printed, placeholder.text).toBe(true)
      expect(sample.corrected).not.toContain(placeholder.text)
      expect(sample.corrected).toContain(placeholder.replacement)
    }
  })

  it('has policy examples with about 70 or more expectations in all', () => {
    const total = samples.reduce((sum, sample) => sum + sample.expectations.length, 0)
    expect(total).toBeGreaterThanOrEqual(70)
    for (const sample of samples.filter((each) => each.kind === 'policy')) {
      expect(sample.expectations.length, sample.id).toBeGreaterThanOrEqual(4)
    }
  })
})
