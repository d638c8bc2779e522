import type { FindingSeverity, PolicyType } from '@connect-policy/core'

/** A finding a case expects; every field given must hold for one and the same finding. */
export interface ExpectedFinding {
  readonly code: string
  readonly severity?: FindingSeverity
  /** The text the finding's range covers, quotes included when it covers a whole string. */
  readonly covers?: string
  /** Where the range starts, counted from 1 as editors show it. */
  readonly line?: number
  readonly column?: number
  readonly messageIncludes?: string
  /** What the finding's fix writes. */
  readonly fixText?: string
  /** How many findings match, when it matters (once, not once per key). */
  readonly count?: number
}

/** A policy, how it is attached, and what the validator must and must not say about it. */
export interface ValidationCase {
  readonly name: string
  readonly policy: string
  /** `identity` unless said. */
  readonly policyType?: PolicyType
  /** The options, when they are what the case is about (the catalog is applied whatever). */
  readonly options?: Readonly<Record<string, unknown>>
  /** Findings the policy gets. */
  readonly expect?: readonly ExpectedFinding[]
  /** Codes the policy must not get: near misses, which look wrong and are not. */
  readonly absent?: readonly string[]
  /** Whether the policy gets no finding but the expected ones. */
  readonly nothingElse?: boolean
}

// Values as Amazon Connect writes them: instance and resource IDs are UUIDs.
const account = '123456789012'
const instanceId = 'a1b2c3d4-5678-90ab-cdef-111122223333'
const otherId = 'b2c3d4e5-6789-01ab-cdef-222233334444'
const instance = `arn:aws:connect:us-east-1:${account}:instance/${instanceId}`
/** The ARN of something in the instance: `inInstance('agent/*')` for its users. */
const inInstance = (path: string) => `${instance}/${path}`
/** Where the resource path of `inInstance` starts in the ARN. */
const pathAt = inInstance('').length
/** An IAM policy variable, which a template literal would otherwise read as its own. */
const variable = (key: string) => `\${${key}}`

type Value = string | readonly string[]
type Condition = Readonly<Record<string, Readonly<Record<string, unknown>>>>
type Statement = Readonly<Record<string, unknown>>

function withCondition(statement: Statement, condition: Condition | undefined): Statement {
  return condition === undefined ? statement : { ...statement, Condition: condition }
}

const allow = (action: Value, resource: Value, condition?: Condition): Statement =>
  withCondition({ Effect: 'Allow', Action: action, Resource: resource }, condition)

const deny = (action: Value, resource: Value, condition?: Condition): Statement =>
  withCondition({ Effect: 'Deny', Action: action, Resource: resource }, condition)

/**
 * A policy as `JSON.stringify` lays it out, two spaces deep: the first statement's elements
 * start on line 5, so that `Action` with one value is on line 6 (its value at column 17) and
 * `Resource` with one value on line 7 (its value at column 19).
 */
function policy(...statements: readonly Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
}

/** The same policy on one line, as the documentation prints short ones. */
function oneLine(...statements: readonly Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements })
}

/** A resource-based policy statement for a principal. */
const granting = (principal: unknown, statement: Statement): Statement => ({
  Effect: statement.Effect,
  Principal: principal,
  ...Object.fromEntries(Object.entries(statement).filter(([name]) => name !== 'Effect')),
})

const describeUsers = allow('connect:DescribeUser', inInstance('agent/*'))

/** ARNs of `count` queues of the instance, each about 130 characters long. */
const queues = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    inInstance(`queue/${otherId.slice(0, -4)}${String(index).padStart(4, '0')}`),
  )

/** An SCP of 3,000 characters, and as much again of indentation. */
const deeplyIndentedScp = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      deny(
        Array.from({ length: 100 }, (_, index) => `connect:Delete${index}*`),
        '*',
      ),
    ],
  },
  null,
  20,
)

const jsonSyntax: readonly ValidationCase[] = [
  {
    name: 'a character that starts no value, where a resource was to be',
    policy:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": #}]}',
    expect: [
      { code: 'unexpected-character', severity: 'error', line: 1, column: 107, covers: '#' },
    ],
  },
  {
    name: 'near miss: the same character inside a string',
    policy: policy(allow('s3:GetObject', 'arn:aws:s3:::recordings/#2024/*')),
    absent: ['unexpected-character'],
    nothingElse: true,
  },
  {
    name: 'an array closed with a brace',
    policy:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:DescribeUser"}, "Resource": "*"}]}',
    expect: [{ code: 'unexpected-token', line: 1, column: 94, messageIncludes: 'expected `]`' }],
  },
  {
    name: 'near miss: brackets and braces inside strings',
    policy: policy(
      allow('s3:GetObject', 'arn:aws:s3:::recordings/[2024]/{archive}/*', {
        StringLike: { 's3:ExistingObjectTag/Label': '}]' },
      }),
    ),
    absent: ['unexpected-token', 'unexpected-character'],
  },
  {
    name: 'a policy cut off in the middle of a statement',
    policy: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "${inInstance('agent/*')}"`,
    expect: [{ code: 'unexpected-end', severity: 'error', messageIncludes: 'add `}]}`' }],
  },
  {
    name: 'near miss: line breaks and spaces after the policy',
    policy: `${policy(describeUsers)}\n\n  \t\n`,
    absent: ['unexpected-end', 'trailing-content'],
    nothingElse: true,
  },
  {
    name: 'an ARN without its closing quote',
    policy: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "${inInstance('agent/*')}}]}`,
    expect: [{ code: 'unterminated-string', line: 1, column: 107 }],
  },
  {
    name: 'near miss: an escaped quote inside a condition value',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Label': 'say \\"hi\\"' },
      }),
    ).replace('\\\\\\"', '\\"'),
    absent: ['unterminated-string'],
  },
  {
    name: 'a backslash before a digit, as a Windows path has',
    policy:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings\\2024/*"}]}',
    expect: [{ code: 'invalid-escape', covers: '\\2', line: 1, column: 123 }],
  },
  {
    name: 'near miss: the escapes JSON has (`\\/`, `\\u`, `\\\\`)',
    policy:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings\\/\\u0032024\\\\x/*"}]}',
    absent: ['invalid-escape'],
  },
  {
    name: 'a tab typed inside an ARN',
    policy: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "${instance}/\tagent/*"}]}`,
    expect: [{ code: 'control-character-in-string', severity: 'error', covers: '\t' }],
  },
  {
    name: 'near miss: a tab written as `\\t` in a condition value',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Label': 'a\tb' },
      }),
    ),
    absent: ['control-character-in-string'],
  },
  {
    name: 'numbers JSON cannot read, reported once each',
    policy:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::recordings", "Condition": {"NumericLessThan": {"s3:max-keys": [.5, +1, 1e]}}}]}',
    expect: [
      { code: 'invalid-number', covers: '.5' },
      { code: 'invalid-number', covers: '+1' },
      { code: 'invalid-number', covers: '1e' },
    ],
    absent: ['invalid-condition-value'],
  },
  {
    name: 'near miss: negative, decimal and exponent numbers',
    policy: policy(
      allow('s3:ListBucket', 'arn:aws:s3:::recordings', {
        NumericLessThan: { 's3:max-keys': [-1, 0.5, 1e3] },
      }),
    ),
    absent: ['invalid-number', 'invalid-condition-value'],
  },
  {
    name: 'two statements without a comma, with the fix',
    policy: `{"Version": "2012-10-17", "Statement": [${JSON.stringify(describeUsers)} ${JSON.stringify(allow('connect:ListUsers', instance))}]}`,
    expect: [{ code: 'missing-comma', severity: 'error', fixText: ',' }],
  },
  {
    name: 'near miss: the same statements with their comma',
    policy: oneLine(describeUsers, allow('connect:ListUsers', instance)),
    absent: ['missing-comma'],
    nothingElse: true,
  },
  {
    name: 'a comma after the last element, as the Connect examples print it',
    policy: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "connect:DescribeUser",\n      "Resource": "${inInstance('agent/*')}",\n    }\n  ]\n}`,
    expect: [{ code: 'trailing-comma', line: 7, column: 113, covers: ',', fixText: '' }],
  },
  {
    name: 'a comma after the last item of an array',
    policy: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:DescribeUser", "connect:ListUsers",], "Resource": "*"}]}`,
    expect: [{ code: 'trailing-comma', fixText: '' }],
  },
  {
    name: 'near miss: commas inside values',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Teams': 'sales,support,' },
      }),
    ),
    absent: ['trailing-comma'],
  },
  {
    name: 'an element without its colon',
    policy:
      '{"Version": "2012-10-17", "Statement": [{"Effect" "Allow", "Action": "connect:DescribeUser", "Resource": "*"}]}',
    expect: [{ code: 'missing-colon', severity: 'error' }],
  },
  {
    name: 'near miss: the colons of ARNs',
    policy: policy(describeUsers),
    absent: ['missing-colon'],
  },
  {
    name: 'a line comment, with the fix',
    policy: `{\n  "Version": "2012-10-17",\n  // who may read users\n  "Statement": [${JSON.stringify(describeUsers)}]\n}`,
    expect: [
      {
        code: 'comment',
        line: 3,
        column: 3,
        covers: '// who may read users',
        fixText: '',
      },
    ],
  },
  {
    name: 'near miss: `//` and `/*` inside strings',
    policy: policy(
      allow('s3:GetObject', 'arn:aws:s3:::recordings/*', {
        StringLike: { 'aws:Referer': ['https://example.com/*'] },
      }),
    ),
    absent: ['comment'],
  },
  {
    name: 'two policies pasted one after the other',
    policy: `${oneLine(describeUsers)}\n${oneLine(allow('connect:ListUsers', instance))}`,
    expect: [{ code: 'trailing-content', line: 2, column: 1 }],
  },
  {
    name: 'near miss: one policy and a final line break',
    policy: `${oneLine(describeUsers)}\n`,
    absent: ['trailing-content'],
  },
  {
    name: 'a condition value nested 200 deep',
    policy: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:username": ${'['.repeat(200)}${']'.repeat(200)}}}}]}`,
    expect: [{ code: 'nesting-too-deep', severity: 'error' }],
  },
  {
    name: 'near miss: nested 100 deep',
    policy: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}], "Comment": ${'['.repeat(100)}${']'.repeat(100)}}`,
    absent: ['nesting-too-deep'],
  },
  {
    name: 'only spaces and line breaks',
    policy: '\n\t  \r\n',
    expect: [{ code: 'empty-document', severity: 'error', line: 1, column: 1 }],
  },
  {
    name: 'near miss: an empty object is a document, if a poor one',
    policy: '{}',
    expect: [{ code: 'missing-statement' }],
    absent: ['empty-document'],
  },
  {
    name: 'an operator given twice in one condition, the first silently lost',
    policy: oneLine(
      allow('connect:DescribeUser', '*', {
        StringEquals: { 'aws:ResourceTag/Dept': 'Sales' },
      }),
    ).replace('}}}]}', `}, "StringEquals": {"connect:InstanceId": "${instanceId}"}}}]}`),
    expect: [{ code: 'duplicate-key', severity: 'error', covers: '"StringEquals"' }],
  },
  {
    name: 'two `Resource` elements in one statement',
    policy: `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "${inInstance('agent/*')}", "Resource": "${inInstance('queue/*')}"}]}`,
    expect: [{ code: 'duplicate-key', covers: '"Resource"', messageIncludes: '`Resource`' }],
  },
  {
    name: 'near miss: the same element in two statements, and names that differ in case',
    policy: oneLine(describeUsers, allow('connect:ListUsers', instance)).replace(
      '"Action":"connect:ListUsers"',
      '"Action":"connect:ListUsers","action":"connect:ListQueues"',
    ),
    expect: [{ code: 'unknown-element', covers: '"action"' }],
    absent: ['duplicate-key'],
  },
  {
    name: 'typographic quotes from a word processor',
    policy:
      '{"Version": "2012-10-17", "Statement": [{"Effect": “Allow”, "Action": "s3:GetObject", "Resource": "*"}]}',
    expect: [{ code: 'invalid-character', covers: '“', line: 1, column: 52 }],
    absent: ['unsupported-character'],
  },
  {
    name: 'single quotes',
    policy:
      "{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': '*'}]}",
    expect: [{ code: 'invalid-character', line: 1, column: 2, messageIncludes: 'single quote' }],
  },
  {
    name: 'near miss: an apostrophe inside a string',
    policy: policy(allow('s3:GetObject', "arn:aws:s3:::recordings/o'brien/*")),
    absent: ['invalid-character', 'unsupported-character'],
  },
  {
    name: 'an arrow in an S3 key',
    policy: policy(allow('s3:GetObject', 'arn:aws:s3:::recordings/in→out/*')),
    expect: [
      {
        code: 'unsupported-character',
        severity: 'error',
        line: 7,
        column: 46,
        covers: '→',
        messageIncludes: 'U+2192',
      },
    ],
  },
  {
    name: 'typographic quotes inside a string are characters IAM refuses',
    policy: policy(allow('s3:GetObject', 'arn:aws:s3:::recordings/“quoted”/*')),
    expect: [
      { code: 'unsupported-character', covers: '“' },
      { code: 'unsupported-character', covers: '”' },
    ],
    absent: ['invalid-character'],
  },
  {
    name: 'an emoji in a resource-based policy, a warning there',
    policy: policy(
      granting(
        { AWS: `arn:aws:iam::${account}:root` },
        allow('s3:GetObject', 'arn:aws:s3:::b/😀/*'),
      ),
    ),
    policyType: 'resource',
    expect: [{ code: 'unsupported-character', severity: 'warning', covers: '😀' }],
  },
  {
    name: 'near miss: Latin-1 letters and CRLF line ends',
    policy: policy(allow('s3:GetObject', 'arn:aws:s3:::recordings/café-niño/*')).replaceAll(
      '\n',
      '\r\n',
    ),
    absent: ['unsupported-character'],
    nothingElse: true,
  },
]

const policyGrammar: readonly ValidationCase[] = [
  {
    name: 'a policy that is a string',
    policy: '"connect:DescribeUser"',
    expect: [{ code: 'document-not-object', severity: 'error', line: 1, column: 1 }],
  },
  {
    name: 'a list of statements without the policy around it',
    policy: JSON.stringify([describeUsers]),
    expect: [{ code: 'document-not-object' }],
  },
  {
    name: 'near miss: an object',
    policy: policy(describeUsers),
    absent: ['document-not-object'],
  },
  {
    name: 'a Connect statement printed alone',
    policy: JSON.stringify(describeUsers, null, 2),
    expect: [{ code: 'bare-statement', severity: 'error', line: 1, column: 1 }],
    absent: ['missing-version', 'missing-statement'],
  },
  {
    name: 'near miss: the statement inside its policy',
    policy: policy(describeUsers),
    absent: ['bare-statement'],
  },
  {
    name: 'a number for `Resource` and a map for `Action`',
    policy: oneLine({
      Effect: 'Allow',
      Action: { connect: 'DescribeUser' },
      Resource: 42,
    }),
    expect: [
      { code: 'wrong-type', covers: '{"connect":"DescribeUser"}' },
      { code: 'wrong-type', covers: '42' },
    ],
  },
  {
    name: 'a boolean for `Effect`',
    policy: oneLine({ Effect: true, Action: 'connect:DescribeUser', Resource: '*' }),
    expect: [{ code: 'wrong-type', covers: 'true' }],
  },
  {
    name: 'near miss: numbers and booleans as condition values',
    policy: policy(
      allow('s3:ListBucket', 'arn:aws:s3:::recordings', {
        NumericLessThanEquals: { 's3:max-keys': 100 },
        Bool: { 'aws:SecureTransport': true },
      }),
    ),
    absent: ['wrong-type'],
    nothingElse: true,
  },
  {
    name: '`Resources` for `Resource`',
    policy: oneLine({ Effect: 'Allow', Action: 'connect:DescribeUser', Resources: '*' }),
    expect: [
      { code: 'unknown-element', severity: 'error', messageIncludes: 'did you mean `Resource`' },
      { code: 'missing-resource' },
    ],
  },
  {
    name: '`Statements` at the top',
    policy: JSON.stringify({ Version: '2012-10-17', Statements: [describeUsers] }),
    expect: [{ code: 'unknown-element', covers: '"Statements"' }, { code: 'missing-statement' }],
  },
  {
    name: 'near miss: every element IAM knows',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Id: 'ConnectRecordings',
      Statement: [
        {
          Sid: 'DenyOthers',
          Effect: 'Deny',
          NotPrincipal: { AWS: `arn:aws:iam::${account}:root` },
          NotAction: 's3:GetObject',
          NotResource: 'arn:aws:s3:::recordings/public/*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
    policyType: 'resource',
    absent: ['unknown-element'],
  },
  {
    name: 'no `Version`, with the fix',
    policy: JSON.stringify({ Statement: [describeUsers] }, null, 2),
    expect: [
      {
        code: 'missing-version',
        severity: 'warning',
        line: 1,
        column: 1,
        fixText: '"Version": "2012-10-17", ',
      },
    ],
  },
  {
    name: 'no `Version` in an empty object: the fix adds no comma',
    policy: '{}',
    expect: [{ code: 'missing-version', fixText: '"Version": "2012-10-17"' }],
  },
  {
    name: 'near miss: the older `Version`',
    policy: JSON.stringify({ Version: '2008-10-17', Statement: [describeUsers] }),
    absent: ['missing-version', 'unknown-version'],
    nothingElse: true,
  },
  {
    name: 'a `Version` one day off',
    policy: JSON.stringify({ Version: '2012-10-18', Statement: [describeUsers] }),
    expect: [{ code: 'unknown-version', severity: 'error', covers: '"2012-10-18"' }],
  },
  {
    name: 'a `Version` with a space',
    policy: JSON.stringify({ Version: '2012-10-17 ', Statement: [describeUsers] }),
    expect: [{ code: 'unknown-version' }],
  },
  {
    name: '`Statment` for `Statement`',
    policy: JSON.stringify({ Version: '2012-10-17', Statment: [describeUsers] }),
    expect: [
      { code: 'missing-statement', severity: 'error' },
      { code: 'unknown-element', messageIncludes: 'did you mean `Statement`' },
    ],
  },
  {
    name: 'near miss: one statement as an object, not a list',
    policy: JSON.stringify({ Version: '2012-10-17', Statement: describeUsers }),
    absent: ['missing-statement', 'statement-not-object', 'wrong-type'],
    nothingElse: true,
  },
  {
    name: 'an empty statement list',
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }, null, 2),
    expect: [{ code: 'empty-statement-list', severity: 'error', line: 3 }],
  },
  {
    name: 'near miss: a list of one statement',
    policy: policy(describeUsers),
    absent: ['empty-statement-list'],
  },
  {
    name: 'an action where a statement was to be',
    policy: JSON.stringify({ Version: '2012-10-17', Statement: ['connect:DescribeUser', null] }),
    expect: [
      { code: 'statement-not-object', covers: '"connect:DescribeUser"' },
      { code: 'statement-not-object', covers: 'null' },
    ],
  },
  {
    name: 'near miss: statements that are objects',
    policy: policy(describeUsers, allow('connect:ListUsers', instance)),
    absent: ['statement-not-object'],
  },
  {
    name: 'a statement without `Effect`',
    policy: policy({ Action: 'connect:DescribeUser', Resource: inInstance('agent/*') }),
    expect: [{ code: 'missing-effect', severity: 'error', line: 4, column: 5 }],
  },
  {
    name: 'near miss: `Effect` last',
    policy: policy({ Action: 'connect:DescribeUser', Resource: '*', Effect: 'Deny' }),
    absent: ['missing-effect'],
  },
  {
    name: '`allow` in lower case',
    policy: policy({ Effect: 'allow', Action: 'connect:DescribeUser', Resource: '*' }),
    expect: [{ code: 'invalid-effect', severity: 'error', line: 5, column: 17, covers: '"allow"' }],
  },
  {
    name: '`Permit` for `Allow`',
    policy: policy({ Effect: 'Permit', Action: 'connect:DescribeUser', Resource: '*' }),
    expect: [{ code: 'invalid-effect' }],
  },
  {
    name: 'near miss: `Deny`',
    policy: policy(deny('connect:DeleteUser', inInstance('agent/*'))),
    absent: ['invalid-effect'],
    nothingElse: true,
  },
  {
    name: 'a statement with resources and no action',
    policy: policy({ Effect: 'Allow', Resource: inInstance('agent/*') }),
    expect: [{ code: 'missing-action', severity: 'error' }],
  },
  {
    name: 'near miss: `NotAction` instead of `Action`',
    policy: policy({ Effect: 'Deny', NotAction: 'connect:Describe*', Resource: instance }),
    absent: ['missing-action'],
  },
  {
    name: 'both `Action` and `NotAction`',
    policy: policy({
      Effect: 'Allow',
      Action: 'connect:*',
      NotAction: 'connect:DeleteInstance',
      Resource: '*',
    }),
    expect: [{ code: 'action-and-not-action', severity: 'error' }],
  },
  {
    name: 'near miss: `NotAction` alone',
    policy: policy({ Effect: 'Deny', NotAction: 'connect:Describe*', Resource: instance }),
    absent: ['action-and-not-action'],
  },
  {
    name: 'an identity statement without `Resource`',
    policy: policy({ Effect: 'Allow', Action: 'connect:DescribeUser' }),
    expect: [{ code: 'missing-resource', severity: 'error', line: 4, column: 5 }],
  },
  {
    name: 'a bucket policy statement without `Resource`',
    policy: policy(
      granting(
        { Service: 'connect.amazonaws.com' },
        {
          Effect: 'Allow',
          Action: 's3:PutObject',
          Condition: { StringEquals: { 'aws:SourceAccount': account } },
        },
      ),
    ),
    policyType: 'resource',
    expect: [{ code: 'missing-resource' }],
  },
  {
    name: 'near miss: a role trust policy, which has no `Resource`',
    policy: policy(
      granting(
        { Service: 'connect.amazonaws.com' },
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
        },
      ),
    ),
    policyType: 'resource',
    absent: ['missing-resource'],
    nothingElse: true,
  },
  {
    name: 'near miss: a SAML trust policy with its audience key',
    policy: policy(
      granting(
        { Federated: `arn:aws:iam::${account}:saml-provider/Okta` },
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ),
    ),
    policyType: 'resource',
    absent: ['missing-resource', 'condition-key-not-for-actions', 'unknown-condition-key'],
    nothingElse: true,
  },
  {
    name: 'both `Resource` and `NotResource`',
    policy: policy({
      Effect: 'Allow',
      Action: 'connect:DescribeUser',
      Resource: '*',
      NotResource: inInstance('agent/*'),
    }),
    expect: [{ code: 'resource-and-not-resource', severity: 'error' }],
  },
  {
    name: 'near miss: `NotResource` alone in a Deny',
    policy: policy({
      Effect: 'Deny',
      Action: 'connect:*',
      NotResource: `${instance}*`,
    }),
    absent: ['resource-and-not-resource'],
    nothingElse: true,
  },
  {
    name: 'both `Principal` and `NotPrincipal`',
    policy: policy({
      Effect: 'Deny',
      Principal: '*',
      NotPrincipal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 's3:*',
      Resource: 'arn:aws:s3:::recordings/*',
    }),
    policyType: 'resource',
    expect: [{ code: 'principal-and-not-principal', severity: 'error' }],
  },
  {
    name: 'near miss: `NotPrincipal` alone in a Deny',
    policy: policy({
      Effect: 'Deny',
      NotPrincipal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 's3:*',
      Resource: 'arn:aws:s3:::recordings/*',
    }),
    policyType: 'resource',
    absent: ['principal-and-not-principal', 'allow-with-not-principal'],
  },
  {
    name: 'no resources at all',
    policy: policy(allow('connect:DescribeUser', [])),
    expect: [{ code: 'empty-value-list', severity: 'warning', line: 7, column: 19 }],
  },
  {
    name: 'no values for a condition key',
    policy: policy(
      allow('connect:DescribeUser', '*', { StringEquals: { 'connect:InstanceId': [] } }),
    ),
    expect: [{ code: 'empty-value-list' }],
  },
  {
    name: 'near miss: a list of one `*`',
    policy: policy(allow(['connect:DescribeUser'], ['*'])),
    absent: ['empty-value-list'],
  },
  {
    name: '`Account` as a principal type',
    policy: policy(granting({ Account: account }, allow('s3:GetObject', 'arn:aws:s3:::b/*'))),
    policyType: 'resource',
    expect: [{ code: 'invalid-principal-type', severity: 'error', covers: '"Account"' }],
  },
  {
    name: '`aws` in lower case as a principal type',
    policy: policy(granting({ aws: account }, allow('s3:GetObject', 'arn:aws:s3:::b/*'))),
    policyType: 'resource',
    expect: [{ code: 'invalid-principal-type' }],
  },
  {
    name: 'near miss: `Federated` and `CanonicalUser`',
    policy: policy(
      granting(
        { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
        allow('s3:GetObject', 'arn:aws:s3:::b/*'),
      ),
      granting(
        { Federated: 'cognito-identity.amazonaws.com' },
        allow('sts:AssumeRoleWithWebIdentity', '*'),
      ),
    ),
    policyType: 'resource',
    absent: ['invalid-principal-type'],
  },
  {
    name: 'an operator without keys',
    policy: oneLine({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: 'aws:username' },
    }),
    expect: [{ code: 'invalid-condition', severity: 'error', covers: '"aws:username"' }],
  },
  {
    name: 'an operator with a list of keys',
    policy: oneLine({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: ['aws:username'] },
    }),
    expect: [{ code: 'invalid-condition', messageIncludes: 'must map condition keys to values' }],
  },
  {
    name: 'a condition value that is an object',
    policy: oneLine({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: { 'aws:username': { name: 'ana' } } },
    }),
    expect: [{ code: 'invalid-condition', covers: '{"name":"ana"}' }],
  },
  {
    name: 'a condition that is a list, of the wrong type',
    policy: oneLine({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: [] }),
    expect: [{ code: 'wrong-type', covers: '[]' }],
    absent: ['invalid-condition'],
  },
  {
    name: 'near miss: a key with a list of values',
    policy: policy(
      allow('connect:GetFederationToken', '*', {
        StringEquals: { 'connect:InstanceId': [instanceId, otherId] },
      }),
    ),
    absent: ['invalid-condition'],
    nothingElse: true,
  },
  {
    name: 'a policy variable under 2008-10-17',
    policy: JSON.stringify({
      Version: '2008-10-17',
      Statement: [
        allow('connect:DescribeUser', inInstance('agent/*'), {
          StringEquals: { 'aws:ResourceTag/Dept': variable('aws:PrincipalTag/Dept') },
        }),
      ],
    }),
    expect: [
      {
        code: 'variables-not-enabled',
        severity: 'error',
        covers: `"${variable('aws:PrincipalTag/Dept')}"`,
      },
    ],
  },
  {
    name: 'a policy variable with no `Version`',
    policy: JSON.stringify({
      Statement: [allow('s3:GetObject', `arn:aws:s3:::home/${variable('aws:username')}/*`)],
    }),
    expect: [{ code: 'variables-not-enabled' }, { code: 'missing-version' }],
  },
  {
    name: 'near miss: the variable under 2012-10-17',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Dept': variable('aws:PrincipalTag/Dept') },
      }),
    ),
    absent: ['variables-not-enabled'],
    nothingElse: true,
  },
  {
    name: 'near miss: a dollar sign without braces under 2008-10-17',
    policy: JSON.stringify({
      Version: '2008-10-17',
      Statement: [allow('s3:GetObject', 'arn:aws:s3:::prices/$5/*')],
    }),
    absent: ['variables-not-enabled'],
  },
  {
    name: 'a `Sid` with a dash, with the fix',
    policy: policy({ Sid: 'Allow-Connect-Users', ...describeUsers }),
    expect: [
      {
        code: 'invalid-sid',
        severity: 'error',
        line: 5,
        column: 14,
        fixText: '"AllowConnectUsers"',
      },
    ],
  },
  {
    name: 'a `Sid` with spaces in a resource-based policy, a warning there',
    policy: policy({
      Sid: 'Enable IAM User Permissions',
      ...granting({ AWS: `arn:aws:iam::${account}:root` }, allow('kms:*', '*')),
    }),
    policyType: 'resource',
    expect: [{ code: 'invalid-sid', severity: 'warning', fixText: '"EnableIAMUserPermissions"' }],
  },
  {
    name: 'near miss: letters and digits',
    policy: policy({ Sid: 'AllowConnectUsers2024', ...describeUsers }),
    absent: ['invalid-sid'],
    nothingElse: true,
  },
  {
    name: 'two statements with one `Sid`',
    policy: policy(
      { Sid: 'Users', ...describeUsers },
      { Sid: 'Users', ...allow('connect:ListUsers', instance) },
    ),
    expect: [{ code: 'duplicate-sid', severity: 'error', messageIncludes: 'statements 1 and 2' }],
  },
  {
    name: 'two statements with one `Sid` in a resource-based policy, a warning there',
    policy: policy(
      { Sid: 'Read', ...granting({ AWS: account }, allow('s3:GetObject', 'arn:aws:s3:::b/*')) },
      { Sid: 'Read', ...granting({ AWS: account }, allow('s3:ListBucket', 'arn:aws:s3:::b')) },
    ),
    policyType: 'resource',
    expect: [{ code: 'duplicate-sid', severity: 'warning' }],
  },
  {
    name: 'near miss: `Sid`s that differ',
    policy: policy(
      { Sid: 'Users', ...describeUsers },
      { Sid: 'Users2', ...allow('connect:ListUsers', instance) },
    ),
    absent: ['duplicate-sid'],
    nothingElse: true,
  },
  {
    name: 'an empty `Sid`',
    policy: policy({ Sid: '', ...describeUsers }),
    expect: [{ code: 'empty-sid', severity: 'suggestion', covers: '""' }],
    absent: ['invalid-sid'],
  },
  {
    name: 'near miss: no `Sid` at all',
    policy: policy(describeUsers),
    absent: ['empty-sid'],
  },
]

const policyTypeAndSize: readonly ValidationCase[] = [
  {
    name: '`Principal` in a session policy',
    policy: policy(granting('*', describeUsers)),
    policyType: 'session',
    expect: [
      {
        code: 'principal-not-allowed',
        severity: 'error',
        line: 6,
        column: 20,
        messageIncludes: 'a session policy',
      },
    ],
  },
  {
    name: '`Principal` in a permissions boundary',
    policy: policy(granting({ AWS: account }, allow('connect:*', '*'))),
    policyType: 'permissionsBoundary',
    expect: [{ code: 'principal-not-allowed', messageIncludes: 'a permissions boundary' }],
  },
  {
    name: 'an account as `Principal` in an SCP',
    policy: policy(granting({ AWS: account }, deny('connect:DeleteInstance', '*'))),
    policyType: 'serviceControl',
    expect: [{ code: 'principal-not-allowed' }],
  },
  {
    name: '`"Principal": "*"` in an SCP, whose elements do not include `Principal` (the evaluator refuses it too)',
    policy: policy(granting('*', deny('connect:DeleteInstance', '*'))),
    policyType: 'serviceControl',
    expect: [{ code: 'principal-not-allowed', severity: 'error' }],
  },
  {
    name: 'near miss: an SCP without `Principal`',
    policy: policy(deny('connect:DeleteInstance', '*')),
    policyType: 'serviceControl',
    absent: ['principal-not-allowed'],
    nothingElse: true,
  },
  {
    name: 'near miss: `Principal` in a resource-based policy',
    policy: policy(granting({ AWS: account }, allow('s3:GetObject', 'arn:aws:s3:::b/*'))),
    policyType: 'resource',
    absent: ['principal-not-allowed'],
    nothingElse: true,
  },
  {
    name: 'a Lambda permission for Connect without `Principal`',
    policy: policy(
      allow('lambda:InvokeFunction', `arn:aws:lambda:us-east-1:${account}:function:lookup`, {
        ArnLike: { 'aws:SourceArn': instance },
      }),
    ),
    policyType: 'resource',
    expect: [{ code: 'missing-principal', severity: 'error', line: 4, column: 5 }],
  },
  {
    name: 'near miss: an identity policy without `Principal`',
    policy: policy(describeUsers),
    absent: ['missing-principal'],
  },
  {
    name: '`Id` in a permissions boundary',
    policy: JSON.stringify({ Version: '2012-10-17', Id: 'Boundary', Statement: [allow('*', '*')] }),
    policyType: 'permissionsBoundary',
    expect: [{ code: 'id-not-allowed', severity: 'warning', covers: '"Boundary"' }],
  },
  {
    name: '`Id` in an identity policy',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Id: 'ConnectAgents',
      Statement: [describeUsers],
    }),
    expect: [{ code: 'id-not-allowed' }],
  },
  {
    name: 'near miss: `Id` in a resource-based policy and in an SCP',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Id: 'Guardrails',
      Statement: [deny('connect:DeleteInstance', '*')],
    }),
    policyType: 'serviceControl',
    absent: ['id-not-allowed'],
    nothingElse: true,
  },
  {
    name: 'a star inside an action name in an SCP',
    policy: policy(deny(['connect:*Contact*', 'connect:Delete*'], '*')),
    policyType: 'serviceControl',
    expect: [
      {
        code: 'scp-action-wildcard',
        severity: 'error',
        line: 7,
        column: 9,
        covers: '"connect:*Contact*"',
        count: 1,
      },
    ],
  },
  {
    name: 'near miss: a star that ends the name, and a question mark, in an SCP',
    policy: policy(deny(['connect:Delete*', 'connect:?isassociate*', '*'], '*')),
    policyType: 'serviceControl',
    absent: ['scp-action-wildcard'],
  },
  {
    name: 'near miss: a star inside an action name in an identity policy',
    policy: policy(allow('connect:Describe*User', '*')),
    absent: ['scp-action-wildcard'],
  },
  {
    name: 'an RCP naming an account',
    policy: policy(granting({ AWS: account }, deny('s3:*', '*'))),
    policyType: 'resourceControl',
    expect: [
      {
        code: 'rcp-principal-not-star',
        severity: 'error',
        covers: `{\n        "AWS": "${account}"\n      }`,
      },
    ],
  },
  {
    name: 'an RCP with `NotPrincipal`',
    policy: policy({
      Effect: 'Deny',
      NotPrincipal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 's3:*',
      Resource: '*',
    }),
    policyType: 'resourceControl',
    expect: [{ code: 'rcp-principal-not-star' }],
  },
  {
    name: 'near miss: `"Principal": "*"` in an RCP',
    policy: policy(
      granting(
        '*',
        deny('s3:*', '*', { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      ),
    ),
    policyType: 'resourceControl',
    absent: ['rcp-principal-not-star'],
    nothingElse: true,
  },
  {
    name: 'an RCP Allow with a condition',
    policy: policy(granting('*', allow('*', '*', { Bool: { 'aws:SecureTransport': 'true' } }))),
    policyType: 'resourceControl',
    expect: [{ code: 'rcp-allow-not-full', severity: 'error', line: 4, column: 5 }],
  },
  {
    name: 'an RCP Allow on one bucket',
    policy: policy(granting('*', allow('*', 'arn:aws:s3:::recordings/*'))),
    policyType: 'resourceControl',
    expect: [{ code: 'rcp-allow-not-full' }],
  },
  {
    name: 'near miss: the full RCP Allow, written with lists',
    policy: policy(granting('*', allow(['*'], ['*']))),
    policyType: 'resourceControl',
    absent: ['rcp-allow-not-full'],
    nothingElse: true,
  },
  {
    name: '`NotAction` in an RCP',
    policy: policy({ Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' }),
    policyType: 'resourceControl',
    expect: [{ code: 'rcp-not-action', severity: 'error', covers: '"s3:GetObject"' }],
  },
  {
    name: 'near miss: an RCP Deny listing its actions',
    policy: policy(granting('*', deny(['s3:GetObject', 's3:PutObject'], '*'))),
    policyType: 'resourceControl',
    absent: ['rcp-not-action'],
  },
  {
    name: 'Amazon Connect and Customer Profiles actions in an RCP',
    policy: policy(granting('*', deny(['connect:*', 'profile:GetDomain'], '*'))),
    policyType: 'resourceControl',
    expect: [
      { code: 'rcp-unsupported-service', severity: 'error', covers: '"connect:*"' },
      { code: 'rcp-unsupported-service', covers: '"profile:GetDomain"' },
    ],
  },
  {
    name: 'near miss: services RCPs control, in any case',
    policy: policy(
      granting(
        '*',
        deny(['s3:*', 'KMS:Decrypt', 'sts:AssumeRole', 'secretsmanager:GetSecretValue', '*'], '*'),
      ),
    ),
    policyType: 'resourceControl',
    absent: ['rcp-unsupported-service'],
  },
  {
    name: 'an identity policy over 6,144 characters, a warning',
    policy: policy(allow('connect:DescribeQueue', queues(60))),
    expect: [{ code: 'policy-too-large', severity: 'warning', line: 1, column: 1 }],
  },
  {
    name: 'near miss: 40 queues stay under 6,144 characters',
    policy: policy(allow('connect:DescribeQueue', queues(40))),
    absent: ['policy-too-large'],
    nothingElse: true,
  },
  {
    name: 'a session policy over 2,048 characters, an error',
    policy: policy(allow('connect:DescribeQueue', queues(20))),
    policyType: 'session',
    expect: [{ code: 'policy-too-large', severity: 'error', messageIncludes: 'a session policy' }],
  },
  {
    name: 'an SCP whose indentation takes it over 5,120 characters',
    policy: deeplyIndentedScp,
    policyType: 'serviceControl',
    expect: [
      { code: 'policy-too-large', severity: 'error', messageIncludes: 'service control policy' },
    ],
  },
  {
    name: 'near miss: the same text as an identity policy, where IAM does not count whitespace',
    policy: deeplyIndentedScp,
    absent: ['policy-too-large'],
  },
  {
    name: 'near miss: a resource-based policy, whose quota is its service’s, not checked',
    policy: policy(granting({ AWS: account }, allow('connect:DescribeQueue', queues(60)))),
    policyType: 'resource',
    absent: ['policy-too-large'],
  },
]

const actions: readonly ValidationCase[] = [
  {
    name: 'an action without its service',
    policy: policy(allow('DescribeUser', inInstance('agent/*'))),
    expect: [
      {
        code: 'invalid-action-format',
        severity: 'error',
        line: 6,
        column: 17,
        covers: '"DescribeUser"',
      },
    ],
  },
  {
    name: 'a space for the colon, and a doubled colon',
    policy: policy(allow(['connect DescribeUser', 'connect::ListUsers'], '*')),
    expect: [
      { code: 'invalid-action-format', covers: '"connect DescribeUser"' },
      { code: 'invalid-action-format', covers: '"connect::ListUsers"' },
    ],
  },
  {
    name: 'a policy variable in an action',
    policy: policy(allow(`connect:${variable('aws:PrincipalTag/Action')}`, '*')),
    expect: [{ code: 'invalid-action-format', messageIncludes: 'policy variables work only in' }],
  },
  {
    name: 'near miss: prefixes with dashes, any case, and stars',
    policy: policy(
      allow(
        [
          'app-integrations:GetEventIntegration',
          'connect-campaigns:DescribeCampaign',
          'CONNECT:describeuser',
          'wisdom:*',
          '*',
        ],
        '*',
      ),
    ),
    absent: ['invalid-action-format', 'unknown-action', 'unknown-service'],
  },
  {
    name: 'a space after an action, as a documented example prints it, with the fix',
    policy: policy(allow('wisdom:QueryAssistant ', '*')),
    expect: [
      {
        code: 'action-has-whitespace',
        severity: 'error',
        line: 6,
        column: 17,
        fixText: 'wisdom:QueryAssistant',
      },
    ],
    absent: ['unknown-action'],
  },
  {
    name: 'a tab written as `\\t` after an action: the fix writes the whole value again',
    policy: policy(allow(['connect:DescribeUser', 'connect:ListUsers\t'], '*')),
    expect: [
      {
        code: 'action-has-whitespace',
        covers: '"connect:ListUsers\\t"',
        fixText: '"connect:ListUsers"',
      },
    ],
  },
  {
    name: 'near miss: an action without spaces',
    policy: policy(allow('wisdom:QueryAssistant', '*')),
    absent: ['action-has-whitespace'],
    nothingElse: true,
  },
  {
    name: '`conect` for `connect`, with the fix on the prefix only',
    policy: policy(allow('conect:DescribeUser', inInstance('agent/*'))),
    expect: [
      {
        code: 'unknown-service',
        severity: 'error',
        line: 6,
        column: 18,
        covers: 'conect',
        fixText: 'connect',
      },
    ],
  },
  {
    name: '`customer-profiles` is not the prefix of Customer Profiles',
    policy: policy(allow('customer-profiles:SearchProfiles', '*')),
    expect: [{ code: 'unknown-service', covers: 'customer-profiles' }],
  },
  {
    name: 'a mistyped prefix in an escaped value: the fix writes the whole value again',
    policy: oneLine(allow('conect:DescribeUser', '*')).replace(
      'DescribeUser',
      'Describe\\u0055ser',
    ),
    expect: [{ code: 'unknown-service', fixText: '"connect:DescribeUser"' }],
  },
  {
    name: 'near miss: the prefixes of the services around Connect',
    policy: policy(
      allow(
        [
          'connect:DescribeUser',
          'app-integrations:ListEventIntegrations',
          'profile:SearchProfiles',
          'wisdom:GetAssistant',
          'voiceid:DescribeDomain',
          'connect-campaigns:ListCampaigns',
          'cases:GetDomain',
        ],
        '*',
      ),
    ),
    absent: ['unknown-service', 'unknown-action'],
    nothingElse: true,
  },
  {
    name: '`DescribeUsers` for `DescribeUser`, with the fix',
    policy: policy(allow('connect:DescribeUsers', inInstance('agent/*'))),
    expect: [
      {
        code: 'unknown-action',
        severity: 'error',
        line: 6,
        column: 17,
        messageIncludes: 'did you mean `connect:DescribeUser`',
        fixText: 'connect:DescribeUser',
      },
    ],
  },
  {
    name: 'a Connect action under the Customer Profiles prefix',
    policy: policy(allow('profile:DescribeUser', '*')),
    expect: [{ code: 'unknown-action', fixText: 'connect:DescribeUser' }],
  },
  {
    name: 'two likely actions: named, and no fix',
    policy: policy(allow('profile:ListObjects', '*')),
    expect: [
      {
        code: 'unknown-action',
        messageIncludes: '`profile:ListDomainObjects` or `profile:ListProfileObjects`',
      },
    ],
  },
  {
    name: 'near miss: an action in another case',
    policy: policy(allow('connect:describeUSER', inInstance('agent/*'))),
    absent: ['unknown-action'],
    nothingElse: true,
  },
  {
    name: 'a pattern that matches no Connect action',
    policy: policy(allow(['connect:Describe*Agent', 'connect:Describe*'], '*')),
    expect: [
      {
        code: 'action-pattern-matches-nothing',
        severity: 'error',
        line: 7,
        column: 9,
        covers: '"connect:Describe*Agent"',
        count: 1,
      },
    ],
  },
  {
    name: 'a question mark too many',
    policy: policy(allow('connect:DescribeUser?', '*')),
    expect: [{ code: 'action-pattern-matches-nothing' }],
  },
  {
    name: 'near miss: patterns that match',
    policy: policy(
      allow(['connect:Describe*User', 'connect:?escribeQueue', 'profile:*Profile*'], '*'),
    ),
    absent: ['action-pattern-matches-nothing'],
  },
  {
    name: 'an action a pattern of the statement already names',
    policy: policy(allow(['connect:Describe*', 'connect:DescribeUser'], inInstance('*'))),
    expect: [
      {
        code: 'redundant-action',
        severity: 'suggestion',
        line: 8,
        column: 9,
        covers: '"connect:DescribeUser"',
        messageIncludes: 'already covered by `connect:Describe*`',
      },
    ],
  },
  {
    name: 'one action twice, in two cases',
    policy: policy(allow(['connect:DescribeUser', 'CONNECT:DESCRIBEUSER'], inInstance('agent/*'))),
    expect: [
      {
        code: 'redundant-action',
        covers: '"CONNECT:DESCRIBEUSER"',
        messageIncludes: 'listed twice',
      },
    ],
  },
  {
    name: 'near miss: one name the prefix of another, without a star',
    policy: policy(
      allow(
        ['connect:DescribeUser', 'connect:DescribeUserHierarchyGroup'],
        [inInstance('agent/*'), inInstance('agent-group/*')],
      ),
    ),
    absent: ['redundant-action'],
  },
  {
    name: 'near miss: one action in two statements',
    policy: policy(describeUsers, deny('connect:DescribeUser', inInstance(`agent/${otherId}`))),
    absent: ['redundant-action'],
    nothingElse: true,
  },
]

const resources: readonly ValidationCase[] = [
  {
    name: 'a Connect resource path without its ARN',
    policy: policy(allow('connect:DescribeUser', `instance/${instanceId}/agent/*`)),
    expect: [{ code: 'invalid-arn', severity: 'error', line: 7, column: 19 }],
  },
  {
    name: 'an ARN without `arn:`',
    policy: policy(allow('connect:DescribeUser', `connect:us-east-1:${account}:instance/*`)),
    expect: [{ code: 'invalid-arn' }],
  },
  {
    name: 'near miss: ARNs and patterns of ARNs',
    policy: policy(allow('connect:DescribeUser', [inInstance('agent/*'), 'arn:aws:connect:*'])),
    absent: ['invalid-arn'],
  },
  {
    name: '`aws-gov` for `aws-us-gov`',
    policy: policy(
      allow('connect:DescribeUser', `arn:aws-gov:connect:us-gov-west-1:${account}:instance/*`),
    ),
    expect: [
      { code: 'unknown-partition', severity: 'error', line: 7, column: 24, covers: 'aws-gov' },
    ],
  },
  {
    name: '`AWS` in capitals, with the fix',
    policy: policy(
      allow('connect:DescribeUser', `arn:AWS:connect:us-east-1:${account}:instance/*`),
    ),
    expect: [{ code: 'unknown-partition', covers: 'AWS', fixText: 'aws' }],
  },
  {
    name: 'near miss: other partitions, and a star',
    policy: policy(
      allow('connect:DescribeUser', [
        `arn:aws-us-gov:connect:us-gov-west-1:${account}:instance/*`,
        `arn:aws-cn:connect:cn-north-1:${account}:instance/*`,
        `arn:*:connect:*:${account}:instance/*`,
      ]),
    ),
    absent: ['unknown-partition'],
  },
  {
    name: '`appintegrations` for `app-integrations`, with the fix',
    policy: policy(
      allow(
        'app-integrations:GetEventIntegration',
        `arn:aws:appintegrations:us-east-1:${account}:event-integration/Orders`,
      ),
    ),
    expect: [
      {
        code: 'unknown-arn-service',
        severity: 'error',
        line: 7,
        column: 28,
        covers: 'appintegrations',
        fixText: 'app-integrations',
      },
    ],
  },
  {
    name: '`Connect` in capitals in an ARN, which matches nothing',
    policy: policy(
      allow('connect:DescribeUser', `arn:aws:Connect:us-east-1:${account}:instance/*`),
    ),
    expect: [
      {
        code: 'unknown-arn-service',
        covers: 'Connect',
        messageIncludes: 'lower case',
        fixText: 'connect',
      },
    ],
  },
  {
    name: 'near miss: the ARN services around Connect',
    policy: policy(
      allow('*', [
        `arn:aws:app-integrations:us-east-1:${account}:event-integration/Orders`,
        `arn:aws:profile:us-east-1:${account}:domains/customers`,
        `arn:aws:wisdom:us-east-1:${account}:assistant/${instanceId}`,
        `arn:aws:voiceid:us-east-1:${account}:domain/abcdefghij1234567890AB`,
        `arn:aws:connect-campaigns:us-east-1:${account}:campaign/${instanceId}`,
        `arn:aws:cases:us-east-1:${account}:domain/${instanceId}`,
      ]),
    ),
    absent: ['unknown-arn-service', 'arn-fits-no-resource-type'],
  },
  {
    name: '`us-east-7`, with the fix',
    policy: policy(
      allow('connect:DescribeUser', `arn:aws:connect:us-east-7:${account}:instance/*/agent/*`),
    ),
    expect: [
      {
        code: 'unknown-region',
        severity: 'warning',
        line: 7,
        column: 36,
        covers: 'us-east-7',
        fixText: 'us-east-1',
      },
    ],
  },
  {
    name: 'a mistyped Region in `aws:RequestedRegion`',
    policy: policy(
      deny('connect:*', '*', {
        StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-westt-2'] },
      }),
    ),
    expect: [
      {
        code: 'unknown-region',
        covers: '"eu-westt-2"',
        messageIncludes: 'did you mean `eu-west-2`',
      },
    ],
  },
  {
    name: 'near miss: the Regions where Connect runs, and patterns',
    policy: policy(
      allow('connect:DescribeUser', [
        `arn:aws:connect:ca-central-1:${account}:instance/*/agent/*`,
        `arn:aws:connect:af-south-1:${account}:instance/*/agent/*`,
        `arn:aws:connect:ap-northeast-2:${account}:instance/*/agent/*`,
        `arn:aws:connect:us-gov-west-1:${account}:instance/*/agent/*`,
        `arn:aws:connect:eu-*:${account}:instance/*/agent/*`,
      ]),
      deny('connect:*', '*', { StringNotLike: { 'aws:RequestedRegion': ['eu-*', 'us-west-2'] } }),
    ),
    absent: ['unknown-region'],
  },
  {
    name: 'an account ID of 11 digits',
    policy: policy(
      allow('connect:DescribeUser', 'arn:aws:connect:us-east-1:12345678901:instance/*'),
    ),
    expect: [
      {
        code: 'invalid-account-id',
        severity: 'error',
        line: 7,
        column: 46,
        covers: '12345678901',
      },
    ],
  },
  {
    name: 'an account ID with dashes, as the console shows it',
    policy: policy(
      allow('connect:DescribeUser', 'arn:aws:connect:us-east-1:1234-5678-9012:instance/*'),
    ),
    expect: [{ code: 'invalid-account-id', covers: '1234-5678-9012' }],
  },
  {
    name: 'a short account ID in `aws:SourceAccount`',
    policy: policy(
      granting(
        { Service: 'connect.amazonaws.com' },
        allow('s3:PutObject', 'arn:aws:s3:::recordings/*', {
          StringEquals: { 'aws:SourceAccount': '12345' },
        }),
      ),
    ),
    policyType: 'resource',
    expect: [{ code: 'invalid-account-id', covers: '"12345"' }],
  },
  {
    name: 'near miss: `aws` for AWS-managed views, a star, and a variable',
    policy: policy(
      allow('connect:DescribeView', 'arn:aws:connect:us-east-1:aws:view/*'),
      allow('connect:DescribeUser', 'arn:aws:connect:us-east-1:*:instance/*/agent/*'),
      granting(
        { Service: 'connect.amazonaws.com' },
        allow('s3:PutObject', 'arn:aws:s3:::recordings/*', {
          StringEquals: { 'aws:SourceAccount': variable('aws:PrincipalAccount') },
        }),
      ),
    ),
    policyType: 'resource',
    absent: ['invalid-account-id'],
  },
  {
    name: 'placeholders left from the documentation',
    policy: policy(
      allow(
        'connect:StartContactRecording',
        'arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/*',
      ),
    ),
    expect: [
      { code: 'arn-placeholder', severity: 'error', line: 7, column: 46, covers: 'accountID' },
      { code: 'arn-placeholder', covers: 'instanceId' },
    ],
  },
  {
    name: 'placeholders in angle brackets, braces and capitals',
    policy: policy(
      allow('connect:DescribeUser', [
        'arn:aws:connect:<region>:123456789012:instance/*/agent/*',
        'arn:aws:connect:us-east-1:ACCOUNT_ID:instance/*/agent/*',
        'arn:aws:connect:us-east-1:123456789012:instance/{instance-id}/agent/*',
        'arn:aws:connect:us-east-1:123456789012:instance/your-instance-id/agent/*',
      ]),
    ),
    expect: [
      { code: 'arn-placeholder', covers: '<region>' },
      { code: 'arn-placeholder', covers: 'ACCOUNT_ID' },
      { code: 'arn-placeholder', covers: '{instance-id}' },
      { code: 'arn-placeholder', covers: 'your-instance-id' },
    ],
  },
  {
    name: 'near miss: real names that look like words',
    policy: policy(
      allow(
        ['s3:GetObject', 'iam:GetRole', 'sns:Publish'],
        [
          'arn:aws:s3:::example-recordings/*',
          `arn:aws:iam::${account}:role/ConnectRoleForLambda`,
          `arn:aws:sns:us-east-1:${account}:contact-events`,
        ],
      ),
    ),
    absent: ['arn-placeholder'],
  },
  {
    name: 'a queue ID that is not a UUID',
    policy: policy(allow('connect:DescribeQueue', inInstance('queue/1234'))),
    expect: [
      {
        code: 'invalid-connect-id',
        severity: 'error',
        line: 7,
        column: 19 + 1 + pathAt + 'queue/'.length,
        covers: '1234',
        messageIncludes: 'queue ID',
      },
    ],
  },
  {
    name: 'an instance ID without its dashes',
    policy: policy(
      allow(
        'connect:DescribeUser',
        `arn:aws:connect:us-east-1:${account}:instance/a1b2c3d4567890abcdef111122223333/agent/*`,
      ),
    ),
    expect: [{ code: 'invalid-connect-id', messageIncludes: 'instance ID' }],
  },
  {
    name: 'a user ID with a letter that is not hexadecimal',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/a1b2c3d4-5678-90ab-cdef-11112222333g')),
    ),
    expect: [{ code: 'invalid-connect-id', messageIncludes: '`g` is not a hexadecimal digit' }],
  },
  {
    name: 'a short instance ID in `connect:InstanceId`',
    policy: policy(
      allow('connect:GetFederationToken', '*', {
        StringEquals: { 'connect:InstanceId': instanceId.slice(0, -1) },
      }),
    ),
    expect: [{ code: 'invalid-connect-id', messageIncludes: 'group 5 has 11 characters' }],
  },
  {
    name: 'near miss: IDs in capitals, patterns of IDs, and resources whose IDs are not UUIDs',
    policy: policy(
      allow(
        ['connect:DescribeQueue', 'connect:DescribeView', 'connect:DescribeVocabulary'],
        [
          `arn:aws:connect:us-east-1:${account}:instance/${instanceId.toUpperCase()}/queue/*`,
          inInstance('queue/a1b2*'),
          inInstance('queue/????????-????-????-????-????????????'),
          inInstance('view/custom-agent-view'),
          inInstance('vocabulary/medical'),
        ],
      ),
      allow('connect:GetFederationToken', '*', { StringLike: { 'connect:InstanceId': 'a1b2*' } }),
    ),
    absent: ['invalid-connect-id'],
  },
  {
    name: '`user/` for `agent/`, with the fix on the word only',
    policy: policy(allow('connect:DescribeUser', inInstance('user/*'))),
    expect: [
      {
        code: 'wrong-arn-path',
        severity: 'error',
        line: 7,
        column: 19 + 1 + pathAt,
        covers: 'user',
        messageIncludes: '`agent/`',
        fixText: 'agent',
      },
    ],
  },
  {
    name: '`hierarchy-group/` for `agent-group/`',
    policy: policy(
      allow('connect:DescribeUserHierarchyGroup', inInstance(`hierarchy-group/${otherId}`)),
    ),
    expect: [{ code: 'wrong-arn-path', covers: 'hierarchy-group', fixText: 'agent-group' }],
  },
  {
    name: '`quick-connect/` for `transfer-destination/`',
    policy: policy(allow('connect:DescribeQuickConnect', inInstance('quick-connect/*'))),
    expect: [{ code: 'wrong-arn-path', covers: 'quick-connect', fixText: 'transfer-destination' }],
  },
  {
    name: '`agent-status/` for `agent-state/`',
    policy: policy(allow('connect:DescribeAgentStatus', inInstance('agent-status/*'))),
    expect: [{ code: 'wrong-arn-path', covers: 'agent-status', fixText: 'agent-state' }],
  },
  {
    name: '`hours-of-operation/` for `operating-hours/`',
    policy: policy(allow('connect:DescribeHoursOfOperation', inInstance('hours-of-operation/*'))),
    expect: [{ code: 'wrong-arn-path', covers: 'hours-of-operation', fixText: 'operating-hours' }],
  },
  {
    name: '`contact-flow-module/` for `flow-module/`',
    policy: policy(allow('connect:DescribeContactFlowModule', inInstance('contact-flow-module/*'))),
    expect: [{ code: 'wrong-arn-path', covers: 'contact-flow-module', fixText: 'flow-module' }],
  },
  {
    name: '`user/` in an ARN with escaped slashes: the fix writes the whole value again',
    policy: oneLine(allow('connect:DescribeUser', inInstance('user/*'))).replaceAll('/', '\\/'),
    expect: [{ code: 'wrong-arn-path', fixText: JSON.stringify(inInstance('agent/*')) }],
  },
  {
    name: 'near miss: the words Connect ARNs use',
    policy: policy(
      allow(
        [
          'connect:DescribeUser',
          'connect:DescribeUserHierarchyGroup',
          'connect:DescribeQuickConnect',
          'connect:DescribeAgentStatus',
          'connect:DescribeHoursOfOperation',
          'connect:DescribeContactFlowModule',
        ],
        [
          inInstance('agent/*'),
          inInstance('agent-group/*'),
          inInstance('transfer-destination/*'),
          inInstance('agent-state/*'),
          inInstance('operating-hours/*'),
          inInstance('flow-module/*'),
        ],
      ),
    ),
    absent: ['wrong-arn-path', 'arn-fits-no-resource-type'],
    nothingElse: true,
  },
  {
    name: 'near miss: an instance ID that is not a UUID is not a wrong path',
    policy: policy(
      allow('connect:DescribeUser', `arn:aws:connect:us-east-1:${account}:instance/abc/agent/*`),
    ),
    expect: [{ code: 'invalid-connect-id', covers: 'abc' }],
    absent: ['wrong-arn-path', 'arn-fits-no-resource-type'],
    nothingElse: true,
  },
  {
    name: '`queues/` for `queue/`',
    policy: policy(allow('connect:DescribeQueue', inInstance('queues/*'))),
    expect: [
      {
        code: 'arn-fits-no-resource-type',
        severity: 'warning',
        line: 7,
        column: 19,
        messageIncludes: `instance/${variable('InstanceId')}/`,
      },
    ],
  },
  {
    name: 'a Connect ARN that stops after the instance and a slash',
    policy: policy(allow('connect:DescribeInstance', inInstance(''))),
    expect: [{ code: 'arn-fits-no-resource-type' }],
  },
  {
    name: 'near miss: the instance and all in it, account-level phone numbers, AWS-managed views',
    policy: policy(
      allow('connect:*', [
        `${instance}*`,
        `arn:aws:connect:us-east-1:${account}:phone-number/${otherId}`,
        `arn:aws:connect:us-east-1:${account}:traffic-distribution-group/${otherId}`,
        'arn:aws:connect:us-east-1:aws:view/*',
        inInstance(`view/${otherId}:$LATEST`),
      ]),
    ),
    absent: ['arn-fits-no-resource-type', 'wrong-arn-path'],
  },
  {
    name: 'the users of an instance, and the instance with all in it',
    policy: policy(allow('connect:DescribeUser', [`${instance}/*`, inInstance('agent/*')])),
    expect: [
      {
        code: 'redundant-resource',
        severity: 'suggestion',
        line: 9,
        column: 9,
        messageIncludes: 'already covered by',
      },
    ],
  },
  {
    name: 'one resource twice',
    policy: policy(allow('connect:DescribeUser', [inInstance('agent/*'), inInstance('agent/*')])),
    expect: [{ code: 'redundant-resource', messageIncludes: 'listed twice', count: 1 }],
  },
  {
    name: 'near miss: `agent/*` does not cover `agent-group/*`, nor one Region another',
    policy: policy(
      allow(
        ['connect:DescribeUser', 'connect:DescribeUserHierarchyGroup'],
        [
          inInstance('agent/*'),
          inInstance('agent-group/*'),
          `arn:aws:connect:us-west-2:${account}:instance/${instanceId}/agent/*`,
        ],
      ),
    ),
    absent: ['redundant-resource'],
    nothingElse: true,
  },
]

const actionsAgainstResources: readonly ValidationCase[] = [
  {
    name: '`connect:ListInstances` on an instance, which it takes no part of',
    policy: policy(allow(['connect:ListInstances', 'connect:DescribeInstance'], instance)),
    expect: [
      {
        code: 'action-needs-resource-star',
        severity: 'warning',
        line: 7,
        column: 9,
        covers: '"connect:ListInstances"',
        messageIncludes: 'allows it nothing',
      },
    ],
  },
  {
    name: 'a Deny of `connect:CreateInstance` on one instance denies nothing',
    policy: policy(deny('connect:CreateInstance', instance)),
    expect: [{ code: 'action-needs-resource-star', messageIncludes: 'denies it nothing' }],
  },
  {
    name: 'near miss: actions without resources on `*` and on a service-wide ARN',
    policy: policy(
      allow('connect:ListInstances', '*'),
      allow('connect:CreateInstance', `arn:aws:connect:*:${account}:*`),
    ),
    absent: ['action-needs-resource-star', 'statement-matches-nothing'],
  },
  {
    name: 'a queue action on users',
    policy: policy(allow(['connect:DescribeQueue', 'connect:DescribeUser'], inInstance('agent/*'))),
    expect: [
      {
        code: 'action-matches-no-resource',
        severity: 'warning',
        line: 7,
        column: 9,
        messageIncludes: 'acts on `queue`',
      },
    ],
  },
  {
    name: '`connect:ListQueues` on the instance, where it takes the queues',
    policy: policy(allow(['connect:ListQueues', 'connect:DescribeInstance'], instance)),
    expect: [{ code: 'action-matches-no-resource', covers: '"connect:ListQueues"' }],
  },
  {
    name: 'near miss: list actions on their wildcard types, and actions on all of the instance',
    policy: policy(
      allow(
        [
          'connect:ListQueues',
          'connect:ListContactFlows',
          'connect:ListQuickConnects',
          'connect:ListAgentStatuses',
        ],
        [
          inInstance('queue/*'),
          inInstance('contact-flow/*'),
          inInstance('transfer-destination/*'),
          inInstance('agent-state/*'),
        ],
      ),
      allow(['connect:DescribeUser', 'connect:DescribeQueue'], `${instance}/*`),
    ),
    absent: [
      'action-matches-no-resource',
      'resource-matches-no-action',
      'statement-matches-nothing',
    ],
    nothingElse: true,
  },
  {
    name: 'queues listed for a user action',
    policy: policy(allow('connect:DescribeUser', [inInstance('agent/*'), inInstance('queue/*')])),
    expect: [
      {
        code: 'resource-matches-no-action',
        severity: 'warning',
        line: 9,
        column: 9,
        covers: JSON.stringify(inInstance('queue/*')),
      },
    ],
    absent: ['arn-service-mismatch'],
  },
  {
    name: 'near miss: each resource with its action',
    policy: policy(
      allow(
        ['connect:DescribeUser', 'connect:DescribeQueue'],
        [inInstance('agent/*'), inInstance('queue/*')],
      ),
    ),
    absent: ['resource-matches-no-action', 'action-matches-no-resource'],
    nothingElse: true,
  },
  {
    name: 'a bucket listed with Connect actions',
    policy: policy(
      allow('connect:DescribeUser', [inInstance('agent/*'), 'arn:aws:s3:::recordings/*']),
    ),
    expect: [
      {
        code: 'arn-service-mismatch',
        severity: 'warning',
        line: 9,
        column: 9,
        messageIncludes: '`s3`',
      },
    ],
    absent: ['resource-matches-no-action'],
  },
  {
    name: 'near miss: Amazon Q in Connect ARNs of a Connect resource type, and a bucket with its action',
    policy: policy(
      allow(
        ['connect:DescribeUser', 's3:GetObject'],
        [inInstance('agent/*'), 'arn:aws:s3:::recordings/*'],
      ),
      allow('connect:*', `arn:aws:wisdom:us-east-1:${account}:ai-agent/${instanceId}/*`),
    ),
    absent: ['arn-service-mismatch'],
  },
  {
    name: 'a pattern of which one action acts on users',
    policy: policy(allow('connect:Describe*', inInstance('agent/*'))),
    expect: [
      {
        code: 'action-pattern-partly-applies',
        severity: 'suggestion',
        line: 6,
        column: 17,
        messageIncludes: 'of the',
      },
    ],
  },
  {
    name: 'a Deny pattern that reads broader than what it denies',
    policy: policy(deny('connect:UpdateUser*', inInstance('agent/*'))),
    expect: [
      {
        code: 'action-pattern-partly-applies',
        messageIncludes: '`UpdateUserHierarchyStructure`',
      },
    ],
  },
  {
    name: 'near miss: the Deny that refuses plain HTTP, on every action of the bucket',
    policy: policy(
      deny('s3:*', '*', {
        Bool: { 'aws:SecureTransport': 'false' },
      }),
    ),
    absent: ['action-pattern-partly-applies'],
    nothingElse: true,
  },
  {
    name: 'near miss: patterns every action of which acts on the resources',
    policy: policy(
      allow(
        ['connect:UpdateUserIdentity*', 'connect:DescribeUserHierarchyGroup*'],
        [inInstance('agent/*'), inInstance('agent-group/*')],
      ),
    ),
    absent: ['action-pattern-partly-applies'],
    nothingElse: true,
  },
  {
    name: 'a flow list action on contacts',
    policy: policy(allow('connect:ListContactFlows', inInstance('contact/*'))),
    expect: [
      {
        code: 'statement-matches-nothing',
        severity: 'warning',
        line: 7,
        column: 19,
        messageIncludes: 'allows nothing',
      },
    ],
  },
  {
    name: 'a Deny of contact actions on users',
    policy: policy(deny(['connect:StopContact', 'connect:TransferContact'], inInstance('agent/*'))),
    expect: [{ code: 'statement-matches-nothing', messageIncludes: 'denies nothing' }],
  },
  {
    name: 'near miss: contact actions on contacts',
    policy: policy(
      allow(
        ['connect:StopContact', 'connect:DescribeContact', 'connect:StartContactRecording'],
        inInstance('contact/*'),
      ),
    ),
    absent: ['statement-matches-nothing'],
    nothingElse: true,
  },
  {
    name: '`connect:CreateUser` with the user and its security profile, not its routing profile',
    policy: policy(
      allow('connect:CreateUser', [inInstance('agent/*'), inInstance('security-profile/*')]),
    ),
    expect: [
      {
        code: 'missing-required-resource',
        severity: 'warning',
        line: 6,
        column: 17,
        messageIncludes: '`routing-profile`',
      },
    ],
  },
  {
    name: '`connect:UpdateUserSecurityProfiles` on users alone',
    policy: policy(allow('connect:UpdateUserSecurityProfiles', inInstance('agent/*'))),
    expect: [{ code: 'missing-required-resource', messageIncludes: '`security-profile`' }],
  },
  {
    name: '`connect:CreateQueue` without hours of operation',
    policy: policy(allow('connect:CreateQueue', inInstance('queue/*'))),
    expect: [{ code: 'missing-required-resource', messageIncludes: '`hours-of-operation`' }],
  },
  {
    name: 'a pattern of create actions on users alone, a suggestion',
    policy: policy(allow('connect:CreateUser*', inInstance('agent/*'))),
    expect: [{ code: 'missing-required-resource', severity: 'suggestion' }],
  },
  {
    name: 'near miss: `connect:CreateUser` with the user, its security profile and its routing profile',
    policy: policy(
      allow('connect:CreateUser', [
        inInstance('agent/*'),
        inInstance('security-profile/*'),
        inInstance('routing-profile/*'),
      ]),
    ),
    absent: ['missing-required-resource'],
    nothingElse: true,
  },
  {
    name: 'near miss: `connect:CreateUser` on the instance and all in it',
    policy: policy(
      allow(
        [
          'connect:CreateUser',
          'connect:UpdateUserSecurityProfiles',
          'connect:UpdateUserRoutingProfile',
        ],
        `${instance}*`,
      ),
    ),
    absent: ['missing-required-resource'],
    nothingElse: true,
  },
  {
    name: 'near miss: the resources of `connect:CreateUser` across two statements',
    policy: policy(
      allow('connect:CreateUser', inInstance('agent/*')),
      allow('connect:CreateUser', [
        inInstance('security-profile/*'),
        inInstance('routing-profile/*'),
      ]),
    ),
    absent: ['missing-required-resource'],
    nothingElse: true,
  },
  {
    name: 'a required type of another service missing, a suggestion: its reference may list alternatives',
    policy: policy(
      allow(
        'ssm:StartAutomationExecution',
        `arn:aws:ssm:us-east-1:${account}:automation-definition/Restart:1`,
      ),
    ),
    expect: [{ code: 'missing-required-resource', severity: 'suggestion' }],
  },
  {
    name: 'the model types of `bedrock:InvokeModel` count as one resource, the marketplace apart',
    policy: policy(
      allow('bedrock:InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.*'),
    ),
    expect: [
      {
        code: 'missing-required-resource',
        severity: 'suggestion',
        messageIncludes: 'is authorized against `bedrock-marketplace-model-endpoint` as well',
        count: 1,
      },
    ],
  },
  {
    name: 'near miss: one form of Elastic Load Balancing listener',
    policy: policy(
      allow(
        'elasticloadbalancing:DeleteListener',
        `arn:aws:elasticloadbalancing:us-east-1:${account}:listener/app/web/*`,
      ),
    ),
    absent: ['missing-required-resource'],
  },
  {
    name: 'near miss: tagging one kind of resource of the many a tagging action takes',
    policy: policy(
      allow(
        ['connect:TagResource', 'ec2:CreateTags'],
        [inInstance('queue/*'), `arn:aws:ec2:us-east-1:${account}:instance/*`],
      ),
    ),
    absent: ['missing-required-resource'],
  },
  {
    name: 'near miss: the documented Allow on `*` with a Deny of one security profile',
    policy: policy(
      allow('connect:CreateUser', '*'),
      deny('connect:CreateUser', inInstance(`security-profile/${otherId}`)),
    ),
    absent: ['missing-required-resource'],
    nothingElse: true,
  },
]

const conditions: readonly ValidationCase[] = [
  {
    name: '`StringEqual` for `StringEquals`, reported once for its two keys, with the fix',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEqual: { 'aws:ResourceTag/Dept': 'Sales', 'aws:ResourceTag/Team': 'Blue' },
      }),
    ),
    expect: [
      {
        code: 'unknown-condition-operator',
        severity: 'error',
        line: 9,
        column: 9,
        covers: '"StringEqual"',
        messageIncludes: 'did you mean `StringEquals`',
        fixText: '"StringEquals"',
        count: 1,
      },
    ],
  },
  {
    name: '`ForAnyValues:` for `ForAnyValue:`',
    policy: policy(
      allow('connect:TagResource', '*', {
        'ForAnyValues:StringEquals': { 'aws:TagKeys': ['Dept'] },
      }),
    ),
    expect: [
      {
        code: 'unknown-condition-operator',
        messageIncludes: 'did you mean `ForAnyValue:StringEquals`',
        fixText: '"ForAnyValue:StringEquals"',
      },
    ],
  },
  {
    name: 'an operator in lower case',
    policy: policy(
      allow('connect:DescribeUser', '*', { stringequals: { 'connect:InstanceId': instanceId } }),
    ),
    expect: [{ code: 'unknown-condition-operator', fixText: '"StringEquals"' }],
  },
  {
    name: 'a misspelt operator next to the right one: named, and no fix, which would repeat it',
    policy: policy(
      allow('connect:DescribeUser', '*', {
        StringEquals: { 'connect:InstanceId': instanceId },
        StringEqual: { 'aws:ResourceTag/Dept': 'Sales' },
      }),
    ),
    expect: [
      { code: 'unknown-condition-operator', messageIncludes: 'did you mean `StringEquals`' },
    ],
  },
  {
    name: 'near miss: qualified, negated and IfExists operators',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEqualsIgnoreCase: { 'aws:ResourceTag/Dept': 'sales' },
        'ForAllValues:StringNotLikeIfExists': { 'aws:TagKeys': 'internal-*' },
        ArnNotLikeIfExists: { 'aws:PrincipalArn': `arn:aws:iam::${account}:role/Admin*` },
        DateLessThanEquals: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
      }),
    ),
    absent: ['unknown-condition-operator'],
  },
  {
    name: 'a date that is not a date, a CIDR that is not one, and `yes` for a boolean',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        DateLessThan: { 'aws:CurrentTime': 'tomorrow' },
        IpAddress: { 'aws:SourceIp': '10.0.0.0/33' },
        Bool: { 'aws:SecureTransport': 'yes' },
      }),
    ),
    expect: [
      {
        code: 'invalid-condition-value',
        severity: 'error',
        line: 10,
        column: 30,
        covers: '"tomorrow"',
      },
      { code: 'invalid-condition-value', covers: '"10.0.0.0/33"' },
      { code: 'invalid-condition-value', covers: '"yes"' },
    ],
  },
  {
    name: 'a VPC endpoint ID given for a VPC ID',
    policy: policy(
      deny('connect:*', '*', { StringNotEquals: { 'aws:SourceVpc': 'vpce-1a2b3c4d' } }),
    ),
    expect: [{ code: 'invalid-condition-value', messageIncludes: 'not a VPC ID' }],
  },
  {
    name: 'near miss: dates, epoch seconds, IPv6, JSON booleans and both VPC ID lengths',
    policy: policy(
      deny('connect:*', '*', {
        DateGreaterThan: {
          'aws:CurrentTime': ['2030-01-01', '2030-01-01T00:00:00Z', '1900000000'],
        },
        NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
        Bool: { 'aws:SecureTransport': false },
        StringNotEquals: { 'aws:SourceVpc': ['vpc-1a2b3c4d', 'vpc-0123456789abcdef0'] },
      }),
    ),
    absent: ['invalid-condition-value'],
  },
  {
    name: '`aws:UserNme` for `aws:username`',
    policy: policy(allow('connect:DescribeUser', '*', { StringEquals: { 'aws:UserNme': 'ana' } })),
    expect: [
      {
        code: 'unknown-condition-key',
        severity: 'error',
        line: 10,
        column: 11,
        messageIncludes: 'did you mean `aws:username`',
      },
    ],
  },
  {
    name: '`connect:Instance` for `connect:InstanceId`, a warning for service keys',
    policy: policy(
      allow('connect:GetFederationToken', '*', {
        StringEquals: { 'connect:Instance': instanceId },
      }),
    ),
    expect: [
      { code: 'unknown-condition-key', severity: 'warning', messageIncludes: 'connect:InstanceId' },
    ],
  },
  {
    name: 'a key without its `aws:` prefix',
    policy: policy(allow('connect:DescribeUser', '*', { StringEquals: { username: 'ana' } })),
    expect: [
      {
        code: 'unknown-condition-key',
        severity: 'error',
        messageIncludes: 'did you mean `aws:username`',
      },
    ],
  },
  {
    name: '`aws:ResourceTag` without a tag key',
    policy: policy(
      allow('connect:DescribeUser', '*', { StringEquals: { 'aws:ResourceTag': 'Sales' } }),
    ),
    expect: [{ code: 'unknown-condition-key' }],
  },
  {
    name: 'near miss: keys in any case, tag keys with dashes and colons, Connect search tags',
    policy: policy(
      allow(['connect:DescribeUser', 'connect:SearchUsers'], [inInstance('agent/*'), instance], {
        StringEquals: {
          'CONNECT:instanceid': instanceId,
          'aws:ResourceTag/cost-center': 'cc-1',
          'aws:ResourceTag/aws:cloudformation:stack-name': 'connect',
        },
        StringLike: { 'connect:SearchTag/Dept': 'Sales*' },
      }),
    ),
    absent: ['unknown-condition-key'],
  },
  {
    name: 'a Connect key on an S3 action',
    policy: policy(
      allow('s3:GetObject', 'arn:aws:s3:::recordings/*', {
        StringEquals: { 'connect:InstanceId': instanceId },
      }),
    ),
    expect: [
      {
        code: 'condition-key-not-for-actions',
        severity: 'warning',
        line: 10,
        column: 11,
        messageIncludes: 'never lets the Allow apply',
      },
    ],
  },
  {
    name: 'a search tag key on a describe action',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEquals: { 'connect:SearchTag/Dept': 'Sales' },
      }),
    ),
    expect: [{ code: 'condition-key-not-for-actions' }],
  },
  {
    name: 'near miss: a key some actions of a pattern support, and a key under `NotAction`',
    policy: policy(
      allow('connect:*', '*', { StringEquals: { 'connect:InstanceId': instanceId } }),
      {
        Effect: 'Deny',
        NotAction: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 'connect:InstanceId': otherId } },
      },
    ),
    absent: ['condition-key-not-for-actions'],
  },
  {
    name: 'a tag condition no action of an Allow supports',
    policy: policy(
      allow('connect:ListInstances', '*', { StringEquals: { 'aws:ResourceTag/Dept': 'Sales' } }),
    ),
    expect: [
      {
        code: 'tag-condition-not-supported',
        severity: 'warning',
        line: 10,
        column: 11,
        messageIncludes: 'this Allow never applies',
      },
    ],
  },
  {
    name: 'a tag condition in a Deny that some of its actions do not support',
    policy: policy(
      deny(['connect:DescribeUser', 'connect:ListInstances'], '*', {
        StringEquals: { 'aws:ResourceTag/Dept': 'Sales' },
      }),
    ),
    expect: [
      {
        code: 'tag-condition-not-supported',
        severity: 'security-warning',
        messageIncludes: 'never applies to them',
      },
    ],
  },
  {
    name: 'near miss: `aws:ResourceTag/Dept` on Connect user actions',
    policy: policy(
      allow(['connect:DescribeUser', 'connect:UpdateUserIdentityInfo'], inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Dept': 'Sales' },
      }),
    ),
    absent: [
      'tag-condition-not-supported',
      'unknown-condition-key',
      'condition-key-not-for-actions',
    ],
    nothingElse: true,
  },
  {
    name: 'near miss: request tags on creating and tagging, and a Deny with `IfExists`',
    policy: policy(
      allow(['connect:CreateUser', 'connect:TagResource'], '*', {
        StringEquals: { 'aws:RequestTag/Owner': 'ops' },
      }),
      deny(['connect:DescribeUser', 'connect:ListInstances'], '*', {
        StringNotEqualsIfExists: { 'aws:ResourceTag/Dept': 'Sales' },
      }),
    ),
    absent: ['tag-condition-not-supported'],
  },
  {
    name: 'a numeric operator on a Connect key that holds a string',
    policy: policy(
      allow('connect:GetFederationToken', '*', { NumericEquals: { 'connect:InstanceId': '1' } }),
    ),
    expect: [
      {
        code: 'operator-type-mismatch',
        severity: 'error',
        line: 9,
        column: 9,
        messageIncludes: 'cannot compare',
      },
    ],
  },
  {
    name: 'a string operator on a date key, a warning',
    policy: policy(deny('connect:*', '*', { StringLike: { 'aws:CurrentTime': '2026-*' } })),
    expect: [
      {
        code: 'operator-type-mismatch',
        severity: 'warning',
        messageIncludes: 'compare only as text',
      },
    ],
  },
  {
    name: 'an ARN operator on a string key that holds no ARN, a warning',
    policy: policy(allow('connect:DescribeUser', '*', { ArnLike: { 'aws:username': 'arn:*' } })),
    expect: [{ code: 'operator-type-mismatch', severity: 'warning' }],
  },
  {
    name: 'near miss: strings on a boolean key, ARN operators on string keys named for an ARN',
    policy: policy(
      deny('connect:*', '*', { StringEquals: { 'aws:SecureTransport': 'false' } }),
      allow('logs:AssociateKmsKey', '*', {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:*:*:log-group:*' },
      }),
    ),
    absent: ['operator-type-mismatch'],
  },
  {
    name: 'near miss: ARN operators on Connect ARN keys, numbers on `aws:EpochTime`, strings on ARNs',
    policy: policy(
      allow('connect:DescribeContact', inInstance('contact/*'), {
        ArnEquals: { 'connect:UserArn': inInstance(`agent/${otherId}`) },
        NumericLessThan: { 'aws:EpochTime': 1900000000 },
        StringLike: { 'aws:PrincipalArn': `arn:aws:iam::${account}:role/Agent*` },
      }),
    ),
    absent: ['operator-type-mismatch'],
  },
  {
    name: '`ForAnyValue:` on a key with one value per request',
    policy: policy(
      allow('connect:CreateUser', '*', {
        'ForAnyValue:StringEquals': { 'aws:RequestTag/Dept': 'Sales' },
      }),
    ),
    expect: [
      {
        code: 'set-operator-on-single-valued-key',
        severity: 'warning',
        line: 9,
        column: 9,
        messageIncludes: 'write `StringEquals`',
      },
    ],
  },
  {
    name: '`ForAllValues:` on `connect:InstanceId`',
    policy: policy(
      deny('connect:*', '*', {
        'ForAllValues:StringNotEquals': { 'connect:InstanceId': instanceId },
      }),
    ),
    expect: [{ code: 'set-operator-on-single-valued-key' }],
  },
  {
    name: 'near miss: set operators on tag keys and flow types',
    policy: policy(
      allow('connect:TagResource', '*', {
        'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Dept'] },
      }),
      deny('connect:*', '*', {
        'ForAnyValue:StringEquals': { 'connect:FlowType': ['AGENT_WHISPER'] },
      }),
    ),
    absent: ['set-operator-on-single-valued-key', 'multivalued-key-without-set-operator'],
  },
  {
    name: 'a multivalued Connect key without a set operator',
    policy: policy(
      deny('connect:*', '*', { StringEquals: { 'connect:FlowType': 'AGENT_WHISPER' } }),
    ),
    expect: [
      { code: 'multivalued-key-without-set-operator', severity: 'warning', line: 9, column: 9 },
    ],
  },
  {
    name: '`aws:TagKeys` without a set operator',
    policy: policy(
      allow('connect:UntagResource', '*', { StringEquals: { 'aws:TagKeys': 'Dept' } }),
    ),
    expect: [{ code: 'multivalued-key-without-set-operator' }],
  },
  {
    name: 'near miss: `Null` on `aws:TagKeys`',
    policy: policy(deny('connect:TagResource', '*', { Null: { 'aws:TagKeys': 'true' } })),
    absent: ['multivalued-key-without-set-operator'],
    nothingElse: true,
  },
  {
    name: '`BoolIfExists` on `aws:SecureTransport`, which every request has',
    policy: policy(deny('connect:*', '*', { BoolIfExists: { 'aws:SecureTransport': 'false' } })),
    expect: [
      {
        code: 'if-exists-meaningless',
        severity: 'suggestion',
        line: 9,
        column: 9,
        messageIncludes: 'write `Bool`',
      },
    ],
  },
  {
    name: '`NullIfExists`, reported once for its two keys',
    policy: policy(
      deny('connect:CreateUser', '*', {
        NullIfExists: { 'aws:RequestTag/Dept': 'true', 'aws:RequestTag/Team': 'true' },
      }),
    ),
    expect: [{ code: 'if-exists-meaningless', severity: 'error', count: 1 }],
  },
  {
    name: 'near miss: `BoolIfExists` on keys some requests lack, as AWS recommends for RCPs',
    policy: policy(
      granting(
        '*',
        deny('s3:*', '*', {
          BoolIfExists: {
            'aws:PrincipalIsAWSService': 'false',
            'aws:MultiFactorAuthPresent': 'false',
          },
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
        }),
      ),
    ),
    policyType: 'resourceControl',
    absent: ['if-exists-meaningless'],
    nothingElse: true,
  },
  {
    name: '`ForAllValues:` in an Allow on tag keys',
    policy: policy(
      allow(['connect:TagResource', 'connect:CreateUser'], '*', {
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['Dept', 'Team'] },
      }),
    ),
    expect: [
      {
        code: 'for-all-values-with-allow',
        severity: 'security-warning',
        line: 12,
        column: 9,
        messageIncludes: '`aws:TagKeys`',
      },
    ],
  },
  {
    name: '`ForAllValues:` in an Allow with a `Null` test that the key is absent, which does not help',
    policy: policy(
      allow('connect:TagResource', '*', {
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['Dept'] },
        Null: { 'aws:TagKeys': 'true' },
      }),
    ),
    expect: [{ code: 'for-all-values-with-allow' }],
  },
  {
    name: 'near miss: `ForAllValues:` on `aws:TagKeys` in a Deny',
    policy: policy(
      deny('connect:TagResource', '*', {
        'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['Dept', 'Team'] },
      }),
    ),
    absent: ['for-all-values-with-allow'],
    nothingElse: true,
  },
  {
    name: 'near miss: `ForAllValues:` in an Allow with the `Null` condition it calls for',
    policy: policy(
      allow('connect:TagResource', '*', {
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['Dept', 'Team'] },
        Null: { 'AWS:TagKeys': 'false' },
      }),
    ),
    absent: ['for-all-values-with-allow'],
    nothingElse: true,
  },
  {
    name: 'one key twice under one operator, in two cases',
    policy: policy(
      deny('connect:*', '*', {
        StringNotEquals: { 'connect:InstanceId': instanceId, 'CONNECT:INSTANCEID': otherId },
      }),
    ),
    expect: [
      {
        code: 'duplicate-condition-key',
        severity: 'error',
        line: 11,
        column: 11,
        covers: '"CONNECT:INSTANCEID"',
      },
    ],
  },
  {
    name: 'near miss: one key under two operators',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Dept': 'Sales' },
        StringNotEquals: { 'aws:ResourceTag/Dept': 'Legal' },
      }),
    ),
    absent: ['duplicate-condition-key'],
    nothingElse: true,
  },
  {
    name: '`aws:VpcSourceIp` alone',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' },
      }),
    ),
    expect: [
      {
        code: 'missing-paired-condition-key',
        severity: 'security-warning',
        line: 10,
        column: 11,
        covers: '"aws:VpcSourceIp"',
      },
    ],
  },
  {
    name: 'near miss: `aws:VpcSourceIp` with `aws:SourceVpce`, and `aws:SourceIp` alone',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' },
        StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' },
      }),
      allow('connect:ListUsers', instance, { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
    ),
    absent: ['missing-paired-condition-key'],
    nothingElse: true,
  },
  {
    name: '`<instance-id>` left in a federation policy',
    policy: policy(
      allow('connect:GetFederationToken', '*', {
        StringEquals: { 'connect:InstanceId': '<instance-id>' },
      }),
    ),
    expect: [
      {
        code: 'condition-value-placeholder',
        severity: 'error',
        line: 10,
        column: 33,
        covers: '"<instance-id>"',
      },
    ],
    absent: ['invalid-connect-id'],
  },
  {
    name: '`your-account` left in an account key',
    policy: policy(
      granting(
        { Service: 'connect.amazonaws.com' },
        allow('s3:PutObject', 'arn:aws:s3:::recordings/*', {
          StringEquals: { 'aws:SourceAccount': 'your-account-id' },
        }),
      ),
    ),
    policyType: 'resource',
    expect: [{ code: 'condition-value-placeholder' }],
  },
  {
    name: 'near miss: values that merely contain such words',
    policy: policy(
      allow('connect:DescribeUser', inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Team': ['yours', 'example', 'team-name', 'user-id'] },
      }),
    ),
    absent: ['condition-value-placeholder'],
    nothingElse: true,
  },
]

const security: readonly ValidationCase[] = [
  {
    name: '`Allow` with `NotAction` on an instance',
    policy: policy({ Effect: 'Allow', NotAction: 'connect:Delete*', Resource: `${instance}*` }),
    expect: [{ code: 'allow-not-action', severity: 'security-warning', line: 6, column: 20 }],
  },
  {
    name: 'near miss: `NotAction` in a Deny, and `Allow` with `NotAction` in a boundary',
    policy: policy(
      { Effect: 'Deny', NotAction: ['connect:Describe*', 'connect:List*'], Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    ),
    policyType: 'permissionsBoundary',
    absent: ['allow-not-action'],
  },
  {
    name: '`Allow` with `NotResource`',
    policy: policy({
      Effect: 'Allow',
      Action: 'connect:DescribeUser',
      NotResource: inInstance(`agent/${otherId}`),
    }),
    expect: [{ code: 'allow-not-resource', severity: 'security-warning', line: 7, column: 22 }],
  },
  {
    name: 'near miss: `NotResource` in a Deny, and in an SCP Allow',
    policy: policy(
      { Effect: 'Deny', Action: 'connect:*', NotResource: `${instance}*` },
      { Effect: 'Allow', Action: 'connect:*', NotResource: `${instance}*` },
    ),
    policyType: 'serviceControl',
    absent: ['allow-not-resource'],
  },
  {
    name: 'every action on everything, written `*:*`',
    policy: policy(allow('*:*', '*')),
    expect: [{ code: 'allow-all', severity: 'security-warning', line: 6, column: 17 }],
  },
  {
    name: 'every action on everything, among other actions',
    policy: policy(allow(['connect:DescribeUser', '*'], ['*'])),
    expect: [{ code: 'allow-all' }],
  },
  {
    name: 'near miss: everything with a condition, all of Connect, a Deny of all, and the SCP FullAWSAccess',
    policy: policy(
      allow('*', '*', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      allow('connect:*', '*'),
      deny('*', '*', { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-2' } }),
    ),
    absent: ['allow-all'],
  },
  {
    name: 'near miss: the full Allow of an SCP',
    policy: policy(allow('*', '*')),
    policyType: 'serviceControl',
    absent: ['allow-all'],
    nothingElse: true,
  },
  {
    name: '`iam:PassRole` on every role of the account',
    policy: policy(allow('iam:PassRole', `arn:aws:iam::${account}:role/*`)),
    expect: [{ code: 'pass-role-any-role', severity: 'security-warning', line: 6, column: 17 }],
  },
  {
    name: '`iam:Pass*` on `*`',
    policy: policy(allow(['connect:DescribeUser', 'iam:Pass*'], '*')),
    expect: [{ code: 'pass-role-any-role' }],
  },
  {
    name: '`iam:PassRole` with `NotResource`',
    policy: policy({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      NotResource: `arn:aws:iam::${account}:role/Admin`,
    }),
    expect: [{ code: 'pass-role-any-role' }],
  },
  {
    name: 'near miss: `iam:PassRole` on a role, for Connect only',
    policy: policy(
      allow('iam:PassRole', `arn:aws:iam::${account}:role/ConnectFlowLogsRole`, {
        StringEquals: { 'iam:PassedToService': 'connect.amazonaws.com' },
      }),
    ),
    absent: ['pass-role-any-role'],
    nothingElse: true,
  },
  {
    name: 'near miss: `iam:PassRole` on `*` for Connect only, and on a path of roles',
    policy: policy(
      allow('iam:PassRole', '*', {
        StringEquals: { 'iam:PassedToService': 'connect.amazonaws.com' },
      }),
      allow('iam:PassRole', `arn:aws:iam::${account}:role/connect/*`),
    ),
    absent: ['pass-role-any-role'],
    nothingElse: true,
  },
  {
    name: '`iam:CreateServiceLinkedRole` for every service-linked role',
    policy: policy(allow('iam:CreateServiceLinkedRole', 'arn:aws:iam::*:role/aws-service-role/*')),
    expect: [{ code: 'create-service-linked-role-any', severity: 'warning', line: 6, column: 17 }],
  },
  {
    name: '`iam:CreateServiceLinkedRole` on `*`',
    policy: policy(allow('iam:CreateServiceLinkedRole', '*')),
    expect: [{ code: 'create-service-linked-role-any' }],
  },
  {
    name: 'near miss: the service-linked role of Amazon Connect, by name and by condition',
    policy: policy(
      allow(
        'iam:CreateServiceLinkedRole',
        'arn:aws:iam::*:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*',
      ),
      allow('iam:CreateServiceLinkedRole', '*', {
        StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' },
      }),
    ),
    absent: ['create-service-linked-role-any'],
    nothingElse: true,
  },
  {
    name: '`Allow` with `NotPrincipal` in a bucket policy',
    policy: policy({
      Effect: 'Allow',
      NotPrincipal: { AWS: `arn:aws:iam::${account}:role/Auditor` },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::recordings/*',
    }),
    policyType: 'resource',
    expect: [
      { code: 'allow-with-not-principal', severity: 'security-warning', line: 6, column: 23 },
    ],
  },
  {
    name: 'near miss: `Deny` with `NotPrincipal`',
    policy: policy({
      Effect: 'Deny',
      NotPrincipal: {
        AWS: [`arn:aws:iam::${account}:root`, `arn:aws:iam::${account}:role/Auditor`],
      },
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::recordings/*',
    }),
    policyType: 'resource',
    absent: ['allow-with-not-principal'],
    nothingElse: true,
  },
  {
    name: 'recordings readable by anyone',
    policy: policy(granting({ AWS: '*' }, allow('s3:GetObject', 'arn:aws:s3:::recordings/*'))),
    policyType: 'resource',
    expect: [{ code: 'public-access', severity: 'security-warning', line: 6, column: 20 }],
  },
  {
    name: 'anyone among named principals',
    policy: policy(
      granting(
        { AWS: [`arn:aws:iam::${account}:root`, '*'] },
        allow('s3:GetObject', 'arn:aws:s3:::recordings/*'),
      ),
    ),
    policyType: 'resource',
    expect: [{ code: 'public-access' }],
  },
  {
    name: 'near miss: anyone in the organization, and a Deny for anyone',
    policy: policy(
      granting(
        '*',
        allow('s3:GetObject', 'arn:aws:s3:::recordings/*', {
          StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
        }),
      ),
      granting(
        '*',
        deny(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::recordings/*', {
          Bool: { 'aws:SecureTransport': 'false' },
        }),
      ),
    ),
    policyType: 'resource',
    absent: ['public-access'],
    nothingElse: true,
  },
  {
    name: 'Amazon Connect writing to a bucket for any account',
    policy: policy(
      granting(
        { Service: 'connect.amazonaws.com' },
        allow('s3:PutObject', 'arn:aws:s3:::recordings/*'),
      ),
    ),
    policyType: 'resource',
    expect: [
      {
        code: 'service-principal-without-source',
        severity: 'security-warning',
        line: 7,
        column: 9,
        covers: '"Service"',
      },
    ],
  },
  {
    name: 'Amazon Connect using a key for any account',
    policy: policy(
      granting(
        { Service: ['connect.amazonaws.com'] },
        allow(['kms:Decrypt', 'kms:GenerateDataKey'], '*'),
      ),
    ),
    policyType: 'resource',
    expect: [{ code: 'service-principal-without-source' }],
  },
  {
    name: 'near miss: Amazon Connect invoking a function for one instance, and assuming its role',
    policy: policy(
      granting(
        { Service: 'connect.amazonaws.com' },
        allow('lambda:InvokeFunction', `arn:aws:lambda:us-east-1:${account}:function:lookup`, {
          StringEquals: { 'AWS:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': instance },
        }),
      ),
      granting({ Service: 'connect.amazonaws.com' }, { Effect: 'Allow', Action: 'sts:AssumeRole' }),
    ),
    policyType: 'resource',
    absent: ['service-principal-without-source'],
    nothingElse: true,
  },
]

/** Whole policies as Amazon Connect administrators write them, which must pass clean. */
const connectPolicies: readonly ValidationCase[] = [
  {
    name: 'agents who manage the users of their department',
    policy: policy(
      allow(['connect:DescribeUser', 'connect:UpdateUser*'], inInstance('agent/*'), {
        StringEquals: { 'aws:ResourceTag/Department': variable('aws:PrincipalTag/Department') },
      }),
      allow(['connect:ListUsers', 'connect:SearchUsers'], instance),
    ),
    absent: ['tag-condition-not-supported', 'condition-key-not-for-actions'],
  },
  {
    name: 'a Deny of everything in one instance, by key and by ARN',
    policy: policy(
      deny('connect:*', '*', { StringEquals: { 'connect:InstanceId': instanceId } }),
      deny('connect:*', `${instance}*`),
    ),
    expect: [
      {
        code: 'action-pattern-partly-applies',
        line: 16,
        messageIncludes: '`CreateInstance`',
        count: 1,
      },
    ],
    nothingElse: true,
  },
  {
    name: 'single sign-on into one instance',
    policy: policy(
      allow('connect:GetFederationToken', '*', {
        StringEquals: { 'connect:InstanceId': instanceId },
      }),
    ),
    nothingElse: true,
  },
  {
    name: 'creating users with owner tags',
    policy: policy(
      allow(['connect:CreateUser', 'connect:TagResource'], '*', {
        StringEquals: { 'aws:RequestTag/Owner': variable('aws:username') },
        'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Owner'] },
      }),
    ),
    nothingElse: true,
  },
  {
    name: 'supervisors who monitor and barge into contacts',
    policy: policy(
      allow(
        ['connect:MonitorContact', 'connect:DescribeContact', 'connect:StopContact'],
        inInstance('contact/*'),
      ),
      allow('connect:ListQueues', inInstance('queue/*')),
    ),
    absent: ['action-matches-no-resource', 'statement-matches-nothing'],
  },
  {
    name: 'the contact center and the services it is sold with',
    policy: policy(
      allow(
        ['profile:SearchProfiles', 'profile:GetDomain'],
        `arn:aws:profile:us-east-1:${account}:domains/customers`,
      ),
      allow(
        ['wisdom:GetAssistant', 'wisdom:QueryAssistant'],
        `arn:aws:wisdom:us-east-1:${account}:assistant/${instanceId}`,
      ),
      allow(
        'app-integrations:GetEventIntegration',
        `arn:aws:app-integrations:us-east-1:${account}:event-integration/Orders`,
      ),
      allow(
        'connect-campaigns:DescribeCampaign',
        `arn:aws:connect-campaigns:us-east-1:${account}:campaign/${otherId}`,
      ),
    ),
    nothingElse: true,
  },
]

/** The same rules on other services, to show they are not Connect's alone. */
const otherServices: readonly ValidationCase[] = [
  {
    name: 'S3: home folders by user name',
    policy: policy(
      allow('s3:ListBucket', 'arn:aws:s3:::homes', {
        StringLike: { 's3:prefix': [`home/${variable('aws:username')}/*`] },
      }),
      allow(
        ['s3:GetObject', 's3:PutObject'],
        `arn:aws:s3:::homes/home/${variable('aws:username')}/*`,
      ),
    ),
    nothingElse: true,
  },
  {
    name: 'S3: `s3:GetObjet` for `s3:GetObject`',
    policy: policy(allow('s3:GetObjet', 'arn:aws:s3:::homes/*')),
    expect: [{ code: 'unknown-action', fixText: 's3:GetObject' }],
  },
  {
    name: 'S3: object actions on the bucket',
    policy: policy(allow('s3:GetObject', 'arn:aws:s3:::homes')),
    expect: [{ code: 'statement-matches-nothing' }, { code: 'action-matches-no-resource' }],
  },
  {
    name: 'IAM: `iam:ListRoles` on roles, which it takes no part of',
    policy: policy(allow(['iam:GetRole', 'iam:ListRoles'], `arn:aws:iam::${account}:role/*`)),
    expect: [{ code: 'action-needs-resource-star', covers: '"iam:ListRoles"' }],
  },
  {
    name: 'KMS: decrypting with one key',
    policy: policy(
      allow(
        ['kms:Decrypt', 'kms:GenerateDataKey'],
        `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        {
          StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
        },
      ),
    ),
    nothingElse: true,
  },
  {
    name: 'Lambda: a function and its versions',
    policy: policy(
      allow('lambda:InvokeFunction', [
        `arn:aws:lambda:us-east-1:${account}:function:lookup`,
        `arn:aws:lambda:us-east-1:${account}:function:lookup:*`,
      ]),
    ),
    nothingElse: true,
  },
  {
    name: 'DynamoDB: `dynamodb:LeadingKeys` with its set operator',
    policy: policy(
      allow('dynamodb:GetItem', `arn:aws:dynamodb:us-east-1:${account}:table/Customers`, {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [variable('aws:userid')] },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      }),
    ),
    nothingElse: true,
  },
  {
    name: 'EC2: `ec2:Region` in the wrong type of operator',
    policy: policy(allow('ec2:DescribeInstances', '*', { NumericEquals: { 'ec2:Region': '1' } })),
    expect: [{ code: 'operator-type-mismatch', severity: 'error' }],
  },
]

/** Values that cannot be read as what their element holds: they name nothing. */
const unreadableValues: readonly ValidationCase[] = [
  {
    name: 'an option misspelt, and a policy type that does not exist',
    policy: policy(allow('s3:GetObject', '*')),
    options: { policyTyp: 'identity', policyType: 'service-control-policy' },
    expect: [
      { code: 'invalid-argument', severity: 'error', messageIncludes: 'did you mean `policyType`' },
      {
        code: 'invalid-argument',
        messageIncludes: '`service-control-policy` is not a policy type',
      },
    ],
  },
  {
    name: 'near miss: every option as documented',
    policy: policy(allow('s3:GetObject', '*')),
    options: { policyType: 'serviceControl', suppress: ['allow-all'] },
    absent: ['invalid-argument'],
  },
  {
    name: 'near miss: a policy type by its abbreviation, as the command line takes it',
    policy: policy(allow('s3:GetObject', '*')),
    options: { policyType: 'scp' },
    absent: ['invalid-argument'],
  },
  {
    name: 'a code to suppress that the validator never reports',
    policy: policy(allow('s3:GetObject', '*')),
    options: { suppress: ['alow-all'] },
    expect: [
      {
        code: 'invalid-argument',
        messageIncludes: '`alow-all` is not a finding code: did you mean `allow-all`',
      },
    ],
  },
  {
    name: 'a policy whose validation would cost more steps than the budget allows',
    policy: policy(allow(['connect:DescribeUser', 'connect:ListUsers'], inInstance('agent/*'))),
    options: { budget: { maxSteps: 100 } },
    expect: [
      {
        code: 'over-budget',
        severity: 'error',
        line: 1,
        column: 1,
        messageIncludes: 'more than `maxSteps` allows (100): the policy is not validated',
      },
    ],
    nothingElse: true,
  },
  {
    name: 'near miss: the same policy within a budget that allows it',
    policy: policy(allow(['connect:DescribeUser', 'connect:ListUsers'], inInstance('agent/*'))),
    options: { budget: { maxSteps: 1000 } },
    absent: ['over-budget', 'findings-omitted'],
  },
  {
    name: 'a wildcard service field whose comparison with every format passes what the budget leaves',
    policy: policy(
      allow('*', 'arn:aws:*:*:*:nothing-fits/*'),
      allow('*', ['arn:aws:*:*:*:*', 'arn:aws:*:*:*:*/*']),
    ),
    options: { budget: { maxSteps: 3000 } },
    expect: [
      {
        code: 'resource-not-compared',
        severity: 'warning',
        line: 7,
        messageIncludes: 'and 2 other Resource values are not compared with the ARN formats',
      },
    ],
    // taken to name every type it could, it is reported for nothing a comparison would find: of
    // the actions `*` names, only those that take no resource are said not to act on it
    absent: ['arn-fits-no-resource-type', 'resource-matches-no-action', 'over-budget'],
  },
  {
    name: 'near miss: the same policy within the default budget, compared in full',
    policy: policy(
      allow('*', 'arn:aws:*:*:*:nothing-fits/*'),
      allow('*', ['arn:aws:*:*:*:*', 'arn:aws:*:*:*:*/*']),
    ),
    expect: [{ code: 'action-pattern-partly-applies', line: 6 }],
    absent: ['resource-not-compared'],
  },
  {
    name: 'more findings than the budget lists',
    policy: policy(allow('*', '*'), allow('*', '*')),
    options: { budget: { maxFindings: 4 } },
    expect: [
      {
        code: 'findings-omitted',
        severity: 'warning',
        line: 1,
        column: 1,
        messageIncludes: '2 more findings are left out: the answer lists the first 4 by position',
      },
      { code: 'allow-all', count: 2 },
      { code: 'pass-role-any-role', count: 1 },
    ],
  },
  {
    name: 'near miss: as many findings as the budget lists',
    policy: policy(allow('*', '*'), allow('*', '*')),
    options: { budget: { maxFindings: 6 } },
    absent: ['findings-omitted'],
  },
  {
    name: 'a resource with a space before it',
    policy: policy(allow('connect:DescribeUser', ` ${inInstance('agent/*')}`)),
    expect: [{ code: 'value-has-whitespace', severity: 'error', line: 7, column: 19 }],
  },
  {
    name: 'near miss: a space inside an object key, which S3 keys may hold',
    policy: policy(allow('s3:GetObject', 'arn:aws:s3:::bucket/my notes.txt')),
    absent: ['value-has-whitespace'],
    nothingElse: true,
  },
  {
    name: 'a condition key with a space after it',
    policy: policy(allow('s3:GetObject', '*', { StringEquals: { 'aws:username ': 'ana' } })),
    expect: [{ code: 'value-has-whitespace', severity: 'error', covers: '"aws:username "' }],
  },
  {
    name: 'a NUL character written as an escape in a resource',
    policy: policy(allow('connect:DescribeUser', inInstance('agent/\u0000'))),
    expect: [{ code: 'control-character-in-value', severity: 'error', line: 7 }],
  },
  {
    name: 'near miss: a Latin-1 letter in an object key',
    policy: policy(allow('s3:GetObject', 'arn:aws:s3:::bucket/caf\u00e9.txt')),
    absent: ['control-character-in-value'],
    nothingElse: true,
  },
  {
    name: 'a policy variable without its closing brace',
    policy: policy(allow('s3:GetObject', `arn:aws:s3:::bucket/\${aws:username`)),
    expect: [{ code: 'malformed-variable', severity: 'error', messageIncludes: 'closing' }],
  },
  {
    name: 'a policy variable that names no key',
    policy: policy(allow('s3:GetObject', `arn:aws:s3:::bucket/${variable('aws:')}/*`)),
    expect: [{ code: 'malformed-variable', severity: 'error', messageIncludes: 'names no key' }],
  },
  {
    name: 'a policy variable in the account field of an ARN, where IAM reads none',
    policy: policy(
      allow('kms:Decrypt', `arn:aws:kms:us-east-1:${variable('aws:PrincipalAccount')}:key/*`),
    ),
    expect: [{ code: 'malformed-variable', severity: 'error', messageIncludes: 'fifth colon' }],
    absent: ['arn-placeholder', 'invalid-account-id'],
  },
  {
    name: 'a malformed policy variable in a condition value',
    policy: policy(
      allow('s3:GetObject', '*', {
        StringEquals: { 'aws:PrincipalTag/team': `\${aws:ResourceTag/team` },
      }),
    ),
    expect: [{ code: 'malformed-variable', severity: 'error' }],
  },
  {
    name: 'near miss: well-formed variables with a default and literal characters',
    policy: policy(
      allow('s3:GetObject', `arn:aws:s3:::bucket/${variable('aws:username')}/${variable('*')}`, {
        StringEquals: { 'aws:ResourceTag/team': `\${aws:PrincipalTag/team, 'none'}` },
      }),
    ),
    absent: ['malformed-variable'],
  },
  {
    name: 'a principal that is neither an account ID nor an ARN',
    policyType: 'resource',
    policy: policy(granting({ AWS: '12345' }, allow('s3:GetObject', 'arn:aws:s3:::bucket/*'))),
    expect: [{ code: 'invalid-principal', severity: 'error', covers: '"12345"' }],
  },
  {
    name: 'near miss: principals written as an account ID, a role ARN and everyone',
    policyType: 'resource',
    policy: policy(
      granting(
        { AWS: [account, `arn:aws:iam::${account}:role/Agent`, '*'] },
        allow('s3:GetObject', 'arn:aws:s3:::bucket/*'),
      ),
    ),
    absent: ['invalid-principal'],
  },
]

/**
 * Every case, group by group: for each finding code, policies that get it (besides the example
 * of the finding reference) and near misses that must not.
 */
export const validationCases: readonly ValidationCase[] = [
  ...jsonSyntax,
  ...policyGrammar,
  ...policyTypeAndSize,
  ...actions,
  ...resources,
  ...actionsAgainstResources,
  ...conditions,
  ...security,
  ...connectPolicies,
  ...otherServices,
  ...unreadableValues,
]
