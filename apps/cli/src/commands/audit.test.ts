import { auditChecks } from '@connect-policy/audit'
import { awsCatalog } from '@connect-policy/catalog'
import { evaluate } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { exampleText, runInExamples as run } from '../testing/examples.ts'
import { sarifProblems } from '../testing/sarif-schema.ts'

const supervisor = exampleText('supervisor.json')

describe('audit', () => {
  it('lists each finding with its code, severity and AWS page, and exits 1', async () => {
    const { code, stdout } = await run(['audit', 'supervisor.json'])
    expect(code).toBe(1)
    expect(stdout).toContain(
      'high outbound-voice: Placing outbound calls: `connect:StartOutboundVoiceContact`',
    )
    expect(stdout).toContain('medium monitor-contact-api: ')
    expect(stdout).toContain(
      'https://docs.aws.amazon.com/connect/latest/APIReference/API_MonitorContact.html',
    )
    expect(stdout).toContain(
      'skipped outside-intended-instances: the instances or accounts the set is meant for were not given',
    )
    expect(stdout.trim().split('\n').at(-1)).toMatch(
      /^\d+ findings \(\d+ at or above low\); \d+ of \d+ checks passed$/,
    )
  })

  it('exits 0 when no finding reaches --fail-on, and runs only the checks chosen', async () => {
    const chosen = await run([
      'audit',
      'supervisor.json',
      '--check',
      'monitor-contact-api',
      '--fail-on',
      'high',
    ])
    expect(chosen.code).toBe(0)
    expect(chosen.stdout).toMatch(/\d+ findings \(0 at or above high\); 0 of 1 checks passed/)
    expect((await run(['audit', 'agent.json'])).code).toBe(0)
  })

  it('checks isolation against the instances given', async () => {
    const { stdout } = await run([
      'audit',
      'supervisor.json',
      '--instance',
      '00fbeee1-123e-111e-93e3-11111bfbfcc1',
      '--check',
      'outside-intended-instances',
    ])
    // StartOutboundVoiceContact takes no resource: nothing of the set reaches another instance
    expect(stdout).toContain('0 findings (0 at or above low); 1 of 1 checks passed')
  })

  it('prints JSON whose witnesses evaluate as claimed, and valid SARIF with a rule per check', async () => {
    const json = JSON.parse((await run(['audit', 'supervisor.json', '--format', 'json'])).stdout)
    expect(json.findings.length).toBeGreaterThan(0)
    const catalog = awsCatalog()
    for (const finding of json.findings) {
      const decided = evaluate(
        finding.witness.request,
        { identityPolicies: [supervisor] },
        { catalog },
      )
      expect(decided.decision).toBe(finding.witness.decision)
    }
    const sarif = JSON.parse((await run(['audit', 'supervisor.json', '--format', 'sarif'])).stdout)
    expect(sarifProblems(sarif)).toEqual([])
    const [log] = sarif.runs
    expect(log.tool.driver.rules).toHaveLength(auditChecks.length)
    const voice = log.results.find(
      (result: { ruleId: string }) => result.ruleId === 'outbound-voice',
    )
    expect(voice.level).toBe('error')
    expect(voice.locations[0].physicalLocation.artifactLocation.uri).toBe('supervisor.json')
    expect(log.tool.driver.rules[voice.ruleIndex].id).toBe('outbound-voice')
  })

  it('refuses an unknown check, severity or format with a message and exit 2', async () => {
    const unknown = await run(['audit', 'supervisor.json', '--check', 'delete-instances'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/`delete-instances` is not an audit check.*delete-instance/)
    const severity = await run(['audit', 'supervisor.json', '--fail-on', 'severe'])
    expect(severity.code).toBe(2)
    expect(severity.stderr).toContain(
      '`--fail-on` must be one of critical, high, medium, low, info',
    )
    expect((await run(['audit'])).code).toBe(2)
    expect((await run(['audit', 'missing.json'])).code).toBe(2)
  })
})
