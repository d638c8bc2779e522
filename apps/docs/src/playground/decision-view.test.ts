import { awsCatalog } from '@connect-policy/catalog'
import {
  type EvaluationResult,
  evaluate,
  type SourceRange,
  type StatementRef,
  undocumentedReasons,
} from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import {
  evaluationFindings,
  omittedNote,
  statementLabel,
  undocumentedLabel,
} from './decision-view.ts'

/** A range of a one-line text, by offsets. */
function _range(start: number, end: number): SourceRange {
  return {
    start: { line: 1, column: start + 1, offset: start },
    end: { line: 1, column: end + 1, offset: end },
  }
}

const statement: StatementRef = {
  policyType: 'identity',
  policyIndex: 0,
  policyName: 'your policy',
  statementIndex: 1,
  sid: 'NoDelete',
  effect: 'Deny',
  range: { start: { line: 7, column: 5, offset: 90 }, end: { line: 12, column: 6, offset: 200 } },
}

describe('statementLabel', () => {
  it('names a statement by index, Sid and the line it starts on', () => {
    expect(statementLabel(statement)).toBe('statement #1 (NoDelete), line 7')
    const { sid: _, ...unnamed } = statement
    expect(statementLabel(unnamed)).toBe('statement #1, line 7')
  })
})

describe('evaluationFindings', () => {
  it('is what a decision reports beside it, and nothing for an evaluation that failed', () => {
    const policy =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}'
    const decided = evaluate(
      { action: 'connect:DescribeUsr', resource: '*' },
      { identityPolicies: [policy] },
      { catalog: awsCatalog() },
    )
    expect(evaluationFindings(decided).map((finding) => finding.code)).toEqual(['unknown-action'])
    const failed: EvaluationResult = {
      errors: [{ source: 'request', message: 'no', diagnostics: [] }],
    }
    expect(evaluationFindings(failed)).toEqual([])
  })
})

describe('undocumentedLabel', () => {
  it('says that AWS leaves the outcome open, naming the construct, for every reason', () => {
    for (const reason of undocumentedReasons) {
      expect(undocumentedLabel(reason)).toMatch(/^AWS leaves it open: \S/)
    }
    expect(undocumentedLabel('several-values-without-qualifier')).toBe(
      'AWS leaves it open: several request values and no set qualifier',
    )
  })
})

describe('omittedNote', () => {
  it('says how many entries a list of the answer leaves out, and nothing when none', () => {
    expect(omittedNote(3, 'statement')).toBe('and 3 more statements')
    expect(omittedNote(1, 'finding')).toBe('and 1 more finding')
    expect(omittedNote(undefined, 'statement')).toBe('')
  })

  it('reads the counts the core puts beside the lists it cuts', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 3 }, () => ({ Effect: 'Allow', Action: '*', Resource: '*' })),
    })
    const result = evaluate(
      { action: 'connect:DescribeUser', resource: '*' },
      { identityPolicies: [policy] },
      { budget: { maxDeciding: 1, maxTraces: 1 } },
    )
    if (result.errors !== undefined) throw new Error('not decided')
    expect(omittedNote(result.explanation.omittedDeciding, 'statement')).toBe(
      'and 2 more statements',
    )
    const [resource] = result.explanation.resources
    expect(omittedNote(resource?.omittedStatements, 'statement')).toBe('and 2 more statements')
  })
})
