import { describe, expect, it } from 'vitest'
import { samples } from './index.ts'

function occurrences(haystack: string, needle: string): number {
  let count = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++
  return count
}

const errata = samples.flatMap((sample) =>
  sample.errata.map((erratum) => [`${sample.id}: ${erratum.id}`, sample, erratum] as const),
)

describe('errata', () => {
  it.each(errata)('%s is where it says, in every version it names', (_, sample, erratum) => {
    for (const version of erratum.versions) {
      const part = sample.printed[version]?.[erratum.where.part]
      expect(part, `${version} ${erratum.where.part}`).toBeDefined()
      const count = occurrences(part ?? '', erratum.where.text)
      if (erratum.where.occurrence === undefined) {
        expect(count, `\`${erratum.where.text}\` once in ${version}`).toBe(1)
      } else {
        expect(count).toBeGreaterThanOrEqual(erratum.where.occurrence)
      }
    }
  })

  it.each(errata)('%s is absent from the versions it does not name', (_, sample, erratum) => {
    const others = (['original', 'revised'] as const).filter(
      (version) => !erratum.versions.includes(version) && sample.printed[version] !== undefined,
    )
    for (const version of others) {
      const part = sample.printed[version]?.[erratum.where.part] ?? ''
      expect(part.includes(erratum.where.text), version).toBe(false)
    }
  })
})
