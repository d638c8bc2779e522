import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  diagnosticCodes,
  diagnosticSeverities,
  type Located,
  type PolicyDocument,
} from '../model/index.ts'
import { printPolicy } from '../print/index.ts'
import { policyJson } from '../print/policy-json.ts'
import { parsePolicy } from './parse-policy.ts'
import {
  arbAnyPolicy,
  arbMutated,
  arbWellFormedPolicy,
  naivePosition,
  stripRanges,
  writeWithRandomLayout,
} from './testing/index.ts'

/** Every located value of a policy that was read from text, names and values alike. */
function locatedValues(policy: PolicyDocument): Located<unknown>[] {
  const found: Located<unknown>[] = []
  if (policy.version !== undefined) found.push(policy.version)
  if (policy.id !== undefined) found.push(policy.id)
  for (const statement of policy.statements) {
    const { sid, effect, principal, action, resource, condition } = statement
    if (sid !== undefined) found.push(sid)
    if (effect !== undefined) found.push(effect)
    for (const entry of principal?.entries ?? []) found.push(entry.type, ...entry.values)
    found.push(...(action?.values ?? []), ...(resource?.values ?? []))
    for (const clause of condition?.clauses ?? []) {
      found.push(clause.operator, clause.key, ...clause.values)
    }
    for (const element of statement.unknownElements) found.push(element.key)
  }
  for (const element of policy.unknownElements) found.push(element.key)
  return found
}

const arbPrintedPolicy = fc.oneof(arbWellFormedPolicy, arbAnyPolicy).map(printPolicy)

describe('parsePolicy', () => {
  it('never throws, and reports only known codes, located in the text (oracle: totality)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), arbMutated(arbPrintedPolicy)),
        (text) => {
          const { diagnostics } = parsePolicy(text)
          for (const { code, severity, message, range } of diagnostics) {
            expect(diagnosticCodes).toContain(code)
            expect(diagnosticSeverities).toContain(severity)
            expect(message).toMatch(/^[^A-Z].*[^.]$/s)
            expect(range.end.offset).toBeLessThanOrEqual(text.length)
            expect(range.start).toEqual(naivePosition(text, range.start.offset))
          }
        },
      ),
    )
  })

  it('reads a printed well-formed policy back, without a diagnostic (oracle: round-trip)', () => {
    fc.assert(
      fc.property(arbWellFormedPolicy, (policy) => {
        const printed = printPolicy(policy)
        const { policy: read, diagnostics } = parsePolicy(printed)
        expect(diagnostics).toEqual([])
        expect(stripRanges(read)).toEqual(stripRanges(policy))
        expect(printPolicy(read as PolicyDocument)).toBe(printed)
      }),
    )
  })

  it('reads any printed policy back, whatever it reports (oracle: round-trip)', () => {
    fc.assert(
      fc.property(arbAnyPolicy, (policy) => {
        const printed = printPolicy(policy)
        const { policy: read } = parsePolicy(printed)
        expect(stripRanges(read)).toEqual(stripRanges(policy))
        expect(printPolicy(read as PolicyDocument)).toBe(printed)
      }),
    )
  })

  it('reads the same policy whatever the layout and escapes (oracle: round-trip)', () => {
    fc.assert(
      fc.property(arbWellFormedPolicy, fc.integer(), (policy, seed) => {
        const text = writeWithRandomLayout(policyJson(policy), seed)
        const { policy: read, diagnostics } = parsePolicy(text)
        expect(diagnostics).toEqual([])
        expect(stripRanges(read)).toEqual(stripRanges(policy))
      }),
    )
  })

  it('locates every value where it is written (oracle: JSON.parse of the located text)', () => {
    fc.assert(
      fc.property(arbAnyPolicy, fc.integer(), (policy, seed) => {
        const text = writeWithRandomLayout(policyJson(policy), seed)
        const { policy: read } = parsePolicy(text)
        for (const { value, range } of locatedValues(read as PolicyDocument)) {
          expect(JSON.parse(text.slice(range.start.offset, range.end.offset))).toEqual(value)
        }
      }),
    )
  })
})
