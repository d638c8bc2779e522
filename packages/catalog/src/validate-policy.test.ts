import {
  type Finding,
  findingGroups,
  findingReference,
  policyTypes,
  type TextEdit,
  type ValidateOptions,
} from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import {
  type ExpectedFinding,
  type ValidationCase,
  validationCases,
} from './validate-policy.cases.ts'
import { validatePolicy } from './validate-policy.ts'

type Options = Omit<ValidateOptions, 'catalog'>

function optionsOf(entry: ValidationCase): Options {
  if (entry.options !== undefined) return entry.options as Options
  return entry.policyType === undefined ? {} : { policyType: entry.policyType }
}

const validated = new Map<string, readonly Finding[]>()

/** The findings of a case's policy, worked out once for all the tests that read them. */
function findingsOf(entry: ValidationCase): readonly Finding[] {
  const key = `${JSON.stringify(optionsOf(entry))}\u0000${entry.policy}`
  let findings = validated.get(key)
  if (findings === undefined) {
    findings = validatePolicy(entry.policy, optionsOf(entry))
    validated.set(key, findings)
  }
  return findings
}

/** The finding as a line for failure messages. */
function show(finding: Finding, text: string): string {
  const { start, end } = finding.range
  return `${finding.code} (${finding.severity}) at ${start.line}:${start.column} on ${JSON.stringify(text.slice(start.offset, end.offset))}: ${finding.message}`
}

function matches(finding: Finding, expected: ExpectedFinding, text: string): boolean {
  const { range } = finding
  return (
    finding.code === expected.code &&
    (expected.severity === undefined || finding.severity === expected.severity) &&
    (expected.line === undefined || range.start.line === expected.line) &&
    (expected.column === undefined || range.start.column === expected.column) &&
    (expected.covers === undefined ||
      text.slice(range.start.offset, range.end.offset) === expected.covers) &&
    (expected.messageIncludes === undefined ||
      finding.message.includes(expected.messageIncludes)) &&
    (expected.fixText === undefined || finding.fix?.newText === expected.fixText)
  )
}

/** The text with one edit applied. */
function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset)
}

function countOf(findings: readonly Finding[], code: string): number {
  return findings.filter((finding) => finding.code === code).length
}

const referenceCodes = findingReference.map((entry) => entry.code)

describe('validatePolicy, case by case', () => {
  it.each(validationCases.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
    const findings = findingsOf(entry)
    const said = findings.map((finding) => show(finding, entry.policy)).join('\n')
    for (const expected of entry.expect ?? []) {
      const found = findings.filter((finding) => matches(finding, expected, entry.policy))
      expect(found.length, `${JSON.stringify(expected)} in:\n${said}`).toBeGreaterThan(0)
      if (expected.count !== undefined) {
        expect(found.length, `${JSON.stringify(expected)} in:\n${said}`).toBe(expected.count)
      }
    }
    for (const code of entry.absent ?? []) {
      expect(
        findings.filter((finding) => finding.code === code).map((f) => show(f, entry.policy)),
      ).toEqual([])
    }
    if (entry.nothingElse) {
      const expectedCodes = new Set((entry.expect ?? []).map((expected) => expected.code))
      expect(
        findings
          .filter((finding) => !expectedCodes.has(finding.code))
          .map((f) => show(f, entry.policy)),
      ).toEqual([])
    }
  })

  const fixed = validationCases.flatMap((entry) =>
    findingsOf(entry)
      .filter((finding) => finding.fix !== undefined)
      .map((finding) => [`${entry.name}: ${finding.code}`, entry, finding] as const),
  )

  it.each(fixed)('%s: the fix resolves it and breaks nothing', (_, entry, finding) => {
    const { fix } = finding
    if (fix === undefined) throw new Error('only findings with a fix are listed')
    const before = findingsOf(entry)
    const text = applyEdit(entry.policy, fix)
    const after = validatePolicy(text, optionsOf(entry))
    expect(countOf(after, finding.code), text).toBe(countOf(before, finding.code) - 1)
    const errorsBefore = new Set(before.filter((f) => f.severity === 'error').map((f) => f.code))
    expect(
      after
        .filter((f) => f.severity === 'error' && !errorsBefore.has(f.code))
        .map((f) => show(f, text)),
    ).toEqual([])
  })
})

describe('the cases', () => {
  it('name only codes of the finding reference', () => {
    const named = validationCases.flatMap((entry) => [
      ...(entry.expect ?? []).map((expected) => expected.code),
      ...(entry.absent ?? []),
    ])
    expect(named.filter((code) => !referenceCodes.includes(code))).toEqual([])
  })

  it('show every code found, beyond the example of the reference', () => {
    const found = new Set(
      validationCases.flatMap((entry) => (entry.expect ?? []).map((e) => e.code)),
    )
    expect(referenceCodes.filter((code) => !found.has(code))).toEqual([])
  })

  it('show a near miss for every code', () => {
    const missed = new Set(validationCases.flatMap((entry) => entry.absent ?? []))
    expect(referenceCodes.filter((code) => !missed.has(code))).toEqual([])
  })

  it('say where a finding of every group starts', () => {
    const located = new Set(
      validationCases.flatMap((entry) =>
        (entry.expect ?? [])
          .filter((expected) => expected.line !== undefined && expected.column !== undefined)
          .map((expected) => findingReference.find((r) => r.code === expected.code)?.group),
      ),
    )
    expect(findingGroups.filter((group) => !located.has(group))).toEqual([])
  })

  it('check a fix for every code that has one', () => {
    const withFix = new Set(
      validationCases.flatMap((entry) =>
        findingsOf(entry)
          .filter((finding) => finding.fix !== undefined)
          .map((finding) => finding.code),
      ),
    )
    const fixTextChecked = new Set(
      validationCases.flatMap((entry) =>
        (entry.expect ?? []).filter((e) => e.fixText !== undefined).map((e) => e.code),
      ),
    )
    expect([...withFix].filter((code) => !fixTextChecked.has(code))).toEqual([])
  })

  it('have names of their own', () => {
    const names = validationCases.map((entry) => entry.name)
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([])
  })
})

const usersPolicy = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'read-users',
        Effect: 'Allow',
        Action: ['connect:DescribeUsers', 'connect:Describe*'],
        Resource:
          'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333/user/*',
      },
    ],
  },
  null,
  2,
)

describe('validatePolicy options', () => {
  it('suppresses the codes it is told to, and only those', () => {
    const all = validatePolicy(usersPolicy)
    const codes = [...new Set(all.map((finding) => finding.code))]
    expect(codes).toEqual(
      expect.arrayContaining(['invalid-sid', 'unknown-action', 'wrong-arn-path']),
    )
    for (const code of codes) {
      const kept = validatePolicy(usersPolicy, { suppress: [code] })
      expect(kept).toEqual(all.filter((finding) => finding.code !== code))
    }
    expect(validatePolicy(usersPolicy, { suppress: codes })).toEqual([])
    const [unknown, ...rest] = validatePolicy(usersPolicy, { suppress: ['no-such-code'] })
    expect(unknown?.code).toBe('invalid-argument')
    expect(rest).toEqual(all)
  })

  it('validates as an identity-based policy unless told otherwise', () => {
    expect(validatePolicy(usersPolicy, { policyType: 'identity' })).toEqual(
      validatePolicy(usersPolicy),
    )
  })

  const statement = {
    Sid: 'Read-Users',
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::123456789012:root' },
    Action: 'connect:DescribeUser',
    Resource: '*',
  }
  const withPrincipal = JSON.stringify({ Version: '2012-10-17', Id: 'P1', Statement: [statement] })
  const codesAs = (type: (typeof policyTypes)[number]) =>
    validatePolicy(withPrincipal, { policyType: type }).map(
      (finding) => `${finding.code} ${finding.severity}`,
    )

  it.each([
    ['identity', ['id-not-allowed warning', 'principal-not-allowed error', 'invalid-sid error']],
    ['resource', ['invalid-sid warning']],
    [
      'permissionsBoundary',
      ['id-not-allowed warning', 'principal-not-allowed error', 'invalid-sid error'],
    ],
    ['session', ['id-not-allowed warning', 'principal-not-allowed error', 'invalid-sid error']],
    ['serviceControl', ['principal-not-allowed error', 'invalid-sid error']],
    [
      'resourceControl',
      [
        'rcp-allow-not-full error',
        'rcp-principal-not-star error',
        'invalid-sid error',
        'rcp-unsupported-service error',
      ],
    ],
  ] as const)('applies the rules of a %s policy', (type, codes) => {
    expect(codesAs(type).sort()).toEqual([...codes].sort())
  })

  it('knows every policy type', () => {
    expect(policyTypes.length).toBe(6)
  })
})

describe('validatePolicy output', () => {
  const inputs: readonly ValidationCase[] = [
    { name: 'users', policy: usersPolicy },
    ...validationCases,
    ...findingReference.map((entry) => ({
      name: entry.code,
      policy: entry.example,
      ...(entry.policyType === undefined ? {} : { policyType: entry.policyType }),
    })),
  ]

  it('is sorted by position, then by code', () => {
    for (const input of inputs) {
      const findings = findingsOf(input)
      const sorted = [...findings].sort(
        (a, b) => a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code),
      )
      expect(findings).toEqual(sorted)
    }
  })

  it('locates every finding and every fix inside the text, lines and columns included', () => {
    for (const { policy: text, ...input } of inputs) {
      for (const finding of findingsOf({ policy: text, ...input })) {
        for (const range of [finding.range, ...(finding.fix ? [finding.fix.range] : [])]) {
          expect(range.start.offset).toBeGreaterThanOrEqual(0)
          expect(range.start.offset).toBeLessThanOrEqual(range.end.offset)
          expect(range.end.offset).toBeLessThanOrEqual(text.length)
          const before = text.slice(0, range.start.offset).split(/\r\n|\r|\n/)
          expect(range.start.line).toBe(before.length)
          expect(range.start.column).toBe((before.at(-1) ?? '').length + 1)
        }
      }
    }
  })

  it('writes messages in lower case without a final period', () => {
    for (const input of inputs) {
      for (const finding of findingsOf(input)) {
        expect(finding.message).toMatch(/^[^A-Z].*[^.]$/s)
      }
    }
  })
})

describe('validatePolicy on junk', () => {
  const deep = 10_000
  const manyStars = '*a'.repeat(14)
  const junk: readonly [string, unknown][] = [
    ['arrays 10,000 deep', `${'['.repeat(deep)}${']'.repeat(deep)}`],
    ['objects 10,000 deep', `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`],
    [
      'a condition 10,000 deep',
      `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}]}`,
    ],
    [
      '`__proto__` and `constructor` everywhere',
      '{"__proto__": {"x": 1}, "Version": "2012-10-17", "Statement": [{"__proto__": "x", "constructor": 1, "Effect": "Allow", "Action": ["__proto__:toString", "connect:__proto__"], "Resource": "*", "Condition": {"__proto__": {"__proto__": "x"}, "StringEquals": {"__proto__": "a", "constructor": "b", "aws:__proto__": "c"}}}]}',
    ],
    [
      'patterns of 14 stars against long names',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: [manyStars, `connect:${'*e'.repeat(14)}*`, `*:${'*?'.repeat(14)}`],
            Resource: [
              `arn:aws:connect:*:*:${manyStars}`,
              '*:'.repeat(14),
              `${manyStars}:`.repeat(6),
            ],
          },
        ],
      }),
    ],
    ['a lone surrogate', '{"Version": "2012-10-17", "Statement": [{"Sid": "\ud800"}]}'],
    ['a byte order mark', `\ufeff${usersPolicy}`],
    ['a string of 200,000 characters', `"${'a'.repeat(200_000)}"`],
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['an object', { Version: '2012-10-17' }],
    ['an object without a prototype', Object.create(null)],
  ]

  it.each(junk)('never throws on %s, and locates every finding in the text', (_, input) => {
    // how long each takes is the adversarial benchmarks' question (packages/bench), not a test's
    const findings = validatePolicy(input as string)
    const length = typeof input === 'string' ? input.length : Number.POSITIVE_INFINITY
    for (const { range } of findings) {
      expect(range.start.offset).toBeLessThanOrEqual(range.end.offset)
      expect(range.end.offset).toBeLessThanOrEqual(length)
    }
    expect(findings.length).toBeGreaterThan(0)
  })
})
