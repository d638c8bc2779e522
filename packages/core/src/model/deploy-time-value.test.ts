import { describe, expect, it } from 'vitest'
import { deployTimeValues, holdsDeployTimeValue } from './deploy-time-value.ts'

describe('deployTimeValues', () => {
  it('finds each value with where it is written', () => {
    expect(deployTimeValues('arn:{{AWS.Partition}}:s3:::{{Ref Bucket}}/*')).toEqual([
      { name: 'AWS.Partition', start: 4, end: 21 },
      { name: 'Ref Bucket', start: 27, end: 41 },
    ])
  })

  it('reads neither policy variables nor single braces nor empty braces as values', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable as IAM writes it
    for (const text of ['${aws:username}', '{region}', '{{}}', '{{a', 'a}}', '{{a{b}}', '']) {
      expect(holdsDeployTimeValue(text), text).toBe(false)
    }
  })

  it('takes the innermost value where braces open twice', () => {
    expect(deployTimeValues('{{a{{b}}')).toEqual([{ name: 'b', start: 3, end: 8 }])
    expect(deployTimeValues('{{{a}}}')).toEqual([{ name: 'a', start: 1, end: 6 }])
  })
})
