import { describe, expect, it } from 'vitest'
import type { FuzzCase, Placement } from '../inputs/fuzz-case.ts'
import { placements } from '../inputs/fuzz-case.ts'
import { type CallSite, type Thrown, thrown } from './call-site.ts'
import { malformedBecause, runCase } from './run-case.ts'

/** A call site that makes each call and keeps what was reported. */
function recordingSite() {
  const calls: string[] = []
  const reports: string[] = []
  const site: CallSite = {
    call<T>(target: string, run: () => T): T | Thrown {
      calls.push(target)
      try {
        return run()
      } catch {
        reports.push(`crash ${target}`)
        return thrown
      }
    },
    report(kind, target, detail) {
      reports.push(`${kind} ${target}: ${detail}`)
    },
  }
  return { site, calls, reports }
}

const request = {
  action: 'connect:DeleteUser',
  resource: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1',
}
const denyDelete = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'connect:DeleteUser', Resource: '*' }],
})

const policyCase = (policy: unknown, placement: Placement): FuzzCase => ({
  kind: 'policy',
  family: 'mutated',
  generator: 'test',
  shape: 'test',
  policy,
  request,
  placement,
  explain: true,
})

describe('malformedBecause', () => {
  it('names text that is not JSON, and a parse error', () => {
    const { site } = recordingSite()
    expect(malformedBecause(`${denyDelete},`, site)).toMatch(/^not JSON/)
    expect(
      malformedBecause(denyDelete.replace('"Effect"', '"Effect":"Deny","Effect"'), site),
    ).toMatch(/duplicate-key/)
    expect(malformedBecause(denyDelete, site)).toBeUndefined()
  })
})

describe('runCase', () => {
  it.each(placements)('sends a policy placed %s through every entry point', (placement) => {
    const { site, calls, reports } = recordingSite()
    runCase(site, policyCase(denyDelete, placement))
    expect(new Set(calls)).toEqual(
      new Set([
        'core.parsePolicy',
        'core.printPolicy',
        'catalog.validatePolicy',
        'core.describePolicy',
        'audit.auditPolicySet',
        'sources.validateSource',
        'core.compilePolicies',
        'compiled.evaluate',
        'core.evaluate',
      ]),
    )
    expect(reports).toEqual([])
  })

  it.each(placements)('finds no Allow from a Deny written twice, placed %s', (placement) => {
    const { site, reports } = recordingSite()
    const broken = denyDelete.replace('"Effect":"Deny"', '"Effect":"Deny","Effect":"Allow"')
    runCase(site, policyCase(broken, placement))
    expect(reports).toEqual([])
  })

  it('leaves out a single-policy layer given as null, as documented', () => {
    const { site, reports } = recordingSite()
    runCase(site, policyCase(null, 'boundary'))
    expect(reports).toEqual([])
  })
})
