import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { samples } from '../index.ts'
import { asRecorded, recordedOutcome } from './as-recorded.ts'
import { evaluateExpectation } from './evaluate-expectation.ts'

const catalog = awsCatalog()

const cases = samples.flatMap((sample) =>
  sample.expectations.map(
    (expectation) => [`${sample.id}: ${expectation.description}`, sample, expectation] as const,
  ),
)

describe('recordedOutcome', () => {
  const expectation = {
    description: 'a request',
    request: { action: 'connect:DescribeUser', resource: '*' },
    documented: 'Allow',
    printed: { original: 'rejected' },
    literal: 'ImplicitDeny',
  } as const

  it.each([
    ['corrected', 'Allow'],
    ['original', 'rejected'],
    ['revised', 'Allow'],
    ['literal', 'ImplicitDeny'],
  ] as const)('%s: %s', (text, outcome) => {
    expect(recordedOutcome(expectation, text)).toBe(outcome)
  })

  // packages/fuzz/findings/crash-samples-recordedOutcome-arb-call-s17-i62030.json: a text of no
  // string, used as a key, threw
  it('reads any other text as one printed without an outcome of its own', () => {
    for (const text of [Object.create(null), 'toString', '__proto__', 7, undefined]) {
      expect(recordedOutcome(expectation, text as never)).toBe('Allow')
    }
  })
})

describe('asRecorded', () => {
  it.each(cases)('%s: every text gives its recorded outcome', (_, sample, expectation) => {
    expect(asRecorded(evaluateExpectation(sample, expectation, { catalog }))).toBe(true)
  })

  it('is false when a text gives another outcome than the one recorded', () => {
    const [, sample, expectation] = cases[0] ?? []
    if (sample === undefined || expectation === undefined) throw new Error('no expectation')
    const evaluated = evaluateExpectation(sample, expectation, { catalog })
    const other = expectation.documented === 'Allow' ? 'ImplicitDeny' : 'Allow'
    expect(asRecorded({ ...evaluated, expectation: { ...expectation, documented: other } })).toBe(
      false,
    )
  })
})
