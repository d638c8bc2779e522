// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in policy texts, not templates
import {
  type Catalog,
  formatComparisonWork,
  validatePolicy as validateWith,
} from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { awsCatalog } from './aws-catalog.ts'
import { validatePolicy } from './validate-policy.ts'

// Inputs that once took the validator time quadratic in their size, with the whole service
// reference. Each is large enough that the old code would take minutes (vitest cannot stop
// synchronous work at its timeout, so it would show as minutes of test time) and the new one
// about a second; where the work goes through the catalog's lookups, it is also counted.

const policy = (statements: readonly object[], version = '2012-10-17') =>
  JSON.stringify({ Version: version, Statement: statements })

const codes = (findings: readonly { readonly code: string }[]) =>
  new Set(findings.map((finding) => finding.code))

/** The catalog with its pairwise lookups counted. */
function countedCatalog() {
  const catalog = awsCatalog()
  const counts = { actionReaches: 0, resourceTypesOf: 0 }
  const counted: Catalog = {
    ...catalog,
    actionReaches: (action, resource, work) => {
      counts.actionReaches++
      return catalog.actionReaches(action, resource, work)
    },
    resourceTypesOf: (resource, work) => {
      counts.resourceTypesOf++
      return catalog.resourceTypesOf(resource, work)
    },
  }
  return { counted, counts }
}

describe('the validator is linear in the policy', () => {
  // `"Action": "*"` names every action of the reference (over 17,000): asked action by action
  // and ARN by ARN, 931 S3 ARNs (20 KB) took 14-31 s, and these 4,000 would take minutes
  it('for `"Action": "*"` with thousands of ARNs, asking per resource and per type, not per pair', () => {
    const arns = Array.from({ length: 4000 }, (_, index) => `arn:aws:s3:::bucket-${index}/key`)
    const text = policy([{ Effect: 'Allow', Action: '*', Resource: arns }])
    const { counted, counts } = countedCatalog()
    const findings = validateWith(text, { catalog: counted })
    expect(codes(findings)).toContain('action-pattern-partly-applies')
    expect(counts.actionReaches).toBeLessThanOrEqual(arns.length)
    expect(counts.resourceTypesOf).toBeLessThanOrEqual(10 * arns.length)
    expect(validatePolicy(text)).toEqual(findings)
  })

  it('for many statements naming the same actions and ARNs', () => {
    const statements = Array.from({ length: 300 }, (_, index) => ({
      Effect: 'Allow',
      Action: ['connect:*', 's3:Get*'],
      Resource: [
        `arn:aws:connect:us-east-1:123456789012:instance/i-${index}/agent/*`,
        `arn:aws:s3:::bucket-${index}/*`,
      ],
    }))
    const { counted, counts } = countedCatalog()
    const findings = validateWith(policy(statements), { catalog: counted })
    expect(codes(findings)).toContain('missing-required-resource')
    expect(counts.actionReaches).toBeLessThanOrEqual(10 * statements.length)
  })

  // under 2008-10-17 `${` is text, so such a Resource reaches the lookups of ARN formats, which
  // scanned to the end of the value from every `${` (0.5 s for 20 KB, 50 s for these 200 KB);
  // and a condition value of `${a ` repeated before one `}` was read anew from each `${`
  it('for `${` repeated in a Resource and in a condition value', () => {
    const text = policy(
      [
        {
          Effect: 'Allow',
          Action: 'connect:DescribeUser',
          Resource: `arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/${'${'.repeat(100_000)}`,
        },
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringLike: { 'aws:username': `${'${a '.repeat(50_000)}\${aws:username}` } },
        },
      ],
      '2008-10-17',
    )
    expect(codes(validatePolicy(text))).toContain('variables-not-enabled')
  })

  // each key was checked against every action of `*`: the tag keys of a Deny listed the services
  // without them by testing each action against those that have them (25 s for 200 keys), and
  // every key counted its actions anew (the fuzzer's 2,155 `aws:PrincipalTag/...` keys hung)
  it('for many condition keys of `"Action": "*"`, in an Allow and in a Deny', () => {
    const keys = (prefix: string) =>
      Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`${prefix}k-${index}`, 'x']))
    const text = policy([
      {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: keys('aws:PrincipalTag/') },
      },
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: keys('aws:ResourceTag/') },
      },
    ])
    const found = codes(validatePolicy(text))
    expect(found).toContain('tag-condition-not-supported')
    expect(found).not.toContain('unknown-condition-key')
  })

  // each value was tried against every wildcard of its service: 15,852 S3 patterns (766 KB)
  // took 15 to 25 s, and these 40,000 values would take minutes
  it('for thousands of S3 patterns, each covering an ARN', () => {
    const resources = Array.from({ length: 20_000 }, (_, index) => [
      `arn:aws:s3:::bucket-${index}/*`,
      `arn:aws:s3:::bucket-${index}/key`,
    ]).flat()
    const text = policy([{ Effect: 'Allow', Action: 's3:*', Resource: resources }])
    const redundant = validatePolicy(text, {
      budget: { maxFindings: 100_000, maxAnswerBytes: 2 ** 30 },
    }).filter((finding) => finding.code === 'redundant-resource')
    expect(redundant).toHaveLength(20_000)
  })

  // a pattern of 40,000 stars was compared with each Connect ARN format through a table of its
  // length times the format's, allocated anew for each format
  it('for an ARN pattern of many stars', () => {
    const text = policy([
      {
        Effect: 'Allow',
        Action: 'connect:*',
        Resource: `arn:aws:connect:us-east-1:123456789012:instance/i-1/${'a*'.repeat(40_000)}b`,
      },
    ])
    expect(Array.isArray(validatePolicy(text))).toBe(true)
  })

  // values under one literal head were tried against each other in pairs: 1,000 of them (20 KB)
  // took 150 ms, and these 40,000 would take minutes
  it('for thousands of wildcards under one head, trying each value against a bounded few', () => {
    const patterns = Array.from({ length: 40_000 }, (_, index) => `arn:aws:s3:::*-${index}`)
    const covered = 'arn:aws:s3:::bucket-7'
    const text = policy([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: [...patterns, covered] },
    ])
    const findings = validatePolicy(text)
    // the first wildcards by rank are still tried: `*-7` covers the value after them
    expect(findings.filter((finding) => finding.code === 'redundant-resource')).toHaveLength(1)
  })
})

// ARN patterns are compared with the ARN formats of the whole reference (2,321 types) when their
// service field is a wildcard: `arn:` and 2,203 `?` took 4 s to validate, `arn:` and `a*`
// repeated 1,100 times 3.5 s. Their comparisons are counted in steps (a state swept, ten for a field's quick
// tests) and bounded by what the policy's size allows.
describe('ARN patterns compared with every format of the reference', () => {
  const catalog = awsCatalog()
  const spent = (resource: string) => {
    const work = formatComparisonWork(1e12)
    const types = catalog.resourceTypesOf(resource, work)
    return { steps: 1e12 - work.remaining, types, approximate: work.approximate.size > 0 }
  }

  it('cost the same for any number of `?` past what the formats can hold', () => {
    // wildcards alone: lengths compared, no search; `?` runs in a search: cut where they stop
    // changing what is reached
    for (const head of ['arn:', 'arn:aws:', 'arn:aws:*:*:*:']) {
      const short = spent(`${head}${'?'.repeat(2_000)}x*`)
      const long = spent(`${head}${'?'.repeat(20_000)}x*`)
      expect(long.steps).toBe(short.steps)
      expect(long.types.length).toBe(short.types.length)
    }
    expect(spent('arn:x').steps).toBe(0)
  })

  it('are decided without a search when the pattern is wildcards alone, whatever its length', () => {
    const { steps, types } = spent(`arn:${'?'.repeat(20_000)}*`)
    // a quick test for each field of each format
    expect(steps).toBeLessThanOrEqual(2_321 * 5 * 10)
    expect(types.length).toBeGreaterThan(2_000)
  })

  it('stop at what the policy allows, and say which values they did not decide', () => {
    const stars = `arn:aws:${'a*'.repeat(1_100)}`
    const text = policy([{ Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: stars }])
    const findings = validatePolicy(text)
    // 2,208 characters allow 400,000 steps; this one needs over 26,000,000 (0.4 s)
    expect(spent(stars).steps).toBeGreaterThan(20_000_000)
    expect(codes(findings).has('resource-not-compared')).toBe(true)
    expect(codes(findings).has('over-budget')).toBe(false)
  })

  it('in a policy the fuzzer found hanging (2,868 characters), finish within what it allows', () => {
    const resource = `arn:${'?'.repeat(2_203)}*`
    const text = policy([
      { Effect: 'Allow', Action: ['ec2:TerminateInstances'], Resource: [resource] },
      { Effect: 'Allow', Action: '*', Resource: [resource, 'arn:aws:*:*:*:*'] },
    ])
    expect(codes(validatePolicy(text)).has('resource-not-compared')).toBe(false)
  })
})
