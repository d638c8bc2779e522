import type { DiagnosticCode, DiagnosticSeverity } from '../model/index.ts'

/**
 * A text and exactly the diagnostics `parsePolicy` gives for it, in order: code, severity and
 * range as `line:column-line:column` (1-based, end exclusive).
 */
export interface DiagnosticCase {
  readonly name: string
  readonly text: string
  readonly diagnostics: readonly (readonly [DiagnosticCode, DiagnosticSeverity, string])[]
  /** How many statements the policy holds; absent when no policy is read at all. */
  readonly statements?: number
}

const head = '{"Version":"2012-10-17","Statement":'
const allow = '{"Effect":"Allow","Action":"connect:*","Resource":"*"}'
const statementWith = (elements: string) => `${head}[{${elements}}]}`

/**
 * One case per problem the parser reports (each code at least once), and the two texts that
 * the older printing of *Amazon Connect resource-level policy examples* (Amazon Connect
 * Administrator Guide) gives with JSON errors: the create-user example with trailing commas, and
 * the outbound campaigns statement, bare, with a missing and a trailing comma (here shortened
 * to three actions).
 */
export const diagnosticCases: readonly DiagnosticCase[] = [
  {
    name: 'a valid policy',
    text: `${head}[${allow}]}`,
    diagnostics: [],
    statements: 1,
  },
  {
    name: 'a single statement object',
    text: `${head}${allow}}`,
    diagnostics: [],
    statements: 1,
  },
  {
    name: 'trailing commas as the documentation prints them (single-line form)',
    text: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "connect:CreateUser" ], "Resource": "*", }, { "Effect": "Deny", "Action": [ "connect:CreateUser" ], "Resource": "arn:aws:connect:us-west-2:123456789012:instance/x/security-profile/y", } ] }',
    diagnostics: [
      ['trailing-comma', 'error', '1:115-1:116'],
      ['trailing-comma', 'error', '1:258-1:259'],
    ],
    statements: 2,
  },
  {
    name: 'a bare statement with a missing and a trailing comma, as the documentation prints it',
    text: '{ "Sid": "AllowConnectCampaignsOperations", "Effect": "Allow", "Action": [ "connect-campaigns:DeleteCampaign", "connect-campaigns:GetCampaignState" "connect-campaigns:UpdateDialerConfig" ], "Resource": "arn:aws:connect-campaigns:us-west-2:accountID:campaign/campaignId", }',
    diagnostics: [
      ['bare-statement', 'error', '1:1-1:2'],
      ['missing-comma', 'error', '1:149-1:187'],
      ['trailing-comma', 'error', '1:270-1:271'],
    ],
    statements: 1,
  },
  {
    name: 'a trailing comma in an array',
    text: `${head}[${allow},]}`,
    diagnostics: [['trailing-comma', 'error', '1:92-1:93']],
    statements: 1,
  },
  {
    name: 'a missing comma between members, over lines',
    text: `{\n  "Version": "2012-10-17"\n  "Statement": [${allow}]\n}`,
    diagnostics: [['missing-comma', 'error', '3:3-3:14']],
    statements: 1,
  },
  {
    name: 'comments of both kinds',
    text: `// an example\n${head}[\n  /* allow all of Connect */\n  ${allow}\n]}`,
    diagnostics: [
      ['comment', 'error', '1:1-1:14'],
      ['comment', 'error', '3:3-3:29'],
    ],
    statements: 1,
  },
  {
    name: 'a block comment that is not closed',
    text: `${head}[${allow}]} /* end`,
    diagnostics: [['comment', 'error', '1:95-1:101']],
    statements: 1,
  },
  {
    name: 'a missing colon',
    text: `{"Version" "2012-10-17","Statement":[${allow}]}`,
    diagnostics: [['missing-colon', 'error', '1:12-1:24']],
    statements: 1,
  },
  {
    name: 'a member name without a value',
    text: `{"Version","Statement":[${allow}]}`,
    diagnostics: [
      ['missing-version', 'warning', '1:1-1:2'],
      ['missing-colon', 'error', '1:2-1:11'],
    ],
    statements: 1,
  },
  {
    name: 'a string not closed at the end of its line',
    text: `{\n  "Version": "2012-10-17,\n  "Statement": [${allow}]\n}`,
    diagnostics: [['unterminated-string', 'error', '2:14-2:25']],
    statements: 1,
  },
  {
    name: 'a string closed by a typographic quote',
    text: `{"Version":"2012-10-17”,\n"Statement":[${allow}]}`,
    diagnostics: [['invalid-character', 'error', '1:23-1:24']],
    statements: 1,
  },
  {
    name: 'an invalid escape',
    text: `{"Version":"2012-10-17","Id":"a\\qb","Statement":[${allow}]}`,
    diagnostics: [['invalid-escape', 'error', '1:32-1:34']],
    statements: 1,
  },
  {
    name: 'a \\u escape with too few hex digits',
    text: `{"Version":"2012-10-17","Id":"\\u12","Statement":[${allow}]}`,
    diagnostics: [['invalid-escape', 'error', '1:31-1:35']],
    statements: 1,
  },
  {
    name: 'a raw tab in a string',
    text: `{"Version":"2012-10-17","Id":"a\tb","Statement":[${allow}]}`,
    diagnostics: [['control-character-in-string', 'error', '1:32-1:33']],
    statements: 1,
  },
  {
    name: 'numbers JSON does not allow',
    text: `${head}[${allow}],"X":[01,+1,.5,1.,NaN,-Infinity,0x1F]}`,
    diagnostics: [
      ['unknown-element', 'error', '1:94-1:97'],
      ['invalid-number', 'error', '1:99-1:101'],
      ['invalid-number', 'error', '1:102-1:104'],
      ['invalid-number', 'error', '1:105-1:107'],
      ['invalid-number', 'error', '1:108-1:110'],
      ['invalid-number', 'error', '1:111-1:114'],
      ['invalid-number', 'error', '1:115-1:124'],
      ['invalid-number', 'error', '1:125-1:129'],
    ],
    statements: 1,
  },
  {
    name: 'content after the document',
    text: `${head}[${allow}]}\n{"Version":"2012-10-17"}`,
    diagnostics: [['trailing-content', 'error', '2:1-2:25']],
    statements: 1,
  },
  {
    name: 'an empty text',
    text: '  \n ',
    diagnostics: [['empty-document', 'error', '1:1-2:2']],
  },
  {
    name: 'a text with only a comment',
    text: '// nothing here',
    diagnostics: [
      ['comment', 'error', '1:1-1:16'],
      ['empty-document', 'error', '1:1-1:16'],
    ],
  },
  {
    name: 'an unclosed document',
    text: `${head}[${allow}`,
    diagnostics: [['unexpected-end', 'error', '1:92-1:92']],
    statements: 1,
  },
  {
    name: 'a member without its value at the end',
    text: '{"Version":',
    diagnostics: [
      ['missing-version', 'warning', '1:1-1:2'],
      ['missing-statement', 'error', '1:1-1:2'],
      ['unexpected-end', 'error', '1:12-1:12'],
    ],
    statements: 0,
  },
  {
    name: 'an array closed by a brace',
    text: `${head}[${allow}}`,
    diagnostics: [['unexpected-token', 'error', '1:92-1:93']],
    statements: 1,
  },
  {
    name: 'a run of commas',
    text: `${head}[${allow},,,]}`,
    diagnostics: [['unexpected-token', 'error', '1:93-1:95']],
    statements: 1,
  },
  {
    name: 'a member name without quotes',
    text: `{Version:"2012-10-17","Statement":[${allow}]}`,
    diagnostics: [['unexpected-token', 'error', '1:2-1:9']],
    statements: 1,
  },
  {
    name: 'a literal in the wrong case',
    text: `${head}[{"Effect":"Allow","Action":"a:b","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":True}}}]}`,
    diagnostics: [['unexpected-token', 'error', '1:129-1:133']],
    statements: 1,
  },
  {
    name: 'typographic quotes, as word processors write them',
    text: `{“Version”: “2012-10-17”, "Statement":[${allow}]}`,
    diagnostics: [
      ['invalid-character', 'error', '1:2-1:3'],
      ['invalid-character', 'error', '1:13-1:14'],
    ],
    statements: 1,
  },
  {
    name: 'single quotes',
    text: `{'Version':'2012-10-17','Statement':[${allow}]}`,
    diagnostics: [
      ['invalid-character', 'error', '1:2-1:3'],
      ['invalid-character', 'error', '1:12-1:13'],
      ['invalid-character', 'error', '1:25-1:26'],
    ],
    statements: 1,
  },
  {
    name: 'a no-break space, as web pages paste it',
    text: `{\u00a0"Version":"2012-10-17","Statement":[${allow}]}`,
    diagnostics: [['unexpected-character', 'error', '1:2-1:3']],
    statements: 1,
  },
  {
    name: 'a stray character',
    text: `${head}[${allow}]#}`,
    diagnostics: [['unexpected-character', 'error', '1:93-1:94']],
    statements: 1,
  },
  {
    name: 'values nested too deep',
    text: `${head}[${allow}],"X":${'['.repeat(130)}${']'.repeat(130)}}`,
    diagnostics: [
      ['unknown-element', 'error', '1:94-1:97'],
      ['nesting-too-deep', 'error', '1:225-1:226'],
    ],
    statements: 1,
  },
  {
    name: 'a repeated element',
    text: `{"Version":"2012-10-17","Version":"2008-10-17","Statement":[${allow}]}`,
    diagnostics: [['duplicate-key', 'error', '1:25-1:34']],
    statements: 1,
  },
  {
    name: 'a repeated name inside a statement',
    text: statementWith('"Effect":"Allow","Action":"a:b","Action":"a:c","Resource":"*"'),
    diagnostics: [['duplicate-key', 'error', '1:71-1:79']],
    statements: 1,
  },
  {
    name: 'an array as the document',
    text: `[${allow}]`,
    diagnostics: [['document-not-object', 'error', '1:1-1:57']],
  },
  {
    name: 'a string as the document',
    text: '"2012-10-17"',
    diagnostics: [['document-not-object', 'error', '1:1-1:13']],
  },
  {
    name: 'a bare statement with a Version',
    text: '{"Version":"2012-10-17","Effect":"Allow","Action":"a:b","Resource":"*"}',
    diagnostics: [['bare-statement', 'error', '1:1-1:2']],
    statements: 1,
  },
  {
    name: 'a misspelled element',
    text: `{"Version":"2012-10-17","Statment":[${allow}]}`,
    diagnostics: [
      ['missing-statement', 'error', '1:1-1:2'],
      ['unknown-element', 'error', '1:25-1:35'],
    ],
    statements: 0,
  },
  {
    name: 'an element in the wrong case',
    text: `{"Version":"2012-10-17","statement":[${allow}]}`,
    diagnostics: [
      ['missing-statement', 'error', '1:1-1:2'],
      ['unknown-element', 'error', '1:25-1:36'],
    ],
    statements: 0,
  },
  {
    name: 'a statement element at the top level',
    text: `${head}[${allow}],"Condition":{}}`,
    diagnostics: [['unknown-element', 'error', '1:94-1:105']],
    statements: 1,
  },
  {
    name: 'no Version',
    text: `{"Statement":[${allow}]}`,
    diagnostics: [['missing-version', 'warning', '1:1-1:2']],
    statements: 1,
  },
  {
    name: 'an unknown Version',
    text: `{"Version":"2012-10-18","Statement":[${allow}]}`,
    diagnostics: [['unknown-version', 'error', '1:12-1:24']],
    statements: 1,
  },
  {
    name: 'a Version that is not a string',
    text: `{"Version":2012,"Statement":[${allow}]}`,
    diagnostics: [['wrong-type', 'error', '1:12-1:16']],
    statements: 1,
  },
  {
    name: 'no Statement',
    text: '{"Version":"2012-10-17"}',
    diagnostics: [['missing-statement', 'error', '1:1-1:2']],
    statements: 0,
  },
  {
    name: 'a Statement that is a string',
    text: `${head}"Allow"}`,
    diagnostics: [['wrong-type', 'error', '1:37-1:44']],
    statements: 0,
  },
  {
    name: 'an empty statement list',
    text: `${head}[]}`,
    diagnostics: [['empty-statement-list', 'error', '1:37-1:39']],
    statements: 0,
  },
  {
    name: 'a statement that is not an object',
    text: `${head}[${allow},"x"]}`,
    diagnostics: [['statement-not-object', 'error', '1:93-1:96']],
    statements: 1,
  },
  {
    name: 'a missing Effect',
    text: statementWith('"Action":"a:b","Resource":"*"'),
    diagnostics: [['missing-effect', 'error', '1:38-1:39']],
    statements: 1,
  },
  {
    name: 'an Effect in the wrong case',
    text: statementWith('"Effect":"allow","Action":"a:b","Resource":"*"'),
    diagnostics: [['invalid-effect', 'error', '1:48-1:55']],
    statements: 1,
  },
  {
    name: 'an Effect that is not a string',
    text: statementWith('"Effect":true,"Action":"a:b","Resource":"*"'),
    diagnostics: [['wrong-type', 'error', '1:48-1:52']],
    statements: 1,
  },
  {
    name: 'a missing Action',
    text: statementWith('"Effect":"Allow","Resource":"*"'),
    diagnostics: [['missing-action', 'error', '1:38-1:39']],
    statements: 1,
  },
  {
    name: 'a missing Resource',
    text: statementWith('"Effect":"Allow","Action":"a:b"'),
    diagnostics: [['missing-resource', 'error', '1:38-1:39']],
    statements: 1,
  },
  {
    name: 'an empty statement',
    text: `${head}[{}]}`,
    diagnostics: [
      ['missing-effect', 'error', '1:38-1:39'],
      ['missing-action', 'error', '1:38-1:39'],
      ['missing-resource', 'error', '1:38-1:39'],
    ],
    statements: 1,
  },
  {
    name: 'Action and NotAction',
    text: statementWith('"Effect":"Allow","Action":"a:b","NotAction":"a:c","Resource":"*"'),
    diagnostics: [['action-and-not-action', 'error', '1:71-1:82']],
    statements: 1,
  },
  {
    name: 'NotResource before Resource',
    text: statementWith('"Effect":"Allow","Action":"a:b","NotResource":"x","Resource":"*"'),
    diagnostics: [['resource-and-not-resource', 'error', '1:89-1:99']],
    statements: 1,
  },
  {
    name: 'Principal and NotPrincipal',
    text: statementWith(
      '"Effect":"Deny","Principal":"*","NotPrincipal":{"AWS":"1"},"Action":"a:b","Resource":"*"',
    ),
    diagnostics: [['principal-and-not-principal', 'error', '1:71-1:85']],
    statements: 1,
  },
  {
    name: 'an empty Action list',
    text: statementWith('"Effect":"Allow","Action":[],"Resource":"*"'),
    diagnostics: [['empty-value-list', 'warning', '1:65-1:67']],
    statements: 1,
  },
  {
    name: 'a number in Action',
    text: statementWith('"Effect":"Allow","Action":["a:b",7],"Resource":"*"'),
    diagnostics: [['wrong-type', 'error', '1:72-1:73']],
    statements: 1,
  },
  {
    name: 'an Action that is an object',
    text: statementWith('"Effect":"Allow","Action":{"a":"b"},"Resource":"*"'),
    diagnostics: [['wrong-type', 'error', '1:65-1:74']],
    statements: 1,
  },
  {
    name: 'a Sid that is a number',
    text: statementWith('"Sid":1,"Effect":"Allow","Action":"a:b","Resource":"*"'),
    diagnostics: [['wrong-type', 'error', '1:45-1:46']],
    statements: 1,
  },
  {
    name: 'an unknown statement element',
    text: statementWith('"Effect":"Allow","Acton":"a:b","Action":"a:b","Resource":"*"'),
    diagnostics: [['unknown-element', 'error', '1:56-1:63']],
    statements: 1,
  },
  {
    name: 'a document element in a statement',
    text: statementWith('"Version":"2012-10-17","Effect":"Allow","Action":"a:b","Resource":"*"'),
    diagnostics: [['unknown-element', 'error', '1:39-1:48']],
    statements: 1,
  },
  {
    name: 'an unknown principal type',
    text: statementWith('"Effect":"Deny","Principal":{"Aws":"*"},"Action":"a:b","Resource":"*"'),
    diagnostics: [['invalid-principal-type', 'error', '1:68-1:73']],
    statements: 1,
  },
  {
    name: 'a principal string other than *',
    text: statementWith('"Effect":"Deny","Principal":"123456789012","Action":"a:b","Resource":"*"'),
    diagnostics: [['wrong-type', 'error', '1:67-1:81']],
    statements: 1,
  },
  {
    name: 'a service principal as a string',
    text: statementWith(
      '"Effect":"Deny","Principal":"connect.amazonaws.com","Action":"a:b","Resource":"*"',
    ),
    diagnostics: [['wrong-type', 'error', '1:67-1:90']],
    statements: 1,
  },
  {
    name: 'a principal that is an array',
    text: statementWith('"Effect":"Deny","Principal":["*"],"Action":"a:b","Resource":"*"'),
    diagnostics: [['wrong-type', 'error', '1:67-1:72']],
    statements: 1,
  },
  {
    name: 'an empty principal map',
    text: statementWith('"Effect":"Deny","Principal":{},"Action":"a:b","Resource":"*"'),
    diagnostics: [['empty-value-list', 'warning', '1:67-1:69']],
    statements: 1,
  },
  {
    name: 'an empty principal list',
    text: statementWith('"Effect":"Deny","Principal":{"AWS":[]},"Action":"a:b","Resource":"*"'),
    diagnostics: [['empty-value-list', 'warning', '1:74-1:76']],
    statements: 1,
  },
  {
    name: 'a Condition that is an array',
    text: statementWith('"Effect":"Deny","Action":"a:b","Resource":"*","Condition":[]'),
    diagnostics: [['wrong-type', 'error', '1:97-1:99']],
    statements: 1,
  },
  {
    name: 'a condition operator without keys',
    text: statementWith('"Effect":"Deny","Action":"a:b","Resource":"*","Condition":{"Bool":true}'),
    diagnostics: [['invalid-condition', 'error', '1:105-1:109']],
    statements: 1,
  },
  {
    name: 'a condition operator with no keys',
    text: statementWith('"Effect":"Deny","Action":"a:b","Resource":"*","Condition":{"Bool":{}}'),
    diagnostics: [['empty-value-list', 'warning', '1:105-1:107']],
    statements: 1,
  },
  {
    name: 'a condition value that is an object',
    text: statementWith(
      '"Effect":"Deny","Action":"a:b","Resource":"*","Condition":{"StringEquals":{"k":{"x":1}}}',
    ),
    diagnostics: [['invalid-condition', 'error', '1:118-1:125']],
    statements: 1,
  },
  {
    name: 'a condition value that is null',
    text: statementWith(
      '"Effect":"Deny","Action":"a:b","Resource":"*","Condition":{"StringEquals":{"k":["a",null]}}',
    ),
    diagnostics: [['invalid-condition', 'error', '1:123-1:127']],
    statements: 1,
  },
  {
    name: 'an empty condition value list',
    text: statementWith(
      '"Effect":"Deny","Action":"a:b","Resource":"*","Condition":{"StringEquals":{"k":[]}}',
    ),
    diagnostics: [['empty-value-list', 'warning', '1:118-1:120']],
    statements: 1,
  },
  {
    name: 'lines counted with CRLF and a surrogate pair before the problem',
    text: `{\r\n  "Id": "😀😀", "Version": "2012-10-18",\r\n  "Statement": [${allow}]\r\n}`,
    diagnostics: [['unknown-version', 'error', '2:28-2:40']],
    statements: 1,
  },
]
