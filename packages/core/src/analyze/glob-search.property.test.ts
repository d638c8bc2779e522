import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { naiveWildcardMatch } from '../testing/index.ts'
import {
  covers,
  type GlobToken,
  globTokens,
  meetByFields,
  partBySegments,
  searchGlobs,
  tokensMatch,
} from './glob-search.ts'
import { resourceTokens } from './resource-tokens.ts'

/** Patterns over two letters, so that a brute-force search can try every short text. */
const arbPattern = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 6 })

/** Every text over `a`, `b` and a third letter no pattern names, up to `length` characters. */
function* textsUpTo(length: number): Generator<string> {
  let layer = ['']
  yield ''
  for (let size = 1; size <= length; size++) {
    layer = layer.flatMap((text) => [`${text}a`, `${text}b`, `${text}z`])
    yield* layer
  }
}

describe('searchGlobs', () => {
  it('agrees with brute-force enumeration over a small alphabet (oracle: naive matcher)', () => {
    fc.assert(
      fc.property(
        fc.array(arbPattern, { minLength: 1, maxLength: 3 }),
        fc.array(arbPattern, { maxLength: 3 }),
        (must, mustNot) => {
          const fits = (text: string) =>
            must.every((pattern) => naiveWildcardMatch(pattern, text)) &&
            !mustNot.some((pattern) => naiveWildcardMatch(pattern, text))
          const answer = searchGlobs({
            must: must.map(globTokens),
            mustNot: mustNot.map(globTokens),
          })
          // a text the search gives must fit; a text the enumeration finds must be found, and
          // none shorter than the one given
          let shortest: string | undefined
          for (const text of textsUpTo(7)) {
            if (fits(text)) {
              shortest = text
              break
            }
          }
          if (answer.kind === 'unknown') return false
          if (answer.kind === 'none') return shortest === undefined
          return (
            fits(answer.text) && (shortest === undefined || shortest.length === answer.text.length)
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})

/** Whether tokens match a text, read code point by code point, by trying every split. */
function naiveTokensMatch(tokens: readonly GlobToken[], text: readonly string[]): boolean {
  const [token, ...rest] = tokens
  if (token === undefined) return text.length === 0
  const [first, ...after] = text
  if (token.kind === 'literal') {
    return first === token.character && naiveTokensMatch(rest, after)
  }
  const allowed = (character: string) => !(token.except ?? '').includes(character)
  if (token.kind === 'one') {
    return first !== undefined && allowed(first) && naiveTokensMatch(rest, after)
  }
  for (let taken = 0; taken <= text.length; taken++) {
    if (naiveTokensMatch(rest, text.slice(taken))) return true
    if (taken < text.length && !allowed(text[taken] as string)) return false
  }
  return false
}

const letters = ['a', 'b', '/', ':', '😀']
const arbLiteral = fc.constantFrom(...letters).map(
  (character): GlobToken => ({
    kind: 'literal',
    character,
  }),
)
const arbBar = fc.subarray(['/', ':', '😀']).map((bar) => bar.join(''))

/**
 * Tokens shaped as ARN formats are (a run barred from the literal after it, which a scan reads
 * without a choice) and otherwise (a run followed by a run, or by a literal it may read).
 */
const arbTokens = fc.array(
  fc.oneof(
    fc.tuple(arbLiteral, arbBar, fc.boolean()).map(([literal, bar, withOne]): GlobToken[] => {
      const except = `${bar}${literal.kind === 'literal' ? literal.character : ''}`
      return [
        ...(withOne ? [{ kind: 'one', except } as const] : []),
        { kind: 'run', except },
        literal,
      ]
    }),
    arbLiteral.map((literal) => [literal]),
    arbBar.map((except): GlobToken[] => [{ kind: 'run', ...(except === '' ? {} : { except }) }]),
    arbBar.map((except): GlobToken[] => [{ kind: 'one', ...(except === '' ? {} : { except }) }]),
  ),
  { maxLength: 5 },
)

describe('tokensMatch', () => {
  it('agrees with trying every split, for tokens a scan reads and others (oracle: naive matcher)', () => {
    fc.assert(
      fc.property(
        arbTokens.map((parts) => parts.flat()),
        fc.array(fc.constantFrom(...letters), { maxLength: 8 }),
        (tokens, text) => {
          expect(tokensMatch(tokens, text.join(''))).toBe(naiveTokensMatch(tokens, text))
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('covers', () => {
  it('says a pattern covers another only when every text the other matches, it matches (oracle: brute-force enumeration)', () => {
    const arbTokens = fc
      .array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 5 })
      .map((characters) => globTokens(characters.join('')))
    const texts: string[] = ['']
    let last = ['']
    for (let length = 1; length <= 6; length++) {
      last = last.flatMap((text) => ['a', 'b', 'z'].map((letter) => text + letter))
      texts.push(...last)
    }
    fc.assert(
      fc.property(arbTokens, arbTokens, (a, b) => {
        if (!covers(a, b)) return
        for (const text of texts) {
          if (tokensMatch(b, text)) expect(tokensMatch(a, text)).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('sees the inclusions of real policies: `/apis/*` covers `/apis/*/deployments`', () => {
    expect(
      covers(
        globTokens('arn:aws:apigateway:*::/apis/*'),
        globTokens('arn:aws:apigateway:*::/apis/*/deployments'),
      ),
    ).toBe(true)
    expect(covers(globTokens('foo*'), globTokens('foo?*bar'))).toBe(true)
    expect(covers(globTokens('foo?*'), globTokens('foo*'))).toBe(false)
  })
})

describe('partBySegments', () => {
  it('says two patterns part only when no text matches both (oracle: brute-force enumeration)', () => {
    // wildcards barred from a colon or not, as ARN fields and the rest of an ARN have them
    const arbTokens = fc
      .array(
        fc.record({ character: fc.constantFrom('a', ':', '/', '*', '?'), barred: fc.boolean() }),
        { maxLength: 6 },
      )
      .map((pieces) =>
        pieces.flatMap(({ character, barred }) =>
          globTokens(character).map((token) =>
            token.kind === 'literal' || !barred ? token : { ...token, except: ':' },
          ),
        ),
      )
    const texts: string[] = ['']
    let last = ['']
    for (let length = 1; length <= 5; length++) {
      last = last.flatMap((text) => ['a', ':', '/', 'z'].map((letter) => text + letter))
      texts.push(...last)
    }
    fc.assert(
      fc.property(arbTokens, arbTokens, (a, b) => {
        if (!partBySegments(a, b)) return
        for (const text of texts) expect(tokensMatch(a, text) && tokensMatch(b, text)).toBe(false)
      }),
      { numRuns: 500 },
    )
  }, 240_000)

  it('parts ARN patterns at their path segments', () => {
    const format = [
      ...globTokens('arn:'),
      { kind: 'one', except: ':' },
      { kind: 'run', except: ':' },
      ...globTokens(':apigateway:'),
      { kind: 'run', except: ':' },
      ...globTokens('::/restapis/'),
      { kind: 'one', except: '/' },
      { kind: 'run', except: '/' },
    ] as const
    expect(partBySegments(resourceTokens('arn:aws:apigateway:*::/apis/*'), [...format])).toBe(true)
    expect(partBySegments(resourceTokens('arn:aws:apigateway:*::/restapis/*'), [...format])).toBe(
      false,
    )
  })
})

/** ARN patterns with each field drawn from a few that hold one another, and texts near them. */
const fieldPatterns = [
  ['aws', '*', 'a*'],
  ['s3', '*', 's?'],
  ['', '*', 'us-*'],
  ['', '*', '1?3'],
  ['x/*', 'x/y', '*', 'x/*/z', '*/z'],
] as const
const fieldTexts = [
  ['aws', 'aws-cn', 'a', ''],
  ['s3', 'sq', 'ec2'],
  ['', 'us-east-1', 'eu'],
  ['', '123', '1x3'],
  ['x/y', 'x/y/z', 'x/a/z', 'q/z', 'x:y/z', ''],
] as const
const arbArnPattern = fc
  .tuple(...fieldPatterns.map((choices) => fc.constantFrom(...choices)))
  .map((fields) => resourceTokens(`arn:${fields.join(':')}`))
const arbArnText = fc
  .tuple(...fieldTexts.map((choices) => fc.constantFrom(...choices)))
  .map((fields) => `arn:${fields.join(':')}`)

describe('meetByFields', () => {
  it('matches exactly the texts both patterns match (oracle: the matcher on texts near them)', () => {
    fc.assert(
      fc.property(
        arbArnPattern,
        arbArnPattern,
        fc.array(arbArnText, { maxLength: 30 }),
        (a, b, texts) => {
          const met = meetByFields(a, b)
          if (met === undefined) return
          for (const text of texts) {
            expect(tokensMatch(met, text)).toBe(tokensMatch(a, text) && tokensMatch(b, text))
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
