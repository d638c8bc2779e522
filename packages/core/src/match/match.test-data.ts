/** Documented matching behaviour, one row per pattern; sources in docs/SEMANTICS.md. */
export interface MatchCase {
  readonly kind: 'action' | 'resource' | 'wildcard'
  readonly pattern: string
  readonly matches: readonly string[]
  readonly misses: readonly string[]
}

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1'

export const matchCases: readonly MatchCase[] = [
  // IAM JSON policy elements: Action — case-insensitive, `*` anywhere in the name.
  {
    kind: 'action',
    pattern: 'connect:UpdateUser*',
    matches: [
      'connect:UpdateUserHierarchy',
      'connect:updateuser',
      'CONNECT:UPDATEUSERSECURITYPROFILES',
    ],
    misses: ['connect:DeleteUser', 'connect:Update', 'connect:XUpdateUser'],
  },
  {
    kind: 'action',
    pattern: 'iam:*AccessKey*',
    matches: ['iam:CreateAccessKey', 'iam:ListAccessKeys', 'IAM:accesskey'],
    misses: ['iam:ListUsers', 's3:CreateAccessKey'],
  },
  { kind: 'action', pattern: '*', matches: ['connect:CreateUser', 's3:GetObject'], misses: [] },
  {
    kind: 'action',
    pattern: 'connect:Get?ontact*',
    matches: ['connect:GetContactAttributes'],
    misses: ['connect:GetContract', 'connect:GeContact'],
  },
  {
    kind: 'action',
    pattern: 'wisdom:QueryAssistant ',
    matches: ['wisdom:QueryAssistant '],
    misses: ['wisdom:QueryAssistant'],
  },
  // IAM JSON policy elements: Resource — the S3 example of `*` crossing `/` and matching nothing.
  {
    kind: 'resource',
    pattern: 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*',
    matches: [
      'arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg',
      'arn:aws:s3:::amzn-s3-demo-bucket/1/test/',
      'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg',
    ],
    misses: [
      'arn:aws:s3:::amzn-s3-demo-bucket/test/object.jpg',
      'arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg',
    ],
  },
  // Amazon Connect: a trailing star covers the instance and everything in it.
  {
    kind: 'resource',
    pattern: `${instance}*`,
    matches: [instance, `${instance}/agent/abc`, `${instance}/queue/q`],
    misses: ['arn:aws:connect:us-east-1:123456789012:instance/other', `${instance.toUpperCase()}`],
  },
  {
    kind: 'resource',
    pattern: `${instance}/agent/*`,
    matches: [`${instance}/agent/00dtcddd1`, `${instance}/agent/`],
    misses: [
      `${instance}/queue/q`,
      `${instance}/agent`,
      'arn:aws:connect:us-east-1:123456789012:instance/x/agent/a',
    ],
  },
  {
    kind: 'resource',
    pattern: 'arn:aws:connect:us-west-2:123456789012:instance/*/contact/*',
    matches: ['arn:aws:connect:us-west-2:123456789012:instance/i-1/contact/c-1'],
    misses: [
      'arn:aws:connect:us-east-1:123456789012:instance/i-1/contact/c-1',
      'arn:aws:connect:us-west-2:123456789012:instance/i-1/queue/q',
    ],
  },
  // Fields before the resource part are matched one by one: a star stays in its field.
  {
    kind: 'resource',
    pattern: 'arn:aws:someservice:*:111122223333:finance/*',
    matches: ['arn:aws:someservice:us-east-2:111122223333:finance/x'],
    misses: ['arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/x'],
  },
  {
    kind: 'resource',
    pattern: 'arn:aws:connect:us-*-1:*:instance/*',
    matches: ['arn:aws:connect:us-east-1:123456789012:instance/x'],
    misses: ['arn:aws:connect:eu-west-2:123456789012:instance/x'],
  },
  // A star that ends a short pattern runs to the end of the ARN.
  {
    kind: 'resource',
    pattern: 'arn:aws:connect:*',
    matches: [instance, 'arn:aws:connect:::x'],
    misses: ['arn:aws:s3:::bucket', 'arn:aws:connect'],
  },
  // The resource part keeps its colons.
  {
    kind: 'resource',
    pattern: 'arn:aws:lambda:us-east-1:123456789012:function:f:*',
    matches: ['arn:aws:lambda:us-east-1:123456789012:function:f:prod'],
    misses: ['arn:aws:lambda:us-east-1:123456789012:function:g:prod'],
  },
  { kind: 'resource', pattern: '*', matches: [instance, 'anything', ''], misses: [] },
  {
    kind: 'resource',
    pattern: 'arn:aws:s3:::b?cket',
    matches: ['arn:aws:s3:::bucket', 'arn:aws:s3:::b-cket'],
    misses: ['arn:aws:s3:::bcket', 'arn:aws:s3:::buucket'],
  },
  { kind: 'wildcard', pattern: '', matches: [''], misses: ['a'] },
  { kind: 'wildcard', pattern: '**', matches: ['', 'abc'], misses: [] },
  { kind: 'wildcard', pattern: 'a*b*a', matches: ['aba', 'abba', 'abxba'], misses: ['ab', 'aab'] },
  { kind: 'wildcard', pattern: '?*?', matches: ['ab', 'abc'], misses: ['a', ''] },
]
