import fc from 'fast-check'
import { describe, it } from 'vitest'
import { splitArn } from '../match/index.ts'
import {
  contextForResource,
  derivedKeyNames,
  isReadableTime,
  type KeyPresence,
  requestScopedKeys,
} from './derived-context.ts'
import { checkRequest } from './request-check.ts'

const principals = [
  '123456789012',
  'arn:aws:iam::123456789012:root',
  'arn:aws:iam::123456789012:user/path/maria',
  'arn:aws:iam::123456789012:role/Agent',
  'arn:aws:sts::123456789012:assumed-role/Agent/maria',
  'arn:aws:sts::123456789012:federated-user/omar',
  'arn:aws:s3:::bucket',
  'not-an-arn',
]

describe('derivedKeyNames', () => {
  it('names every key a request can derive, so that lookups of others skip deriving (oracle: requestScopedKeys)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...principals), { nil: undefined }),
        fc.option(fc.constantFrom('2026-06-01T00:00:00Z', 1767225600, new Date(0)), {
          nil: undefined,
        }),
        (principal, time) => {
          const keys = [...requestScopedKeys({ principal, time }).keys()]
          return keys.every((key) => derivedKeyNames.has(key))
        },
      ),
    )
  })
})

describe('isReadableTime', () => {
  it('accepts exactly the times the time keys are derived from (oracle: requestScopedKeys)', () => {
    const limit = 8.64e12
    const arbTime = fc.oneof(
      fc.double(),
      fc.integer({ min: -2 * limit, max: 2 * limit }),
      fc.constantFrom(limit, -limit, limit + 0.001, 1.5, -0, Number.NaN, Infinity),
      fc.constantFrom('2026-06-01T00:00:00Z', '2026-13-01', 'not a time', '', '1767225600'),
      fc.string(),
      fc.date({ noInvalidDate: false }),
      fc.constantFrom<unknown>(null, true, {}, [], undefined),
    )
    fc.assert(
      fc.property(arbTime, (time) => {
        if (time === undefined) return isReadableTime(time)
        const isTime = typeof time === 'string' || typeof time === 'number' || time instanceof Date
        const derived = isTime && requestScopedKeys({ time }).has('aws:currenttime')
        return isReadableTime(time) === derived
      }),
      { numRuns: 1000 },
    )
  })
})

/** The Region and instance of a resource by their definition: split the ARN, match the path. */
function naiveResourceKeys(action: string, resource: string): Record<string, string | undefined> {
  const parts = splitArn(resource)
  if (parts === undefined) return { region: undefined, instance: undefined }
  const instance = /^instance\/([^/]+)/.exec(parts.resource)
  const connect = parts.service === 'connect' && action.toLowerCase().startsWith('connect:')
  return {
    region: parts.region === '' ? undefined : parts.region,
    instance: connect && instance !== null ? instance[1] : undefined,
  }
}

describe('contextForResource', () => {
  it('reads the Region and the Amazon Connect instance of a resource as their definition says (oracle: naive)', () => {
    const field = fc.constantFrom('', 'connect', 'us-east-1', 'aws', '123456789012', 'connect:x')
    const path = fc.constantFrom(
      'instance/i-1',
      'instance/i-1/agent/a',
      'instance/',
      'instance//x',
      'instances/i',
      'agent/a',
      '',
    )
    const arbResource = fc.oneof(
      fc.tuple(field, field, field, field, path).map((parts) => `arn:${parts.join(':')}`),
      fc.constantFrom('*', 'arn:aws:connect', 'arn:aws:connect:us-east-1:1:instance/i-9'),
    )
    fc.assert(
      fc.property(
        fc.constantFrom('connect:DescribeUser', 'CONNECT:DeleteUser', 's3:GetObject'),
        arbResource,
        fc.constantFrom<KeyPresence>('sent', 'not-sent', 'unknown'),
        (action, resource, presence) => {
          const checked = checkRequest({ action, resource })
          if (checked.error !== undefined) return true
          const { principal, time } = checked
          const context = contextForResource(
            action,
            principal,
            time,
            checked.context,
            resource,
            presence,
          )
          const expected = naiveResourceKeys(action, resource)
          const instance = presence === 'not-sent' ? undefined : expected.instance
          const unsure = presence === 'unknown' ? 'connect:instanceid' : undefined
          return (
            context.get('aws:requestedregion')?.values[0] === expected.region &&
            context.get('connect:instanceid')?.values[0] === instance &&
            context.unsure?.key === unsure &&
            context.unsure?.without.get('connect:instanceid') === undefined
          )
        },
      ),
    )
  })
})
