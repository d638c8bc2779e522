import { describe, expect, it } from 'vitest'
import { evaluate } from '../../authorize/index.ts'
import { validatePolicy } from '../../validate/index.ts'
import { readNumber } from './number-value.ts'

// 200,000 digits and a letter: the number shape this reading replaced backtracked over every
// split of the digits, about a minute for each such text (0.7 s for 20,000 digits), and these
// tests read several; read in one pass, each takes about a millisecond. Vitest cannot stop
// synchronous work at its timeout, so the old reading would show here as minutes of test time;
// regex-safety.test.ts is the guard that fails.
const digits = '1'.repeat(200_000)
const notANumber = `${digits}x`

const policy = (condition: object) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'connect:ListUsers', Resource: '*', Condition: condition },
    ],
  })

describe('reading a long number is linear in its length', () => {
  it('reads a long number, and rejects one followed by a letter', () => {
    expect(readNumber(digits)).toBe(Number(digits))
    expect(readNumber(notANumber)).toBeUndefined()
    expect(readNumber(`-.${digits}e+${digits}!`)).toBeUndefined()
  })

  it('through request values under ForAnyValue:NumericEquals', () => {
    const result = evaluate(
      {
        action: 'connect:ListUsers',
        resource: '*',
        context: { 'example:Counts': [notANumber, notANumber, '1'] },
      },
      { identityPolicies: [policy({ 'ForAnyValue:NumericEquals': { 'example:Counts': '1' } })] },
    )
    expect(result.decision).toBe('Allow')
  })

  it('through a policy value, in the evaluator and in the validator', () => {
    const text = policy({ NumericLessThan: { 'aws:MultiFactorAuthAge': notANumber } })
    const result = evaluate(
      { action: 'connect:ListUsers', resource: '*', context: { 'aws:MultiFactorAuthAge': '1' } },
      { identityPolicies: [text] },
    )
    // a policy AWS would reject fails closed
    expect(result.errors?.[0]?.diagnostics.map((found) => found.code)).toEqual([
      'invalid-condition-value',
    ])
    expect(validatePolicy(text).map((finding) => finding.code)).toContain('invalid-condition-value')
  })
})
