// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables, not templates
import { samples } from '@connect-policy/samples'
import { parser } from '@lezer/json'

/** An agent's policy as people write them: a list of statements, lists, conditions, variables. */
export const agentPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadOwnUser",
      "Effect": "Allow",
      "Action": ["connect:DescribeUser", "connect:Describe*"],
      "Resource": [
        "arn:aws:connect:us-east-1:123456789012:instance/abc/agent/\${aws:userid}",
        "arn:aws:connect:us-east-1:123456789012:instance/abc"
      ],
      "Condition": {
        "StringEquals": { "aws:PrincipalTag/Team": ["a", "b"] },
        "ForAnyValue:StringLike": { "aws:TagKeys": "team-*" },
        "Bool": { "aws:SecureTransport": "true" }
      }
    },
    {
      "Effect": "Deny",
      "NotAction": "connect:List*",
      "NotResource": "*"
    }
  ]
}`

/** A statement given as an object, with a principal, escapes and numbers. */
export const resourcePolicy = `{
  "Id": "key \\"policy\\" \\\\ 1",
  "Statement": {
    "Sid": "Trust",
    "Effect": "Allow",
    "Principal": { "AWS": ["arn:aws:iam::123456789012:root"], "Service": "connect.amazonaws.com" },
    "Action": "sts:AssumeRole",
    "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 }, "Null": { "aws:TokenIssueTime": false } }
  }
}`

/** A policy printed on one line, as consoles and Terraform states hold them. */
export const oneLinePolicy =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["connect:GetMetricData","connect:ListQueues"],"Resource":"arn:aws:connect:*:*:instance/*/queue/*"},{"Effect":"Allow","Action":"profile:SearchProfiles","Resource":"*"}]}'

/** The handwritten policies, then the texts of the documented examples (some with trailing commas). */
export const testPolicies: readonly string[] = [
  agentPolicy,
  resourcePolicy,
  oneLinePolicy,
  ...samples.flatMap((sample) =>
    [sample.printed.original?.text, sample.printed.revised?.text, sample.corrected].filter(
      (text): text is string => text !== undefined,
    ),
  ),
]

/**
 * A text with its position marked by `|` (which no test policy holds), as the text without the
 * mark, its tree and the position.
 */
export function marked(text: string): {
  text: string
  tree: ReturnType<typeof parser.parse>
  position: number
} {
  const position = text.indexOf('|')
  if (position < 0) throw new Error(`no position marked in ${text}`)
  const plain = text.slice(0, position) + text.slice(position + 1)
  return { text: plain, tree: parser.parse(plain), position }
}
