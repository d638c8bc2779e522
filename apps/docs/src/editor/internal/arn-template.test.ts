// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats of the reference, not templates
import { awsCatalog } from '@connect-policy/catalog'
import type { ArnFormat } from '@connect-policy/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { alignArn, arnValues, knownArnValues, writePieces } from './arn-template.ts'

const catalog = awsCatalog()
const formatsOf = (service: string): readonly ArnFormat[] =>
  (catalog.service(service)?.resourceTypes ?? []).flatMap((type) => type.arnFormats)
const formatOf = (type: string, service = 'connect'): ArnFormat => {
  const format = catalog.service(service)?.resourceTypes.find((t) => t.name === type)?.arnFormats[0]
  if (format === undefined) throw new Error(`no format for ${service} ${type}`)
  return format
}
const agent = formatOf('user')
const instance = formatOf('instance')
const none = new Map<string, string[]>()

/** The format's ARN continued from the text, as the completion offers it. */
const continued = (format: ArnFormat, text: string, known = none) => {
  const alignment = alignArn(format, text)
  if (alignment === undefined) return undefined
  const { current, before, rest } = alignment
  return before + (current?.typed ?? '') + writePieces(rest, known)
}

describe('alignArn', () => {
  it('reads the fields typed so far and continues the format after them', () => {
    expect(agent.source).toBe(
      'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}',
    )
    const alignment = alignArn(agent, 'arn:aws:connect:us-east-1:111122223333:instance/abc/ag')
    expect(alignment?.values).toEqual(
      new Map([
        ['Partition', 'aws'],
        ['Region', 'us-east-1'],
        ['Account', '111122223333'],
        ['connect/InstanceId', 'abc'],
      ]),
    )
    expect(alignment?.current).toBeUndefined()
    expect(continued(agent, 'arn:aws:connect:us-east-1:111122223333:instance/abc/ag')).toBe(
      'arn:aws:connect:us-east-1:111122223333:instance/abc/agent/${UserId}',
    )
    expect(continued(agent, 'arn:aws:conn')).toBe(
      'arn:aws:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}',
    )
    expect(continued(agent, '')).toBe(agent.source)
  })

  it('names the variable the text ends in, with what of it is typed', () => {
    expect(alignArn(agent, 'arn:aws:connect:us-ea')).toMatchObject({
      current: { name: 'Region', key: 'Region', typed: 'us-ea' },
      before: 'arn:aws:connect:',
    })
    expect(alignArn(agent, 'arn:aws:connect:')?.current).toMatchObject({
      name: 'Region',
      typed: '',
    })
    expect(alignArn(agent, 'arn:aws:connect:r:1:instance/i/agent/u')?.current).toEqual({
      name: 'UserId',
      key: 'connect/UserId',
      typed: 'u',
    })
  })

  it.each([
    ['another service', 'arn:aws:s3:::bucket'],
    ['another resource type', 'arn:aws:connect:r:1:instance/i/queue/q'],
    ['a field too many', 'arn:aws:connect:r:1:2:instance/i'],
    ['not an ARN', '*'],
    ['another case', 'ARN:aws'],
  ])('gives nothing for a text of %s', (_, text) => {
    expect(alignArn(agent, text)).toBeUndefined()
  })

  it('lets no identifier hold the separator the format puts after it', () => {
    expect(alignArn(instance, 'arn:aws:connect:r:1:instance/i/x')).toBeUndefined()
    expect(alignArn(instance, 'arn:aws:connect:r:1:instance/i')?.current?.typed).toBe('i')
  })

  it('continues every prefix of an ARN of a format, and reads its values back from the whole', () => {
    // oracle: the ARN built by filling the format's variables, and the values it was filled with
    const formats = formatsOf('connect')
    const identifier = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/)
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.array(identifier, { minLength: 12, maxLength: 12 }),
        fc.nat(),
        (format, values, cut) => {
          const filled = new Map<string, string>()
          let arn = 'arn:'
          format.fields.forEach((tokens, field) => {
            if (field > 0) arn += ':'
            for (const token of tokens) {
              if (token.kind === 'text') arn += token.text
              else {
                const key = field < 4 ? token.name : `${format.service}/${token.name}`
                const value = filled.get(key) ?? values[filled.size % values.length] ?? 'x'
                filled.set(key, value)
                arn += value
              }
            }
          })
          const prefix = arn.slice(0, cut % (arn.length + 1))
          const label = continued(format, prefix)
          expect(label?.startsWith(prefix)).toBe(true)
          expect(alignArn(format, arn, true)?.values).toEqual(filled)
        },
      ),
    )
  })
})

describe('knownArnValues', () => {
  it("gathers the values other ARNs give, the service's identifiers under its name", () => {
    const known = knownArnValues(
      [
        'arn:aws:connect:us-east-1:111122223333:instance/abc/*',
        'arn:aws:connect:us-west-2:111122223333:instance/def/queue/q1',
        'arn:aws:iam::444455556666:root',
        'arn:aws:connect:*:*:instance/*',
        'arn:aws:connect:us-east-1:${aws:PrincipalAccount}:instance/abc',
        'arn:aws',
      ],
      (arn) => arnValues(arn, formatsOf),
    )
    expect(known.get('Partition')).toEqual(['aws'])
    expect(known.get('Region')).toEqual(['us-east-1', 'us-west-2'])
    expect(known.get('Account')).toEqual(['111122223333', '444455556666'])
    expect(known.get('connect/InstanceId')).toEqual(['abc', 'def'])
    expect(known.get('connect/QueueId')).toEqual(['q1'])
  })

  it('writes a variable the document gives one value as that value', () => {
    const known = new Map([
      ['Account', ['111122223333']],
      ['Region', ['us-east-1', 'us-west-2']],
    ])
    expect(continued(agent, 'arn:aws:', known)).toBe(
      'arn:aws:connect:${Region}:111122223333:instance/${InstanceId}/agent/${UserId}',
    )
  })
})
