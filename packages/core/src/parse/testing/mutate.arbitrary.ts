import fc from 'fast-check'

/** What mutations insert: JSON punctuation, and what breaks strings and comments. */
const insertions = [',', '{', '}', '[', ']', '"', ':', '/', '*', '\\', '\n', '“', ' '] as const

/**
 * Texts from `base` with up to five random edits, each inserting a punctuation character or
 * deleting one character: broken JSON that is close to valid, where recovery matters.
 */
export function arbMutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const arbEdit = fc.tuple(fc.nat(), fc.option(fc.constantFrom(...insertions), { nil: undefined }))
  return fc.tuple(base, fc.array(arbEdit, { minLength: 1, maxLength: 5 })).map(([text, edits]) =>
    edits.reduce((current, [at, insert]) => {
      const position = at % (current.length + 1)
      return insert === undefined
        ? current.slice(0, position) + current.slice(position + 1)
        : current.slice(0, position) + insert + current.slice(position)
    }, text),
  )
}

/**
 * Short texts over an alphabet of JSON's own characters (and some it forbids), so that random
 * texts are often valid JSON, often nearly, and reach every branch of the scanner.
 */
export const arbJsonLikeText: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '\\',
    '/',
    '*',
    ' ',
    '\n',
    '\t',
    '0',
    '1',
    '9',
    '-',
    '+',
    '.',
    'e',
    'E',
    'u',
    'a',
    'true',
    'false',
    'null',
    'NaN',
    '"a"',
    '"\\u00e9"',
    '\\n',
    '“',
    "'",
    '\u00a0',
    '\u0001',
    '😀',
  ),
  maxLength: 24,
})
