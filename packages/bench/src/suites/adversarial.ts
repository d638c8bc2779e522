import { compilePolicies, resourceMatch, wildcardMatch } from '@connect-policy/core'
import { measure } from '../harness/measure.ts'
import type { SuiteOutcome } from '../report/results.ts'

/**
 * A pattern of 14 stars that a backtracking matcher takes exponential time over: its head and
 * tail fit any `arn:aws:s3:::` ARN, so no quick test rejects it, and its last piece holds a `?`,
 * so it is compared character by character.
 */
export const adversarialPattern = `arn:aws:s3:::*${'a*'.repeat(12)}?b*`
/** 5,000 characters that the pattern almost matches: it lacks only a `b`. */
export const adversarialResource = `arn:aws:s3:::${'a'.repeat(5000 - 'arn:aws:s3:::'.length)}`

const starCount = adversarialPattern.split('*').length - 1

const json = (document: unknown) => JSON.stringify(document, null, 2)

/** A policy whose only Resource is the adversarial pattern. */
export const adversarialResourcePolicy = json({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: adversarialPattern }],
})

/** The same pattern in a `StringLike` condition, matched against a 5,000-character value. */
export const adversarialConditionPolicy = json({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringLike: { 's3:prefix': adversarialPattern } },
    },
  ],
})

/**
 * Benchmark 3: a 14-star pattern against a 5,000-character resource that it does not match, as
 * the matcher sees it and inside compiled policies (Resource, and a `StringLike` condition).
 */
export function adversarialSuite(): SuiteOutcome {
  const resourceSet = compilePolicies({ identityPolicies: [adversarialResourcePolicy] })
  const conditionSet = compilePolicies({ identityPolicies: [adversarialConditionPolicy] })
  const resourceRequest = { action: 's3:GetObject', resource: adversarialResource }
  const conditionRequest = {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/key',
    context: { 's3:prefix': adversarialResource },
  }
  for (const [set, request] of [
    [resourceSet, resourceRequest],
    [conditionSet, conditionRequest],
  ] as const) {
    for (const explain of [false, true]) {
      if (set.evaluate(request, { explain }).decision !== 'ImplicitDeny') {
        throw new Error('the adversarial pattern must not match')
      }
    }
  }
  if (!resourceMatch(adversarialPattern, `${adversarialResource}b`) || starCount !== 14) {
    throw new Error('the adversarial pattern must match its resource with a final `b`')
  }
  const classic = `${'*a'.repeat(12)}*c*`
  const text = 'a'.repeat(5000)
  const options = { time: 300 }
  const resourceOff = measure(
    'resource off',
    () => resourceSet.evaluate(resourceRequest, { explain: false }),
    options,
  )
  const resourceOn = measure(
    'resource on',
    () => resourceSet.evaluate(resourceRequest, { explain: true }),
    options,
  )
  const conditionOff = measure(
    'condition off',
    () => conditionSet.evaluate(conditionRequest, { explain: false }),
    options,
  )
  const conditionOn = measure(
    'condition on',
    () => conditionSet.evaluate(conditionRequest, { explain: true }),
    options,
  )
  return {
    suite: {
      id: 'adversarial',
      title: 'Adversarial wildcards',
      description:
        'A 14-star pattern (`arn:aws:s3:::*a*a*…a*?b*`) against a 5,000-character ARN it does not match, through the matcher alone (pattern compiled on the way) and decided by compiled policies, as `Resource` and as a `StringLike` condition value against a 5,000-character context value.',
      unit: 'ms',
      columns: ['explanation off', 'explanation on'],
      rows: [
        {
          name: '`resourceMatch(pattern, arn)`',
          first: measure(
            'resourceMatch',
            () => resourceMatch(adversarialPattern, adversarialResource),
            options,
          ),
        },
        {
          name: '`wildcardMatch` of `*a*a…*c*` (14 stars) against 5,000 `a`',
          first: measure('wildcardMatch', () => wildcardMatch(classic, text), options),
        },
        { name: 'policy with the pattern as `Resource`', first: resourceOff, second: resourceOn },
        {
          name: 'policy with the pattern in `StringLike`',
          first: conditionOff,
          second: conditionOn,
        },
      ],
      notes: [],
    },
    metrics: {
      adversarialResourceMs: Math.max(resourceOff.median, resourceOn.median),
      adversarialConditionMs: Math.max(conditionOff.median, conditionOn.median),
    },
  }
}
