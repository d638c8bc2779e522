import { describe, expect, it } from 'vitest'
import { defaultBudget } from '../model/index.ts'
import { validatePolicy } from './validate-policy.ts'

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

function policy(...statements: readonly Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
}

/** 600 actions and 600 resources in one statement. */
const pairs = policy({
  Effect: 'Allow',
  Action: Array.from({ length: 600 }, (_, index) => `connect:Action${index}`),
  Resource: Array.from({ length: 600 }, (_, index) => `${instance}/queue/q-${index}`),
})

describe('the budget of a validation', () => {
  it('refuses a policy whose checks pass `maxSteps` with one finding that names the limit', () => {
    const maxSteps = pairs.length + 1000
    const findings = validatePolicy(pairs, { budget: { maxSteps } })
    expect(findings).toHaveLength(1)
    const [finding] = findings
    expect(finding).toMatchObject({
      code: 'over-budget',
      severity: 'error',
      overBudget: { limit: 'maxSteps', allowed: maxSteps },
      range: { start: { line: 1, column: 1, offset: 0 } },
    })
    // a step per character, then per statement one and one per entry
    expect(finding?.overBudget?.estimated).toBe(pairs.length + 1 + 1200)
    expect(finding?.message).toMatch(
      /^over budget: the validation would take about [\d,]+ steps, more than `maxSteps` allows \([\d,]+\): the policy is not validated$/,
    )
  })

  it('refuses a text longer than `maxSteps` before parsing it', () => {
    const findings = validatePolicy(`{${' '.repeat(2000)}`, { budget: { maxSteps: 1000 } })
    expect(findings.map((finding) => finding.code)).toEqual(['over-budget'])
    expect(findings[0]?.overBudget).toEqual({ limit: 'maxSteps', estimated: 2001, allowed: 1000 })
  })

  it('validates the same policy within the default budget', () => {
    const findings = validatePolicy(pairs)
    expect(findings.map((finding) => finding.code)).not.toContain('over-budget')
  })

  it('keeps argument findings beside the refusal', () => {
    const findings = validatePolicy(pairs, {
      budget: { maxSteps: 10 },
      policyType: 'nothing',
    } as never)
    expect(findings.map((finding) => finding.code)).toEqual(['invalid-argument', 'over-budget'])
  })

  it('lists at most `maxFindings` findings, and counts the others in a `findings-omitted` finding', () => {
    // five Allow statements, each with an action that has a space around it
    const text = policy(
      ...Array.from({ length: 5 }, (_, index) => ({
        Effect: 'Allow',
        Action: ` connect:Action${index}`,
        Resource: '*',
      })),
    )
    const all = validatePolicy(text)
    expect(all.length).toBeGreaterThan(3)
    const cut = validatePolicy(text, { budget: { maxFindings: 3 } })
    expect(cut).toHaveLength(4)
    const note = cut.find((finding) => finding.code === 'findings-omitted')
    expect(note).toMatchObject({ severity: 'warning', omittedFindings: all.length - 3 })
    expect(note?.message).toBe(
      `${all.length - 3} more findings are left out: the answer lists the first 3 by position (the budget's \`maxFindings\`)`,
    )
    expect(cut.filter((finding) => finding !== note)).toEqual(all.slice(0, 3))
    // sorted in among the others
    const sorted = [...cut].sort(
      (a, b) => a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code),
    )
    expect(cut).toEqual(sorted)
  })

  it('names a budget it cannot read, and validates with the default', () => {
    const findings = validatePolicy(pairs, { budget: { maxFinding: 3 } } as never)
    expect(findings[0]).toMatchObject({ code: 'invalid-argument' })
    expect(findings[0]?.message).toContain('`budget` has no limit `maxFinding`')
    expect(findings.map((finding) => finding.code)).not.toContain('over-budget')
  })

  it('leaves a 10,240-character policy within a tenth of the default', () => {
    const statements = []
    let text = ''
    for (let index = 0; text.length < 10_240; index++) {
      statements.push({
        Sid: `S${index}`,
        Effect: 'Allow',
        Action: Array.from({ length: 8 }, (_, action) => `connect:Action${index}x${action}`),
        Resource: Array.from({ length: 4 }, (_, resource) => `${instance}/queue/${resource}`),
        Condition: { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] } },
      })
      text = policy(...statements)
    }
    const tenth = { maxSteps: defaultBudget.maxSteps / 10 }
    expect(validatePolicy(text, { budget: tenth }).map((finding) => finding.code)).not.toContain(
      'over-budget',
    )
  })
})
