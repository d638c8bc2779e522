import { evaluate } from '@connect-policy/core'
import {
  analysisCatalog,
  arbAnalysisStatements,
  arbAnyValue,
  assertReturnsForAnyArguments,
  exportedFunctions,
  identitySetOf,
} from '@connect-policy/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as audit from './index.ts'

/** Arguments near what the audit takes: a set, options with the catalog and something off. */
const arbArgument = fc.oneof(
  arbAnyValue,
  arbAnalysisStatements.map(identitySetOf),
  fc.record(
    {
      catalog: fc.oneof(fc.constant(analysisCatalog), arbAnyValue),
      checks: fc.oneof(fc.constant(['delete-instance']), arbAnyValue),
      instances: fc.oneof(fc.constant(['a1b2c3d4-0000-4000-8000-000000000001']), arbAnyValue),
      accounts: arbAnyValue,
      limits: arbAnyValue,
    },
    { requiredKeys: [] },
  ),
)

describe('every function the package exports', () => {
  it.each(exportedFunctions(audit as Record<string, unknown>))(
    '%s returns for any arguments (oracle: it does not throw)',
    (_, fn) => assertReturnsForAnyArguments(fn, arbArgument, 200),
  )
})

describe('auditPolicySet on generated sets', () => {
  it('gives findings whose witnesses the set decides as claimed (oracle: evaluate)', () => {
    fc.assert(
      fc.property(arbAnalysisStatements, (statements) => {
        const set = identitySetOf(statements)
        const report = audit.auditPolicySet(set, {
          catalog: analysisCatalog,
          instances: ['a1b2c3d4-0000-4000-8000-000000000001'],
        })
        if (report.errors !== undefined) return
        for (const finding of report.findings) {
          const replayed = evaluate(finding.witness.request, set, { catalog: analysisCatalog })
          expect(replayed.decision).toBe(finding.witness.decision)
        }
        // a check fails exactly when it has findings
        for (const check of report.checks) {
          expect(check.status === 'fail').toBe(check.findings > 0)
        }
      }),
      { numRuns: 40 },
    )
  }, 240_000)
})
