import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { type ReadSource, readSource } from '../read-source.ts'
import { covered, lineAndColumn, testFile } from '../testing/test-files.ts'
import { managedPolicyYaml, templateYaml } from '../testing/yaml-templates.ts'
import { type SourceFinding, validateSource } from './validate-source.ts'

const catalog = awsCatalog()

/** The text with `from` (which it holds exactly once) replaced by `to`. */
function edited(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2)
  return text.replace(from, to)
}

const yamlTemplate = testFile('cloudformation/connect-agents.yaml')

const validate = (name: string, text: string) => {
  const read = readSource({ name, text })
  return { read, ...validateSource(read, { catalog }) }
}

const where = (read: ReadSource, finding: SourceFinding) => [
  finding.code,
  covered(read.text, finding.range),
  lineAndColumn(read.text, finding.range.start.offset).line,
]

/** A template of one managed policy whose statement's `Action` is written as given. */
const oneStatement = (action: string) =>
  templateYaml(
    managedPolicyYaml('P', [
      '- Sid: Quoted',
      '  Effect: Allow',
      `  Action: ${action}`,
      '  Resource: "*"',
    ]),
  )

describe('suppression comments', () => {
  it('on a line of its own above a statement, cover that statement and not the next', () => {
    const { read, findings, suppressed } = validate(
      'connect-agents.yaml',
      edited(yamlTemplate, 'Action: connect:DeleteUser', 'Action: connect:DeleteUsr'),
    )
    expect(suppressed.map((finding) => where(read, finding))).toEqual([
      ['unknown-action', 'connect:StartAgentAssistPreview', 211],
    ])
    expect(
      findings
        .filter((finding) => finding.code === 'unknown-action')
        .map((finding) => covered(read.text, finding.range)),
    ).toEqual(['connect:DescribeInstanc', 'connect:DeleteUsr'])
  })

  it('at the end of a line, cover that line', () => {
    const plain = validate('connect-agents.yaml', yamlTemplate)
    const { read, findings, suppressed } = validate(
      'connect-agents.yaml',
      edited(
        yamlTemplate,
        '- connect:DescribeInstanc\n',
        '- connect:DescribeInstanc # connect-policy-ignore: unknown-action -- retired soon\n',
      ),
    )
    expect(suppressed.map((finding) => where(read, finding))).toEqual([
      ['unknown-action', 'connect:DescribeInstanc', 94],
      ['unknown-action', 'connect:StartAgentAssistPreview', 211],
    ])
    expect(findings.map((finding) => finding.fingerprint)).toEqual(
      plain.findings
        .filter((finding) => finding.code !== 'unknown-action')
        .map((finding) => finding.fingerprint),
    )
  })

  it('name the codes they cover: another code, or none, covers nothing; `all` covers every code', () => {
    const line = '- connect:DescribeInstanc\n'
    for (const [comment, suppressedCount] of [
      ['# connect-policy-ignore: unknown-condition-operator', 1],
      ['# connect-policy-ignore:', 1],
      ['# connect-policy-ignore: all', 2],
      ['# connect-policy-ignore: missing-effect, unknown-action because it is retired', 2],
    ] as const) {
      const { suppressed } = validate(
        'connect-agents.yaml',
        edited(yamlTemplate, line, `- connect:DescribeInstanc ${comment}\n`),
      )
      expect(suppressed, comment).toHaveLength(suppressedCount)
    }
  })

  it('are not read inside a double-quoted string', () => {
    const { read, findings, suppressed } = validate(
      'quoted.yaml',
      oneStatement('["connect:DescribeInstanc", "x # connect-policy-ignore: unknown-action"]'),
    )
    expect(read.comments).toEqual([])
    expect(suppressed).toEqual([])
    expect(findings.map((finding) => covered(read.text, finding.range))).toContain(
      '"connect:DescribeInstanc"',
    )
  })

  it("are not read inside a single-quoted string with an escaped quote (`''`)", () => {
    const { read, suppressed } = validate(
      'quoted.yaml',
      oneStatement(
        "['don''t # connect-policy-ignore: unknown-action, x', connect:DescribeInstanc]",
      ),
    )
    expect(read.comments).toEqual([])
    expect(suppressed).toEqual([])
  })

  it('are not read inside a double-quoted string with an escaped quote (`\\"`)', () => {
    const { read, suppressed } = validate(
      'quoted.yaml',
      oneStatement(
        '["say \\"hi # connect-policy-ignore: unknown-action, x", connect:DescribeInstanc]',
      ),
    )
    expect(read.comments).toEqual([])
    expect(suppressed).toEqual([])
  })

  it('are read after a plain value, but a `#` inside a plain value is not one', () => {
    const { read } = validate(
      'plain.yaml',
      oneStatement('connect:DescribeInstanc#not-a-comment # connect-policy-ignore: all'),
    )
    expect(read.comments).toEqual([
      { text: 'connect-policy-ignore: all', line: 10, trailing: true },
    ])
  })

  it('leave JSON alone: it has no comments', () => {
    const { suppressed } = validate(
      'connect-agents.json',
      testFile('cloudformation/connect-agents.json'),
    )
    expect(suppressed).toEqual([])
  })

  it('and the `suppress` option, which drops codes everywhere', () => {
    const read = readSource({ name: 'connect-agents.yaml', text: yamlTemplate })
    const { findings, suppressed } = validateSource(read, {
      catalog,
      suppress: ['unknown-action'],
    })
    expect(findings.some((finding) => finding.code === 'unknown-action')).toBe(false)
    expect(suppressed).toEqual([])
  })
})

/** The JSON test files and a few made here, each with the fixes they are expected to keep. */
const jsonSources: { name: string; text: string; fixes: number }[] = [
  { name: 'connect-agents.json', text: testFile('cloudformation/connect-agents.json'), fixes: 2 },
  { name: 'cdk.json', text: testFile('cdk/ConnectAgentsStack.template.json'), fixes: 1 },
  { name: 'plan.json', text: testFile('terraform/plan-with-unknowns.json'), fixes: 1 },
  { name: 'state.json', text: testFile('terraform/state.json'), fixes: 1 },
  { name: 'details.json', text: testFile('account/authorization-details.json'), fixes: 1 },
  { name: 'raw.json', text: testFile('account/authorization-details-raw.json'), fixes: 0 },
  { name: 'get-role-policy.json', text: testFile('account/get-role-policy.json'), fixes: 1 },
  {
    name: 'policy.json',
    text: '{"Version": "2012-10-17", "Statement": [{"Sid": "a b", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",}]}',
    fixes: 2,
  },
]

/** The file with a fix's edit applied. */
const applied = (read: ReadSource, finding: SourceFinding): string => {
  const fix = finding.fix
  if (fix === undefined) return read.text
  return (
    read.text.slice(0, fix.range.start.offset) + fix.newText + read.text.slice(fix.range.end.offset)
  )
}

const count = (findings: readonly SourceFinding[], finding: SourceFinding) =>
  findings.filter((entry) => entry.code === finding.code && entry.policy === finding.policy).length

describe('fixes', () => {
  it.each(jsonSources)(
    '$name: each kept fix, applied to the file, removes its finding and leaves the file readable (oracle: reading it again)',
    ({ name, text, fixes }) => {
      const { read, findings } = validate(name, text)
      const fixed = findings.filter((finding) => finding.fix !== undefined)
      expect(fixed).toHaveLength(fixes)
      for (const finding of fixed) {
        const fix = finding.fix
        if (fix === undefined) continue
        // the edit is within the finding's policy
        const policy = read.policies.find((entry) => entry.path === finding.policy)
        expect(fix.range.start.offset).toBeGreaterThanOrEqual(policy?.range.start.offset ?? 0)
        expect(fix.range.end.offset).toBeLessThanOrEqual(policy?.range.end.offset ?? 0)
        const after = validate(name, applied(read, finding))
        expect(after.read.format).toBe(read.format)
        expect(after.read.problems.map((problem) => problem.code)).toEqual(
          read.problems.map((problem) => problem.code),
        )
        if (read.format !== 'policy') expect(() => JSON.parse(after.read.text)).not.toThrow()
        expect(count(after.findings, finding), `${finding.code}: ${fix.title}`).toBe(
          count(findings, finding) - 1,
        )
      }
    },
  )

  it('are never kept for YAML, where the text a fix writes is JSON', () => {
    for (const text of [
      yamlTemplate,
      oneStatement('connect:DescribeInstanc'),
      oneStatement('s3:GetObject').replace('Sid: Quoted', 'Sid: "not a sid"'),
    ]) {
      const { findings } = validate('template.yaml', text)
      expect(findings.length).toBeGreaterThan(0)
      expect(findings.filter((finding) => finding.fix !== undefined)).toEqual([])
    }
  })

  it('inside a policy held as a JSON string, write nothing that breaks the string (oracle: JSON.parse of the fixed file)', () => {
    const policy =
      '{ "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_iam_policy.p',
              mode: 'managed',
              type: 'aws_iam_policy',
              name: 'p',
              values: { policy },
            },
          ],
        },
      },
    }
    const template = {
      Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: policy } } },
    }
    for (const document of [plan, template]) {
      const { read, findings } = validate('file.json', JSON.stringify(document, null, 2))
      expect(findings.map((finding) => finding.code)).toContain('missing-version')
      for (const finding of findings.filter((entry) => entry.fix !== undefined)) {
        const fixed = applied(read, finding)
        expect(() => JSON.parse(fixed), `${finding.code}: ${finding.fix?.newText}`).not.toThrow()
        expect(count(validate('file.json', fixed).findings, finding)).toBe(0)
      }
    }
  })
})

describe('fingerprints', () => {
  const fingerprints = (text: string) =>
    validate('connect-agents.yaml', text).findings.map((finding) => finding.fingerprint)
  const original = validate('connect-agents.yaml', yamlTemplate)

  it('stay as they are when lines are written above the findings', () => {
    expect(fingerprints(`# a comment\n\n# and another\n${yamlTemplate}`)).toEqual(
      original.findings.map((finding) => finding.fingerprint),
    )
    const json = testFile('cloudformation/connect-agents.json')
    const before = validate('connect-agents.json', json).findings
    const after = validate('connect-agents.json', json.replace('{\r\n', '{\r\n\r\n\r\n')).findings
    expect(after.map((finding) => finding.range.start.line)).toEqual(
      before.map((finding) => finding.range.start.line + 2),
    )
    expect(after.map((finding) => finding.fingerprint)).toEqual(
      before.map((finding) => finding.fingerprint),
    )
  })

  it('of one policy stay as they are when another policy is edited', () => {
    const changed = validate(
      'connect-agents.yaml',
      edited(
        yamlTemplate,
        '          - Sid: NoInstanceDeletion\n',
        '          - Sid: Added\n            Effect: Allow\n            Action: connect:ListQueus\n            Resource: "*"\n          - Sid: NoInstanceDeletion\n',
      ),
    )
    const outside = (findings: readonly SourceFinding[]) =>
      findings
        .filter((finding) => !finding.policy.startsWith('Resources.AgentReadOnlyPolicy.'))
        .map((finding) => finding.fingerprint)
    expect(outside(changed.findings)).toEqual(outside(original.findings))
    // the edited policy's own earlier findings keep theirs too
    const inside = (findings: readonly SourceFinding[]) =>
      findings
        .filter(
          (finding) =>
            finding.policy.startsWith('Resources.AgentReadOnlyPolicy.') &&
            finding.code !== 'unknown-action',
        )
        .map((finding) => finding.fingerprint)
    expect(inside(changed.findings)).toEqual(inside(original.findings))
  })

  it('tell apart the same finding in two policies, and twice in one', () => {
    const statement = ['- Effect: Allow', '  Action: connect:DescribeInstanc', '  Resource: "*"']
    const twice = templateYaml(
      ...['A', 'B'].map((id) => managedPolicyYaml(id, [...statement, ...statement])),
    )
    const { findings } = validate('twice.yaml', twice)
    const unknown = findings.filter((finding) => finding.code === 'unknown-action')
    expect(unknown).toHaveLength(4)
    expect(new Set(unknown.map((finding) => finding.fingerprint)).size).toBe(4)
  })

  it('are 16 hexadecimal digits, the same on every run, with these values', () => {
    for (const finding of original.findings) expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprints(yamlTemplate)).toEqual(
      original.findings.map((finding) => finding.fingerprint),
    )
    // the deliberate problems' (the other findings follow the service reference)
    expect(
      original.findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => `${finding.code} ${finding.fingerprint}`),
    ).toMatchInlineSnapshot(`
      [
        "unknown-action f18503b6f72d3335",
        "unknown-condition-operator 5a219cb3a160da2c",
        "missing-effect 23f5f94b21ad7528",
        "unknown-arn-service 5041241434a0a88b",
      ]
    `)
  })
})

describe('validateSource', () => {
  it('validates a policy file as the policy type it is given, and a template’s policies as the template says', () => {
    const trust =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}'
    const read = readSource({ name: 'trust.json', text: trust })
    const codes = (policyType?: 'resource' | 'identity') =>
      validateSource(read, { catalog, ...(policyType === undefined ? {} : { policyType }) })
        .findings.map((finding) => finding.code)
        .sort()
    // an identity policy by default, where a `Principal` has no place
    expect(codes()).toEqual(codes('identity'))
    expect(codes('identity')).not.toEqual(codes('resource'))
    const template = readSource({ name: 'connect-agents.yaml', text: yamlTemplate })
    const summary = (options: Parameters<typeof validateSource>[1]) =>
      validateSource(template, options).findings.map((finding) => finding.fingerprint)
    expect(summary({ catalog, policyType: 'serviceControl' })).toEqual(summary({ catalog }))
  })

  it('skips a policy known only after apply, and a read with no policy', () => {
    const read = readSource({
      name: 'plan.json',
      text: testFile('terraform/plan-with-unknowns.json'),
    })
    const { findings } = validateSource(read, { catalog })
    expect(findings.every((finding) => !finding.policy.includes('supervisor_recordings'))).toBe(
      true,
    )
    expect(validateSource(readSource({ name: 'empty', text: '' }), { catalog })).toEqual({
      findings: [],
      suppressed: [],
    })
  })
})
