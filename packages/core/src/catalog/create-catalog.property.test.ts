import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actionMatch } from '../match/index.ts'
import { formatComparisonWork } from './comparison-work.ts'
import { catalogFixture } from './create-catalog.test-data.ts'
import { createCatalog } from './create-catalog.ts'
import { overlapsFormat, readOverlapPattern } from './format-overlap.ts'

const catalog = createCatalog(catalogFixture)
const allTypes = catalog.coveredPrefixes.flatMap(
  (prefix) => catalog.service(prefix)?.resourceTypes ?? [],
)
const formats = allTypes.flatMap((type) => type.arnFormats.map((format) => format.source))

const valuesOf: Record<string, readonly string[]> = {
  Partition: ['aws', 'aws-cn', ''],
  Region: ['us-east-1', '', 'x:y'],
  Account: ['123456789012', 'aws', ''],
  Vendor: ['connect', 's3', 'ec2'],
}
const identifiers = ['i-1', 'a/b', 'x:y', ''] as const

/** An ARN of a fixture format, its variables filled with values that look real or do not. */
const arbArn = fc.constantFrom(...formats).chain((format) => {
  const pieces = format.split(/(\$\{[^}]*\})/)
  return fc
    .tuple(
      ...pieces.map((piece) =>
        piece.startsWith('${')
          ? fc.constantFrom(...(valuesOf[piece.slice(2, -1)] ?? identifiers))
          : fc.constant(piece),
      ),
    )
    .map((values) => values.join(''))
})

/**
 * A `Resource` value made from a fixture ARN: some characters turned into `?` or `*`, the
 * service sometimes swapped, sometimes cut short after a field with a star.
 */
const arbResource = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('*', 'connect', 'arn:aws:connect', 'arn:*') },
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        arbArn,
        fc.array(fc.constantFrom('one', 'run', ...Array.from({ length: 18 }, () => 'keep')), {
          minLength: 120,
          maxLength: 120,
        }),
        fc.constantFrom<string | undefined>(
          ...Array.from({ length: 7 }, () => undefined),
          's3',
          'wisdom',
          '*',
          'conn*',
          'ec2',
          '?3',
          'backup',
        ),
        // cut short after one of the first four fields, or (most often) not
        fc.integer({ min: 1, max: 10 }),
      )
      .map(([arn, edits, service, cut]) => {
        const fields = arn.split(':')
        if (service !== undefined) fields[2] = service
        const edited = [...fields.join(':')]
          .map((c, index) => {
            const edit = index < 4 || c === ':' ? 'keep' : (edits[index] ?? 'keep')
            return edit === 'one' ? '?' : edit === 'run' ? '*' : c
          })
          .join('')
        return cut > 4
          ? edited
          : `${edited
              .split(':')
              .slice(0, cut + 1)
              .join(':')}*`
      }),
  },
)

const actionNames = catalog.allActions.map((action) => action.fullName)
const byName = (a: { fullName: string }, b: { fullName: string }) =>
  a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0

/** An `Action` value of the shape IAM takes (`service:Name`), from a fixture action or not. */
const arbActionPattern = fc.oneof(
  fc.constantFrom('*', '**', '*:*', 'ec2:*', 'nope:Describe*'),
  fc
    .tuple(
      fc.constantFrom(...actionNames),
      fc.array(fc.constantFrom('keep', 'keep', 'keep', 'keep', 'one', 'run', 'upper'), {
        minLength: 60,
        maxLength: 60,
      }),
    )
    .map(([name, edits]) =>
      [...name]
        .map((c, index) => {
          const edit = c === ':' ? 'keep' : (edits[index] ?? 'keep')
          if (edit === 'upper') return c.toUpperCase()
          return edit === 'one' ? '?' : edit === 'run' ? '*' : c
        })
        .join(''),
    ),
)

describe('createCatalog', () => {
  it('finds the resource types of a value as a scan of every type would (oracle: naive)', () => {
    fc.assert(
      fc.property(arbResource, (resource) => {
        const pattern = readOverlapPattern(resource)
        const scanned = allTypes.filter((type) =>
          type.arnFormats.some((format) => overlapsFormat(pattern, format)),
        )
        const found = catalog.resourceTypesOf(resource)
        return found.length === scanned.length && scanned.every((type) => found.includes(type))
      }),
    )
  })

  it('within a budget, answers exactly or with more types, never fewer, and says which (oracle: the answer without a budget)', () => {
    fc.assert(
      fc.property(
        fc.array(arbResource, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 3000 }),
        (resources, steps) => {
          const work = formatComparisonWork(steps)
          for (const resource of resources) {
            const exact = catalog.resourceTypesOf(resource, formatComparisonWork(1e9))
            const found = catalog.resourceTypesOf(resource, work)
            if (!exact.every((type) => found.includes(type))) return false
            const same = found.length === exact.length
            if (!same && !work.approximate.has(resource)) return false
          }
          return true
        },
      ),
    )
  })

  it('answers a call the same whatever calls came before it, at the same cost (oracle: a fresh catalog)', () => {
    fc.assert(
      fc.property(
        fc.array(arbResource, { minLength: 1, maxLength: 6 }),
        fc.array(arbResource, { maxLength: 6 }),
        fc.integer({ min: 0, max: 3000 }),
        (resources, before, steps) => {
          const fresh = createCatalog(catalogFixture)
          const warmed = createCatalog(catalogFixture)
          for (const resource of before) warmed.resourceTypesOf(resource, formatComparisonWork(1e9))
          for (const resource of before) warmed.resourceTypesOf(resource, formatComparisonWork(0))
          const a = formatComparisonWork(steps)
          const b = formatComparisonWork(steps)
          for (const resource of resources) {
            // two catalogs: the same types, not the same objects
            const named = (types: readonly { service: string; name: string }[]) =>
              types.map((type) => `${type.service}:${type.name}`).join()
            if (
              named(fresh.resourceTypesOf(resource, a)) !==
              named(warmed.resourceTypesOf(resource, b))
            ) {
              return false
            }
          }
          return (
            a.remaining === b.remaining && [...a.approximate].join() === [...b.approximate].join()
          )
        },
      ),
      { numRuns: 60 },
    )
  })

  it('names the actions an `Action` pattern matches, as the action matcher says (oracle: naive)', () => {
    fc.assert(
      fc.property(arbActionPattern, (pattern) => {
        const expected = catalog.allActions.filter((action) =>
          actionMatch(pattern, action.fullName),
        )
        const found = catalog.matchActions(pattern)
        return (
          found.length === expected.length && expected.every((action) => found.includes(action))
        )
      }),
    )
  })

  it('reaches a resource with an action exactly when one of its types overlaps it (oracle: naive)', () => {
    const actions = catalog.allActions.filter((action) => !action.wildcardOnly)
    fc.assert(
      fc.property(fc.constantFrom(...actions), arbResource, (action, resource) => {
        const types = new Set(catalog.resourceTypesOf(resource))
        return (
          catalog.actionReaches(action, resource) ===
          action.resourceTypes.some(({ type }) => types.has(type))
        )
      }),
    )
  })

  it('reaches between the actions and resources of a statement as every pair would (oracle: naive)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...catalog.allActions), { maxLength: 8 }),
        fc.array(arbResource, { maxLength: 5 }),
        (actions, resources) => {
          const reach = catalog.reachBetween(actions, resources)
          const reaching = actions.filter((action) =>
            resources.some((resource) => catalog.actionReaches(action, resource)),
          )
          const reached = resources.filter((resource) =>
            actions.some((action) => catalog.actionReaches(action, resource)),
          )
          expect([...reach.actions].sort(byName)).toEqual([...new Set(reaching)].sort(byName))
          expect([...reach.resources].sort()).toEqual([...new Set(reached)].sort())
        },
      ),
    )
  })
})
