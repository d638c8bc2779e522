import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allowedBy,
  arbAnalysisRequests,
  arbAnalysisStatement,
  arbAnalysisStatements,
  analysisCatalog as catalog,
  expectWitnessesReplay,
  identitySetOf,
} from '../testing/index.ts'
import { checkAccessNotGranted, checkNoNewAccess } from './check-access.ts'
import { comparePolicies } from './compare-policies.ts'
import { summarizeAccess } from './summarize-access.ts'

const runs = { numRuns: 60 }
/** Each law decides hundreds of comparisons: a safety net for a loaded machine, not a target. */
const timeout = 240_000

describe('comparePolicies: laws', () => {
  it(
    'a set is equivalent to itself (oracle: identity)',
    () => {
      fc.assert(
        fc.property(arbAnalysisStatements, (statements) => {
          const set = identitySetOf(statements)
          const result = comparePolicies(set, set, { catalog })
          expect(result.errors).toBeUndefined()
          expect(!('relation' in result) || result.relation).toBe('equivalent')
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'adding an Allow never narrows and adding a Deny never broadens; witnesses replay (oracle: evaluate)',
    () => {
      fc.assert(
        fc.property(arbAnalysisStatements, arbAnalysisStatement, (statements, added) => {
          const before = identitySetOf(statements)
          const after = identitySetOf([...statements, added])
          const result = comparePolicies(before, after, { catalog })
          if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
          const expected =
            added.Effect === 'Allow' ? ['equivalent', 'broader'] : ['equivalent', 'narrower']
          expect(expected).toContain(result.relation)
          expectWitnessesReplay(before, after, result, catalog)
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    "no request built from the policies' values contradicts the relation (oracle: evaluate on samples)",
    () => {
      fc.assert(
        fc.property(
          arbAnalysisStatements,
          arbAnalysisStatements,
          arbAnalysisRequests,
          (first, second, requests) => {
            const before = identitySetOf(first)
            const after = identitySetOf(second)
            const result = comparePolicies(before, after, { catalog })
            if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
            expectWitnessesReplay(before, after, result, catalog)
            const gains = requests.some(
              (request) => allowedBy(request, after) && !allowedBy(request, before),
            )
            const losses = requests.some(
              (request) => allowedBy(request, before) && !allowedBy(request, after),
            )
            if (gains) expect(['broader', 'incomparable']).toContain(result.relation)
            if (losses) expect(['narrower', 'incomparable']).toContain(result.relation)
            if (result.relation === 'equivalent') expect(gains || losses).toBe(false)
          },
        ),
        runs,
      )
    },
    timeout,
  )

  it(
    'checkNoNewAccess passes exactly when the comparison finds nothing added (oracle: comparePolicies)',
    () => {
      fc.assert(
        fc.property(arbAnalysisStatements, arbAnalysisStatements, (first, second) => {
          const before = identitySetOf(first)
          const after = identitySetOf(second)
          const check = checkNoNewAccess(before, after, { catalog })
          const comparison = comparePolicies(before, after, { catalog })
          if (check.errors !== undefined || comparison.errors !== undefined)
            throw new Error('errors')
          expect(check.result === 'pass').toBe(
            ['equivalent', 'narrower'].includes(comparison.relation),
          )
          for (const region of check.access.regions) {
            expect(allowedBy(region.witness.request, after)).toBe(true)
            expect(allowedBy(region.witness.request, before)).toBe(false)
          }
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'checkAccessNotGranted fails exactly when a sampled request of the actions is allowed, or with a witness (oracle: evaluate)',
    () => {
      fc.assert(
        fc.property(
          arbAnalysisStatements,
          fc.constantFrom(
            'connect:DescribeUser',
            'connect:CreateUser',
            'connect:List*',
            'connect:TagResource',
          ),
          arbAnalysisRequests,
          (statements, action, requests) => {
            const set = identitySetOf(statements)
            const check = checkAccessNotGranted(set, { actions: [action] }, { catalog })
            if (check.errors !== undefined) throw new Error(check.errors[0]?.message)
            for (const region of check.access.regions) {
              expect(allowedBy(region.witness.request, set)).toBe(true)
              expect(
                new RegExp(`^${action.replace('*', '.*')}$`, 'i').test(
                  region.witness.request.action,
                ),
              ).toBe(true)
            }
            const pattern = new RegExp(`^${action.replace('*', '.*')}$`, 'i')
            const granted = requests.some(
              (request) => pattern.test(request.action) && allowedBy(request, set),
            )
            if (granted) expect(check.result).toBe('fail')
            expect(check.result).not.toBe('unknown')
          },
        ),
        runs,
      )
    },
    timeout,
  )

  it(
    'the summary lists every sampled request evaluate allows, and its witnesses are allowed (oracle: evaluate)',
    () => {
      fc.assert(
        fc.property(arbAnalysisStatements, arbAnalysisRequests, (statements, requests) => {
          const set = identitySetOf(statements)
          const summary = summarizeAccess(set, { catalog })
          if (summary.errors !== undefined) throw new Error(summary.errors[0]?.message)
          expect(summary.complete).toBe(true)
          const grants = summary.services.flatMap((service) =>
            service.levels.flatMap((level) => level.grants),
          )
          for (const grant of grants) expect(allowedBy(grant.witness, set)).toBe(true)
          const summarized = new Set(
            grants.flatMap((grant) => grant.actions.map((a) => a.toLowerCase())),
          )
          for (const request of requests) {
            if (!allowedBy(request, set)) continue
            const known = catalog.action(request.action) !== undefined
            if (known) expect(summarized.has(request.action.toLowerCase())).toBe(true)
          }
        }),
        runs,
      )
    },
    timeout,
  )
})
