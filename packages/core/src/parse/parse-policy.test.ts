import { describe, expect, it } from 'vitest'
import { unreadableCodes } from '../evaluate/readable-value.ts'
import { type DiagnosticCode, diagnosticCodes, type SourceRange } from '../model/index.ts'
import { diagnosticCases } from './cases.test-data.ts'
import { parsePolicy } from './parse-policy.ts'

const where = ({ start, end }: SourceRange) =>
  `${start.line}:${start.column}-${end.line}:${end.column}`

/** Codes that later stages report, not the parser. */
const evaluationCodes: readonly DiagnosticCode[] = [
  'element-not-allowed',
  'missing-principal',
  'unknown-condition-operator',
  'invalid-condition-value',
  'invalid-argument',
  ...unreadableCodes.filter((code) => code !== 'empty-value-list'),
]

describe.each(diagnosticCases)('parsePolicy on $name', ({ text, diagnostics, statements }) => {
  const result = parsePolicy(text)
  it('gives exactly the expected diagnostics, with their severity and range', () => {
    expect(
      result.diagnostics.map((diagnostic) => [
        diagnostic.code,
        diagnostic.severity,
        where(diagnostic.range),
      ]),
    ).toEqual(diagnostics)
  })
  it('reads the expected number of statements', () => {
    expect(result.policy?.statements.length).toBe(statements)
  })
  it('writes messages in lower case, on one line, without a final period', () => {
    for (const { message } of result.diagnostics) {
      expect(message[0]).toBe(message[0]?.toLowerCase())
      expect(message.endsWith('.')).toBe(false)
      expect(message).not.toMatch(/[\n\r]/)
    }
  })
})

describe('the diagnostic cases', () => {
  it('cover every code the parser reports', () => {
    const covered = new Set(
      diagnosticCases.flatMap((entry) => entry.diagnostics.map(([code]) => code)),
    )
    const parserCodes = diagnosticCodes.filter((code) => !evaluationCodes.includes(code))
    expect(parserCodes.filter((code) => !covered.has(code))).toEqual([])
  })
})

describe('parsePolicy on the documentation texts', () => {
  it('reads both statements of the single-line create-user example', () => {
    const [text] = diagnosticCases
      .filter((entry) => entry.name.startsWith('trailing commas as the documentation'))
      .map((entry) => entry.text)
    const { policy } = parsePolicy(text ?? '')
    expect(policy?.version?.value).toBe('2012-10-17')
    expect(
      policy?.statements.map((statement) => [
        statement.effect?.value,
        statement.action?.values.map((value) => value.value),
        statement.resource?.values.map((value) => value.value),
      ]),
    ).toEqual([
      ['Allow', ['connect:CreateUser'], ['*']],
      [
        'Deny',
        ['connect:CreateUser'],
        ['arn:aws:connect:us-west-2:123456789012:instance/x/security-profile/y'],
      ],
    ])
  })

  it('reads the bare campaigns statement with all three actions', () => {
    const [text] = diagnosticCases
      .filter((entry) => entry.name.startsWith('a bare statement with a missing'))
      .map((entry) => entry.text)
    const { policy } = parsePolicy(text ?? '')
    expect(policy?.version).toBeUndefined()
    const [statement] = policy?.statements ?? []
    expect(statement?.sid?.value).toBe('AllowConnectCampaignsOperations')
    expect(statement?.effect?.value).toBe('Allow')
    expect(statement?.action?.values.map((value) => value.value)).toEqual([
      'connect-campaigns:DeleteCampaign',
      'connect-campaigns:GetCampaignState',
      'connect-campaigns:UpdateDialerConfig',
    ])
    expect(statement?.unknownElements).toEqual([])
  })
})

describe('parsePolicy', () => {
  const statementIn = (text: string) => parsePolicy(text).policy?.statements[0]

  it('reads a single string and a one-element array alike; the range covers the value', () => {
    const one = statementIn(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"a:b","Resource":"*"}}',
    )
    const list = statementIn(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["a:b"],"Resource":"*"}]}',
    )
    expect(one?.action?.values.map((value) => value.value)).toEqual(['a:b'])
    expect(list?.action?.values.map((value) => value.value)).toEqual(['a:b'])
    expect(where(one?.action?.range as SourceRange)).toBe('1:64-1:69')
    expect(where(one?.action?.values[0]?.range as SourceRange)).toBe('1:64-1:69')
    expect(where(list?.action?.range as SourceRange)).toBe('1:65-1:72')
    expect(where(list?.action?.values[0]?.range as SourceRange)).toBe('1:66-1:71')
  })

  it('keeps unknown elements with their values, in written order', () => {
    const { policy } = parsePolicy(
      '{"Version":"2012-10-17","Extra":{"b":[1,true,null],"a":"x"},"Statement":[{"Effect":"Allow","Z":1,"Action":"a:b","Resource":"*","Y":{}}]}',
    )
    expect(policy?.unknownElements.map((element) => [element.key.value, element.value])).toEqual([
      ['Extra', { b: [1, true, null], a: 'x' }],
    ])
    expect(
      policy?.statements[0]?.unknownElements.map((element) => [element.key.value, element.value]),
    ).toEqual([
      ['Z', 1],
      ['Y', {}],
    ])
  })

  it('keeps the first of Action and NotAction, and the other as an unknown element', () => {
    const statement = statementIn(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"c:d","Sid":"s","Action":"a:b","Resource":"*"}]}',
    )
    expect(statement?.action?.element).toBe('NotAction')
    expect(statement?.action?.values.map((value) => value.value)).toEqual(['c:d'])
    expect(statement?.unknownElements.map((element) => [element.key.value, element.value])).toEqual(
      [['Action', 'a:b']],
    )
  })

  it('keeps the first value of a repeated name, and says so', () => {
    const { policy, diagnostics } = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"a:b","Resource":"*"}]}',
    )
    expect(policy?.statements[0]?.effect?.value).toBe('Allow')
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'duplicate key `Effect`: the first value is kept and this one is ignored',
    ])
  })

  it('keeps `__proto__`, `constructor` and `prototype` as ordinary data', () => {
    const { policy, diagnostics } = parsePolicy(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1,' +
        '"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"a:b","Resource":"*",' +
        '"__proto__":{"polluted":true},"Condition":{"__proto__":{"__proto__":["x"]}}}]}',
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'unknown-element',
      'unknown-element',
      'unknown-element',
      'unknown-element',
    ])
    const [proto, constructorElement, prototype] = policy?.unknownElements ?? []
    expect(proto?.key.value).toBe('__proto__')
    expect(Object.keys(proto?.value as object)).toEqual(['polluted'])
    expect(Object.keys(constructorElement?.value as object)).toEqual(['prototype'])
    expect(prototype?.value).toBe(1)
    const statement = policy?.statements[0]
    expect(Object.getOwnPropertyNames(statement?.unknownElements[0]?.value)).toEqual(['polluted'])
    expect(
      statement?.condition?.clauses.map((clause) => [clause.operator.value, clause.key.value]),
    ).toEqual([['__proto__', '__proto__']])
  })

  it('keeps `__proto__` as a name inside unknown values', () => {
    const { policy } = parsePolicy('{"Statement":[],"X":{"__proto__":{"a":1}}}')
    const value = policy?.unknownElements[0]?.value as Record<string, unknown>
    expect(Object.keys(value)).toEqual(['__proto__'])
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ a: 1 })
  })

  it('reads condition values with their JSON types, one clause per operator and key', () => {
    const { policy, diagnostics } = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"aws:MultiFactorAuthAge":[3600,"7200"],"k":1.5}}}]}',
    )
    expect(diagnostics).toEqual([])
    const clauses = policy?.statements[0]?.condition?.clauses ?? []
    expect(
      clauses.map((clause) => [
        clause.operator.value,
        clause.key.value,
        clause.values.map((value) => value.value),
        where(clause.range),
      ]),
    ).toEqual([
      ['Bool', 'aws:SecureTransport', [false], '1:104-1:131'],
      ['NumericLessThan', 'aws:MultiFactorAuthAge', [3600, '7200'], '1:152-1:190'],
      ['NumericLessThan', 'k', [1.5], '1:191-1:198'],
    ])
  })

  it('reads every principal form', () => {
    const read = (principal: string) =>
      statementIn(
        `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",${principal},"Action":"a:b","Resource":"*"}]}`,
      )?.principal
    expect(read('"Principal":"*"')).toMatchObject({
      element: 'Principal',
      anyone: true,
      entries: [],
    })
    const map = read(
      '"NotPrincipal":{"AWS":["123456789012","arn:aws:iam::123456789012:role/r"],"Service":"connect.amazonaws.com","Federated":"cognito-identity.amazonaws.com","CanonicalUser":"abc"}',
    )
    expect(map?.element).toBe('NotPrincipal')
    expect(map?.anyone).toBe(false)
    expect(
      map?.entries.map((entry) => [entry.type.value, entry.values.map((value) => value.value)]),
    ).toEqual([
      ['AWS', ['123456789012', 'arn:aws:iam::123456789012:role/r']],
      ['Service', ['connect.amazonaws.com']],
      ['Federated', ['cognito-identity.amazonaws.com']],
      ['CanonicalUser', ['abc']],
    ])
  })

  it('keeps an invalid effect as written', () => {
    const statement = statementIn(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"a:b","Resource":"*"}]}',
    )
    expect(statement?.effect?.value).toBe('Permit')
  })

  it('suggests the element, effect or principal type meant', () => {
    const messages = (text: string) => parsePolicy(text).diagnostics.map((d) => d.message)
    expect(messages('{"Version":"2012-10-17","Statment":[]}')).toContain(
      'unknown element `Statment` in the policy: did you mean `Statement`',
    )
    expect(
      messages(
        '{"Version":"2012-10-17","Statement":[{"Efect":"Allow","Action":"a:b","Resource":"*"}]}',
      ),
    ).toContain('unknown element `Efect` in a statement: did you mean `Effect`')
    expect(
      messages(
        '{"Version":"2012-10-17","Statement":[{"Effect":"DENY","Action":"a:b","Resource":"*"}]}',
      ),
    ).toEqual(['`Effect` must be `Allow` or `Deny`, not `DENY`: did you mean `Deny`'])
    expect(
      messages(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"service":"x"},"Action":"a:b","Resource":"*"}]}',
      ),
    ).toEqual([
      'unknown principal type `service`: use `AWS`, `Service`, `Federated` or `CanonicalUser`: did you mean `Service`',
    ])
    expect(messages('{"Version":"2012-10-17","Statement":[],"Zebra":1}')).toContain(
      'unknown element `Zebra` in the policy',
    )
  })

  it('reads a bare statement as a document holding it, keeping its Version and Id there', () => {
    const { policy, diagnostics } = parsePolicy(
      '{"Version":"2012-10-17","Id":"x","Sid":"s","Effect":"Allow","Action":"a:b","Resource":"*","Extra":1}',
    )
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'bare-statement',
      'unknown-element',
    ])
    expect(policy?.version?.value).toBe('2012-10-17')
    expect(policy?.id?.value).toBe('x')
    expect(policy?.statements[0]?.sid?.value).toBe('s')
    expect(policy?.statements[0]?.unknownElements.map((element) => element.key.value)).toEqual([
      'Extra',
    ])
  })

  it('reads a Sid alone as a bare statement', () => {
    const { diagnostics } = parsePolicy('{"Sid":"only"}')
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'bare-statement',
      'missing-effect',
      'missing-action',
      'missing-resource',
    ])
  })

  it('gives no policy when the text is not an object, and one when it was recovered as one', () => {
    expect(parsePolicy('[]').policy).toBeUndefined()
    expect(parsePolicy('').policy).toBeUndefined()
    expect(
      parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow"').policy?.statements,
    ).toHaveLength(1)
  })

  it('reads a non-string input as text instead of throwing', () => {
    expect(parsePolicy(undefined as unknown as string).diagnostics.length).toBeGreaterThan(0)
    expect(parsePolicy(42 as unknown as string).diagnostics.map((d) => d.code)).toEqual([
      'document-not-object',
    ])
  })

  it('survives 10,000 levels of nesting, skipping what is deeper than 128', () => {
    const arrays = parsePolicy('['.repeat(10_000))
    expect(arrays.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'document-not-object',
      'nesting-too-deep',
      'unexpected-end',
    ])
    const objects = parsePolicy(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)
    expect(objects.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'missing-version',
      'missing-statement',
      'unknown-element',
      'nesting-too-deep',
    ])
    // The 129th `{` opens the 129th level.
    expect(where(objects.diagnostics[3]?.range as SourceRange)).toBe('1:641-1:642')
  })

  it('reads a policy of a megabyte without a diagnostic', () => {
    const statement =
      '{"Effect":"Allow","Action":"connect:DescribeUser","Resource":"arn:aws:connect:us-east-1:123456789012:instance/i/agent/a"}'
    const count = Math.ceil(1_000_000 / statement.length)
    const text = `{"Version":"2012-10-17","Statement":[${Array(count).fill(statement).join(',\n')}]}`
    const { policy, diagnostics } = parsePolicy(text)
    expect(diagnostics).toEqual([])
    expect(policy?.statements).toHaveLength(count)
    expect(policy?.statements.at(-1)?.range.start.line).toBe(count)
  })

  it('lists the first thousand problems of each stage and counts the others', () => {
    const text = `{"Statement":[${Array(1500).fill('{}').join(',')}],"X":[${'1 '.repeat(1500)}]}`
    const { diagnostics, omittedDiagnostics } = parsePolicy(text)
    expect(diagnostics).toHaveLength(2000)
    // 1,499 missing commas, 4,500 missing elements, 1 missing version, 1 unknown element.
    expect((omittedDiagnostics ?? 0) + diagnostics.length).toBe(1499 + 4500 + 2)
    expect(parsePolicy('{}').omittedDiagnostics).toBeUndefined()
  })
})
