// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in policy texts, not templates
import { validatePolicy } from '@connect-policy/catalog'
import { compilePolicies, evaluate, parsePolicy } from '@connect-policy/core'

/**
 * One adversarial input family: an input of size `size` (a count of digits, values, resources,
 * statements, ...), made fresh for each round so that no answer the catalog keeps is reused,
 * the public function it is given to, and a check of the answer, so that no row times a wrong one.
 */
export interface GrowthFamily {
  readonly id: GrowthFamilyId
  readonly title: string
  /** The public function timed, as the table names it. */
  readonly operation: string
  /** What the size counts. */
  readonly unit: string
  /** The smallest size; the family is also run at twice and four times it. */
  readonly size: number
  readonly input: (size: number, round: number) => unknown
  readonly run: (input: never) => unknown
  /** Throws when the answer is not the expected one. */
  readonly check: (answer: never, size: number) => void
}

export const growthFamilyIds = [
  'longNumberContext',
  'longNumberPolicy',
  'manyContextValues',
  'manyResources',
  'wildcardActionsResources',
  'repeatedVariableValidate',
  'repeatedVariableEvaluate',
  'manyStarsEvaluate',
  'manyStarsValidate',
  'manyStatementsParse',
  'manyStatementsValidate',
  'manyStatementsCompile',
  'manyConditionKeys',
  'manyTagKeysDeny',
  'manyResourcePatterns',
  'manyUnknownActions',
  'manyPrincipals',
] as const
export type GrowthFamilyId = (typeof growthFamilyIds)[number]

const policy = (statements: readonly object[], version = '2012-10-17') =>
  JSON.stringify({ Version: version, Statement: statements })

const allow = (action: string | readonly string[], resource: unknown, extra: object = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
})

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`growth input: ${what}`)
}

type Evaluation = ReturnType<typeof evaluate>
type Findings = ReturnType<typeof validatePolicy>

const codes = (findings: Findings) => new Set(findings.map((finding) => finding.code))

/** A value of `digits` digits and a letter, which no `Numeric…` operator can read. */
const longNumber = (digits: number, round: number) => `${String(round % 10).repeat(digits)}1x`

export const growthFamilies: readonly GrowthFamily[] = [
  {
    id: 'longNumberContext',
    title: 'long number in the request',
    operation: '`evaluate`',
    unit: 'digits',
    size: 500_000,
    input: (size, round) => ({
      request: {
        action: 'connect:ListUsers',
        resource: '*',
        context: { 'example:Counts': [longNumber(size, round), '1'] },
      },
      policies: {
        identityPolicies: [
          policy([
            allow('connect:ListUsers', '*', {
              Condition: { 'ForAnyValue:NumericEquals': { 'example:Counts': '1' } },
            }),
          ]),
        ],
      },
    }),
    run: (input: { request: object; policies: object }) =>
      evaluate(
        input.request as Parameters<typeof evaluate>[0],
        input.policies as Parameters<typeof evaluate>[1],
      ),
    check: (answer: Evaluation) => expect(answer.decision === 'Allow', 'the `1` is allowed'),
  },
  {
    id: 'longNumberPolicy',
    title: 'long number in a policy',
    operation: '`validatePolicy` (catalog)',
    unit: 'digits',
    size: 500_000,
    input: (size, round) =>
      policy([
        allow('connect:ListUsers', '*', {
          Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': longNumber(size, round) } },
        }),
      ]),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(codes(answer).has('invalid-condition-value'), 'the number is refused'),
  },
  {
    id: 'manyContextValues',
    title: 'many request values under `ForAnyValue`',
    operation: '`evaluate`',
    unit: 'values',
    size: 20_000,
    input: (size, round) => ({
      request: {
        action: 'connect:DescribeUser',
        resource: '*',
        context: {
          'aws:TagKeys': Array.from({ length: size }, (_, index) => `key-${round}-${index}`),
        },
      },
      policies: {
        identityPolicies: [
          policy([
            allow('connect:DescribeUser', '*', {
              Condition: {
                'ForAnyValue:StringLike': { 'aws:TagKeys': ['team-*', 'cost-?', 'owner'] },
              },
            }),
          ]),
        ],
      },
    }),
    run: (input: { request: object; policies: object }) =>
      evaluate(
        input.request as Parameters<typeof evaluate>[0],
        input.policies as Parameters<typeof evaluate>[1],
      ),
    check: (answer: Evaluation) =>
      expect(answer.decision === 'ImplicitDeny', 'no value matches, so nothing is allowed'),
  },
  {
    id: 'manyResources',
    title: 'many resources in one request',
    operation: '`compilePolicies` and `evaluate`, explanation off',
    unit: 'resources',
    size: 2_000,
    input: (size, round) => ({
      request: {
        action: 'connect:DescribeUser',
        resource: Array.from(
          { length: size },
          (_, index) =>
            `arn:aws:connect:us-east-1:123456789012:instance/i-${round}/agent/user-${index}`,
        ),
      },
      policies: {
        identityPolicies: [
          policy([
            allow('connect:Describe*', 'arn:aws:connect:us-east-1:123456789012:instance/*/agent/*'),
            {
              Effect: 'Deny',
              Action: 'connect:*',
              Resource: 'arn:aws:connect:*:*:instance/*/agent/admin-*',
            },
          ]),
        ],
      },
    }),
    // explained, the answer holds a trace per resource and statement (megabytes at these sizes)
    run: (input: { request: object; policies: object }) =>
      compilePolicies(input.policies as Parameters<typeof compilePolicies>[0]).evaluate(
        input.request as Parameters<typeof evaluate>[0],
        { explain: false },
      ),
    check: (answer: Evaluation) => expect(answer.decision === 'Allow', 'every resource is allowed'),
  },
  {
    id: 'wildcardActionsResources',
    title: '`"Action": "*"` with many S3 ARNs',
    operation: '`validatePolicy` (catalog)',
    unit: 'ARNs',
    size: 1_000,
    input: (size, round) =>
      policy([
        allow(
          '*',
          Array.from({ length: size }, (_, index) => `arn:aws:s3:::bucket-${round}-${index}/key`),
        ),
      ]),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(
        codes(answer).has('action-pattern-partly-applies'),
        'most actions of `*` act on no S3 object',
      ),
  },
  {
    id: 'repeatedVariableValidate',
    title: 'repeated `${`, Version 2008-10-17',
    operation: '`validatePolicy` (catalog)',
    unit: '`${` pieces',
    size: 10_000,
    input: (size, round) =>
      policy(
        [
          allow(
            'connect:DescribeUser',
            `arn:aws:connect:us-east-1:123456789012:instance/i-${round}/agent/${'${'.repeat(size)}`,
          ),
          allow('s3:GetObject', '*', {
            Condition: { StringLike: { 'aws:username': `${'${a '.repeat(size)}\${aws:username}` } },
          }),
        ],
        '2008-10-17',
      ),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(codes(answer).has('variables-not-enabled'), 'the variable is read as text'),
  },
  {
    id: 'repeatedVariableEvaluate',
    title: 'repeated `${`, Version 2012-10-17',
    operation: '`evaluate`',
    unit: '`${` pieces',
    size: 50_000,
    input: (size, round) => ({
      request: { action: 's3:GetObject', resource: `arn:aws:s3:::bucket-${round}/key` },
      policies: {
        identityPolicies: [
          policy([allow('s3:GetObject', `arn:aws:s3:::bucket-${round}/${'${a '.repeat(size)}}`)]),
        ],
      },
    }),
    run: (input: { request: object; policies: object }) =>
      evaluate(
        input.request as Parameters<typeof evaluate>[0],
        input.policies as Parameters<typeof evaluate>[1],
      ),
    check: (answer: Evaluation) =>
      expect(answer.decision === 'ImplicitDeny', 'no statement allows the request'),
  },
  {
    id: 'manyStarsEvaluate',
    title: 'many stars in a pattern',
    operation: '`evaluate`',
    unit: 'stars',
    size: 20_000,
    input: (size, round) => ({
      request: {
        action: 's3:GetObject',
        resource: `arn:aws:s3:::${'a'.repeat(size * 2)}`,
        context: { 's3:prefix': 'a'.repeat(size * 2) },
      },
      policies: {
        identityPolicies: [
          policy([
            allow('s3:GetObject', `arn:aws:s3:::*${'a*'.repeat(size)}?b${round}*`),
            allow('s3:GetObject', '*', {
              Condition: { StringLike: { 's3:prefix': `*${'a*'.repeat(size)}?b${round}*` } },
            }),
          ]),
        ],
      },
    }),
    run: (input: { request: object; policies: object }) =>
      evaluate(
        input.request as Parameters<typeof evaluate>[0],
        input.policies as Parameters<typeof evaluate>[1],
      ),
    check: (answer: Evaluation) =>
      expect(answer.decision === 'ImplicitDeny', 'the patterns miss by a final `b`'),
  },
  {
    id: 'manyStarsValidate',
    title: 'many stars in ARN patterns',
    operation: '`validatePolicy` (catalog)',
    unit: 'stars',
    size: 5_000,
    input: (size, round) =>
      policy([
        allow(
          'connect:*',
          `arn:aws:connect:us-east-1:123456789012:instance/i-${round}/${'a*'.repeat(size)}b`,
        ),
        allow('s3:*', [
          `arn:aws:${'*?'.repeat(size)}:us-east-1:123456789012:x-${round}`,
          `arn:aws:s3:::${'*?'.repeat(size)}-${round}`,
        ]),
      ]),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) => expect(Array.isArray(answer), 'findings'),
  },
  {
    id: 'manyStatementsParse',
    title: 'many statements',
    operation: '`parsePolicy`',
    unit: 'statements',
    size: 500,
    input: (size, round) => manyStatements(size, round),
    run: (text: string) => parsePolicy(text),
    check: (answer: ReturnType<typeof parsePolicy>, size) =>
      expect(answer.policy?.statements.length === size, 'every statement is read'),
  },
  {
    id: 'manyStatementsValidate',
    title: 'many statements',
    operation: '`validatePolicy` (catalog)',
    unit: 'statements',
    size: 250,
    input: (size, round) => manyStatements(size, round),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(
        answer.every((finding) => finding.severity !== 'error'),
        'the statements are sound',
      ),
  },
  {
    id: 'manyStatementsCompile',
    title: 'many statements',
    operation: '`compilePolicies` and one `evaluate`',
    unit: 'statements',
    size: 300,
    input: (size, round) => manyStatements(size, round),
    run: (text: string) =>
      compilePolicies({ identityPolicies: [text] }).evaluate({
        action: 'connect:DescribeUser',
        resource: `arn:aws:connect:us-east-1:123456789012:instance/${instanceId(1)}/agent/u-1`,
        context: { 'aws:username': 'u-1', 'aws:TagKeys': ['team'] },
      }),
    check: (answer: Evaluation) =>
      expect(answer.decision === 'Allow', 'a statement allows the request'),
  },
  {
    id: 'manyConditionKeys',
    title: 'many condition keys, `"Action": "*"`',
    operation: '`validatePolicy` (catalog)',
    unit: 'keys',
    size: 2_000,
    input: (size, round) =>
      policy([
        allow('*', '*', {
          Condition: {
            StringEquals: Object.fromEntries(
              Array.from({ length: size }, (_, index) => [
                `aws:PrincipalTag/k-${round}-${index}`,
                `v${index}`,
              ]),
            ),
          },
        }),
      ]),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(!codes(answer).has('unknown-condition-key'), 'every key is in the reference'),
  },
  {
    id: 'manyTagKeysDeny',
    title: 'many tag keys in a Deny of `"Action": "*"`',
    operation: '`validatePolicy` (catalog)',
    unit: 'keys',
    size: 500,
    input: (size, round) =>
      policy([
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: {
            StringEquals: Object.fromEntries(
              Array.from({ length: size }, (_, index) => [
                `aws:ResourceTag/team-${round}-${index}`,
                'blue',
              ]),
            ),
          },
        },
      ]),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(
        codes(answer).has('tag-condition-not-supported'),
        'services without resource tags are named',
      ),
  },
  {
    id: 'manyResourcePatterns',
    title: 'many S3 patterns, each covering an ARN',
    operation: '`validatePolicy` (catalog)',
    unit: 'patterns',
    size: 1_000,
    input: (size, round) =>
      policy([
        allow(
          's3:GetObject',
          Array.from({ length: size }, (_, index) => [
            `arn:aws:s3:::bucket-${round}-${index}/*`,
            `arn:aws:s3:::bucket-${round}-${index}/key`,
          ]).flat(),
        ),
      ]),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(codes(answer).has('redundant-resource'), 'each pattern covers its ARN'),
  },
  {
    id: 'manyUnknownActions',
    title: 'many mistyped actions',
    operation: '`validatePolicy` (catalog)',
    unit: 'actions',
    size: 500,
    input: (size, round) =>
      policy([
        allow(
          Array.from(
            { length: size },
            (_, index) => `connect:StartContactRecordin${round}x${index}`,
          ),
          '*',
        ),
      ]),
    run: (text: string) => validatePolicy(text),
    check: (answer: Findings) =>
      expect(codes(answer).has('unknown-action'), 'the actions are unknown'),
  },
  {
    id: 'manyPrincipals',
    title: 'many principals in a resource policy',
    operation: '`validatePolicy` (catalog)',
    unit: 'principals',
    size: 10_000,
    input: (size, round) =>
      policy([
        allow('s3:GetObject', `arn:aws:s3:::bucket-${round}/*`, {
          Principal: {
            AWS: Array.from(
              { length: size },
              (_, index) => `arn:aws:iam::${String(100_000_000_000 + index)}:role/r-${round}`,
            ),
          },
        }),
      ]),
    run: (text: string) => validatePolicy(text, { policyType: 'resource' }),
    check: (answer: Findings) =>
      expect(
        answer.every((finding) => finding.severity !== 'error'),
        'the principals are sound',
      ),
  },
]

/** An Amazon Connect instance ID (a UUID) per number. */
const instanceId = (index: number) =>
  `a1b2c3d4-5678-90ab-cdef-${index.toString(16).padStart(12, '0')}`

/**
 * A policy of `size` statements, each with its own Sid, actions, resources and a condition, as a
 * generated policy of many grants would be written.
 */
function manyStatements(size: number, round: number): string {
  return policy(
    Array.from({ length: size }, (_, index) => ({
      Sid: `Grant${round}x${index}`,
      ...allow(
        ['connect:DescribeUser', `connect:List${index % 2 === 0 ? 'Users' : 'Queues'}`],
        [
          `arn:aws:connect:us-east-1:123456789012:instance/${instanceId(index)}/agent/*`,
          `arn:aws:connect:us-east-1:123456789012:instance/${instanceId(index)}`,
        ],
        { Condition: { StringEquals: { 'aws:username': `u-${index}` } } },
      ),
    })),
  )
}
