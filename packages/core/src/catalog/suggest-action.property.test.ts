import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closestName } from '../suggest/index.ts'
import { catalogFixture } from './create-catalog.test-data.ts'
import { type Catalog, createCatalog } from './create-catalog.ts'
import { suggestActions } from './suggest-action.ts'

const catalog = createCatalog(catalogFixture)
const prefixes = catalog.coveredPrefixes
const names = prefixes.flatMap((prefix) =>
  (catalog.service(prefix)?.actions ?? []).map((action) => action.name),
)

const camelWords = (name: string) => name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [name]

/** The suggestions worked out the direct way: every name of the service, every other service. */
function naiveSuggestions(catalog: Catalog, prefix: string, name: string): string[] {
  const service = prefix.toLowerCase()
  const known = catalog.service(service)?.actions.map((action) => action.name) ?? []
  const close = closestName(name, known)
  if (close !== undefined) return [`${prefix}:${close}`]
  const words = camelWords(name).map((word) => word.toLowerCase())
  if (words.length >= 2) {
    const holding = known.filter((candidate) => {
      let index = 0
      for (const word of camelWords(candidate)) if (word.toLowerCase() === words[index]) index++
      return index === words.length
    })
    if (holding.length > 0) return holding.slice(0, 3).map((found) => `${prefix}:${found}`)
  }
  for (const other of catalog.coveredPrefixes) {
    if (other === service) continue
    const found = catalog.action(`${other}:${name.toLowerCase()}`)
    if (found !== undefined) return [found.fullName]
  }
  return []
}

/** A name of the catalog with a few characters changed, added or taken out. */
const arbNearName = fc
  .tuple(
    fc.constantFrom(...names),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'e', 'S', 'x', '0', 'İ', 'ß'), fc.boolean()), {
      maxLength: 3,
    }),
  )
  .map(([name, edits]) =>
    edits.reduce((text, [at, character, replace]) => {
      const place = at % (text.length + 1)
      return text.slice(0, place) + character + text.slice(place + (replace ? 1 : 0))
    }, name),
  )

describe('suggestActions', () => {
  it('suggests what comparing every name suggests (oracle: naive)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...prefixes, 'S3', 'nope'), arbNearName, (prefix, name) => {
        expect(suggestActions(catalog, prefix, name)).toEqual(
          naiveSuggestions(catalog, prefix, name),
        )
      }),
      { numRuns: 500 },
    )
  })
})
