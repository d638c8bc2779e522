import { awsCatalog } from '@connect-policy/catalog'
import { evaluate } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { exampleText as policyOf, runInExamples as run } from '../testing/examples.ts'
import { sarifProblems } from '../testing/sarif-schema.ts'

describe('compare', () => {
  it('says after is broader, lists each access added with its witness, and exits 1', async () => {
    const { code, stdout } = await run(['compare', 'agent.json', 'agent-next.json'])
    expect(code).toBe(1)
    expect(stdout.split('\n')[0]).toBe('after allows more than before, and keeps everything.')
    expect(stdout).toContain('Added (allowed after, not before):')
    expect(stdout).toContain('before: ImplicitDeny')
    expect(stdout).toContain('after:  Allow')
  })

  it('exits 0 when after grants nothing new', async () => {
    const { code, stdout } = await run(['compare', 'agent-next.json', 'agent.json'])
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toBe('after allows less than before, and nothing new.')
    expect((await run(['compare', 'agent.json', 'agent.json'])).code).toBe(0)
  })

  it('prints JSON whose witnesses evaluate as claimed', async () => {
    const { stdout } = await run([
      'compare',
      '--before',
      'agent.json',
      '--after',
      'agent-next.json',
      '--format',
      'json',
    ])
    const result = JSON.parse(stdout)
    expect(result.relation).toBe('broader')
    const catalog = awsCatalog()
    for (const region of result.added.regions) {
      const request = region.witness.request
      expect(
        evaluate(request, { identityPolicies: [policyOf('agent.json')] }, { catalog }).decision,
      ).not.toBe('Allow')
      expect(
        evaluate(request, { identityPolicies: [policyOf('agent-next.json')] }, { catalog })
          .decision,
      ).toBe('Allow')
    }
  })

  it('prints SARIF that the schema takes, a result per added access at the statement that allows it', async () => {
    const { stdout } = await run(['compare', 'agent.json', 'agent-next.json', '--format', 'sarif'])
    const log = JSON.parse(stdout)
    expect(sarifProblems(log), JSON.stringify(sarifProblems(log))).toEqual([])
    const results = log.runs[0].results
    expect(results.length).toBeGreaterThan(0)
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('agent-next.json')
  })

  it('is a usage error without two files, or with a policy AWS would reject', async () => {
    expect((await run(['compare', 'agent.json'])).code).toBe(2)
    expect((await run(['compare', 'agent.json', '--after', 'agent.json'])).code).toBe(2)
    const rejected = await run(['compare', 'admin.json', 'agent.json'])
    expect(rejected.code).toBe(2)
    expect(rejected.stderr).toContain('before:')
  })
})

describe('check-not-granted', () => {
  it('fails with a request that is allowed, and passes for a resource the policy does not reach', async () => {
    const failed = await run([
      'check-not-granted',
      '--policy',
      'agent.json',
      '--action',
      'connect:DescribeUser',
    ])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/^fail: granted: connect:DescribeUser/)
    const passed = await run([
      'check-not-granted',
      '--policy',
      'agent.json',
      '--action',
      'connect:DeleteInstance,connect:UpdateUserSecurityProfiles',
    ])
    expect(passed.code).toBe(0)
    expect(passed.stdout).toBe(
      'pass: never granted: connect:DeleteInstance, connect:UpdateUserSecurityProfiles\n',
    )
  })

  it('needs a policy and an action', async () => {
    expect((await run(['check-not-granted', '--action', 'connect:*'])).code).toBe(2)
    expect((await run(['check-not-granted', '--policy', 'agent.json'])).code).toBe(2)
  })
})

describe('summarize', () => {
  it('lists the access by service and level, each line with a request the policy allows', async () => {
    const { code, stdout } = await run(['summarize', 'agent.json'])
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toBe('Amazon Connect (connect)')
    expect(stdout).toContain('connect:DescribeUser')
    expect(stdout).toContain('`aws:SourceIp` = `203.0.113.0`')
  })

  it('prints the summary as JSON, complete', async () => {
    const { stdout } = await run(['summarize', 'agent.json', '--format', 'json'])
    const summary = JSON.parse(stdout)
    expect(summary.complete).toBe(true)
    expect(summary.services[0].service).toBe('connect')
  })
})
