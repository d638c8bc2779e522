import type { DiagnosticCode, DiagnosticSeverity } from '../model/index.ts'

/** A text and exactly the diagnostics it must give: code, severity and where the range starts. */
export interface DiagnosticCase {
  readonly name: string
  readonly text: string
  readonly expected: readonly (readonly [
    DiagnosticCode,
    DiagnosticSeverity,
    line: number,
    column: number,
  ])[]
  /** Statements read, when a policy is read at all. */
  readonly statements?: number
}

const head = '{"Version":"2012-10-17","Statement":'
const allow = '{"Effect":"Allow","Action":"connect:*","Resource":"*"}'

export const diagnosticCases: readonly DiagnosticCase[] = [
  { name: 'a valid policy', text: `${head}[${allow}]}`, expected: [], statements: 1 },
  {
    name: 'trailing commas as the Amazon Connect page prints them',
    text: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "connect:CreateUser" ], "Resource": "*", }, { "Effect": "Deny", "Action": [ "connect:CreateUser" ], "Resource": "arn:aws:connect:us-west-2:123456789012:instance/x/security-profile/y", } ] }',
    expected: [
      ['trailing-comma', 'error', 1, 115],
      ['trailing-comma', 'error', 1, 258],
    ],
    statements: 2,
  },
  {
    name: 'a bare statement with a missing and a trailing comma',
    text: '{ "Sid": "AllowConnectCampaignsOperations", "Effect": "Allow", "Action": [ "connect-campaigns:DeleteCampaign", "connect-campaigns:GetCampaignState" "connect-campaigns:UpdateDialerConfig" ], "Resource": "arn:aws:connect-campaigns:us-west-2:accountID:campaign/campaignId", }',
    expected: [
      ['bare-statement', 'error', 1, 1],
      ['missing-comma', 'error', 1, 149],
      ['trailing-comma', 'error', 1, 270],
    ],
    statements: 1,
  },
  {
    name: 'comments',
    text: `// policy\n${head}[ /* one */ ${allow}]}`,
    expected: [
      ['comment', 'error', 1, 1],
      ['comment', 'error', 2, 39],
    ],
    statements: 1,
  },
  {
    name: 'a missing colon',
    text: `{"Version" "2012-10-17","Statement":[${allow}]}`,
    expected: [['missing-colon', 'error', 1, 11]],
    statements: 1,
  },
  {
    name: 'an unterminated string',
    text: `${head}[{"Effect":"Allow\n}]}`,
    expected: [
      ['missing-action', 'error', 1, 38],
      ['missing-resource', 'error', 1, 38],
      ['unterminated-string', 'error', 1, 48],
    ],
    statements: 1,
  },
  {
    name: 'an invalid escape',
    text: `{"Version":"2012-10-17","Id":"a\\qb","Statement":[${allow}]}`,
    expected: [['invalid-escape', 'error', 1, 32]],
    statements: 1,
  },
  {
    name: 'a raw tab in a string',
    text: `{"Version":"2012-10-17","Id":"a\tb","Statement":[${allow}]}`,
    expected: [['control-character-in-string', 'error', 1, 32]],
    statements: 1,
  },
  {
    name: 'a number with a leading zero',
    text: '{"Version":"2012-10-17","Statement":[],"X":01}',
    expected: [
      ['empty-statement-list', 'error', 1, 37],
      ['unknown-element', 'error', 1, 40],
      ['invalid-number', 'error', 1, 44],
    ],
  },
  {
    name: 'content after the document',
    text: `${head}[${allow}]} x`,
    expected: [['trailing-content', 'error', 1, 95]],
    statements: 1,
  },
  { name: 'an empty text', text: '  \n ', expected: [['empty-document', 'error', 1, 1]] },
  {
    name: 'an unclosed document',
    text: `${head}[${allow}`,
    expected: [
      ['unexpected-end', 'error', 1, 1],
      ['unexpected-end', 'error', 1, 37],
    ],
  },
  {
    name: 'an unexpected token',
    text: `${head}[${allow}, ]]}`,
    expected: [
      ['trailing-comma', 'error', 1, 92],
      ['unexpected-token', 'error', 1, 95],
    ],
    statements: 1,
  },
  {
    name: 'typographic quotes',
    text: `{“Version”:"2012-10-17","Statement":[${allow}]}`,
    expected: [['invalid-character', 'error', 1, 2]],
    statements: 1,
  },
  {
    name: 'a stray character',
    text: `${head}[${allow}]}\u00a0`,
    expected: [['unexpected-character', 'error', 1, 94]],
    statements: 1,
  },
  {
    name: 'a repeated element',
    text: `{"Version":"2012-10-17","Version":"2008-10-17","Statement":[${allow}]}`,
    expected: [['duplicate-key', 'error', 1, 25]],
    statements: 1,
  },
  {
    name: 'an array as the document',
    text: `[${allow}]`,
    expected: [['document-not-object', 'error', 1, 1]],
  },
  {
    name: 'a misspelled element',
    text: `{"Version":"2012-10-17","Statment":[${allow}]}`,
    expected: [
      ['missing-statement', 'error', 1, 1],
      ['unknown-element', 'error', 1, 25],
    ],
  },
  {
    name: 'no Version',
    text: `{"Statement":[${allow}]}`,
    expected: [['missing-version', 'warning', 1, 1]],
    statements: 1,
  },
  {
    name: 'an unknown Version',
    text: `{"Version":"2012-10-18","Statement":[${allow}]}`,
    expected: [['unknown-version', 'error', 1, 12]],
    statements: 1,
  },
  {
    name: 'a Version that is not a string',
    text: `{"Version":2012,"Statement":[${allow}]}`,
    expected: [['wrong-type', 'error', 1, 12]],
    statements: 1,
  },
  {
    name: 'an empty statement list',
    text: `${head}[]}`,
    expected: [['empty-statement-list', 'error', 1, 37]],
    statements: 0,
  },
  {
    name: 'a statement that is not an object',
    text: `${head}["x"]}`,
    expected: [['statement-not-object', 'error', 1, 38]],
    statements: 0,
  },
  { name: 'a single statement object', text: `${head}${allow}}`, expected: [], statements: 1 },
  {
    name: 'a missing Effect',
    text: `${head}[{"Action":"a:b","Resource":"*"}]}`,
    expected: [['missing-effect', 'error', 1, 38]],
    statements: 1,
  },
  {
    name: 'an Effect in the wrong case',
    text: `${head}[{"Effect":"allow","Action":"a:b","Resource":"*"}]}`,
    expected: [['invalid-effect', 'error', 1, 48]],
    statements: 1,
  },
  {
    name: 'Action and NotAction',
    text: `${head}[{"Effect":"Allow","Action":"a:b","NotAction":"a:c","Resource":"*"}]}`,
    expected: [['action-and-not-action', 'error', 1, 71]],
    statements: 1,
  },
  {
    name: 'Resource and NotResource',
    text: `${head}[{"Effect":"Allow","Action":"a:b","NotResource":"x","Resource":"*"}]}`,
    expected: [['resource-and-not-resource', 'error', 1, 89]],
    statements: 1,
  },
  {
    name: 'Principal and NotPrincipal',
    text: `${head}[{"Effect":"Deny","Principal":"*","NotPrincipal":{"AWS":"1"},"Action":"a:b","Resource":"*"}]}`,
    expected: [['principal-and-not-principal', 'error', 1, 71]],
    statements: 1,
  },
  {
    name: 'an empty Action list',
    text: `${head}[{"Effect":"Allow","Action":[],"Resource":"*"}]}`,
    expected: [['empty-value-list', 'warning', 1, 65]],
    statements: 1,
  },
  {
    name: 'a number in Action',
    text: `${head}[{"Effect":"Allow","Action":["a:b",7],"Resource":"*"}]}`,
    expected: [['wrong-type', 'error', 1, 72]],
    statements: 1,
  },
  {
    name: 'an unknown principal type',
    text: `${head}[{"Effect":"Deny","Principal":{"Aws":"*"},"Action":"a:b","Resource":"*"}]}`,
    expected: [['invalid-principal-type', 'error', 1, 68]],
    statements: 1,
  },
  {
    name: 'a principal string other than *',
    text: `${head}[{"Effect":"Deny","Principal":"123456789012","Action":"a:b","Resource":"*"}]}`,
    expected: [['wrong-type', 'error', 1, 67]],
    statements: 1,
  },
  {
    name: 'a condition value that is an object',
    text: `${head}[{"Effect":"Deny","Action":"a:b","Resource":"*","Condition":{"StringEquals":{"k":{"x":1}}}}]}`,
    expected: [['invalid-condition', 'error', 1, 118]],
    statements: 1,
  },
  {
    name: 'a condition operator without keys',
    text: `${head}[{"Effect":"Deny","Action":"a:b","Resource":"*","Condition":{"Bool":true}}]}`,
    expected: [['invalid-condition', 'error', 1, 105]],
    statements: 1,
  },
  {
    name: 'an unknown statement element',
    text: `${head}[{"Effect":"Allow","Acton":"a:b","Action":"a:b","Resource":"*"}]}`,
    expected: [['unknown-element', 'error', 1, 56]],
    statements: 1,
  },
]
