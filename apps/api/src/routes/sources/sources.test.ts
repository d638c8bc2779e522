import { readFileSync } from 'node:fs'
import { sourceFormatNames } from '@connect-policy/sources'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { openApiDocument } from '../../openapi/operations.ts'
import { expectDocumented, expectProblem, testApp, testConfig } from '../../testing/test-app.ts'
import { exampleTemplate, sourcesValidateOperation } from './schemas.ts'

const config = testConfig()
const app = testApp(config)
const documented = sourcesValidateOperation(config.limits).response.schema

/** A file of `@connect-policy/sources`' test files, as its folder's README describes it. */
function testFile(path: string) {
  const text = readFileSync(
    new URL(`../../../../../packages/sources/test-files/${path}`, import.meta.url),
    'utf8',
  )
  return { name: path.split('/').at(-1) as string, text }
}

const validate = (body: unknown, to = app) =>
  request(to)
    .post('/v1/sources/validate')
    .send(body as object)

async function answer(body: unknown) {
  const response = await validate(body)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return expectDocumented(documented, response.body)
}

type Answer = Awaited<ReturnType<typeof answer>>

/** The text of the file a finding's range covers, read back by its offsets. */
const covered = (text: string, range: { start: { offset: number }; end: { offset: number } }) =>
  text.slice(range.start.offset, range.end.offset)

/** The finding of a code on a line, which the test expects there. */
function findingOn(body: Answer, code: string, line: number) {
  const found = body.findings.find(
    (finding) => finding.code === code && finding.range.start.line === line,
  )
  if (found === undefined) throw new Error(`no ${code} on line ${line}: ${placed(body).join(', ')}`)
  return found
}

/** Where each finding is, as `code line`, errors and warnings only (suggestions vary with the reference). */
const placed = (body: Answer) =>
  body.findings
    .filter((finding) => finding.severity !== 'suggestion')
    .map((finding) => `${finding.code} ${finding.range.start.line}`)

describe('POST /v1/sources/validate', () => {
  it('reads a CloudFormation YAML template: its policies, and each finding where the file writes it', async () => {
    const file = testFile('cloudformation/connect-agents.yaml')
    const body = await answer({ file })
    expect(body.format).toBe('cloudformation')
    expect(body.formatName).toBe(sourceFormatNames.cloudformation)
    expect(body.principals).toEqual([])
    expect(body.problems).toEqual([])
    const labels = body.policies.map((policy) => policy.label)
    expect(labels).toContain('AgentRole: inline policy agent-workspace')
    const agentWorkspace = body.policies.find(
      (policy) => policy.label === 'AgentRole: inline policy agent-workspace',
    )
    expect(agentWorkspace).toMatchObject({
      path: 'Resources.AgentRole.Properties.Policies[0].PolicyDocument',
      policyType: 'identity',
    })
    expect(
      body.policies.find((policy) => policy.path.startsWith('Resources.RecordingsBucketPolicy')),
    ).toMatchObject({ policyType: 'resource' })
    // the deliberate problems of test-files/cloudformation/README.md, at their lines
    expect(placed(body)).toEqual(
      expect.arrayContaining([
        'unknown-action 94',
        'unknown-condition-operator 106',
        'missing-effect 164',
        'unknown-arn-service 182',
      ]),
    )
    const misspelt = findingOn(body, 'unknown-action', 94)
    expect(misspelt.range.start.column).toBe(21)
    expect(covered(file.text, misspelt.range)).toContain('DescribeInstanc')
    expect(misspelt.policy).toBe(agentWorkspace?.path)
    expect(misspelt.policyLabel).toBe(agentWorkspace?.label)
    expect(misspelt.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    // `# connect-policy-ignore: unknown-action` above line 209 leaves out the action of line 211
    expect(body.suppressed).toBe(1)
    expect(placed(body)).not.toContain('unknown-action 211')
  })

  it('keeps fingerprints across edits elsewhere in the file, and positions in the file as it is', async () => {
    const file = testFile('cloudformation/connect-agents.yaml')
    const before = await answer({ file })
    const after = await answer({ file: { ...file, text: `# a new first line\n${file.text}` } })
    expect(after.findings.map((finding) => finding.fingerprint)).toEqual(
      before.findings.map((finding) => finding.fingerprint),
    )
    expect(after.findings.map((finding) => finding.range.start.line)).toEqual(
      before.findings.map((finding) => finding.range.start.line + 1),
    )
  })

  it('reads the same template as CRLF JSON with a byte order mark, and offers fixes there', async () => {
    const file = testFile('cloudformation/connect-agents.json')
    const body = await answer({ file })
    expect(body.format).toBe('cloudformation')
    expect(placed(body)).toEqual(
      expect.arrayContaining(['unknown-action 158', 'unknown-action 410', 'missing-effect 316']),
    )
    // JSON has no comments: nothing is suppressed
    expect(body.suppressed).toBe(0)
    expect(findingOn(body, 'unknown-action', 158).fix?.newText).toBe('connect:DescribeInstance')
  })

  it('writes in the parameters given, and reads a name no parameter gives as a placeholder', async () => {
    const text = [
      'Parameters:',
      '  ActionName:',
      '    Type: String',
      'Resources:',
      '  Policy:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: !Ref ActionName',
      `            Resource: !Sub "arn:aws:connect:us-east-1:\${AWS::AccountId}:instance/\${constructor}/*"`,
      '',
    ].join('\n')
    const file = { name: 'policy.yaml', text }
    const placeholder = await answer({ file })
    expect(placed(placeholder)).toEqual([])
    const given = await answer({ file, parameters: { ActionName: 'connect:DescribeUsr' } })
    expect(placed(given)).toEqual(['unknown-action 12'])
    expect(covered(text, findingOn(given, 'unknown-action', 12).range)).toContain('ActionName')
  })

  it('reads a Terraform plan: policies known after apply are problems, the others validated', async () => {
    const file = testFile('terraform/plan-with-unknowns.json')
    const body = await answer({ file })
    expect(body.format).toBe('terraform-plan')
    const unknown = body.policies.filter((policy) => policy.unknown !== undefined)
    expect(unknown.map((policy) => policy.label)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('aws_iam_role_policy.supervisor_recordings'),
        expect.stringContaining('module.connect.aws_iam_role_policy.agent'),
      ]),
    )
    const later = body.problems.filter((problem) => problem.code === 'policy-known-after-apply')
    expect(later.length).toBe(unknown.length)
    expect(placed(body)).toContain('unknown-action 44')
    const misspelt = findingOn(body, 'unknown-action', 44)
    expect(misspelt.policyLabel).toContain('aws_iam_policy.connect_readonly')
    // inside the policy string, where the file writes the action
    expect(covered(file.text, misspelt.range)).toContain('DescribeInstanc')
  })

  it('reads an account export: each principal with the paths of its policies', async () => {
    const file = testFile('account/authorization-details.json')
    const body = await answer({ file })
    expect(body.format).toBe('authorization-details')
    const paths = new Set(body.policies.map((policy) => policy.path))
    const agent = body.principals.find(
      (principal) => principal.kind === 'role' && principal.name === 'ConnectAgent',
    )
    expect(agent?.arn).toMatch(/^arn:aws:iam::111122223333:role\//)
    expect(agent?.identityPolicies.length).toBeGreaterThan(0)
    for (const path of [
      ...(agent?.identityPolicies ?? []),
      agent?.permissionsBoundary,
      agent?.trustPolicy,
    ]) {
      expect(paths, path).toContain(path)
    }
    expect(body.principals.map((principal) => principal.kind)).toEqual(
      expect.arrayContaining(['user', 'group', 'role']),
    )
    expect(placed(body)).toContain('unknown-action 234')
    const misspelt = findingOn(body, 'unknown-action', 234)
    expect(covered(file.text, misspelt.range)).toContain('GetCurrentUserDat')
  })

  it('validates a file that is one policy as the policy type given', async () => {
    const file = testFile('other/plain-policy.json')
    const identity = await answer({ file })
    expect(identity.format).toBe('policy')
    expect(identity.policies).toEqual([
      expect.objectContaining({ path: '', label: 'policy', policyType: 'identity' }),
    ])
    const resource = await answer({ file, policyType: 'resource' })
    expect(resource.findings.map((finding) => finding.code)).toContain('missing-principal')
  })

  it('leaves out the codes to suppress', async () => {
    const body = await answer({
      file: testFile('cloudformation/connect-agents.yaml'),
      suppress: ['unknown-action', 'missing-effect'],
    })
    const codes = body.findings.map((finding) => finding.code)
    expect(codes).not.toContain('unknown-action')
    expect(codes).not.toContain('missing-effect')
    expect(codes).toContain('unknown-arn-service')
  })

  it('reports a policy over POLICY_MAX_CHARS instead of validating it, and validates the others', async () => {
    const small = testApp({ limits: { policyChars: 400 } })
    const file = testFile('cloudformation/connect-agents.yaml')
    const response = await validate({ file }, small)
    expect(response.status).toBe(200)
    const body = expectDocumented(
      sourcesValidateOperation(testConfig({ limits: { policyChars: 400 } }).limits).response.schema,
      response.body,
    )
    const over = body.problems.filter((problem) => problem.code === 'policy-over-limit')
    expect(over.length).toBeGreaterThan(0)
    expect(over.length).toBeLessThan(body.policies.length)
    expect(over[0]?.message).toContain("over this server's limit of 400 (`POLICY_MAX_CHARS`)")
    const skipped = new Set(
      body.policies
        .filter((policy) =>
          over.some((problem) => problem.range.start.offset === policy.range.start.offset),
        )
        .map((policy) => policy.path),
    )
    expect(skipped.size).toBe(over.length)
    for (const finding of body.findings) expect(skipped).not.toContain(finding.policy)
  })

  it.each([
    ['a Docker Compose file', 'other/docker-compose.yml'],
    ['an npm manifest', 'other/package.json'],
    ['Kubernetes documents', 'other/deployment.yaml'],
  ])('refuses %s with 422, naming the formats read', async (_, path) => {
    const file = testFile(path)
    const problem = expectProblem(await validate({ file }), 422, 'unrecognized-file')
    expect(problem.detail).toContain(`\`${file.name}\` is none of the files connect-policy reads`)
    for (const format of ['CloudFormation', 'Terraform plan', 'get-account-authorization-details'])
      expect(problem.detail).toContain(format)
  })

  it('refuses an empty file with 422, and a file that is not YAML with its line and column', async () => {
    const empty = expectProblem(
      await validate({ file: { name: 'empty.json', text: '' } }),
      422,
      'unrecognized-file',
    )
    expect(empty.detail).toContain('`empty.json` is empty')
    const broken = expectProblem(
      await validate({ file: testFile('other/broken.yaml') }),
      422,
      'unreadable-file',
    )
    expect(broken.detail).toMatch(
      /^`broken\.yaml` cannot be read as YAML: .*\(line 22, column 17\)$/,
    )
  })

  it.each([
    ['no file', {}, '/file', 'is required'],
    ['a file as text', { file: 'Resources: {}' }, '/file', 'must be an object'],
    ['a file without a name', { file: { text: '{}' } }, '/file/name', 'is required'],
    ['an empty name', { file: { name: '', text: '{}' } }, '/file/name', 'must not be empty'],
    [
      'a text that is a number',
      { file: { name: 'a', text: 42 } },
      '/file/text',
      'must be a string',
    ],
    [
      'a text over the limit',
      { file: { name: 'a', text: 'x'.repeat(2049) } },
      '/file/text',
      'at most 2048 characters',
    ],
    [
      'an unknown field of the file',
      { file: { name: 'a', text: '{}', path: 'a' } },
      '/file/path',
      'is not a known field',
    ],
    [
      'an unknown field',
      { file: { name: 'a', text: '{}' }, policy: '{}' },
      '/policy',
      'is not a known field',
    ],
    [
      'an unknown type',
      { file: { name: 'a', text: '{}' }, policyType: 'group' },
      '/policyType',
      'must be one of',
    ],
    [
      'a code it never reports',
      { file: { name: 'a', text: '{}' }, suppress: ['unknown-actions'] },
      '/suppress/0',
      'did you mean `unknown-action`',
    ],
    [
      'a parameter that is not text',
      { file: { name: 'a', text: '{}' }, parameters: { Bucket: 1 } },
      '/parameters/Bucket',
      'must be a string',
    ],
  ])('refuses %s with 400', async (_, body, pointer, detail) => {
    const small = testApp({ limits: { sourceChars: 2048 } })
    const problem = expectProblem(await validate(body, small), 400, 'invalid-request')
    expect(problem.errors?.[0]?.pointer).toBe(pointer)
    expect(problem.errors?.[0]?.in).toBe('body')
    expect(problem.errors?.[0]?.detail).toContain(detail)
  })

  it('refuses a body that is not JSON, and one over BODY_LIMIT_BYTES', async () => {
    expectProblem(
      await request(app)
        .post('/v1/sources/validate')
        .set('Content-Type', 'application/json')
        .send('{"file": '),
      400,
      'malformed-json',
    )
    expectProblem(
      await request(app).post('/v1/sources/validate').set('Content-Type', 'text/yaml').send('a: 1'),
      415,
      'unsupported-media-type',
    )
    const limited = testApp({ limits: { bodyBytes: 4096 } })
    const file = testFile('cloudformation/connect-agents.yaml')
    expectProblem(await validate({ file }, limited), 413, 'payload-too-large')
  })

  it('answers other methods with 405 and Allow', async () => {
    const response = await request(app).get('/v1/sources/validate')
    expectProblem(response, 405, 'method-not-allowed')
    expect(response.headers.allow).toBe('POST')
  })
})

describe('the OpenAPI document', () => {
  it('lists the operation, with an example request it answers as documented', async () => {
    const document = openApiDocument(config.limits)
    const operation = document.paths?.['/v1/sources/validate']?.post
    expect(operation?.operationId).toBe('validateSourceFile')
    expect(Object.keys(operation?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '413', '422']),
    )
    const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>
    const example = schemas.SourceValidateRequest?.example as { file: { text: string } }
    expect(example.file.text).toBe(exampleTemplate)
    expect(schemas.SourceValidateRequest?.additionalProperties).toBe(false)
    expect(schemas.SourceFinding).toBeDefined()
    const responses = (operation?.responses ?? {}) as Record<string, { description: string }>
    const unprocessable = responses['422']
    expect(unprocessable?.description).toContain('/problems/unrecognized-file')
    expect(unprocessable?.description).toContain('/problems/unreadable-file')
    const body = await answer(example)
    expect(placed(body)).toEqual(['unknown-action 23'])
  })
})
