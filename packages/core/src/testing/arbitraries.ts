import fc from 'fast-check'

/** Characters that make patterns interesting: separators, both wildcards, and case. */
const patternAlphabet = ['a', 'b', 'A', ':', '/', '*', '?'] as const
const textAlphabet = ['a', 'b', 'A', ':', '/'] as const

export const arbPattern = (maxLength = 12): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...patternAlphabet), maxLength })

export const arbText = (maxLength = 16): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...textAlphabet), maxLength })

/**
 * A text made from the pattern itself (each `*` replaced by a short run, each `?` by one
 * character), then sometimes mutated, so that matches are as frequent as misses.
 */
export function arbTextFor(pattern: string): fc.Arbitrary<string> {
  const pieces = [...pattern].map((symbol) =>
    symbol === '*'
      ? arbText(4)
      : symbol === '?'
        ? fc.constantFrom(...textAlphabet)
        : fc.constant(symbol),
  )
  const instantiated = fc.tuple(...pieces).map((parts) => parts.join(''))
  return fc.oneof(
    { weight: 3, arbitrary: instantiated },
    {
      weight: 1,
      arbitrary: fc
        .tuple(instantiated, fc.nat(), fc.constantFrom(...textAlphabet, ''))
        .map(([text, at, insert]) => {
          const position = text.length === 0 ? 0 : at % (text.length + 1)
          return text.slice(0, position) + insert + text.slice(position + (insert ? 0 : 1))
        }),
    },
  )
}

/** A pattern and a text generated from it. */
export const arbPatternAndText = (
  prefix: fc.Arbitrary<string> = fc.constant(''),
): fc.Arbitrary<[string, string]> =>
  fc
    .tuple(prefix, arbPattern())
    .map(([head, rest]) => head + rest)
    .chain((pattern) => fc.tuple(fc.constant(pattern), arbTextFor(pattern)))

/** ARN-shaped patterns: `arn:` and some fields, so the field rules are exercised. */
export const arbArnPatternAndText: fc.Arbitrary<[string, string]> = fc
  .tuple(
    fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 3 }), {
      minLength: 1,
      maxLength: 7,
    }),
    fc.boolean(),
  )
  .map(([fields, star]) => `arn:${fields.join(':')}${star ? '*' : ''}`)
  .chain((pattern) => fc.tuple(fc.constant(pattern), arbTextFor(pattern)))

/**
 * Any JavaScript value, the odd ones included (null prototypes, boxed values, maps, sets, dates,
 * typed and sparse arrays, big integers), for the laws that every exported function returns for
 * whatever it is given.
 */
export const arbAnyValue: fc.Arbitrary<unknown> = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
})
