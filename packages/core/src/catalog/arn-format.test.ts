// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats in the reference's notation, not templates
import { describe, expect, it } from 'vitest'
import { type FormatToken, readArnFormat, separatedVariables } from './arn-format.ts'

const user = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}'

describe('separatedVariables', () => {
  it.each([
    [user, { InstanceId: '/' }],
    ['arn:${Partition}:s3:::${BucketName}/${ObjectName}', { BucketName: '/' }],
    // a colon after a variable is not a separator: log group names hold colons
    ['arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${S}', {}],
    ['arn:${Partition}:wisdom:${Region}:${Account}:ai-agent/${A}/${B}:${Version}', { A: '/' }],
    [
      'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*',
      { InstanceId: '/' },
    ],
    ['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', {}],
    ['no variables/at all', {}],
  ])('%s', (format, expected) => {
    expect(Object.fromEntries(separatedVariables(format))).toEqual(expected)
  })
})

const text = (value: string): FormatToken => ({ kind: 'text', text: value })
const variable = (name: string, excludes: string): FormatToken => ({
  kind: 'variable',
  name,
  excludes,
})

describe('readArnFormat', () => {
  it('splits a format into its five fields, with what each identifier cannot hold', () => {
    const format = readArnFormat(user, separatedVariables(user))
    expect(format?.source).toBe(user)
    expect(format?.service).toBe('connect')
    expect(format?.fields).toEqual([
      [variable('Partition', ':')],
      [text('connect')],
      [variable('Region', ':')],
      [variable('Account', ':')],
      [text('instance/'), variable('InstanceId', '/'), text('/agent/'), variable('UserId', '')],
    ])
  })

  it('gives the same fields as characters, variables as slots', () => {
    const format = readArnFormat(user, separatedVariables(user))
    expect(format?.characters[1]).toEqual([...'connect'])
    expect(format?.characters[4]).toEqual([
      ...'instance/',
      { excludes: '/' },
      ...'/agent/',
      { excludes: '' },
    ])
    // a Region or account may be left empty (global services, resources AWS owns)
    expect(format?.characters[2]).toEqual([{ excludes: ':', mayBeEmpty: true }])
    expect(format?.characters[3]).toEqual([{ excludes: ':', mayBeEmpty: true }])
    expect(format?.characters[0]).toEqual([{ excludes: ':' }])
  })

  it('keeps the colons of the resource part and empty fields', () => {
    const logs = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:*'
    expect(readArnFormat(logs, new Map())?.fields[4]).toEqual([
      text('log-group:'),
      variable('LogGroupName', ''),
      text(':*'),
    ])
    const bucket = 'arn:${Partition}:s3:::${BucketName}'
    const s3 = readArnFormat(bucket, new Map([['BucketName', '/']]))
    expect(s3?.fields.slice(2, 4)).toEqual([[], []])
    expect(s3?.fields[4]).toEqual([variable('BucketName', '/')])
  })

  it('reads a literal `*` of a format as a character, and a variable service as a variable', () => {
    const queues = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*'
    expect(readArnFormat(queues, new Map())?.characters[4]?.at(-1)).toBe('*')
    const backup = 'arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}:${RecoveryPointId}'
    const format = readArnFormat(backup, new Map())
    expect(format?.service).toBe('${Vendor}')
    expect(format?.fields[1]).toEqual([variable('Vendor', ':')])
    expect(format?.fields[3]).toEqual([text('*')])
  })

  it.each(['*', 'instance/${InstanceId}', 'arn:${Partition}:connect', 'arn:aws:s3::'])(
    'gives nothing for %j, which is not an ARN',
    (source) => {
      expect(readArnFormat(source, new Map())).toBeUndefined()
    },
  )
})
