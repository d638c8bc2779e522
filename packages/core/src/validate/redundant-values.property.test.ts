import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compileResourcePattern,
  compileWildcard,
  matchesResource,
  matchesWildcard,
} from '../match/index.ts'
import type { Located } from '../model/index.ts'
import { noRange } from '../model/index.ts'
import { redundantValues } from './redundant-values.ts'

type Matcher = (pattern: string) => (text: string) => boolean

/** Every value against every wildcard value, in order: the definition, quadratic. */
function naiveRedundantValues(
  values: readonly Located<string>[],
  fold: (text: string) => string,
  matcher: Matcher,
): Map<Located<string>, Located<string>> {
  const found = new Map<Located<string>, Located<string>>()
  const first = new Map<string, Located<string>>()
  const wildcards: { value: Located<string>; folded: string; matches: (t: string) => boolean }[] =
    []
  for (const value of values) {
    if (value.value.includes('${')) continue
    const folded = fold(value.value)
    const earlier = first.get(folded)
    if (earlier !== undefined) {
      found.set(value, earlier)
      continue
    }
    first.set(folded, value)
    if (/[*?]/.test(folded)) wildcards.push({ value, folded, matches: matcher(folded) })
  }
  for (const [folded, value] of first) {
    const hasWildcards = /[*?]/.test(folded)
    for (const wide of wildcards) {
      if (wide.value === value) continue
      if (hasWildcards && wide.folded.includes('?')) continue
      if (!wide.matches(folded)) continue
      const mutual = hasWildcards && wildcards.find((w) => w.value === value)?.matches(wide.folded)
      if (mutual && values.indexOf(value) < values.indexOf(wide.value)) continue
      found.set(value, wide.value)
      break
    }
  }
  return found
}

const actionMatcher: Matcher = (pattern) => {
  const compiled = compileWildcard(pattern)
  return (text) => matchesWildcard(compiled, text)
}
const resourceMatcher: Matcher = (pattern) => {
  const compiled = compileResourcePattern(pattern)
  return (text) => matchesResource(compiled, text)
}

const located = (values: readonly string[]) => values.map((value) => ({ value, range: noRange }))

const arbActions = fc.array(
  fc
    .tuple(
      fc.constantFrom('s3', 'S3', 'ec2', 'e*', '*', 'ec?', ''),
      fc.constantFrom(':', ':', ''),
      // `\uE000` is the literal `*` of `${*}`, which matches a `*` of the text
      fc.string({ unit: fc.constantFrom('get', 'Get', 'o', '*', '?', '\uE000'), maxLength: 3 }),
    )
    .map((parts) => parts.join('')),
  { maxLength: 12 },
)

const arbResources = fc.array(
  fc
    .tuple(
      fc.constantFrom('arn:aws:s3:::', 'arn:aws:s3:', 'arn:*:s3:::', 'arn:aws:ec2:r:1:', 'b', ''),
      fc.string({
        unit: fc.constantFrom('b', '/', ':', '*', '?', '\uE001', '\uD83D'),
        maxLength: 4,
      }),
    )
    .map((parts) => parts.join('')),
  { maxLength: 12 },
)

// more wildcards of one service than are scanned in turn, so that they are filed by head
const arbManyActions = fc.array(
  fc
    .tuple(
      fc.constantFrom('s3:', 'S3:', 's3:get', 'e*:'),
      fc.string({ unit: fc.constantFrom('g', 'et', 'o', '*', '?', '\uE000'), maxLength: 4 }),
    )
    .map((parts) => parts.join('')),
  { minLength: 20, maxLength: 80 },
)

const arbManyResources = fc.array(
  fc
    .tuple(
      fc.constantFrom('arn:aws:s3:::', 'arn:aws:s3:::b', 'arn:*:s3:::', 'arn:aws:s3:::b/'),
      fc.string({
        unit: fc.constantFrom('b', '/', 'k', '*', '?', '\uE001', '\uD83D', '\uDE00'),
        maxLength: 5,
      }),
    )
    .map((parts) => parts.join('')),
  { minLength: 20, maxLength: 80 },
)

describe('redundantValues', () => {
  it('finds for actions what trying every wildcard value finds (oracle: naive)', () => {
    fc.assert(
      fc.property(arbActions, (written) => {
        const values = located(written)
        const fold = (text: string) => text.toLowerCase()
        expect([...redundantValues(values, fold, actionMatcher, 1)]).toEqual([
          ...naiveRedundantValues(values, fold, actionMatcher),
        ])
      }),
    )
  })

  it('finds for many actions of one service what trying every wildcard value finds (oracle: naive)', () => {
    fc.assert(
      fc.property(arbManyActions, (written) => {
        const values = located(written)
        const fold = (text: string) => text.toLowerCase()
        expect([...redundantValues(values, fold, actionMatcher, 1)]).toEqual([
          ...naiveRedundantValues(values, fold, actionMatcher),
        ])
      }),
    )
  })

  it('finds for many ARNs of one service what trying every wildcard value finds (oracle: naive)', () => {
    fc.assert(
      fc.property(arbManyResources, (written) => {
        const values = located(written)
        const fold = (text: string) => text
        expect([...redundantValues(values, fold, resourceMatcher, 3)]).toEqual([
          ...naiveRedundantValues(values, fold, resourceMatcher),
        ])
      }),
    )
  })

  it('finds for ARNs what trying every wildcard value finds (oracle: naive)', () => {
    fc.assert(
      fc.property(arbResources, (written) => {
        const values = located(written)
        const fold = (text: string) => text
        expect([...redundantValues(values, fold, resourceMatcher, 3)]).toEqual([
          ...naiveRedundantValues(values, fold, resourceMatcher),
        ])
      }),
    )
  })
})
