// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and policy variables, not templates
import { describe, expect, it } from 'vitest'
import { readArnFormat, separatedVariables } from './arn-format.ts'
import {
  namesWholeService,
  overlapsFormat,
  readOverlapPattern,
  serviceFieldOf,
} from './format-overlap.ts'

function format(source: string) {
  const read = readArnFormat(source, separatedVariables(source))
  if (read === undefined) throw new Error(`not an ARN format: ${source}`)
  return read
}

const user = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}'
const instance = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}'
// the instance format alone does not say that an instance ID holds no slash; the service does
const instanceInService = readArnFormat(instance, separatedVariables(user))
const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'
const role = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}'
const document = 'arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}'
const logGroup = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}'
const queues = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*'
const recoveryPoint = 'arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}:${RecoveryPointId}'
const i = 'arn:aws:connect:us-east-1:123456789012:instance/i-1'

describe('overlapsFormat', () => {
  it.each([
    [user, `${i}/agent/u-1`, true],
    [user, `${i}/agent/*`, true],
    [user, `${i}/*`, true],
    [user, `${i}*`, true],
    [user, 'arn:aws:connect:*:*:instance/*/agent/*', true],
    [user, `${i}/agent/`, false],
    [user, `${i}/agent-group/g-1`, false],
    [user, `${i}/queue/q-1`, false],
    [user, `${i.replace('connect', 'Connect')}/agent/u-1`, false],
    [user, `${i}/agent/\${aws:username}`, true],
    [user, `${i}/agent/$\{*}`, true],
    [user, '*', true],
    [user, 'connect', false],
    [user, '*:instance/*', false],
    [object, 'arn:aws:s3:::b/k', true],
    [object, 'arn:aws:s3:::b/a/b/c', true],
    [object, 'arn:aws:s3:::b', false],
    [object, 'arn:aws:s3:::b*', true],
    [object, 'arn:aws:s3:us-east-1::b/k', false],
    [object, 'arn:aws:s3:::b/', false],
    [role, 'arn:aws:iam::123456789012:role/path/to/r', true],
    [role, 'arn:aws:iam::*:role/*', true],
    [role, 'arn:aws:iam:us-east-1:123456789012:role/r', false],
    [document, 'arn:aws:ssm:us-east-1::document/AWS-RunRemoteScript', true],
    [document, 'arn:aws:ssm:*::document/*', true],
    [logGroup, 'arn:aws:logs:us-east-1:123456789012:log-group:g-1', true],
    [logGroup, 'arn:aws:logs:us-east-1:123456789012:log-group:g-1:*', true],
    [logGroup, 'arn:aws:logs:us-east-1:123456789012:log-group:', false],
    [queues, `${i}/queue/*`, true],
    [queues, `${i}/queue/?`, true],
    [queues, `${i}/queue/q-1`, false],
    [queues, `${i}/queue/`, false],
    [recoveryPoint, 'arn:aws:ec2:us-east-1:*:snapshot:snap-1', true],
    [recoveryPoint, 'arn:aws:ec2:us-east-1:123456789012:snapshot:snap-1', false],
    [recoveryPoint, 'arn:aws:ec2:us-east-1:*:snapshot', false],
    // short patterns: each field but the last stays in its field
    [user, 'arn:aws:connect:*', true],
    [user, 'arn:aws:conn*', true],
    [user, 'arn:aws:s3:*', false],
    [user, 'arn:aws:*t:*', true],
    [user, 'arn:aws:*3:*', false],
    [object, 'arn:aws:*3:*', true],
    [user, 'arn:*', true],
    [user, 'arn:aws:connect:us-east-1:*', true],
    [user, 'arn:aws:connect:us-east-1:1234*', true],
    [user, 'arn:aws:connect:us-west-2:*', true],
    [user, 'arn:aws-cn:s3:*', false],
    [user, 'arn:aws:connect', false],
    // regressions found by the brute-force property
    ['arn:${Partition}:s:r:${Account}:*', 'arn:a*?::?*', false],
    ['arn:aws:s:${Region}::${Name}/', 'arn:aws:s:aa::a//', false],
  ])('%s and %s: %s', (source, pattern, overlaps) => {
    expect(overlapsFormat(readOverlapPattern(pattern), format(source))).toBe(overlaps)
  })

  it("reads an instance ID without slash by the service's other formats", () => {
    if (instanceInService === undefined) throw new Error('not an ARN format')
    expect(overlapsFormat(readOverlapPattern(`${i}/*`), instanceInService)).toBe(false)
    expect(overlapsFormat(readOverlapPattern(`${i}/*`), format(instance))).toBe(true)
    expect(overlapsFormat(readOverlapPattern(`${i}*`), instanceInService)).toBe(true)
  })
})

describe('readOverlapPattern', () => {
  it('reads stars alone as anything', () => {
    expect(readOverlapPattern('*')).toEqual({ anything: true })
    expect(readOverlapPattern('***')).toEqual({ anything: true })
  })

  it('reads a full ARN as five fields, and a short one as the fields it has', () => {
    expect(readOverlapPattern(`${i}/*`).fields).toHaveLength(5)
    expect(readOverlapPattern('arn:aws:connect:*').fields).toHaveLength(3)
    expect(readOverlapPattern('arn:*').fields).toHaveLength(1)
  })

  it.each(['connect', '*:instance/*', 'arn:aws:connect', 'arn:aws:s?', ''])(
    'reads %j, which is not an ARN pattern, as naming nothing',
    (pattern) => {
      expect(readOverlapPattern(pattern)).toEqual({ anything: false })
    },
  )
})

describe('serviceFieldOf', () => {
  it.each([
    [`${i}/*`, 'connect'],
    ['arn:aws:connect:*', 'connect'],
    ['arn:aws:conn*', undefined],
    ['arn:*', undefined],
    ['*', undefined],
  ])('%s: %s', (pattern, service) => {
    const field = serviceFieldOf(readOverlapPattern(pattern))
    expect(field?.join('')).toBe(service)
  })
})

describe('namesWholeService', () => {
  it.each([
    ['arn:aws:s3:::*', 's3', true],
    ['arn:aws:s3:::*', 'connect', false],
    ['arn:aws:connect:*:*:*', 'connect', true],
    ['arn:aws:connect:us-east-1:123456789012:*', 'connect', true],
    ['arn:aws:connect:*', 'connect', true],
    ['arn:aws:*:*:*:*', 'connect', true],
    ['arn:aws:c*:*:*:*', 'connect', true],
    ['arn:aws:*', 'connect', true],
    ['arn:*', 'connect', true],
    ['arn:aws:?:*:*:*', 'connect', false],
    ['arn:aws:s?:*:*:*', 's3', true],
    ['arn:aws:connect:*:*:instance/*', 'connect', false],
    ['arn:aws:connect:*:*:', 'connect', false],
    ['arn:aws:conn*', 'connect', false],
    ['connect', 'connect', false],
  ])('%s names every resource of %s: %s', (pattern, service, names) => {
    expect(namesWholeService(readOverlapPattern(pattern), service)).toBe(names)
  })
})
