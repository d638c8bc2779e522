import { describe, expect, it } from 'vitest'
import { diagnosticCases } from './parse-policy.test-data.ts'
import { parsePolicy } from './parse-policy.ts'

describe.each(diagnosticCases)('parsePolicy on $name', ({ text, expected, statements }) => {
  const { policy, diagnostics } = parsePolicy(text)
  it('gives exactly the expected diagnostics, where expected', () => {
    expect(
      diagnostics.map((diagnostic) => [
        diagnostic.code,
        diagnostic.severity,
        diagnostic.range.start.line,
        diagnostic.range.start.column,
      ]),
    ).toEqual(expected)
  })
  it('writes messages in lower case without a final period', () => {
    for (const { message } of diagnostics) {
      expect(message[0]).toBe(message[0]?.toLowerCase())
      expect(message.endsWith('.')).toBe(false)
    }
  })
  if (statements !== undefined) {
    it(`reads ${statements} statement(s)`, () =>
      expect(policy?.statements).toHaveLength(statements))
  }
})

describe('parsePolicy', () => {
  it('reads a single string and a one-element array alike, with locations', () => {
    const one = parsePolicy(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"a:b","Resource":"*"}}',
    )
    const list = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["a:b"],"Resource":["*"]}]}',
    )
    const values = (result: typeof one) =>
      result.policy?.statements[0]?.action?.values.map((value) => value.value)
    expect(values(one)).toEqual(['a:b'])
    expect(values(list)).toEqual(['a:b'])
    expect(one.policy?.statements[0]?.action?.values[0]?.range.start).toEqual({
      line: 1,
      column: 64,
      offset: 63,
    })
  })

  it('keeps unknown elements and the losing one of two exclusive elements', () => {
    const { policy } = parsePolicy(
      '{"Version":"2012-10-17","Extra":{"__proto__":1},"Statement":[{"Effect":"Allow","Action":"a:b","NotAction":"c:d","Resource":"*"}]}',
    )
    expect(policy?.unknownElements[0]?.key.value).toBe('Extra')
    expect(Object.keys(policy?.unknownElements[0]?.value as object)).toEqual(['__proto__'])
    expect(policy?.statements[0]?.unknownElements.map((element) => element.key.value)).toEqual([
      'NotAction',
    ])
  })

  it('treats __proto__ and constructor as ordinary names', () => {
    const { policy, diagnostics } = parsePolicy(
      '{"__proto__":{"polluted":true},"constructor":1,"Statement":[]}',
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-element')).toHaveLength(
      2,
    )
    expect(policy?.unknownElements.map((element) => element.key.value)).toEqual([
      '__proto__',
      'constructor',
    ])
  })

  it('reads conditions with their JSON types', () => {
    const { policy, diagnostics } = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"aws:MultiFactorAuthAge":[3600,"7200"]}}}]}',
    )
    expect(diagnostics).toEqual([])
    const clauses = policy?.statements[0]?.condition?.clauses ?? []
    expect(
      clauses.map((clause) => [
        clause.operator.value,
        clause.key.value,
        clause.values.map((value) => value.value),
      ]),
    ).toEqual([
      ['Bool', 'aws:SecureTransport', [false]],
      ['NumericLessThan', 'aws:MultiFactorAuthAge', [3600, '7200']],
    ])
  })

  it('reads every principal form', () => {
    const { policy, diagnostics } = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/r"],"Service":"connect.amazonaws.com"},"Action":"a:b","Resource":"*"}]}',
    )
    expect(diagnostics).toEqual([])
    expect(
      policy?.statements[0]?.principal?.entries.map((entry) => [
        entry.type.value,
        entry.values.length,
      ]),
    ).toEqual([
      ['AWS', 2],
      ['Service', 1],
    ])
  })

  it('suggests the element meant', () => {
    const { diagnostics } = parsePolicy('{"Version":"2012-10-17","statement":[]}')
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'unknown-element')?.message).toBe(
      'unknown element `statement` in the policy: did you mean `Statement`',
    )
  })

  it('survives 10,000 levels of nesting', () => {
    for (const text of ['['.repeat(10_000), `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`]) {
      const { diagnostics } = parsePolicy(text)
      expect(diagnostics.some((diagnostic) => diagnostic.code === 'nesting-too-deep')).toBe(true)
    }
  })

  it('reads a 10 MB document', () => {
    const statement =
      '{"Effect":"Allow","Action":"connect:DescribeUser","Resource":"arn:aws:connect:us-east-1:123456789012:instance/i/agent/a"}'
    const count = Math.ceil(10_000_000 / statement.length)
    const text = `{"Version":"2012-10-17","Statement":[${Array(count).fill(statement).join(',')}]}`
    const { policy, diagnostics } = parsePolicy(text)
    expect(diagnostics).toEqual([])
    expect(policy?.statements).toHaveLength(count)
  })

  it('reads a non-string input as text instead of throwing', () => {
    expect(parsePolicy(undefined as unknown as string).diagnostics.length).toBeGreaterThan(0)
  })
})
