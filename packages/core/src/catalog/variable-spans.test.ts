// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the reference's `${Name}` notation, not templates
import { describe, expect, it } from 'vitest'
import { replaceVariables, variableSpans } from './variable-spans.ts'

describe('variableSpans', () => {
  it('reads the variables of an ARN format', () => {
    expect(variableSpans('instance/${InstanceId}/agent/${UserId}')).toEqual([
      { start: 9, end: 22, name: 'InstanceId' },
      { start: 29, end: 38, name: 'UserId' },
    ])
    expect(replaceVariables('arn:${Partition}:s3:::${BucketName}', '*')).toBe('arn:*:s3:::*')
  })

  // 200,000 `${` with no `}`: `/\$\{[^}]*\}/g` scanned to the end from each of them, about
  // 50 seconds (0.25 s for 10,000); this reading stops at the first, in about a millisecond.
  // Vitest cannot stop synchronous work at its timeout: the old reading would show as a minute
  // of test time, and regex-safety.test.ts is the guard that fails.
  it('is linear in the text, also for `${` repeated with no `}`', () => {
    const opened = '${'.repeat(200_000)
    expect(variableSpans(opened)).toEqual([])
    expect(replaceVariables(opened, '*')).toBe(opened)
    expect(variableSpans(`${opened}}`)).toHaveLength(1)
  })
})
