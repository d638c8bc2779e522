// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in ARNs, not templates
import { describe, expect, it } from 'vitest'
import { shortenArns } from './shorten-arns.ts'

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/'
const other =
  'arn:aws:connect:us-east-1:123456789012:instance/22222222-123e-111e-93e3-22222bfbfcc2/'

describe('shortenArns', () => {
  it('elides the start the ARNs share and keeps what differs', () => {
    const shortening = shortenArns([
      `${instance}agent/9b0e7f6a`,
      `${instance}security-profile/11dcccc1`,
      `${instance}routing-profile/33deeee3`,
    ])
    expect(shortening.shared).toBe(instance)
    expect(shortening.arns.get(`${instance}agent/9b0e7f6a`)).toEqual({
      arn: `${instance}agent/9b0e7f6a`,
      elided: instance,
      plain: '',
      own: 'agent/9b0e7f6a',
    })
  })

  it('cuts only after a separator, never inside an ID', () => {
    const shortening = shortenArns([`${instance}agent/9b0e7f6a`, `${instance}agent/9b0e7f6b`])
    expect(shortening.shared).toBe(`${instance}agent/`)
    expect(shortening.arns.get(`${instance}agent/9b0e7f6b`)?.own).toBe('9b0e7f6b')
  })

  it('shows in full an ARN that departs from the shared start, emphasising where it departs', () => {
    const shortening = shortenArns([
      `${instance}agent/a`,
      `${instance}security-profile/b`,
      `${other}agent/a`,
    ])
    expect(shortening.shared).toBe(instance)
    expect(shortening.arns.get(`${other}agent/a`)).toEqual({
      arn: `${other}agent/a`,
      elided: '',
      plain: 'arn:aws:connect:us-east-1:123456789012:instance/',
      own: '22222222-123e-111e-93e3-22222bfbfcc2/agent/a',
    })
  })

  it('takes the start at least half of the distinct ARNs share, the longer of two', () => {
    const shortening = shortenArns([`${instance}a`, `${instance}b`, `${other}a`, `${other}b`])
    expect(shortening.shared).toBe(instance)
    expect(shortening.arns.get(`${other}a`)?.elided).toBe('')
  })

  it('elides nothing for ARNs with no common part, or one too short to be worth it', () => {
    for (const arns of [
      ['arn:aws:s3:::bucket/key', 'arn:aws:connect:us-east-1:123456789012:instance/a', '*'],
      ['arn:aws:s3:::a/x', 'arn:aws:s3:::a/y'],
    ]) {
      const shortening = shortenArns(arns)
      expect(shortening.shared).toBe('')
      for (const arn of arns) {
        expect(shortening.arns.get(arn)).toEqual({ arn, elided: '', plain: arn, own: '' })
      }
    }
  })

  it('elides nothing for one ARN, or the same ARN many times: nothing differs', () => {
    expect(shortenArns([`${instance}agent/a`]).shared).toBe('')
    const same = shortenArns([`${instance}agent/a`, `${instance}agent/a`, `${instance}agent/a`])
    expect(same.shared).toBe('')
    expect([...same.arns.keys()]).toEqual([`${instance}agent/a`])
    expect(shortenArns([]).arns.size).toBe(0)
  })

  it('never elides a whole ARN, even one that ends with a separator', () => {
    const shortening = shortenArns([`${instance}`, `${instance}agent/a`, `${instance}agent/b`])
    expect(shortening.shared).toBe(`${instance}agent/`)
    expect(shortening.arns.get(instance)).toEqual({
      arn: instance,
      elided: '',
      plain: 'arn:aws:connect:us-east-1:123456789012:instance/',
      own: '00fbeee1-123e-111e-93e3-11111bfbfcc1/',
    })
  })

  it('keeps text as it is, HTML-special characters included: escaping is the page’s', () => {
    const arns = [`${instance}queue/<a&b>"`, `${instance}queue/'c'`]
    const shortening = shortenArns(arns)
    expect(shortening.arns.get(arns[0] ?? '')?.own).toBe('<a&b>"')
    expect(shortening.arns.get(arns[1] ?? '')?.own).toBe("'c'")
  })

  it('does not cut inside a policy variable', () => {
    const arns = [
      'arn:aws:s3:::recordings-bucket/${aws:username}/a',
      'arn:aws:s3:::recordings-bucket/${aws:username}/b',
    ]
    expect(shortenArns(arns).shared).toBe('arn:aws:s3:::recordings-bucket/${aws:username}/')
    const variable = [
      'arn:aws:s3:::recordings-bucket/${aws:a}',
      'arn:aws:s3:::recordings-bucket/${aws:b}',
    ]
    expect(shortenArns(variable).shared).toBe('arn:aws:s3:::recordings-bucket/')
  })

  it('puts back every ARN whole: what is elided, plain and own make it', () => {
    const arns = [`${instance}agent/a`, `${other}agent/a`, `${instance}queue/q`, 'x', '*']
    for (const shown of shortenArns(arns).arns.values()) {
      expect(shown.elided + shown.plain + shown.own).toBe(shown.arn)
    }
  })
})
