import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compilePolicies } from './compile.ts'
import type { AuthorizationRequest } from './request.ts'
import { checkRequest, isPlainRequest } from './request-check.ts'

const resource = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-1'

/** Request fields as callers might get them wrong: the odd types, empties and case clashes. */
const arbValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, '', 'x', 0, 1.5, Number.NaN, Infinity, true, false),
  fc.constantFrom<unknown>(new Date(0), new Date(Number.NaN), [], ['a'], ['a', 'b'], [1], [{}]),
  fc.constantFrom<unknown>({}, 1e13, -1e13, 8.64e12, '2026-06-01T00:00:00Z', 'not a time'),
)
const arbContext = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, 'text', ['a'], {}),
  fc.dictionary(
    fc.constantFrom('aws:SourceIp', 'AWS:SOURCEIP', 'aws:TagKeys', 'aws:SourceArn', 'é:key', 'k'),
    arbValue,
  ),
)
const arbRequest = fc.record({
  resource: fc.oneof(
    arbValue,
    fc.constant(resource),
    fc.array(fc.oneof(fc.constant(resource), arbValue), { maxLength: 3 }),
  ),
  principal: fc.oneof(arbValue, fc.constant('arn:aws:iam::123456789012:user/maria')),
  time: arbValue,
  context: arbContext,
})

describe('isPlainRequest', () => {
  it('vouches only for requests checkRequest accepts (oracle: checkRequest)', () => {
    fc.assert(
      fc.property(arbRequest, ({ resource, principal, time, context }) => {
        if (!isPlainRequest(resource, principal, time, context)) return true
        const request = { action: 'connect:DescribeQueue', resource, principal, time, context }
        return checkRequest(request as AuthorizationRequest, true).error === undefined
      }),
    )
  })

  it('leaves the compiled fast path answering as checkRequest does (oracle: explained)', () => {
    const identityPolicies = [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'connect:*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 'connect:Describe*',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceIp': 'x' } },
          },
        ],
      }),
    ]
    const compiled = compilePolicies({ identityPolicies })
    fc.assert(
      fc.property(arbRequest, (fields) => {
        const request = { action: 'connect:DescribeQueue', ...fields } as AuthorizationRequest
        const explained = compiled.evaluate(request)
        const unexplained = compiled.evaluate(request, { explain: false })
        if (explained.errors !== undefined) {
          expect(unexplained).toEqual(explained)
        } else {
          expect(unexplained.errors).toBeUndefined()
          expect(unexplained.decision).toBe(explained.decision)
          if (unexplained.errors === undefined) {
            expect(unexplained.explanation.deciding).toEqual(explained.explanation.deciding)
          }
        }
      }),
    )
  })
})
