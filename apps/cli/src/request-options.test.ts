import { describe, expect, it } from 'vitest'
import { UsageError } from './command.ts'
import { readContextOptions, readRequestFile, readTimeOption } from './request-options.ts'

describe('readContextOptions', () => {
  it.each([
    ['one key once: one value', ['aws:SourceIp=10.0.0.1'], { 'aws:SourceIp': '10.0.0.1' }],
    [
      'a key given twice: multi-valued, in order',
      ['aws:TagKeys=team', 'aws:TagKeys=cost'],
      { 'aws:TagKeys': ['team', 'cost'] },
    ],
    ['`key[]=`: multi-valued with one value', ['aws:TagKeys[]=team'], { 'aws:TagKeys': ['team'] }],
    ['`key[]=` alone: multi-valued with no values', ['aws:TagKeys[]='], { 'aws:TagKeys': [] }],
    [
      '`key[]` mixed with plain values',
      ['aws:TagKeys[]=', 'aws:TagKeys=team'],
      { 'aws:TagKeys': ['team'] },
    ],
    ['an empty value', ['aws:userid='], { 'aws:userid': '' }],
    ['`=` in the value', ['connect:Attr=a=b'], { 'connect:Attr': 'a=b' }],
    [
      'numbers, booleans and dates as text',
      [
        'aws:MultiFactorAuthAge=3600',
        'aws:SecureTransport=true',
        'aws:CurrentTime=2026-01-01T00:00:00Z',
      ],
      {
        'aws:MultiFactorAuthAge': '3600',
        'aws:SecureTransport': 'true',
        'aws:CurrentTime': '2026-01-01T00:00:00Z',
      },
    ],
    ['nothing', [], {}],
  ])('%s', (_, options, expected) => {
    expect(readContextOptions(options)).toEqual(expected)
  })

  it.each([['aws:SourceIp'], ['=value'], ['[]=value']])('refuses `%s`', (option) => {
    expect(() => readContextOptions([option])).toThrow(
      new UsageError(`\`--context\` takes \`key=value\`, not \`${option}\``),
    )
  })
})

describe('readTimeOption', () => {
  it.each([
    ['1767225600', 1767225600],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ['soon', 'soon'],
  ])('%s → %j', (value, expected) => {
    expect(readTimeOption(value)).toEqual(expected)
  })
})

describe('readRequestFile', () => {
  const read = (text: string) => readRequestFile({ name: 'request.json', text })

  it('reads every field as written', () => {
    const request = {
      action: 'connect:CreateUser',
      resource: ['arn:aws:connect:us-east-1:123456789012:instance/i/agent/a'],
      principal: 'arn:aws:iam::123456789012:role/admin',
      context: { 'aws:MultiFactorAuthAge': 30, 'aws:TagKeys': ['team'] },
      time: '2026-01-01T00:00:00Z',
    }
    expect(read(JSON.stringify(request))).toEqual(request)
  })

  it.each([
    ['{"action": "connect:X",}', /^the request in `request\.json` is not JSON: /],
    ['[]', /^the request in `request\.json` must be a JSON object$/],
    ['null', /^the request in `request\.json` must be a JSON object$/],
    [
      '{"action": "connect:X", "contxt": {}}',
      /^the request in `request\.json` has unknown fields `contxt`: it may have `action`, /,
    ],
  ])('refuses %s', (text, message) => {
    expect(() => read(text)).toThrow(message)
  })
})
