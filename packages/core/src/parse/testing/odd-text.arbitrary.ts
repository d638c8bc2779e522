import fc from 'fast-check'

/**
 * Strings that stress printing and reading: quotes, backslashes, control characters, any code
 * point (lone surrogates included), names that are special to JavaScript objects, and texts
 * that look like JSON or policy syntax.
 */
export const arbOddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '/', '\n', '\t', '\u0000', '\u2028', '“', 'a'),
    maxLength: 6,
  }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    '"quoted"',
    'back\\slash',
    'tab\there',
    '*',
    '',
    '0',
    'arn:aws:connect:*:*:instance/*',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
    '${aws:username}',
    'emoji 😀',
  ),
)
