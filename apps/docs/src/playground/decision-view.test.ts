import { awsCatalog } from '@connect-policy/catalog'
import {
  type EvaluationResult,
  evaluate,
  type Finding,
  type SourceRange,
  type StatementRef,
  undocumentedReasons,
} from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import {
  evaluationFindings,
  omittedNote,
  policyMarks,
  statementLabel,
  type TextMark,
  underlinedHtml,
  undocumentedLabel,
  worstSeverity,
} from './decision-view.ts'

/** A range of a one-line text, by offsets. */
function range(start: number, end: number): SourceRange {
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

describe('policyMarks', () => {
  const validation: Finding = {
    code: 'trailing-comma',
    severity: 'error',
    message: 'remove the trailing comma',
    range: range(3, 4),
  }

  it('marks the validator’s ranges and the ranges of what the evaluation reports on the policy', () => {
    const result: EvaluationResult = {
      decision: 'ImplicitDeny',
      explanation: { action: 'connect:ListUsers', deciding: [], resources: [] },
      findings: [
        { code: 'unknown-action', severity: 'warning', message: 'about the request' },
        {
          code: 'action-has-whitespace',
          severity: 'warning',
          message: 'about the policy',
          statement,
          range: range(10, 20),
        },
      ],
    }
    expect(policyMarks([validation], result)).toEqual<TextMark[]>([
      { range: range(3, 4), severity: 'error' },
      { range: range(10, 20), severity: 'warning' },
    ])
  })

  it('marks only the validator’s ranges while there is no result', () => {
    expect(policyMarks([validation], undefined)).toEqual([
      { range: range(3, 4), severity: 'error' },
    ])
  })
})

describe('worstSeverity', () => {
  it('is the most serious severity, and suggestion for none', () => {
    expect(worstSeverity(['suggestion', 'warning', 'security-warning'])).toBe('security-warning')
    expect(worstSeverity(['warning', 'error'])).toBe('error')
    expect(worstSeverity([])).toBe('suggestion')
  })
})

describe('underlinedHtml', () => {
  it('escapes the text and underlines each range in the colour of the worst mark over it', () => {
    const html = underlinedHtml('{"a": "<b>"}', [
      { range: range(6, 11), severity: 'warning' },
      { range: range(7, 8), severity: 'error' },
    ])
    expect(html).toBe(
      '&#123;&quot;a&quot;: <span class="underline underline-warning">&quot;</span>' +
        '<span class="underline underline-error">&lt;</span>' +
        '<span class="underline underline-warning">b&gt;&quot;</span>&#125;\n ',
    )
  })

  it('is the text alone, with the line that keeps the overlay tall, when nothing is marked', () => {
    expect(underlinedHtml('{}\n', [])).toBe('&#123;&#125;\n\n ')
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
