import { awsCatalog } from '@connect-policy/catalog'
import type { EvaluationFindingCode } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { samples } from '../index.ts'
import type { Expectation, Sample } from '../schema.ts'
import { documentVersions } from '../schema.ts'
import { evaluateExpectation } from './evaluate-expectation.ts'

// The expectations are checked as AWS decides them: with the whole service reference, so that
// `connect:InstanceId` is derived only for the actions AWS sends it with.
const catalog = awsCatalog()

const cases = samples.flatMap((sample) =>
  sample.expectations.map(
    (expectation) => [`${sample.id}: ${expectation.description}`, sample, expectation] as const,
  ),
)

/** The codes of the findings about a request, rather than about a policy's values. */
const requestCodes: readonly EvaluationFindingCode[] = [
  'unknown-service',
  'unknown-action',
  'missing-required-resource',
  'resource-not-for-action',
  'context-key-not-for-action',
]

describe('expectations', () => {
  it.each(cases)(
    '%s: the corrected policy gives the documented decision',
    (_, sample, expectation) => {
      const { corrected } = evaluateExpectation(sample, expectation, { catalog })
      expect(corrected?.result.errors).toBeUndefined()
      expect(corrected?.outcome).toBe(expectation.documented)
      if (expectation.deciding !== undefined) {
        expect(corrected?.deciding).toEqual([expectation.deciding])
      }
    },
  )

  it.each(cases)(
    '%s: the request is one AWS would be asked, as the service reference lists the action',
    (_, sample, expectation) => {
      const { corrected, printed, literal } = evaluateExpectation(sample, expectation, {
        catalog,
      })
      for (const text of [corrected, ...Object.values(printed), literal]) {
        const findings = text?.result.errors === undefined ? (text?.result.findings ?? []) : []
        expect(findings.filter((finding) => requestCodes.includes(finding.code))).toEqual([])
      }
    },
  )

  it.each(cases)('%s: each printed policy gives its outcome', (_, sample, expectation) => {
    const { printed } = evaluateExpectation(sample, expectation, { catalog })
    for (const version of documentVersions) {
      const outcome = printed[version]
      if (outcome === undefined) continue
      expect(outcome.outcome, version).toBe(
        expectation.printed?.[version] ?? expectation.documented,
      )
      if (outcome.result.errors !== undefined) {
        // Rejected for what the policy says, never for a malformed request.
        expect(outcome.result.errors.map((error) => error.source)).not.toContain('request')
      }
    }
  })

  it.each(cases.filter(([, sample]) => sample.literal !== undefined))(
    '%s: the literal policy gives its outcome',
    (_, sample, expectation) => {
      const { literal } = evaluateExpectation(sample, expectation, { catalog })
      expect(literal?.outcome).toBe(expectation.literal ?? expectation.documented)
    },
  )
})

describe('evaluateExpectation', () => {
  const sample = samples.find((s) => s.id === 'create-user-deny-security-profile') as Sample
  const [documented] = sample.expectations as [Expectation]
  const misspelt: Expectation = {
    ...documented,
    request: { ...documented.request, action: 'connect:CreateUsr' },
  }

  it('evaluates with the service reference it is given: the results report the request', () => {
    const { corrected, printed } = evaluateExpectation(sample, misspelt, { catalog })
    for (const text of [corrected, ...Object.values(printed)]) {
      if (text === undefined || text.result.errors !== undefined) continue
      const [finding] = text.result.findings
      expect(finding?.code).toBe('unknown-action')
      expect(finding?.suggestion).toBe('connect:CreateUser')
    }
  })

  it('evaluates without a service reference when given none: nothing is said of the request', () => {
    const result = evaluateExpectation(sample, misspelt).corrected?.result
    if (result === undefined || result.errors !== undefined) throw new Error('no decision')
    expect(result.findings).toEqual([])
  })

  it('passes the options on as they are: options evaluate cannot read reject every text', () => {
    const options = { catalogue: catalog } as unknown as Parameters<typeof evaluateExpectation>[2]
    const { corrected } = evaluateExpectation(sample, documented, options)
    expect(corrected?.outcome).toBe('rejected')
    expect(corrected?.result.errors?.map((error) => error.source)).toEqual(['options'])
  })
})
