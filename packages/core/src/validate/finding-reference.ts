// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in texts, not templates
import type { PolicyType } from '../authorize/index.ts'
import type { FindingSeverity } from './finding.ts'

/** What the documentation says about one finding code. */
export interface FindingReference {
  readonly code: string
  /** The severity the code is reported with; some codes depend on the policy type or effect. */
  readonly severity: FindingSeverity | 'depends'
  readonly group: FindingGroup
  /** What the finding means, in a sentence or two. */
  readonly meaning: string
  /** A policy that gets the finding. */
  readonly example: string
  /** The policy type the example is validated as, when not `identity`. */
  readonly policyType?: PolicyType
  /** The options the example is validated with, when they are the point of the example. */
  readonly exampleOptions?: Readonly<Record<string, unknown>>
  /** How to fix it. */
  readonly fix: string
  /** The IAM Access Analyzer check that matches it, when there is one. */
  readonly accessAnalyzer?: string
}

export const findingGroups = [
  'JSON syntax',
  'Policy grammar',
  'Policy type and size',
  'Actions',
  'Resources',
  'Actions against resources',
  'Conditions',
  'Security',
] as const
export type FindingGroup = (typeof findingGroups)[number]

const doc = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}`
const allow = (action: string, resource: string, extra = '') =>
  doc(`{"Effect": "Allow", "Action": ${action}, "Resource": ${resource}${extra}}`)
const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

/**
 * Every code `validatePolicy` reports, with an example that gets it: the reference for
 * docs/findings.md and the docs site, checked by tests so that it never drifts.
 */
export const findingReference: readonly FindingReference[] = [
  // JSON syntax
  {
    code: 'unexpected-character',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'A character that cannot start any JSON value.',
    example: '{"Version": "2012-10-17", "Statement": [@]}',
    fix: 'Remove the character.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'unexpected-token',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'A value or punctuation where JSON expects something else.',
    example: '{"Version": "2012-10-17", "Statement": [}]}',
    fix: 'Remove it or put what JSON expects in its place.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'unexpected-end',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'The text ends inside an object or array.',
    example: '{"Version": "2012-10-17", "Statement": [',
    fix: 'Close every `{` and `[`.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'unterminated-string',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'A string has no closing quote.',
    example: '{"Version": "2012-10-17, "Statement": []}',
    fix: 'Add the closing `"`.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'invalid-escape',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'A backslash followed by a character JSON does not escape.',
    example:
      '{"Version": "2012-10-17", "Statement": [{"Sid": "a\\qb", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    fix: 'Write `\\\\` for a backslash.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'control-character-in-string',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'A tab or line break inside a string, which JSON forbids.',
    example:
      '{"Version": "2012-10-17", "Statement": [{"Sid": "a\tb", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    fix: 'Write it as `\\t` or `\\n`, or remove it.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'invalid-number',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'A number JSON cannot read, such as `01` or `1.`.',
    example: doc(
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": 01}}}',
    ),
    fix: 'Write the number without leading zeros, or quote it.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'missing-comma',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'Two items of an array or object without a comma between them.',
    example: allow('["connect:DescribeUser" "connect:ListUsers"]', '"*"'),
    fix: 'Insert the comma (the fix does).',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'trailing-comma',
    severity: 'error',
    group: 'JSON syntax',
    meaning:
      'A comma after the last item of an array or object, as the Amazon Connect examples print.',
    example: allow('"connect:DescribeUser"', '"*",'),
    fix: 'Remove the comma (the fix does).',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'missing-colon',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'An object key without a colon before its value.',
    example: '{"Version" "2012-10-17", "Statement": []}',
    fix: 'Insert the colon.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'comment',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'A `//` or `/* */` comment; JSON has none.',
    example: `${allow('"s3:GetObject"', '"*"')} // read`,
    fix: 'Remove the comment (the fix does); keep notes in the `Sid`.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'trailing-content',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'Text after the end of the policy object.',
    example: `${allow('"s3:GetObject"', '"*"')} }`,
    fix: 'Remove it.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'nesting-too-deep',
    severity: 'error',
    group: 'JSON syntax',
    meaning:
      'Arrays or objects nested more than 128 deep; no policy needs that, and reading it is refused.',
    example: `{"Version": "2012-10-17", "Statement": [], "X": ${'['.repeat(130)}${']'.repeat(130)}}`,
    fix: 'Remove the nested value.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'empty-document',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'The text holds no JSON at all.',
    example: '   ',
    fix: 'Write the policy.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'duplicate-key',
    severity: 'error',
    group: 'JSON syntax',
    meaning: 'The same key twice in one object, such as two `Effect`s; AWS rejects the policy.',
    example: doc(
      '{"Effect": "Allow", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}',
    ),
    fix: 'Keep one.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'invalid-character',
    severity: 'error',
    group: 'JSON syntax',
    meaning:
      'A single or typographic quote where JSON needs a straight double quote, as word processors print them.',
    example: '{"Version": “2012-10-17”, "Statement": []}',
    fix: 'Write `"`.',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  {
    code: 'unsupported-character',
    severity: 'depends',
    group: 'JSON syntax',
    meaning:
      'A character IAM does not accept in a policy: only tab, line breaks and U+0020 to U+00FF, so not typographic quotes inside strings either (a warning in resource-based policies, whose services differ).',
    example: doc(
      '{"Sid": "ReadOnly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports→2024/*"}',
    ),
    fix: 'Replace it with plain ASCII (`"` for typographic quotes).',
    accessAnalyzer: 'JSON_SYNTAX_ERROR',
  },
  // Policy grammar
  {
    code: 'document-not-object',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'The policy is JSON but not an object.',
    example: '["s3:GetObject"]',
    fix: 'Write `{"Version": "2012-10-17", "Statement": [...]}`.',
  },
  {
    code: 'bare-statement',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A statement printed without the policy around it.',
    example: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    fix: 'Wrap it in `{"Version": "2012-10-17", "Statement": [...]}`.',
  },
  {
    code: 'wrong-type',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'An element with a value of the wrong JSON type, such as a number for `Action`.',
    example: allow('42', '"*"'),
    fix: 'Give the element a string or an array of strings.',
  },
  {
    code: 'unknown-element',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'An element IAM does not know, often a misspelling.',
    example: doc('{"Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*"}'),
    fix: 'Correct the name (the message suggests one).',
    accessAnalyzer: 'INVALID_POLICY_ELEMENT',
  },
  {
    code: 'missing-version',
    severity: 'warning',
    group: 'Policy grammar',
    meaning: 'No `Version`: IAM then reads policy variables as plain text.',
    example: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    fix: 'Add `"Version": "2012-10-17"` (the fix does).',
    accessAnalyzer: 'MISSING_VERSION',
  },
  {
    code: 'unknown-version',
    severity: 'error',
    group: 'Policy grammar',
    meaning: "A `Version` other than `2012-10-17` or `2008-10-17`, such as today's date.",
    example:
      '{"Version": "2024-01-01", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    fix: 'Write `2012-10-17`.',
    accessAnalyzer: 'INVALID_VERSION',
  },
  {
    code: 'missing-statement',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'No `Statement`.',
    example: '{"Version": "2012-10-17"}',
    fix: 'Add the statements.',
    accessAnalyzer: 'MISSING_STATEMENT',
  },
  {
    code: 'empty-statement-list',
    severity: 'error',
    group: 'Policy grammar',
    meaning: '`Statement` is an empty array.',
    example: '{"Version": "2012-10-17", "Statement": []}',
    fix: 'Add a statement.',
    accessAnalyzer: 'MISSING_STATEMENT',
  },
  {
    code: 'statement-not-object',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'An item of `Statement` that is not an object.',
    example: '{"Version": "2012-10-17", "Statement": ["Allow"]}',
    fix: 'Write the statement as an object.',
  },
  {
    code: 'missing-effect',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A statement without `Effect`.',
    example: doc('{"Action": "s3:GetObject", "Resource": "*"}'),
    fix: 'Add `"Effect": "Allow"` or `"Effect": "Deny"`.',
    accessAnalyzer: 'MISSING_EFFECT',
  },
  {
    code: 'invalid-effect',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'An `Effect` other than `Allow` or `Deny` (case matters).',
    example: doc('{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}'),
    fix: 'Write `Allow` or `Deny`.',
    accessAnalyzer: 'INVALID_EFFECT',
  },
  {
    code: 'missing-action',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A statement with neither `Action` nor `NotAction`.',
    example: doc('{"Effect": "Allow", "Resource": "*"}'),
    fix: 'Add `Action`.',
    accessAnalyzer: 'MISSING_ACTION',
  },
  {
    code: 'action-and-not-action',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A statement with both `Action` and `NotAction`.',
    example: doc(
      '{"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:DeleteBucket", "Resource": "*"}',
    ),
    fix: 'Keep one of them.',
    accessAnalyzer: 'UNSUPPORTED_ELEMENT_COMBINATION',
  },
  {
    code: 'missing-resource',
    severity: 'error',
    group: 'Policy grammar',
    meaning:
      'A statement with neither `Resource` nor `NotResource`; statements of role trust policies (validated as resource-based policies) have neither.',
    example: doc('{"Effect": "Allow", "Action": "s3:GetObject"}'),
    fix: 'Add `Resource`.',
    accessAnalyzer: 'MISSING_RESOURCE',
  },
  {
    code: 'resource-and-not-resource',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A statement with both `Resource` and `NotResource`.',
    example: doc(
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "NotResource": "arn:aws:s3:::secret/*"}',
    ),
    fix: 'Keep one of them.',
    accessAnalyzer: 'UNSUPPORTED_ELEMENT_COMBINATION',
  },
  {
    code: 'principal-and-not-principal',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A statement with both `Principal` and `NotPrincipal`.',
    example: doc(
      '{"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "123456789012"}, "Action": "s3:GetObject", "Resource": "*"}',
    ),
    policyType: 'resource',
    fix: 'Keep one of them.',
    accessAnalyzer: 'UNSUPPORTED_ELEMENT_COMBINATION',
  },
  {
    code: 'invalid-argument',
    severity: 'error',
    group: 'Policy type and size',
    meaning:
      '`validatePolicy` was called with options it cannot read: a policy type that does not exist, a finding code to suppress that it never reports, a field the options do not have, a catalog `createCatalog` did not make. The policy is validated without what could not be read (as an identity-based policy when the type is unknown). The command line and the REST API refuse such options themselves, with the same message, and never report it.',
    example: allow('"s3:GetObject"', '"*"'),
    exampleOptions: { policyType: 'service-control-policy' },
    fix: 'Pass one of the policy types (`identity`, `resource`, `permissionsBoundary`, `session`, `serviceControl`, `resourceControl`, or `permissions-boundary`, `scp`, `rcp`), and finding codes from this page.',
  },
  {
    code: 'over-budget',
    severity: 'error',
    group: 'Policy type and size',
    meaning:
      "The validation would cost more than its budget allows (the options' `budget`: `maxSteps`, estimated from the text's characters and the entries of its statements; or `maxAnswerBytes`), so the policy is not checked at all: this is the one finding. It carries the limit, the estimate and what is allowed (`overBudget`). Every AWS managed policy, and any policy within IAM's size quotas, is far within the default budget.",
    example: allow('["connect:DescribeUser", "connect:ListUsers"]', `["${instance}/agent/*"]`),
    exampleOptions: { budget: { maxSteps: 10 } },
    fix: 'Split the policy, or raise the limit the finding names in `budget`.',
  },
  {
    code: 'resource-not-compared',
    severity: 'warning',
    group: 'Policy type and size',
    meaning:
      "A `Resource` value whose ARN pattern was not compared with the ARN formats of the service reference, because the policy's comparisons would cost more than the budget leaves for them (the options' `budget.maxSteps`, less the validation's own estimate). The value is taken to name every resource type it could before any comparison (its service's, or every service's when the service field is a wildcard), so the findings that depend on which types it names (an action that takes none of them, a required resource type missing) are left out for it; nothing is reported that a full comparison would not. Every AWS managed policy is compared in full within the default budget.",
    example: allow('"*"', '"arn:aws:*:*:*:*"'),
    exampleOptions: { budget: { maxSteps: 1000 } },
    fix: 'Name the service in the ARN (`arn:aws:connect:…` rather than `arn:aws:*:…`), split the policy, or raise `budget.maxSteps`.',
  },
  {
    code: 'findings-omitted',
    severity: 'warning',
    group: 'Policy type and size',
    meaning:
      "The policy has more findings than the budget lists (the options' `budget.maxFindings`, 1,000 by default): the first ones by position are listed, and this finding counts the others (`omittedFindings`).",
    example: allow('[" connect:DescribeUser", " connect:ListUsers"]', '"*"'),
    exampleOptions: { budget: { maxFindings: 1 } },
    fix: 'Fix the findings listed and validate again, or raise `budget.maxFindings`.',
  },
  {
    code: 'value-has-whitespace',
    severity: 'error',
    group: 'Policy grammar',
    meaning:
      'Spaces around a resource, a principal or a condition key, which IAM does not trim, so it names nothing. A Deny holding one is not evaluated: it could let an Allow through.',
    example: allow('"connect:DescribeUser"', `" ${instance}/agent/*"`),
    fix: 'Remove the spaces.',
  },
  {
    code: 'control-character-in-value',
    severity: 'error',
    group: 'Policy grammar',
    meaning:
      'A control character (written as an escape such as `\\u0000`) in an action, a resource, a principal or a condition key: no real one holds it, so the value names nothing.',
    example: allow('"connect:DescribeUser"', `"${instance}/agent/\\u0000"`),
    fix: 'Remove the character.',
  },
  {
    code: 'malformed-variable',
    severity: 'error',
    group: 'Policy grammar',
    meaning:
      'Text that starts a policy variable but is not one (no closing brace, `${}` or `${aws:}`, a space in the name, an unquoted default), or a variable before the fifth colon of an ARN, where IAM reads none: IAM reads it as plain text, which matches nothing.',
    example: allow('"s3:GetObject"', '"arn:aws:s3:::bucket/${aws:username"'),
    fix: "Write `${service:key}` or `${service:key, 'default'}`, in the resource part of the ARN.",
    accessAnalyzer: 'MISSING_BRACE_IN_VARIABLE',
  },
  {
    code: 'invalid-principal',
    severity: 'error',
    group: 'Policy grammar',
    meaning:
      'An `AWS` principal that is neither `*`, a 12-digit account ID nor an ARN, or an empty principal: it names nobody.',
    example: doc(
      '{"Effect": "Allow", "Principal": {"AWS": "12345"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
    ),
    policyType: 'resource',
    fix: 'Write the account ID or the ARN of the principal.',
    accessAnalyzer: 'INVALID_PRINCIPAL_FORMAT',
  },
  {
    code: 'empty-value-list',
    severity: 'warning',
    group: 'Policy grammar',
    meaning: 'An empty array for `Action`, `Resource` or a condition key: it names nothing.',
    example: allow('[]', '"*"'),
    fix: 'List the values, or remove the statement.',
    accessAnalyzer: 'EMPTY_ARRAY_ACTION',
  },
  {
    code: 'invalid-principal-type',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A principal key other than `AWS`, `Service`, `Federated` or `CanonicalUser`.',
    example: doc(
      '{"Effect": "Allow", "Principal": {"Account": "123456789012"}, "Action": "s3:GetObject", "Resource": "*"}',
    ),
    policyType: 'resource',
    fix: 'Use `AWS` for accounts, roles and users.',
    accessAnalyzer: 'INVALID_PRINCIPAL_KEY',
  },
  {
    code: 'invalid-condition',
    severity: 'error',
    group: 'Policy grammar',
    meaning: 'A `Condition` that is not `{ operator: { key: value or values } }`.',
    example: doc(
      '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": "aws:username"}}',
    ),
    fix: 'Nest the key and its values inside the operator.',
  },
  {
    code: 'variables-not-enabled',
    severity: 'error',
    group: 'Policy grammar',
    meaning:
      'A policy variable in a policy without `"Version": "2012-10-17"`, where IAM reads it as plain text.',
    example:
      '{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}',
    fix: 'Set `"Version": "2012-10-17"`.',
    accessAnalyzer: 'VARIABLE_UNSUPPORTED_IN_VERSION',
  },
  {
    code: 'invalid-sid',
    severity: 'depends',
    group: 'Policy grammar',
    meaning:
      'A `Sid` with characters other than ASCII letters and digits: an error where IAM checks it, a warning in resource-based policies, whose services differ.',
    example: doc(
      '{"Sid": "read objects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    ),
    fix: 'Remove the other characters (the fix does).',
    accessAnalyzer: 'UNSUPPORTED_SID',
  },
  {
    code: 'duplicate-sid',
    severity: 'depends',
    group: 'Policy grammar',
    meaning:
      'Two statements with the same `Sid`: an error where IAM requires them unique, a warning elsewhere.',
    example: doc(
      '{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}',
    ),
    fix: 'Rename one.',
    accessAnalyzer: 'UNIQUE_SIDS_REQUIRED',
  },
  {
    code: 'empty-sid',
    severity: 'suggestion',
    group: 'Policy grammar',
    meaning: 'An empty `Sid`.',
    example: doc('{"Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'),
    fix: 'Name the statement or remove the `Sid`.',
    accessAnalyzer: 'EMPTY_SID_VALUE',
  },
  // Policy type and size
  {
    code: 'principal-not-allowed',
    severity: 'error',
    group: 'Policy type and size',
    meaning:
      '`Principal` or `NotPrincipal` in a policy attached to principals (identity, boundary, session) or in an SCP.',
    example: doc(
      '{"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "s3:GetObject", "Resource": "*"}',
    ),
    fix: 'Remove it; the policy applies to whoever it is attached to.',
    accessAnalyzer: 'UNSUPPORTED_PRINCIPAL',
  },
  {
    code: 'missing-principal',
    severity: 'error',
    group: 'Policy type and size',
    meaning: 'A statement of a resource-based policy that names no principal.',
    example: allow('"s3:GetObject"', '"arn:aws:s3:::bucket/*"'),
    policyType: 'resource',
    fix: 'Add `Principal`.',
    accessAnalyzer: 'MISSING_PRINCIPAL',
  },
  {
    code: 'id-not-allowed',
    severity: 'warning',
    group: 'Policy type and size',
    meaning: '`Id` in an identity-based policy, where IAM documents it as not allowed.',
    example:
      '{"Version": "2012-10-17", "Id": "p1", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    fix: 'Remove `Id`.',
  },
  {
    code: 'scp-action-wildcard',
    severity: 'error',
    group: 'Policy type and size',
    meaning: 'In a service control policy, `*` only ends an action name.',
    example: allow('"connect:*User"', '"*"'),
    policyType: 'serviceControl',
    fix: 'List the actions, or end the name with `*`.',
    accessAnalyzer: 'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
  },
  {
    code: 'rcp-principal-not-star',
    severity: 'error',
    group: 'Policy type and size',
    meaning: 'A resource control policy statement whose principal is not `"*"`.',
    example: doc(
      '{"Effect": "Deny", "Principal": {"AWS": "123456789012"}, "Action": "s3:*", "Resource": "*"}',
    ),
    policyType: 'resourceControl',
    fix: 'Write `"Principal": "*"` and limit with conditions.',
    accessAnalyzer: 'RCP_SYNTAX_ERROR_PRINCIPAL',
  },
  {
    code: 'rcp-allow-not-full',
    severity: 'error',
    group: 'Policy type and size',
    meaning:
      'An `Allow` in a resource control policy that is not `*` on `*` for everyone without conditions.',
    example: doc(
      '{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}',
    ),
    policyType: 'resourceControl',
    fix: 'Keep the full `Allow` and restrict with `Deny` statements.',
    accessAnalyzer: 'RCP_SYNTAX_ERROR_ALLOW',
  },
  {
    code: 'rcp-not-action',
    severity: 'error',
    group: 'Policy type and size',
    meaning: '`NotAction` in a resource control policy.',
    example: doc(
      '{"Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject", "Resource": "*"}',
    ),
    policyType: 'resourceControl',
    fix: 'List the actions to deny.',
    accessAnalyzer: 'RCP_SYNTAX_ERROR_NOTACTION',
  },
  {
    code: 'rcp-unsupported-service',
    severity: 'error',
    group: 'Policy type and size',
    meaning:
      'An action of a service resource control policies do not apply to, such as Amazon Connect.',
    example: doc(
      '{"Effect": "Deny", "Principal": "*", "Action": "connect:DescribeUser", "Resource": "*"}',
    ),
    policyType: 'resourceControl',
    fix: 'Control that service with an SCP instead.',
    accessAnalyzer: 'RCP_SYNTAX_ERROR_ACTION',
  },
  {
    code: 'policy-too-large',
    severity: 'depends',
    group: 'Policy type and size',
    meaning:
      'More characters than the policy type allows: managed policies 6,144 (whitespace not counted; a warning, as inline role policies allow 10,240), session policies 2,048, SCPs and RCPs 5,120 (whitespace counted, an error).',
    example: allow(
      JSON.stringify(
        Array.from({ length: 400 }, (_, i) => `connect:DescribeUser${'x'.repeat(i % 3)}`),
      ),
      '"*"',
    ),
    fix: 'Use wildcards, split the policy, or remove what is not needed.',
    accessAnalyzer: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
  },
  // Actions
  {
    code: 'invalid-action-format',
    severity: 'error',
    group: 'Actions',
    meaning:
      'An action that is not `service:ActionName`, or that holds a policy variable (variables do not work in `Action`).',
    example: allow('"DescribeUser"', '"*"'),
    fix: 'Write the service prefix and the action.',
    accessAnalyzer: 'INVALID_ACTION',
  },
  {
    code: 'action-has-whitespace',
    severity: 'error',
    group: 'Actions',
    meaning: 'Spaces around an action, which IAM does not trim, so it names nothing.',
    example: allow(
      '"wisdom:QueryAssistant "',
      `"${'arn:aws:wisdom:us-east-1:123456789012:assistant/a1b2c3d4-5678-90ab-cdef-111122223333'}"`,
    ),
    fix: 'Remove the spaces (the fix does).',
    accessAnalyzer: 'INVALID_ACTION',
  },
  {
    code: 'unknown-service',
    severity: 'error',
    group: 'Actions',
    meaning: 'An action prefix no AWS service has, such as `app-integartions`.',
    example: allow('"app-integartions:GetEventIntegration"', '"*"'),
    fix: 'Use the suggested prefix (the fix does).',
    accessAnalyzer: 'INVALID_SERVICE_IN_ACTION',
  },
  {
    code: 'unknown-action',
    severity: 'error',
    group: 'Actions',
    meaning:
      'An action the service does not have, such as `profile:ListObjects`; the message suggests the likely one.',
    example: allow('"profile:ListObjects"', '"*"'),
    fix: 'Use the suggested action (the fix does when there is one).',
    accessAnalyzer: 'INVALID_ACTION',
  },
  {
    code: 'action-pattern-matches-nothing',
    severity: 'error',
    group: 'Actions',
    meaning: 'A wildcard action that matches no action of its service.',
    example: allow('"connect:Describe*Agent"', '"*"'),
    fix: 'Correct the pattern.',
    accessAnalyzer: 'INVALID_ACTION',
  },
  {
    code: 'redundant-action',
    severity: 'suggestion',
    group: 'Actions',
    meaning: 'An action already named by another entry of the statement.',
    example: allow('["connect:Describe*", "connect:DescribeUser"]', '"*"'),
    fix: 'Remove it.',
    accessAnalyzer: 'REDUNDANT_ACTION',
  },
  // Resources
  {
    code: 'invalid-arn',
    severity: 'error',
    group: 'Resources',
    meaning: 'A resource that is neither `*` nor an ARN.',
    example: allow('"connect:DescribeUser"', '"instance/a1b2c3d4/agent/*"'),
    fix: 'Write the full ARN.',
  },
  {
    code: 'unknown-partition',
    severity: 'error',
    group: 'Resources',
    meaning: 'An ARN partition that does not exist.',
    example: allow('"s3:GetObject"', '"arn:amazon:s3:::bucket/*"'),
    fix: 'Write `aws` (or `aws-cn`, `aws-us-gov`, ...).',
  },
  {
    code: 'unknown-arn-service',
    severity: 'error',
    group: 'Resources',
    meaning:
      'An ARN service no AWS resource has, such as `appintegrations` for `app-integrations`, or one written in capitals: ARNs name services in lower case.',
    example: allow(
      '"app-integrations:GetEventIntegration"',
      '"arn:aws:appintegrations:us-east-1:123456789012:event-integration/Orders"',
    ),
    fix: 'Use the suggested service (the fix does).',
    accessAnalyzer: 'INVALID_SERVICE',
  },
  {
    code: 'unknown-region',
    severity: 'warning',
    group: 'Resources',
    meaning:
      'A Region code that does not exist, in an ARN or in `aws:RequestedRegion`; a warning, since AWS opens new Regions.',
    example: allow('"connect:DescribeUser"', `"arn:aws:connect:us-west-3:123456789012:instance/*"`),
    fix: 'Use the suggested Region.',
    accessAnalyzer: 'INVALID_REGION',
  },
  {
    code: 'invalid-account-id',
    severity: 'error',
    group: 'Resources',
    meaning: 'An account ID that is not 12 digits, in an ARN or an account condition key.',
    example: allow('"connect:DescribeUser"', '"arn:aws:connect:us-east-1:12345678901:instance/*"'),
    fix: 'Write the 12-digit account ID.',
  },
  {
    code: 'arn-placeholder',
    severity: 'error',
    group: 'Resources',
    meaning:
      'A placeholder left from an example in an ARN (`accountID`, `instanceId`, `<region>`): the ARN matches nothing.',
    example: allow(
      '"connect:StartContactRecording"',
      '"arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/*"',
    ),
    fix: 'Write the real values, or `*`.',
  },
  {
    code: 'invalid-connect-id',
    severity: 'error',
    group: 'Resources',
    meaning:
      'An Amazon Connect identifier (instance, user, security profile, queue, flow, ...) that is not a UUID, in an ARN or in `connect:InstanceId`; such an ARN matches nothing.',
    example: allow(
      '"connect:DescribeUser"',
      `"arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17/agent/*"`,
    ),
    fix: 'Copy the ID from the Amazon Connect console or API.',
  },
  {
    code: 'wrong-arn-path',
    severity: 'error',
    group: 'Resources',
    meaning:
      "A resource type's name written where its ARNs use another word: Amazon Connect names a user `agent/`, a hierarchy group `agent-group/`, a quick connect `transfer-destination/`, an agent status `agent-state/`, hours of operation `operating-hours/`.",
    example: allow('"connect:DescribeUser"', `"${instance}/user/*"`),
    fix: 'Use the ARN word (the fix does).',
  },
  {
    code: 'arn-fits-no-resource-type',
    severity: 'warning',
    group: 'Resources',
    meaning: "An ARN of a known service that fits none of its resource types' ARN formats.",
    example: allow('"connect:DescribeQueue"', `"${instance}/queues/*"`),
    fix: 'Compare with the formats in the message.',
  },
  {
    code: 'redundant-resource',
    severity: 'suggestion',
    group: 'Resources',
    meaning: 'A resource already named by another entry of the statement.',
    example: allow('"connect:DescribeUser"', `["${instance}/*", "${instance}/agent/*"]`),
    fix: 'Remove it.',
    accessAnalyzer: 'REDUNDANT_RESOURCE',
  },
  // Actions against resources
  {
    code: 'action-needs-resource-star',
    severity: 'warning',
    group: 'Actions against resources',
    meaning:
      'An action that takes no resource (it is authorized on `*` only) in a statement that lists only specific resources: the statement does nothing for it.',
    example: allow(
      '["app-integrations:ListEventIntegrations", "app-integrations:GetEventIntegration"]',
      '"arn:aws:app-integrations:us-east-1:123456789012:event-integration/Orders*"',
    ),
    fix: 'Move the action to a statement with `"Resource": "*"`.',
  },
  {
    code: 'action-matches-no-resource',
    severity: 'warning',
    group: 'Actions against resources',
    meaning: 'An action none of whose resource types fits any resource of the statement.',
    example: allow('["connect:DescribeQueue", "connect:DescribeUser"]', `"${instance}/queue/*"`),
    fix: 'Add the resources the action acts on, or move it.',
  },
  {
    code: 'resource-matches-no-action',
    severity: 'warning',
    group: 'Actions against resources',
    meaning: 'A resource no action of the statement acts on.',
    example: allow('"connect:DescribeUser"', `["${instance}/agent/*", "${instance}/queue/*"]`),
    fix: 'Remove it or add the actions meant for it.',
  },
  {
    code: 'arn-service-mismatch',
    severity: 'warning',
    group: 'Actions against resources',
    meaning: "A resource of a service none of the statement's actions acts on.",
    example: allow(
      '"connect:DescribeUser"',
      '["arn:aws:connect:us-east-1:123456789012:instance/*", "arn:aws:profile:us-east-1:123456789012:domains/d"]',
    ),
    fix: "Move it to a statement with that service's actions.",
  },
  {
    code: 'action-pattern-partly-applies',
    severity: 'suggestion',
    group: 'Actions against resources',
    meaning:
      "A wildcard action of which only some actions act on the statement's resources; the message says how many and which do not.",
    example: allow('"connect:UpdateUser*"', `"${instance}/agent/*"`),
    fix: 'Name the actions meant, or accept that the others get nothing here.',
  },
  {
    code: 'statement-matches-nothing',
    severity: 'warning',
    group: 'Actions against resources',
    meaning:
      "No action of the statement acts on any of its resources, so the statement does nothing. A warning, as the reference's resource types lag behind some services.",
    example: allow('"connect:ListContactFlows"', `"${instance}/contact/*"`),
    fix: 'Match the resources to the actions.',
  },
  {
    code: 'missing-required-resource',
    severity: 'depends',
    group: 'Actions against resources',
    meaning:
      "An action authorized against several resources at once (`connect:CreateUser`: the user, its security profiles and its routing profile) where the policy's Allows name only some of them, so it stays denied. A warning for an Amazon Connect action named exactly, as the Amazon Connect Administrator Guide documents this authorization; a suggestion for other services, whose reference often lists alternatives as required (the one model `bedrock:InvokeModel` names, as foundation-model, inference-profile, ...), and one suggestion for the actions of a wildcard, which is often broad on purpose. Resource types that are forms of one resource (ELB's `listener/app` and `listener/net`, types whose ARNs end in the same identifier) count as one, and tagging actions take one resource of any of their types.",
    example: allow('"connect:CreateUser"', `"${instance}/agent/*"`),
    fix: 'Allow the action on the other resource types too.',
  },
  // Conditions
  {
    code: 'unknown-condition-operator',
    severity: 'error',
    group: 'Conditions',
    meaning: 'A condition operator that does not exist; AWS rejects the policy.',
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"StringEqual": {"aws:username": "ana"}}',
    ),
    fix: 'Use the suggested operator (the fix does).',
  },
  {
    code: 'invalid-condition-value',
    severity: 'error',
    group: 'Conditions',
    meaning:
      'A value the operator cannot read (a date for `DateLessThan`, `true`/`false` for `Bool`, a CIDR for `IpAddress`), or a malformed VPC ID.',
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"Bool": {"aws:SecureTransport": "yes"}}',
    ),
    fix: "Write a value of the operator's type.",
  },
  {
    code: 'unknown-condition-key',
    severity: 'depends',
    group: 'Conditions',
    meaning:
      "A condition key that is neither global nor one of its service's: an error for `aws:` keys and keys without a service (`username`), a warning for service keys, which the reference may lag behind.",
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"StringEquals": {"aws:UserNme": "ana"}}',
    ),
    fix: 'Use the suggested key.',
    accessAnalyzer: 'INVALID_GLOBAL_CONDITION_KEY',
  },
  {
    code: 'condition-key-not-for-actions',
    severity: 'warning',
    group: 'Conditions',
    meaning:
      "A service condition key none of the statement's actions supports; the request never has it.",
    example: allow(
      '"connect:DescribeUser"',
      '"*"',
      ', "Condition": {"StringEquals": {"connect:AttributeType": "CONTACT_LENS"}}',
    ),
    fix: 'Use a key the actions support.',
    accessAnalyzer: 'UNSUPPORTED_ACTION_FOR_CONDITION_KEY',
  },
  {
    code: 'tag-condition-not-supported',
    severity: 'depends',
    group: 'Conditions',
    meaning:
      'A tag key (`aws:ResourceTag`, `aws:RequestTag`, `aws:TagKeys`) some actions do not support: a Deny then never applies to them (security warning), an Allow never grants (warning).',
    example: doc(
      '{"Effect": "Deny", "Action": ["connect:DescribeUser", "connect:ListInstances"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": "red"}}}',
    ),
    fix: 'Deny those actions another way.',
    accessAnalyzer: 'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  },
  {
    code: 'operator-type-mismatch',
    severity: 'depends',
    group: 'Conditions',
    meaning:
      "An operator of another type than the key's: an error when it cannot compare the values (`NumericEquals` on a string key), a warning when it compares them as text.",
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"NumericEquals": {"aws:username": "1"}}',
    ),
    fix: "Use an operator of the key's type.",
  },
  {
    code: 'set-operator-on-single-valued-key',
    severity: 'warning',
    group: 'Conditions',
    meaning: '`ForAllValues` or `ForAnyValue` on a key with one value per request.',
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"ForAnyValue:StringEquals": {"aws:PrincipalAccount": "123456789012"}}',
    ),
    fix: 'Drop the set operator.',
  },
  {
    code: 'multivalued-key-without-set-operator',
    severity: 'warning',
    group: 'Conditions',
    meaning:
      'A key with several values per request used without `ForAnyValue:` or `ForAllValues:`.',
    example: allow(
      '"connect:TagResource"',
      '"*"',
      ', "Condition": {"StringEquals": {"aws:TagKeys": "Team"}}',
    ),
    fix: 'Say whether any or all values must match.',
  },
  {
    code: 'if-exists-meaningless',
    severity: 'depends',
    group: 'Conditions',
    meaning:
      '`IfExists` on a key every request has (a suggestion), or `NullIfExists`, which does not exist (an error).',
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"BoolIfExists": {"aws:SecureTransport": "true"}}',
    ),
    fix: 'Drop `IfExists`.',
  },
  {
    code: 'for-all-values-with-allow',
    severity: 'security-warning',
    group: 'Conditions',
    meaning:
      '`ForAllValues` in an Allow is true when the request lacks the key, so the Allow applies to requests without it, unless the statement also requires the key with `Null` and `false`.',
    example: allow(
      '"connect:TagResource"',
      '"*"',
      ', "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["Team"]}}',
    ),
    fix: 'Add a `Null` condition on the key with `false`.',
  },
  {
    code: 'duplicate-condition-key',
    severity: 'error',
    group: 'Conditions',
    meaning: 'One key twice under one operator, differing in case only; key names ignore case.',
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"StringEquals": {"aws:username": "ana", "AWS:UserName": "bo"}}',
    ),
    fix: 'Give the key once with all its values.',
    accessAnalyzer: 'DUPLICATE_KEYS_WITH_DIFFERENT_CASE',
  },
  {
    code: 'missing-paired-condition-key',
    severity: 'security-warning',
    group: 'Conditions',
    meaning:
      "`aws:VpcSourceIp` without `aws:SourceVpc` or `aws:SourceVpce`: the address may be in anyone's VPC.",
    example: allow(
      '"s3:GetObject"',
      '"*"',
      ', "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}',
    ),
    fix: 'Add `aws:SourceVpc`.',
    accessAnalyzer: 'MISSING_PAIRED_CONDITION_KEYS',
  },
  {
    code: 'condition-value-placeholder',
    severity: 'error',
    group: 'Conditions',
    meaning:
      'A placeholder left from an example as a condition value (`<instance-id>`, `your-account`).',
    example: allow(
      '"connect:GetFederationToken"',
      '"*"',
      ', "Condition": {"StringEquals": {"connect:InstanceId": "<instance-id>"}}',
    ),
    fix: 'Write the real value.',
  },
  // Security
  {
    code: 'allow-not-action',
    severity: 'security-warning',
    group: 'Security',
    meaning:
      '`Allow` with `NotAction` allows every action not listed, including those AWS adds later.',
    example: doc('{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}'),
    fix: 'List the actions to allow.',
  },
  {
    code: 'allow-not-resource',
    severity: 'security-warning',
    group: 'Security',
    meaning:
      '`Allow` with `NotResource` allows every resource not listed, including those created later.',
    example: doc(
      '{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}',
    ),
    fix: 'List the resources to allow.',
  },
  {
    code: 'allow-all',
    severity: 'security-warning',
    group: 'Security',
    meaning: 'Every action on every resource without a condition: full administrator access.',
    example: allow('"*"', '"*"'),
    fix: 'Grant only what is needed.',
  },
  {
    code: 'pass-role-any-role',
    severity: 'security-warning',
    group: 'Security',
    meaning:
      '`iam:PassRole` on every role (`*`, or `role/*` of an account) without `iam:PassedToService`: the principal can hand any role to a service and act with its permissions.',
    example: allow('"iam:PassRole"', '"*"'),
    fix: 'Name the roles, or add `iam:PassedToService`.',
    accessAnalyzer: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  },
  {
    code: 'create-service-linked-role-any',
    severity: 'warning',
    group: 'Security',
    meaning:
      '`iam:CreateServiceLinkedRole` for every service: on `*` or every service-linked role (`role/aws-service-role/*`), without `iam:AWSServiceName`.',
    example: allow('"iam:CreateServiceLinkedRole"', '"*"'),
    fix: 'Add an `iam:AWSServiceName` condition.',
    accessAnalyzer: 'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  },
  {
    code: 'allow-with-not-principal',
    severity: 'security-warning',
    group: 'Security',
    meaning: '`Allow` with `NotPrincipal` allows everyone not listed, anonymous callers included.',
    example: doc(
      '{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
    ),
    policyType: 'resource',
    fix: 'Name the principals in `Principal`.',
    accessAnalyzer: 'ALLOW_WITH_NOT_PRINCIPAL',
  },
  {
    code: 'public-access',
    severity: 'security-warning',
    group: 'Security',
    meaning:
      'A resource-based policy that allows everyone, anonymous callers included, without a condition.',
    example: doc(
      '{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
    ),
    policyType: 'resource',
    fix: 'Name the principals or add a condition such as `aws:PrincipalOrgID`.',
  },
  {
    code: 'service-principal-without-source',
    severity: 'security-warning',
    group: 'Security',
    meaning:
      'A service principal allowed without `aws:SourceArn` or `aws:SourceAccount`: the service acts for every AWS customer (the confused deputy).',
    example: doc(
      '{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::recordings/*"}',
    ),
    policyType: 'resource',
    fix: 'Add `aws:SourceArn` with the Connect instance ARN, or `aws:SourceAccount`.',
    accessAnalyzer: 'RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL',
  },
]
