import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbAnyValue } from '../../testing/index.ts'
import { operatorSpellings, readOperatorSpelling } from './operator-spelling.ts'
import { operatorNames } from './operators.ts'

describe('readOperatorSpelling', () => {
  it('reads the set qualifier, the operator with its family, and IfExists', () => {
    expect(readOperatorSpelling('ForAnyValue:StringLikeIfExists')).toEqual({
      written: 'ForAnyValue:StringLikeIfExists',
      name: 'StringLike',
      family: 'String',
      negated: false,
      wildcards: true,
      variables: true,
      qualifier: 'ForAnyValue',
      ifExists: true,
    })
    expect(readOperatorSpelling('NotIpAddress')).toMatchObject({
      name: 'NotIpAddress',
      family: 'IpAddress',
      negated: true,
      ifExists: false,
    })
    expect(readOperatorSpelling('NotIpAddress')).not.toHaveProperty('qualifier')
  })

  it.each([
    'stringequals',
    'STRINGEQUALS',
    'ForSomeValues:StringEquals',
    'forallvalues:StringEquals',
    'IfExists',
    'StringEqual',
    'StringEqualsIfexists',
    ':StringEquals',
    'ForAllValues:',
    'NullIfExists',
    'ForAnyValue:NullIfExists',
    ' StringEquals',
    '',
  ])('reads %j as no operator, as AWS does', (written) => {
    expect(readOperatorSpelling(written)).toBeUndefined()
  })

  it('answers undefined for any value that is not a string', () => {
    fc.assert(
      fc.property(
        arbAnyValue.filter((value) => typeof value !== 'string'),
        (value) => readOperatorSpelling(value) === undefined,
      ),
    )
  })

  it('reads only what it is given: a name in other case or with other text is no operator', () => {
    // oracle: the exact set of spellings built from the documented parts
    const names: readonly string[] = operatorNames
    const exact = new Set(
      ['', 'ForAllValues:', 'ForAnyValue:'].flatMap((prefix) =>
        names.flatMap((name) => [`${prefix}${name}`, `${prefix}${name}IfExists`]),
      ),
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .constantFrom(...exact)
            .chain((spelling) =>
              fc
                .tuple(fc.nat(spelling.length), fc.string({ maxLength: 2 }))
                .map(([at, text]) => spelling.slice(0, at) + text + spelling.slice(at + 1)),
            ),
        ),
        (written) => {
          const read = readOperatorSpelling(written)
          if (!exact.has(written) || /(^|:)NullIfExists$/.test(written)) return read === undefined
          return read?.written === written
        },
      ),
    )
  })
})

describe('operatorSpellings', () => {
  it('offers each operator plain, with IfExists and with each qualifier, Null alone', () => {
    const written = operatorSpellings.map((spelling) => spelling.written)
    expect(new Set(written).size).toBe(written.length)
    expect(written).toContain('Null')
    expect(written).not.toContain('NullIfExists')
    expect(written).not.toContain('ForAnyValue:Null')
    // each operator but Null in six spellings, Null in one
    expect(written).toHaveLength((operatorNames.length - 1) * 6 + 1)
  })

  it('reads back each spelling it offers (round trip)', () => {
    for (const spelling of operatorSpellings)
      expect(readOperatorSpelling(spelling.written)).toEqual(spelling)
  })
})
