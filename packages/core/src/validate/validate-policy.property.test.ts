import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type PolicyType, policyTypes } from '../authorize/index.ts'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import { arbMutated, naivePosition } from '../parse/testing/index.ts'
import { printPolicy } from '../print/index.ts'
import { arbAnyPolicy, arbPolicyDocument, arbWellFormedPolicy } from '../testing/index.ts'
import { type Finding, findingSeverities } from './finding.ts'
import { findingReference } from './finding-reference.ts'
import { type ValidateOptions, validatePolicy } from './validate-policy.ts'

// Each run validates a policy two or three times, with the catalog or without: 50 runs per
// property keep the file under five seconds on a busy machine. The table tests of the
// catalog package check what each finding says; these laws check that nothing breaks them.
const numRuns = 50

const catalog = createCatalog(catalogFixture)

/** Policy texts: Connect-flavoured, odd but well formed, incomplete, broken, or any string. */
const arbPrintedPolicy = fc
  .oneof(arbPolicyDocument, arbWellFormedPolicy, arbAnyPolicy)
  .map((p) => printPolicy(p))
const arbPolicyText = fc.oneof(
  { weight: 4, arbitrary: arbPrintedPolicy },
  { weight: 2, arbitrary: arbMutated(arbPrintedPolicy) },
  { weight: 1, arbitrary: fc.string() },
)

/** How a policy is validated; the catalog as a flag, so that counterexamples stay short. */
interface Setting {
  readonly policyType: PolicyType
  readonly withCatalog: boolean
}

const arbSetting: fc.Arbitrary<Setting> = fc.record({
  policyType: fc.constantFrom(...policyTypes),
  withCatalog: fc.boolean(),
})

function optionsOf(setting: Setting): ValidateOptions {
  return setting.withCatalog
    ? { policyType: setting.policyType, catalog }
    : { policyType: setting.policyType }
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code)
}

const referenceSeverities = new Map(findingReference.map((entry) => [entry.code, entry.severity]))

describe('validatePolicy', () => {
  it('never throws, and locates every finding and fix in the text (oracle: naive positions)', () => {
    fc.assert(
      fc.property(arbPolicyText, arbSetting, (text, setting) => {
        const options = optionsOf(setting)
        for (const { range, fix } of validatePolicy(text, options)) {
          for (const { start, end } of fix === undefined ? [range] : [range, fix.range]) {
            expect(start.offset).toBeGreaterThanOrEqual(0)
            expect(start.offset).toBeLessThanOrEqual(end.offset)
            expect(end.offset).toBeLessThanOrEqual(text.length)
            expect(start).toEqual(naivePosition(text, start.offset))
            expect(end).toEqual(naivePosition(text, end.offset))
          }
        }
      }),
      { numRuns },
    )
  })

  it('reports only documented codes, with their documented severity (oracle: the finding reference)', () => {
    fc.assert(
      fc.property(arbPolicyText, arbSetting, (text, setting) => {
        const options = optionsOf(setting)
        for (const { code, severity, message } of validatePolicy(text, options)) {
          const documented = referenceSeverities.get(code)
          expect(documented, code).toBeDefined()
          expect(findingSeverities).toContain(severity)
          if (documented !== 'depends') expect(severity, code).toBe(documented)
          expect(message).toMatch(/^[^A-Z].*[^.]$/s)
        }
      }),
      { numRuns },
    )
  })

  it('suppressing a code removes exactly its findings (oracle: filtering the full list)', () => {
    fc.assert(
      fc.property(arbPolicyText, arbSetting, fc.nat(), (text, setting, pick) => {
        const options = optionsOf(setting)
        const all = validatePolicy(text, options)
        const codes = [...new Set(all.map((finding) => finding.code)), 'redundant-action']
        const code = codes[pick % codes.length] ?? 'redundant-action'
        const kept = validatePolicy(text, { ...options, suppress: [code] })
        expect(kept).toEqual(all.filter((finding) => finding.code !== code))
      }),
      { numRuns },
    )
  })

  it('lists findings by position, then by code (oracle: sorting)', () => {
    fc.assert(
      fc.property(arbPolicyText, arbSetting, (text, setting) => {
        const options = optionsOf(setting)
        const findings = validatePolicy(text, options)
        expect(findings).toEqual([...findings].sort(byPosition))
      }),
      { numRuns },
    )
  })
})
