import { describe, expect, it } from 'vitest'
import { samples } from './index.ts'
import { locateErratum } from './locate-erratum.ts'
import { documentVersions, type Sample } from './schema.ts'

function sampleWith(text: string, occurrence?: number): Sample {
  return {
    id: 'test',
    title: 'test',
    kind: 'policy',
    services: ['connect'],
    description: 'test',
    printed: { original: { text, expectedDiagnostics: [] } },
    corrected: '{}',
    placeholders: [],
    errata: [
      {
        id: 'e',
        versions: ['original'],
        category: 'action',
        severity: 'error',
        what: 'w',
        where: { part: 'text', text: 'aa', ...(occurrence === undefined ? {} : { occurrence }) },
        why: 'y',
        fix: 'f',
      },
    ],
    expectations: [],
  }
}

describe('locateErratum', () => {
  it('finds the occurrence asked for, counting overlapping ones', () => {
    const first = sampleWith('xaaa')
    const erratum = first.errata[0]
    if (erratum === undefined) throw new Error('no erratum')
    expect(locateErratum(first, erratum, 'original')).toEqual({ part: 'text', start: 1, end: 3 })
    const second = sampleWith('xaaa', 2)
    const again = second.errata[0]
    if (again === undefined) throw new Error('no erratum')
    expect(locateErratum(second, again, 'original')).toEqual({ part: 'text', start: 2, end: 4 })
  })

  it('is undefined when the text holds fewer occurrences than the one asked for', () => {
    const third = sampleWith('xaaa', 3)
    const erratum = third.errata[0]
    if (erratum === undefined) throw new Error('no erratum')
    expect(locateErratum(third, erratum, 'original')).toBeUndefined()
  })

  it('is undefined in a printing the erratum is not about', () => {
    const sample = sampleWith('aa')
    const erratum = sample.errata[0]
    if (erratum === undefined) throw new Error('no erratum')
    expect(locateErratum(sample, erratum, 'revised')).toBeUndefined()
  })

  it('locates every erratum of the samples in every printing it names, on its text', () => {
    for (const sample of samples) {
      for (const erratum of sample.errata) {
        for (const version of documentVersions) {
          const span = locateErratum(sample, erratum, version)
          if (!erratum.versions.includes(version)) {
            expect(span).toBeUndefined()
            continue
          }
          const part = sample.printed[version]?.[erratum.where.part] ?? ''
          expect(span, `${sample.id} ${erratum.id} ${version}`).toBeDefined()
          expect(part.slice(span?.start, span?.end)).toBe(erratum.where.text)
        }
      }
    }
  })
})
